// Package gorillamux is a gorilla/mux service that keeps state in process
// memory and on local disk: one case per seed mistake. clean.go has the
// clean twin of each.
package gorillamux

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

	"github.com/gorilla/mux"
	"github.com/gorilla/websocket"
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
	id := mux.Vars(r)["id"]
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

// (4) A work queue: a handler sends, a worker started in main receives.
var workQueue = make(chan string, 100)

func handleEnqueue(w http.ResponseWriter, r *http.Request) {
	workQueue <- r.FormValue("task") // want "in-process queue workQueue is written by handler for \"POST /jobs\""
	w.WriteHeader(http.StatusAccepted)
}

func worker() {
	for task := range workQueue {
		fmt.Println("processing", task)
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
	dst, err := os.Create(filepath.Join("uploads", filepath.Base(hdr.Filename))) // want "handler for \"POST /upload\" writes a local file with os.Create"
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer dst.Close()
	io.Copy(dst, f)
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
	upgrader  = websocket.Upgrader{}
	clientsMu sync.Mutex
	clients   = map[*websocket.Conn]bool{}
)

func handleWS(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	clientsMu.Lock()
	clients[conn] = true // want "in-process connection registry clients is written by handler for \"GET /ws\""
	clientsMu.Unlock()
}

func handleBroadcast(w http.ResponseWriter, r *http.Request) {
	msg := []byte(r.FormValue("msg"))
	clientsMu.Lock()
	defer clientsMu.Unlock()
	for c := range clients {
		c.WriteMessage(websocket.TextMessage, msg)
	}
}

func newToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func main() {
	srv := &Server{carts: map[string][]string{}}
	r := mux.NewRouter()
	api := r.PathPrefix("/api").Subrouter()
	api.HandleFunc("/data", handleData).Methods("GET")
	api.HandleFunc("/limited", handleLimited).Methods("GET")
	r.HandleFunc("/login", handleLogin).Methods("POST")
	r.HandleFunc("/me", handleMe).Methods("GET")
	r.HandleFunc("/users/{id}", handleUser).Methods("GET")
	r.HandleFunc("/jobs", handleEnqueue).Methods("POST")
	r.HandleFunc("/upload", handleUpload).Methods("POST")
	r.HandleFunc("/signup/step1", handleStep1).Methods("POST")
	r.HandleFunc("/signup/step2", handleStep2).Methods("POST")
	r.HandleFunc("/cart", srv.handleAddToCart).Methods("POST")
	r.Handle("/hits", newHitsHandler())
	r.HandleFunc("/ws", handleWS).Methods("GET")
	r.HandleFunc("/broadcast", handleBroadcast).Methods("POST")
	cleanRoutes(r.PathPrefix("/v2").Subrouter())
	sessionRoutes(r)

	go worker()
	http.ListenAndServe(":8080", r)
}
