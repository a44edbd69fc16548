package provenance

import (
	"net/http"
	"sync"
)

// Topics made on a miss with what the request names, whose entries then
// gain the subscriptions requests append: a table of records, not a
// cache (a cache entry is replaced whole, never added to). Made by a
// function the program fixed at init, from the name alone, the empty
// topic is the same on every replica; the subscription appended to it
// is what the finding reports.
type topic struct {
	name string
	subs []string
}

var (
	topicsMu  sync.Mutex
	topics    = map[string]*topic{}
	makeTopic func(name string) *topic // chosen in main
)

func subscribe(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("topic")
	topicsMu.Lock()
	defer topicsMu.Unlock()
	t, ok := topics[name]
	if !ok {
		t = makeTopic(name)
		topics[name] = t
	}
	t.subs = append(t.subs, r.FormValue("endpoint")) // want `in-memory records table topics is written by handler for "POST /subscribe"`
}

// Mailboxes whose entries gain messages and count what they were sent:
// the counts sit beside data, so this is a table of records, not of
// counters.
type mailbox struct {
	messages []string
	sent     int
}

var (
	mailboxesMu sync.Mutex
	mailboxes   = map[string]*mailbox{"inbox": {}}
)

func send(w http.ResponseWriter, r *http.Request) {
	mailboxesMu.Lock()
	defer mailboxesMu.Unlock()
	m := mailboxes[r.FormValue("to")]
	m.messages = append(m.messages, r.FormValue("body")) // want `in-memory records table mailboxes is written by handler for "POST /send"`
	m.sent++
}

func init() {
	makeTopic = func(name string) *topic { return &topic{name: name} }
	http.HandleFunc("POST /subscribe", subscribe)
	http.HandleFunc("POST /send", send)
}
