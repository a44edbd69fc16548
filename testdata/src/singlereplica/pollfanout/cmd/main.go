// Command cmd wires a receiver that answers each update by a POST to the
// chat API: every replica polls and answers, so each user gets N answers.
// The loop that only logs what it polls sends nothing (the clean twin).
package main

import (
	"context"
	"log"
	"net/http"
	"strings"
	"time"

	"singlereplica/pollfanout/poll"
)

type answer struct{ client *http.Client }

func (a *answer) Process(ctx context.Context, batch string) error {
	_, err := a.client.Post("https://chat.example.com/sendMessage", "text/plain", strings.NewReader(batch))
	return err
}

type logged struct{}

func (logged) Process(ctx context.Context, batch string) error {
	log.Print(batch)
	return nil
}

func main() {
	ctx := context.Background()
	var receivers []poll.Receiver
	receivers = append(receivers, &answer{client: http.DefaultClient})
	go poll.Dispatch(ctx, http.DefaultClient, receivers, 5*time.Second) // want `ticker loop in Dispatch \(poll/poll.go:\d+:\d+\) runs on every replica and, through Receiver.Process wired here as \*main.answer, sends to an HTTP API`
	go poll.Dispatch(ctx, http.DefaultClient, []poll.Receiver{logged{}}, time.Minute)
	select {}
}
