// Package seeded makes request IDs the way fiber's UUID generator does:
// a counter seeded once from crypto/rand and stepped atomically, so each
// replica draws its own random stream and the IDs are unique across
// replicas by chance: silent. Its twin starts its counter at zero, so
// two replicas hand out the same IDs: reported.
package seeded

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
)

var (
	seed      [16]byte
	counter   uint64
	setup     sync.Once
	invoiceNo uint64
)

func uuid() string {
	setup.Do(func() {
		if _, err := rand.Read(seed[:]); err != nil {
			panic(err)
		}
		counter = binary.LittleEndian.Uint64(seed[:8])
	})
	x := atomic.AddUint64(&counter, 1)
	id := seed
	binary.LittleEndian.PutUint64(id[:8], x)
	return fmt.Sprintf("%x", id)
}

func requestID(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Request-ID", uuid())
}

func invoice(w http.ResponseWriter, r *http.Request) {
	n := atomic.AddUint64(&invoiceNo, 1) // want `in-process counter invoiceNo is written by handler for "POST /invoices"`
	fmt.Fprintf(w, "invoice %d", n)
}

func main() {
	http.HandleFunc("GET /", requestID)
	http.HandleFunc("POST /invoices", invoice)
	http.ListenAndServe(":8080", nil)
}
