// Package fasthttp is a fasthttp service that keeps state in process memory
// and on local disk: one case per seed mistake. clean.go has the clean twin
// of each. fasthttp has no router: handlers are found by signature and
// named by function.
package fasthttp

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"sync"

	"github.com/fasthttp/websocket"
	"github.com/valyala/fasthttp"
	"golang.org/x/time/rate"
)

// (1) A request counter.
var requestCount int

func handleData(ctx *fasthttp.RequestCtx) {
	requestCount++ // want "in-process counter requestCount is written by handler handleData"
	fmt.Fprintf(ctx, "request %d", requestCount)
}

// (2) Sessions in a map, written at login and read by another handler.
var (
	sessionsMu sync.Mutex
	sessions   = map[string]string{}
)

func handleLogin(ctx *fasthttp.RequestCtx) {
	token := newToken()
	sessionsMu.Lock()
	sessions[token] = string(ctx.FormValue("user")) // want "in-memory session store sessions is written by handler handleLogin"
	sessionsMu.Unlock()
	ctx.WriteString(token)
}

func handleMe(ctx *fasthttp.RequestCtx) {
	token := string(ctx.Request.Header.Cookie("session"))
	sessionsMu.Lock()
	user, ok := sessions[token]
	sessionsMu.Unlock()
	if !ok {
		ctx.Error("not logged in", fasthttp.StatusUnauthorized)
		return
	}
	ctx.WriteString(user)
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

func handleUser(ctx *fasthttp.RequestCtx) {
	id := string(ctx.QueryArgs().Peek("id"))
	userCacheMu.Lock()
	defer userCacheMu.Unlock()
	u, ok := userCache[id]
	if !ok {
		u = loadUser(id)
		userCache[id] = u // want "in-process cache userCache is written by handler handleUser"
	}
	ctx.WriteString(u.Name)
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

func handleEnqueue(ctx *fasthttp.RequestCtx) {
	workQueue <- string(ctx.FormValue("task")) // want "in-process queue workQueue is written by handler handleEnqueue"
	ctx.SetStatusCode(fasthttp.StatusAccepted)
}

func worker() {
	for task := range workQueue {
		fmt.Println("processing", task)
	}
}

// (5) An upload saved to local disk.
func handleUpload(ctx *fasthttp.RequestCtx) {
	fh, err := ctx.FormFile("file")
	if err != nil {
		ctx.Error(err.Error(), fasthttp.StatusBadRequest)
		return
	}
	fasthttp.SaveMultipartFile(fh, filepath.Join("uploads", filepath.Base(fh.Filename))) // want "handler handleUpload writes a local file with fasthttp.SaveMultipartFile"
}

// (6) Step 1 stores the form; step 2, another request, reads it back.
type signup struct {
	Email string
	Name  string
}

var lastSignup signup

func handleStep1(ctx *fasthttp.RequestCtx) {
	lastSignup = signup{Email: string(ctx.FormValue("email"))} // want "mutable server variable lastSignup is written by handler handleStep1"
}

func handleStep2(ctx *fasthttp.RequestCtx) {
	s := lastSignup
	s.Name = string(ctx.FormValue("name"))
	fmt.Fprintf(ctx, "welcome %s <%s>", s.Name, s.Email)
}

// (7) A handler method on a long-lived server writes a field.
type Server struct {
	mu    sync.Mutex
	carts map[string][]string
}

func (s *Server) handleAddToCart(ctx *fasthttp.RequestCtx) {
	user := string(ctx.FormValue("user"))
	s.mu.Lock()
	s.carts[user] = append(s.carts[user], string(ctx.FormValue("item"))) // want "in-memory session store Server.carts is written by handler \\(\\*Server\\)\\.handleAddToCart"
	s.mu.Unlock()
}

// (8) A handler closure built by a constructor counts in a captured
// variable.
func newHitsHandler() fasthttp.RequestHandler {
	hits := 0
	return func(ctx *fasthttp.RequestCtx) {
		hits++ // want "in-process counter hits is written by handler newHitsHandler.func1"
		fmt.Fprintf(ctx, "%d hits", hits)
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
		limiters[ip] = lim // want "per-client rate limiter in memory limiters is written by handler handleLimited"
	}
	return lim
}

func handleLimited(ctx *fasthttp.RequestCtx) {
	if !limiterFor(ctx.RemoteIP().String()).Allow() {
		ctx.Error("slow down", fasthttp.StatusTooManyRequests)
		return
	}
	ctx.WriteString("ok")
}

// (10) A websocket registry: the ws handler adds, the broadcast handler
// iterates.
var (
	upgrader  = websocket.FastHTTPUpgrader{}
	clientsMu sync.Mutex
	clients   = map[*websocket.Conn]bool{}
)

func handleWS(ctx *fasthttp.RequestCtx) {
	upgrader.Upgrade(ctx, func(conn *websocket.Conn) {
		clientsMu.Lock()
		clients[conn] = true // want "in-process connection registry clients is written by handler handleWS"
		clientsMu.Unlock()
		for {
			if _, _, err := conn.ReadMessage(); err != nil {
				return
			}
		}
	})
}

func handleBroadcast(ctx *fasthttp.RequestCtx) {
	msg := ctx.FormValue("msg")
	clientsMu.Lock()
	defer clientsMu.Unlock()
	for conn := range clients {
		conn.WriteMessage(websocket.TextMessage, msg)
	}
}

func newToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

var (
	srv         = &Server{carts: map[string][]string{}}
	hitsHandler = newHitsHandler()
)

func router(ctx *fasthttp.RequestCtx) {
	switch string(ctx.Path()) {
	case "/api/data":
		handleData(ctx)
	case "/login":
		handleLogin(ctx)
	case "/me":
		handleMe(ctx)
	case "/user":
		handleUser(ctx)
	case "/jobs":
		handleEnqueue(ctx)
	case "/upload":
		handleUpload(ctx)
	case "/signup/step1":
		handleStep1(ctx)
	case "/signup/step2":
		handleStep2(ctx)
	case "/cart":
		srv.handleAddToCart(ctx)
	case "/hits":
		hitsHandler(ctx)
	case "/api/limited":
		handleLimited(ctx)
	case "/ws":
		handleWS(ctx)
	case "/broadcast":
		handleBroadcast(ctx)
	default:
		cleanRouter(ctx)
	}
}

func main() {
	setupClean()
	go worker()
	fasthttp.ListenAndServe(":8080", router)
}
