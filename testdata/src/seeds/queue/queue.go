// Package queue is seed 002's "long-lived process state" (a processing
// queue in a slice drained by a background worker) and seed 001's
// per-user SMS queue, plus a channel-backed job queue.
package queue

import (
	"net/http"
	"sync"
	"time"
)

var (
	mu              sync.Mutex
	processingQueue []string
	smsQueue        = map[string][]string{}
	work            = make(chan string, 100)
)

func process(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	processingQueue = append(processingQueue, r.FormValue("jobId")) // want `in-process queue processingQueue is written by handler for "POST /process": work queued on one replica is invisible to the others.*use a durable queue such as Kafka, RabbitMQ or Redis streams`
	mu.Unlock()
}

func pay(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	mu.Lock()
	smsQueue[user] = append(smsQueue[user], "Payment Sent") // want `in-process queue smsQueue is written by handler for "POST /pay"`
	mu.Unlock()
}

func enqueue(w http.ResponseWriter, r *http.Request) {
	work <- r.FormValue("task") // want `in-process queue work is written by handler for "POST /enqueue"`
}

// tryEnqueue queues without blocking: a send in a select is a send.
func tryEnqueue(w http.ResponseWriter, r *http.Request) {
	select {
	case work <- r.FormValue("task"): // want `in-process queue work is written by handler for "POST /try-enqueue"`
	default:
		http.Error(w, "queue full", http.StatusServiceUnavailable)
	}
}

func worker() {
	for {
		mu.Lock()
		if len(processingQueue) > 0 {
			processingQueue = processingQueue[1:]
		}
		for user := range smsQueue {
			delete(smsQueue, user)
		}
		mu.Unlock()
		time.Sleep(time.Second)
	}
}

func main() {
	go worker()
	go func() {
		for range work {
		}
	}()
	http.HandleFunc("POST /process", process)
	http.HandleFunc("POST /pay", pay)
	http.HandleFunc("POST /enqueue", enqueue)
	http.HandleFunc("POST /try-enqueue", tryEnqueue)
	http.ListenAndServe(":8080", nil)
}
