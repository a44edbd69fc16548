// Package provenance tells a memo from state by where the stored values
// come from: derived only from the program and the key, every replica
// computes the same thing; loaded from a database on a miss, a cache;
// brought by the request, records or a session.
package provenance

import (
	"crypto/rand"
	"database/sql"
	"embed"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"regexp"
	"sync"
)

//go:embed catalog
var catalogFS embed.FS

var db *sql.DB

// A memo loaded lazily from an embedded FS: silent.
var (
	catalogsMu sync.Mutex
	catalogs   = map[string][]byte{}
)

func catalog(lang string) []byte {
	catalogsMu.Lock()
	defer catalogsMu.Unlock()
	c, ok := catalogs[lang]
	if !ok {
		c, _ = catalogFS.ReadFile("catalog/" + lang + ".json")
		catalogs[lang] = c
	}
	return c
}

func translate(w http.ResponseWriter, r *http.Request) {
	w.Write(catalog(r.URL.Query().Get("lang")))
}

// Its stateful twin: the same get-or-fill, with what the request sent.
var (
	draftsMu sync.Mutex
	drafts   = map[string]string{}
)

func saveDraft(w http.ResponseWriter, r *http.Request) {
	draftsMu.Lock()
	defer draftsMu.Unlock()
	if _, ok := drafts[r.URL.Path]; !ok {
		drafts[r.URL.Path] = r.FormValue("body") // want `in-memory records table drafts is written by handler for "POST /drafts/"`
	}
}

// A regexp memo keyed by its pattern: silent.
var (
	patternsMu sync.Mutex
	patterns   = map[string]*regexp.Regexp{}
)

func compiled(p string) *regexp.Regexp {
	patternsMu.Lock()
	defer patternsMu.Unlock()
	re, ok := patterns[p]
	if !ok {
		re = regexp.MustCompile(regexp.QuoteMeta(p))
		patterns[p] = re
	}
	return re
}

func match(w http.ResponseWriter, r *http.Request) {
	if compiled(r.FormValue("p")).MatchString(r.FormValue("s")) {
		w.Write([]byte("yes"))
	}
}

// A cache of database rows, filled on a miss: a cache, whatever its name.
type profile struct{ Name string }

var (
	profilesMu sync.Mutex
	profiles   = map[string]profile{}
)

func getProfile(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	profilesMu.Lock()
	defer profilesMu.Unlock()
	p, ok := profiles[id]
	if !ok {
		_ = db.QueryRow("SELECT name FROM profiles WHERE id = $1", id).Scan(&p.Name)
		profiles[id] = p // want `in-process cache profiles is written by handler for "GET /profiles/{id}"`
	}
	json.NewEncoder(w).Encode(p)
}

// The clean twin reads the row every time.
func getProfileClean(w http.ResponseWriter, r *http.Request) {
	var p profile
	_ = db.QueryRow("SELECT name FROM profiles WHERE id = $1", r.PathValue("id")).Scan(&p.Name)
	json.NewEncoder(w).Encode(p)
}

// A "cache" filled with what the request brought is records, never a
// cache: the entry exists nowhere else.
var (
	profileCacheMu sync.Mutex
	profileCache   = map[string]profile{}
)

func putProfile(w http.ResponseWriter, r *http.Request) {
	var p profile
	json.NewDecoder(r.Body).Decode(&p)
	profileCacheMu.Lock()
	profileCache[r.PathValue("id")] = p // want `in-memory records table profileCache is written by handler for "PUT /profiles/{id}"`
	profileCacheMu.Unlock()
}

// The clean twin stores it in the database.
func putProfileClean(w http.ResponseWriter, r *http.Request) {
	var p profile
	json.NewDecoder(r.Body).Decode(&p)
	_, _ = db.Exec("UPDATE profiles SET name = $1 WHERE id = $2", p.Name, r.PathValue("id"))
}

// A value the request made, kept under a fresh random key that the
// client gets back: a session, whatever the map is called.
var (
	challengesMu sync.Mutex
	challenges   = map[string][]byte{}
)

func store(id string, answer []byte) {
	challengesMu.Lock()
	challenges[id] = answer // want `in-memory session store challenges is written by handler for "GET /challenge"`
	challengesMu.Unlock()
}

func newChallenge(w http.ResponseWriter, r *http.Request) {
	b := make([]byte, 8)
	rand.Read(b)
	answer := make([]byte, 4)
	rand.Read(answer)
	id := hex.EncodeToString(b)
	store(id, answer)
	w.Write([]byte(id))
}

// Balances updated in place: records, not a cache.
var (
	balancesMu sync.Mutex
	balances   = map[string]int64{}
)

func deposit(w http.ResponseWriter, r *http.Request) {
	var in struct {
		User   string
		Amount int64
	}
	json.NewDecoder(r.Body).Decode(&in)
	balancesMu.Lock()
	balances[in.User] = balances[in.User] + in.Amount // want `in-memory records table balances is written by handler for "POST /deposit"`
	balancesMu.Unlock()
}

// The clean twin updates the row.
func depositClean(w http.ResponseWriter, r *http.Request) {
	var in struct {
		User   string
		Amount int64
	}
	json.NewDecoder(r.Body).Decode(&in)
	_, _ = db.Exec("UPDATE accounts SET balance = balance + $1 WHERE owner = $2", in.Amount, in.User)
}

// A pool of prepared statements by query: silent.
var (
	stmtsMu sync.Mutex
	stmts   = map[string]*sql.Stmt{}
)

func prepared(q string) *sql.Stmt {
	stmtsMu.Lock()
	defer stmtsMu.Unlock()
	s, ok := stmts[q]
	if !ok {
		s, _ = db.Prepare(q)
		stmts[q] = s
	}
	return s
}

func count(w http.ResponseWriter, r *http.Request) {
	var n int
	_ = prepared("SELECT count(*) FROM profiles").QueryRow().Scan(&n)
	json.NewEncoder(w).Encode(n)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /t", translate)
	mux.HandleFunc("POST /drafts/", saveDraft)
	mux.HandleFunc("GET /match", match)
	mux.HandleFunc("GET /profiles/{id}", getProfile)
	mux.HandleFunc("GET /clean/profiles/{id}", getProfileClean)
	mux.HandleFunc("PUT /profiles/{id}", putProfile)
	mux.HandleFunc("PUT /clean/profiles/{id}", putProfileClean)
	mux.HandleFunc("GET /challenge", newChallenge)
	mux.HandleFunc("POST /deposit", deposit)
	mux.HandleFunc("POST /clean/deposit", depositClean)
	mux.HandleFunc("GET /count", count)
	http.ListenAndServe(":8080", mux)
}
