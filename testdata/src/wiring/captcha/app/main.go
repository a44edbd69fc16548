// Command app serves captchas from the library's default in-memory store.
package main

import (
	"net/http"

	"wiring/captcha/captcha"
	"wiring/captcha/maker"
)

var store = captcha.DefaultMemStore // want `in-(memory|process) [a-z ]+ memoryStore.digitsByID of captcha.DefaultMemStore is written by handler for "POST /api/generate" through Store.Set: ` `in-(memory|process) [a-z ]+ memoryStore.digitsByID of captcha.DefaultMemStore is written by handler for "POST /api/verify" through Store.Verify: `

// generate builds a captcha maker per request over the long-lived store.
func generate(w http.ResponseWriter, r *http.Request) {
	c := maker.NewCaptcha(store)
	w.Write([]byte(c.Generate(r.FormValue("id"))))
}

func verify(w http.ResponseWriter, r *http.Request) {
	if !store.Verify(r.FormValue("id"), r.FormValue("answer"), true) {
		http.Error(w, "wrong answer", http.StatusForbidden)
	}
}

func main() {
	http.HandleFunc("POST /api/generate", generate)
	http.HandleFunc("POST /api/verify", verify)
	http.ListenAndServe(":8080", nil)
}
