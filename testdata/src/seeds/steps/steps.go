// Package steps is seed 002's "assuming request order": step1 keeps form
// data in server memory for step2.
package steps

import (
	"net/http"
	"sync"
)

type form struct{ Name, Email string }

var serverMemory struct {
	sync.Mutex
	step1Data form
}

func step1(w http.ResponseWriter, r *http.Request) {
	serverMemory.Lock()
	serverMemory.step1Data = form{Name: r.FormValue("name")} // want `mutable server variable serverMemory.step1Data is written by handler for "POST /step1"`
	serverMemory.Unlock()
}

func step2(w http.ResponseWriter, r *http.Request) {
	serverMemory.Lock()
	step1 := serverMemory.step1Data
	serverMemory.Unlock()
	w.Write([]byte(step1.Name + r.FormValue("email")))
}

func main() {
	http.HandleFunc("POST /step1", step1)
	http.HandleFunc("POST /step2", step2)
	http.ListenAndServe(":8080", nil)
}
