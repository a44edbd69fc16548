// Package gocronjobs schedules jobs with gocron, one that every replica
// repeats and one whose repetition changes nothing.
package gocronjobs

import (
	"bytes"
	"net/http"
	"time"

	"github.com/go-co-op/gocron/v2"
	"github.com/redis/go-redis/v9"
)

var rdb = redis.NewClient(&redis.Options{})

func Start() {
	s, _ := gocron.NewScheduler()
	s.NewJob(gocron.DurationJob(time.Hour), gocron.NewTask(chargeSubscriptions)) // want `gocron job chargeSubscriptions scheduled with gocron.NewTask runs on every replica and sends to an HTTP API`
	s.NewJob(gocron.DurationJob(time.Minute), gocron.NewTask(func() {            // a SET of the same value, repeated: clean
		rdb.Set(nil, "heartbeat:scheduler", "ok", time.Minute)
	}))
	s.Start()
}

func chargeSubscriptions() {
	http.Post("https://payments.example.com/v1/charges", "application/json", bytes.NewReader([]byte(`{"plan":"pro"}`)))
}
