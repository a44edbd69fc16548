// Command app serves captchas from the library's default in-memory store.
package main

import (
	"net/http"

	"wiring/captcha/captcha"
)

var store = captcha.DefaultMemStore // want `in-(memory|process) [a-z ]+ captcha.DefaultMemStore \(memoryStore.digitsByID\) is written by handler for "POST /api/verify" through Store.Verify: `

func verify(w http.ResponseWriter, r *http.Request) {
	if !store.Verify(r.FormValue("id"), r.FormValue("answer"), true) {
		http.Error(w, "wrong answer", http.StatusForbidden)
	}
}

func main() {
	http.HandleFunc("POST /api/verify", verify)
	http.ListenAndServe(":8080", nil)
}
