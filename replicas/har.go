package replicas

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// The parts of a HAR 1.2 file (http://www.softwareishard.com/blog/har-12-spec/)
// a journey is made of.
type (
	harFile struct {
		Log struct {
			Entries []harEntry `json:"entries"`
		} `json:"log"`
	}
	harEntry struct {
		Request struct {
			Method   string      `json:"method"`
			URL      string      `json:"url"`
			Headers  []harHeader `json:"headers"`
			PostData *struct {
				MimeType string `json:"mimeType"`
				Text     string `json:"text"`
			} `json:"postData"`
		} `json:"request"`
	}
	harHeader struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	}
)

// ParseHAR turns a HAR file, as a browser's developer tools export it,
// into a journey: one step per request to the origin of the first request,
// in order. Requests to other origins (CDNs, analytics) are left out, and
// so are the headers the harness sets itself: cookies, which its jar
// keeps, Host, lengths, encodings and HTTP/2 pseudo-headers.
func ParseHAR(data []byte) (*Journey, error) {
	var har harFile
	if err := json.Unmarshal(data, &har); err != nil {
		return nil, fmt.Errorf("not a HAR file: %v", err)
	}
	j := &Journey{}
	origin := ""
	for _, e := range har.Log.Entries {
		u, err := url.Parse(e.Request.URL)
		if err != nil || u.Host == "" {
			return nil, fmt.Errorf("HAR entry with URL %q: not absolute", e.Request.URL)
		}
		if origin == "" {
			origin = u.Scheme + "://" + u.Host
		}
		if u.Scheme+"://"+u.Host != origin {
			continue
		}
		j.Steps = append(j.Steps, harStep(e, u))
	}
	if err := j.Validate(); err != nil {
		return nil, err
	}
	return j, nil
}

func harStep(e harEntry, u *url.URL) Step {
	s := Step{Method: strings.ToUpper(e.Request.Method), Path: u.EscapedPath()}
	if s.Path == "" {
		s.Path = "/"
	}
	if u.RawQuery != "" {
		s.Path += "?" + u.RawQuery
	}
	for _, h := range e.Request.Headers {
		if keepHeader(h.Name) {
			if s.Headers == nil {
				s.Headers = map[string]string{}
			}
			s.Headers[http.CanonicalHeaderKey(h.Name)] = h.Value
		}
	}
	if pd := e.Request.PostData; pd != nil && pd.Text != "" {
		s.Body = pd.Text
		if pd.MimeType != "" {
			if s.Headers == nil {
				s.Headers = map[string]string{}
			}
			s.Headers["Content-Type"] = pd.MimeType
		}
	}
	return s
}

// keepHeader reports whether a recorded request header is the user's to
// replay rather than the client's to set.
func keepHeader(name string) bool {
	if strings.HasPrefix(name, ":") {
		return false
	}
	switch http.CanonicalHeaderKey(name) {
	case "Cookie", "Host", "Content-Length", "Accept-Encoding", "Connection", "Keep-Alive",
		"Transfer-Encoding", "Upgrade", "Te", "If-None-Match", "If-Modified-Since":
		return false
	}
	return true
}
