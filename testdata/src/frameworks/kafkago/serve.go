package kafkago

import (
	"context"
	"net/http"

	"github.com/segmentio/kafka-go"
)

var (
	mode    string
	lastKey string
)

// (3) A process that serves HTTP and consumes in one function: the
// handler it registers before the loop captures a map made at setup, and
// what it sets before the loop is setup too.
func serveAndConsume(ctx context.Context, r *kafka.Reader) {
	hits := map[string]int{}
	http.HandleFunc("/hits", func(w http.ResponseWriter, req *http.Request) {
		hits[req.URL.Path]++ // want `hits is written by handler for "/hits"`
	})
	mode = "consuming"
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return
		}
		lastKey = string(m.Key) // want `lastKey is written by consumer loop in serveAndConsume`
	}
}
