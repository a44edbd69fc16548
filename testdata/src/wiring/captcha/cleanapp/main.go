// Command cleanapp serves captchas from Redis and from fixed answers: the
// clean twins of app.
package main

import (
	"net/http"

	"github.com/redis/go-redis/v9"

	"wiring/captcha/captcha"
)

var store = captcha.NewRedisStore(redis.NewClient(&redis.Options{Addr: "redis:6379"}))

var fixed = captcha.NewFixedStore(map[string]string{"demo": "1234"})

func verify(w http.ResponseWriter, r *http.Request) {
	if !store.Verify(r.FormValue("id"), r.FormValue("answer"), true) {
		http.Error(w, "wrong answer", http.StatusForbidden)
	}
}

func demo(w http.ResponseWriter, r *http.Request) {
	if !fixed.Verify("demo", r.FormValue("answer"), false) {
		http.Error(w, "wrong answer", http.StatusForbidden)
	}
}

func main() {
	http.HandleFunc("POST /api/verify", verify)
	http.HandleFunc("POST /api/demo", demo)
	http.ListenAndServe(":8080", nil)
}
