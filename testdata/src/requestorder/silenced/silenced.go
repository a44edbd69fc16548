// Package silenced keeps a signup flow's first step in memory for its
// second, keyed by the flow's cookie. The write is accepted for memstore
// (the review judged the table itself), so no write finding tells the
// story of step two, which assumes it reaches the replica that served
// step one: requestorder reports that once per reading handler.
package silenced

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"sync"
)

type signup struct{ Email, Plan string }

var (
	mu sync.Mutex
	//statelint:ignore memstore the flow is short and the balancer is sticky for it, reviewed in SEC-12
	flows = map[string]*signup{}
)

func newID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func step1(w http.ResponseWriter, r *http.Request) {
	id := newID()
	mu.Lock()
	flows[id] = &signup{Email: r.FormValue("email")}
	mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: "flow", Value: id})
}

func step2(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("flow")
	if err != nil {
		return
	}
	mu.Lock()
	s, ok := flows[c.Value] // want `handler for "POST /signup/step2" reads flows that handler for "POST /signup/step1" keeps in process memory: the next request may reach a replica that never saw the first one`
	if ok {
		s = flows[c.Value]
	}
	mu.Unlock()
	if s != nil {
		w.Write([]byte(s.Email + r.FormValue("plan")))
	}
}

func main() {
	http.HandleFunc("POST /signup/step1", step1)
	http.HandleFunc("POST /signup/step2", step2)
	http.ListenAndServe(":8080", nil)
}
