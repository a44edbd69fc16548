package replicas

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"time"
)

// newClient is a browser for one pass: a fresh cookie jar, no redirects
// followed (a redirect is a step's answer, and the next request a step of
// its own), and a timeout per request.
func newClient(timeout time.Duration) *http.Client {
	jar, _ := cookiejar.New(nil) // never fails without options
	return &http.Client{
		Jar:       secureJar{jar},
		Timeout:   timeout,
		Transport: &http.Transport{DisableKeepAlives: false, MaxIdleConnsPerHost: 4},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// secureJar treats the loopback proxy as a secure origin, as browsers treat
// localhost, so that cookies a production service marks Secure are kept
// and sent over plain HTTP.
type secureJar struct{ jar http.CookieJar }

func (j secureJar) SetCookies(u *url.URL, cookies []*http.Cookie) {
	j.jar.SetCookies(secure(u), cookies)
}

func (j secureJar) Cookies(u *url.URL) []*http.Cookie { return j.jar.Cookies(secure(u)) }

func secure(u *url.URL) *url.URL {
	s := *u
	s.Scheme = "https"
	return &s
}
