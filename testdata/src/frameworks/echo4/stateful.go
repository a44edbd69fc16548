// Package echo4 is an echo v4 service that keeps state in process memory and
// on local disk: one case per seed mistake. clean.go has the clean twin of
// each.
package echo4

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"

	"github.com/gorilla/websocket"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"
)

// (1) A request counter.
var requestCount int

func handleData(c echo.Context) error {
	requestCount++ // want "in-process counter requestCount is written by handler for \"GET /api/data\""
	return c.JSON(http.StatusOK, map[string]int{"request": requestCount})
}

// (2) Sessions in a map, written at login and read by another handler.
var (
	sessionsMu sync.Mutex
	sessions   = map[string]string{}
)

func handleLogin(c echo.Context) error {
	token := newToken()
	sessionsMu.Lock()
	sessions[token] = c.FormValue("user") // want "in-memory session store sessions is written by handler for \"POST /login\""
	sessionsMu.Unlock()
	c.SetCookie(&http.Cookie{Name: "session", Value: token, HttpOnly: true})
	return c.NoContent(http.StatusNoContent)
}

func handleMe(c echo.Context) error {
	cookie, err := c.Cookie("session")
	if err != nil {
		return c.NoContent(http.StatusUnauthorized)
	}
	sessionsMu.Lock()
	user, ok := sessions[cookie.Value]
	sessionsMu.Unlock()
	if !ok {
		return c.NoContent(http.StatusUnauthorized)
	}
	return c.String(http.StatusOK, user)
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

func handleUser(c echo.Context) error {
	id := c.Param("id")
	userCacheMu.Lock()
	defer userCacheMu.Unlock()
	u, ok := userCache[id]
	if !ok {
		u = loadUser(id)
		userCache[id] = u // want "in-process cache userCache is written by handler for \"GET /users/:id\""
	}
	return c.JSON(http.StatusOK, u)
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

func handleEnqueue(c echo.Context) error {
	workQueue <- c.FormValue("task") // want "in-process queue workQueue is written by handler for \"POST /jobs\""
	return c.NoContent(http.StatusAccepted)
}

func worker() {
	for task := range workQueue {
		fmt.Println("processing", task)
	}
}

// (5) An upload saved to local disk.
func handleUpload(c echo.Context) error {
	hdr, err := c.FormFile("file")
	if err != nil {
		return err
	}
	src, err := hdr.Open()
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(filepath.Join("uploads", filepath.Base(hdr.Filename))) // want "handler for \"POST /upload\" writes a local file with os.Create"
	if err != nil {
		return err
	}
	defer dst.Close()
	_, err = io.Copy(dst, src)
	return err
}

// (6) Step 1 stores the form; step 2, another request, reads it back.
type signup struct {
	Email string
	Name  string
}

var lastSignup signup

func handleStep1(c echo.Context) error {
	lastSignup = signup{Email: c.FormValue("email")} // want "mutable server variable lastSignup is written by handler for \"POST /signup/step1\""
	return nil
}

func handleStep2(c echo.Context) error {
	s := lastSignup
	s.Name = c.FormValue("name")
	return c.String(http.StatusOK, fmt.Sprintf("welcome %s <%s>", s.Name, s.Email))
}

// (7) A handler method on a long-lived server writes a field.
type Server struct {
	mu    sync.Mutex
	carts map[string][]string
}

func (s *Server) handleAddToCart(c echo.Context) error {
	user := c.FormValue("user")
	s.mu.Lock()
	s.carts[user] = append(s.carts[user], c.FormValue("item")) // want "in-memory session store Server.carts is written by handler for \"POST /cart\""
	s.mu.Unlock()
	return nil
}

// (8) A handler closure built by a constructor counts in a captured
// variable.
func NewHitsHandler() echo.HandlerFunc {
	hits := 0
	return func(c echo.Context) error {
		hits++ // want "in-process counter hits is written by handler for \"GET /hits\""
		return c.String(http.StatusOK, fmt.Sprintf("%d hits", hits))
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

func handleLimited(c echo.Context) error {
	if !limiterFor(c.RealIP()).Allow() {
		return c.NoContent(http.StatusTooManyRequests)
	}
	return c.String(http.StatusOK, "ok")
}

// (10) A websocket registry: the ws handler adds, the broadcast handler
// iterates.
var (
	upgrader  = websocket.Upgrader{}
	clientsMu sync.Mutex
	clients   = map[*websocket.Conn]bool{}
)

func handleWS(c echo.Context) error {
	conn, err := upgrader.Upgrade(c.Response().Writer, c.Request(), nil)
	if err != nil {
		return err
	}
	clientsMu.Lock()
	clients[conn] = true // want "in-process connection registry clients is written by handler for \"GET /ws\""
	clientsMu.Unlock()
	return nil
}

func handleBroadcast(c echo.Context) error {
	msg := []byte(c.FormValue("msg"))
	clientsMu.Lock()
	defer clientsMu.Unlock()
	for conn := range clients {
		conn.WriteMessage(websocket.TextMessage, msg)
	}
	return nil
}

func newToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func main() {
	srv := &Server{carts: map[string][]string{}}
	e := echo.New()
	e.Use(middleware.RateLimiter(middleware.NewRateLimiterMemoryStore(20))) // want "per-client rate limiter in memory middleware.NewRateLimiterMemoryStore is written by every request it limits"
	api := e.Group("/api")
	api.GET("/data", handleData)
	api.GET("/limited", handleLimited)
	e.POST("/login", handleLogin)
	e.GET("/me", handleMe)
	e.GET("/users/:id", handleUser)
	e.POST("/jobs", handleEnqueue)
	e.POST("/upload", handleUpload)
	e.Add("POST", "/signup/step1", handleStep1)
	e.POST("/signup/step2", handleStep2)
	e.POST("/cart", srv.handleAddToCart)
	e.GET("/hits", NewHitsHandler())
	e.GET("/ws", handleWS)
	e.POST("/broadcast", handleBroadcast)
	cleanRoutes(e.Group("/v2"))

	go worker()
	e.Start(":8080")
}
