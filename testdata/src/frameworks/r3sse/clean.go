package r3sse

import (
	"database/sql"
	"fmt"
	"net/http"
)

// The clean twin: each request streams what it reads from the database
// for its own client, and keeps no subscriber list.
func cleanStream(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		flusher, ok := w.(http.Flusher)
		if !ok {
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		var body string
		db.QueryRowContext(r.Context(), "SELECT body FROM events ORDER BY id DESC LIMIT 1").Scan(&body)
		fmt.Fprintf(w, "data: %s\n\n", body)
		flusher.Flush()
	}
}

func cleanSetup(db *sql.DB) {
	http.HandleFunc("/v2/events", cleanStream(db))
}
