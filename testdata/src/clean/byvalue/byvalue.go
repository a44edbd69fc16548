// Package byvalue is the clean twin of memstore/byvalue: handler values
// registered by value and by pointer whose fields hold only read-only
// configuration and a database client, and a per-request scratch map.
package byvalue

import (
	"database/sql"
	"net/http"
)

type config struct {
	greeting string
	limits   map[string]int
}

type wsHandler struct{ cfg *config }

func (h wsHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	seen := map[string]bool{}
	seen[r.RemoteAddr] = true
	w.Write([]byte(h.cfg.greeting))
	_ = h.cfg.limits[r.FormValue("plan")]
}

type apiHandler struct{ db *sql.DB }

func (h *apiHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.db.ExecContext(r.Context(), "INSERT INTO items (id, v) VALUES ($1, $2)", r.FormValue("id"), r.FormValue("v"))
}

func main() {
	cfg := &config{greeting: "hi", limits: map[string]int{"free": 10}}
	db, _ := sql.Open("postgres", "postgres://db/app")
	http.Handle("/ws", wsHandler{cfg: cfg})
	http.Handle("/api", &apiHandler{db: db})
	http.ListenAndServe(":8080", nil)
}
