// Package chi is a chi v5 service that keeps state in process memory and on
// local disk: one case per seed mistake. clean.go has the clean twin of each.
package chi

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/coder/websocket"
	"github.com/didip/tollbooth/v7"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/httprate"
	"golang.org/x/time/rate"
)

// (1) A request counter.
var requestCount int

func handleData(w http.ResponseWriter, r *http.Request) {
	requestCount++ // want "in-process counter requestCount is written by handler for \"GET /api/data\""
	fmt.Fprintf(w, "request %d", requestCount)
}

// (2) Sessions in a map, written at login and read by another handler.
var (
	sessionsMu sync.Mutex
	sessions   = map[string]string{}
)

func handleLogin(w http.ResponseWriter, r *http.Request) {
	token := newToken()
	sessionsMu.Lock()
	sessions[token] = r.FormValue("user") // want "in-memory session store sessions is written by handler for \"POST /login\""
	sessionsMu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: "session", Value: token, HttpOnly: true})
}

func handleMe(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("session")
	if err != nil {
		http.Error(w, "not logged in", http.StatusUnauthorized)
		return
	}
	sessionsMu.Lock()
	user, ok := sessions[c.Value]
	sessionsMu.Unlock()
	if !ok {
		http.Error(w, "not logged in", http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, user)
}

// (3) A get-or-load user cache.
type User struct {
	ID   string
	Name string
}

var (
	userCacheMu sync.Mutex
	userCache   = map[string]*User{}
)

func handleUser(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "id")
	userCacheMu.Lock()
	defer userCacheMu.Unlock()
	u, ok := userCache[id]
	if !ok {
		u = loadUser(id)
		userCache[id] = u // want "in-process cache userCache is written by handler for \"GET /users/{id}\""
	}
	fmt.Fprintln(w, u.Name)
}

// usersDB is the database users are loaded from.
var usersDB *sql.DB

func loadUser(id string) *User {
	u := &User{ID: id}
	_ = usersDB.QueryRow("SELECT name FROM users WHERE id = $1", id).Scan(&u.Name)
	return u
}

// (4) A work queue: a handler appends to a slice that a worker started in
// main drains.
var (
	backlogMu sync.Mutex
	backlog   []string
)

func handleEnqueue(w http.ResponseWriter, r *http.Request) {
	backlogMu.Lock()
	backlog = append(backlog, r.FormValue("task")) // want "in-process queue backlog is written by handler for \"POST /jobs\""
	backlogMu.Unlock()
	w.WriteHeader(http.StatusAccepted)
}

func worker() {
	for {
		backlogMu.Lock()
		batch := backlog
		backlog = nil
		backlogMu.Unlock()
		for _, task := range batch {
			fmt.Println("processing", task)
		}
		time.Sleep(time.Second)
	}
}

// (5) An upload saved to local disk.
func handleUpload(w http.ResponseWriter, r *http.Request) {
	f, hdr, err := r.FormFile("file")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	os.WriteFile(filepath.Join("uploads", filepath.Base(hdr.Filename)), data, 0o644) // want "handler for \"POST /upload\" writes a local file with os.WriteFile"
}

// (6) Step 1 stores the form; step 2, another request, reads it back.
type signup struct {
	Email string
	Name  string
}

var lastSignup signup

func handleStep1(w http.ResponseWriter, r *http.Request) {
	lastSignup = signup{Email: r.FormValue("email")} // want "mutable server variable lastSignup is written by handler for \"POST /signup/step1\""
}

func handleStep2(w http.ResponseWriter, r *http.Request) {
	s := lastSignup
	s.Name = r.FormValue("name")
	fmt.Fprintf(w, "welcome %s <%s>", s.Name, s.Email)
}

// (7) A handler method on a long-lived server writes a field.
type Server struct {
	mu    sync.Mutex
	carts map[string][]string
}

func (s *Server) handleAddToCart(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	s.mu.Lock()
	s.carts[user] = append(s.carts[user], r.FormValue("item")) // want "in-memory session store Server.carts is written by handler for \"POST /cart\""
	s.mu.Unlock()
}

// (8) A handler closure that counts in a captured variable.
func newHitsHandler() http.HandlerFunc {
	hits := 0
	return func(w http.ResponseWriter, r *http.Request) {
		hits++ // want "in-process counter hits is written by handler for \"/hits\""
		fmt.Fprintf(w, "%d hits", hits)
	}
}

// (9) A rate limiter per client IP.
var (
	limitersMu sync.Mutex
	limiters   = map[string]*rate.Limiter{}
)

func limiterFor(ip string) *rate.Limiter {
	limitersMu.Lock()
	defer limitersMu.Unlock()
	lim, ok := limiters[ip]
	if !ok {
		lim = rate.NewLimiter(1, 5)
		limiters[ip] = lim // want "per-client rate limiter in memory limiters is written by handler for \"GET /api/limited\""
	}
	return lim
}

func handleLimited(w http.ResponseWriter, r *http.Request) {
	ip, _, _ := net.SplitHostPort(r.RemoteAddr)
	if !limiterFor(ip).Allow() {
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	}
	fmt.Fprintln(w, "ok")
}

// (10) A websocket registry: the ws handler adds, the broadcast handler
// iterates.
var (
	clientsMu sync.Mutex
	clients   = map[*websocket.Conn]struct{}{}
)

func handleWS(w http.ResponseWriter, r *http.Request) {
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	clientsMu.Lock()
	clients[conn] = struct{}{} // want "in-process connection registry clients is written by handler for \"GET /ws\""
	clientsMu.Unlock()
}

func handleBroadcast(w http.ResponseWriter, r *http.Request) {
	msg := []byte(r.FormValue("msg"))
	clientsMu.Lock()
	defer clientsMu.Unlock()
	for c := range clients {
		c.Write(r.Context(), websocket.MessageText, msg)
	}
}

func newToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func main() {
	srv := &Server{carts: map[string][]string{}}
	r := chi.NewRouter()
	// (11) httprate counts requests per client address in this process.
	r.Use(httprate.LimitByIP(100, time.Minute)) // want "per-client rate limiter in memory httprate.LimitByIP is written by every request it limits"
	// (11b) tollbooth keeps a token bucket per client address in this
	// process, whatever middleware adapter hands it the requests.
	lmt := tollbooth.NewLimiter(2, nil) // want "per-client rate limiter in memory tollbooth.NewLimiter is written by every request it limits"
	r.With(func(next http.Handler) http.Handler { return tollbooth.LimitHandler(lmt, next) }).Post("/comments", handleData)
	r.Route("/api", func(r chi.Router) {
		r.Get("/data", handleData)
		r.Get("/limited", handleLimited)
	})
	r.Post("/login", handleLogin)
	r.Get("/me", handleMe)
	r.Get("/users/{id}", handleUser)
	r.Post("/jobs", handleEnqueue)
	r.Post("/upload", handleUpload)
	r.Group(func(r chi.Router) {
		r.Post("/signup/step1", handleStep1)
		r.Method("POST", "/signup/step2", http.HandlerFunc(handleStep2))
	})
	r.Post("/cart", srv.handleAddToCart)
	r.Handle("/hits", newHitsHandler())
	r.Get("/ws", handleWS)
	r.Post("/broadcast", handleBroadcast)
	r.Mount("/v2", cleanRouter())

	go worker()
	http.ListenAndServe(":8080", r)
}
