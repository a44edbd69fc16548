// Package poll fetches updates from a chat API on a ticker and hands
// each batch to receivers the program wires in; poll cannot see which.
package poll

import (
	"context"
	"net/http"
	"time"
)

// Receiver handles a batch of updates.
type Receiver interface {
	Process(ctx context.Context, batch string) error
}

// Dispatch polls every period until ctx ends.
func Dispatch(ctx context.Context, client *http.Client, receivers []Receiver, period time.Duration) {
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			resp, err := client.Get("https://chat.example.com/getUpdates")
			if err != nil {
				continue
			}
			resp.Body.Close()
			for _, r := range receivers {
				r.Process(ctx, resp.Status)
			}
		}
	}
}
