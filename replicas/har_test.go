package replicas

import (
	"testing"
)

const har = `{"log": {"version": "1.2", "entries": [
 {"request": {"method": "post", "url": "http://localhost:8080/login",
   "headers": [{"name": "Content-Type", "value": "application/x-www-form-urlencoded"},
               {"name": "Cookie", "value": "old=1"}, {"name": ":authority", "value": "localhost:8080"},
               {"name": "accept", "value": "text/html"}],
   "postData": {"mimeType": "application/x-www-form-urlencoded", "text": "user=ana"}}},
 {"request": {"method": "GET", "url": "https://cdn.example.com/app.js", "headers": []}},
 {"request": {"method": "GET", "url": "http://localhost:8080/cart?page=2", "headers": [{"name": "Host", "value": "localhost:8080"}]}}
]}}`

func TestParseHAR(t *testing.T) {
	j, err := ParseHAR([]byte(har))
	if err != nil {
		t.Fatal(err)
	}
	if len(j.Steps) != 2 {
		t.Fatalf("%d steps, want 2 (the CDN left out): %+v", len(j.Steps), j.Steps)
	}
	login, cart := j.Steps[0], j.Steps[1]
	if login.Method != "POST" || login.Path != "/login" || login.Body != "user=ana" {
		t.Errorf("login %+v", login)
	}
	if len(login.Headers) != 2 || login.Headers["Accept"] != "text/html" || login.Headers["Content-Type"] != "application/x-www-form-urlencoded" {
		t.Errorf("login headers %v, want Accept and Content-Type only", login.Headers)
	}
	if cart.Path != "/cart?page=2" || cart.Headers != nil {
		t.Errorf("cart %+v", cart)
	}
}

func TestParseHARErrors(t *testing.T) {
	for _, data := range []string{`not json`, `{"log": {"entries": []}}`, `{"log": {"entries": [{"request": {"url": "/relative"}}]}}`} {
		if _, err := ParseHAR([]byte(data)); err == nil {
			t.Errorf("%s: parsed", data)
		}
	}
}
