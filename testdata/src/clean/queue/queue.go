// Package queue is the clean twin of seeds/queue: jobs go to a Redis
// stream, SMS notifications to a Redis list drained by workers anywhere;
// a per-request channel fans work out within one request.
package queue

import (
	"net/http"
	"sync"

	"github.com/redis/go-redis/v9"
)

var rdb *redis.Client

func process(w http.ResponseWriter, r *http.Request) {
	rdb.XAdd(r.Context(), &redis.XAddArgs{Stream: "jobs", Values: map[string]any{"id": r.FormValue("jobId")}})
}

func pay(w http.ResponseWriter, r *http.Request) {
	rdb.LPush(r.Context(), "sms:"+r.FormValue("user"), "Payment Sent")
}

func resize(w http.ResponseWriter, r *http.Request) {
	results := make(chan string, 3)
	var wg sync.WaitGroup
	for _, size := range []string{"s", "m", "l"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- size
		}()
	}
	wg.Wait()
	close(results)
	for s := range results {
		w.Write([]byte(s))
	}
}

func main() {
	rdb = redis.NewClient(&redis.Options{})
	http.HandleFunc("POST /process", process)
	http.HandleFunc("POST /pay", pay)
	http.HandleFunc("POST /resize", resize)
	http.ListenAndServe(":8080", nil)
}
