package handoff

import "net/http"

// An actor: the hub's loop runs the operations handlers queue for it, on
// the hub. What an operation writes through its parameter is the hub's
// own table, written on behalf of the request that queued it.
type actor struct {
	ops       chan func(*actor)
	listeners map[*Sub]bool
}

func newActor() *actor {
	a := &actor{ops: make(chan func(*actor), 16), listeners: map[*Sub]bool{}}
	go a.loop()
	return a
}

func (a *actor) loop() {
	for op := range a.ops {
		op(a)
	}
}

func (a *actor) add(s *Sub) {
	a.ops <- func(a *actor) {
		a.listeners[s] = true // want `in-process connection registry hub.listeners is written by handler for "/listen"`
	}
}

// count queues an operation that only reads: silent.
func (a *actor) count(reply chan int) {
	a.ops <- func(a *actor) {
		reply <- len(a.listeners)
	}
}

var hub = newActor()

func listen(w http.ResponseWriter, r *http.Request) {
	s := &Sub{events: make(chan Event, 8)}
	hub.add(s)
	for e := range s.events {
		w.Write([]byte(e.ID))
	}
}

func listeners(w http.ResponseWriter, r *http.Request) {
	reply := make(chan int)
	hub.count(reply)
	<-reply
}

func init() {
	http.HandleFunc("/listen", listen)
	http.HandleFunc("/listeners", listeners)
}

// A queue of jobs is work waiting in this process, though each job is a
// function too: it takes nothing of its queue's owner to run on.
type worker struct {
	jobs chan func()
}

var mailer = &worker{jobs: make(chan func(), 64)}

func signup(w http.ResponseWriter, r *http.Request) {
	to := r.FormValue("email")
	mailer.jobs <- func() { w.Write([]byte(to)) } // want `in-process queue mailer.jobs is written by handler for "/signup"`
}

func init() {
	http.HandleFunc("/signup", signup)
}
