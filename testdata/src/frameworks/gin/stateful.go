// Package gin is a gin service that keeps state in process memory and on
// local disk: one case per seed mistake. clean.go has the clean twin of each.
package gin

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/http"
	"path/filepath"
	"sync"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/websocket"
	"golang.org/x/time/rate"
)

// (1) A request counter.
var requestCount int

func handleData(c *gin.Context) {
	requestCount++ // want "in-process counter requestCount is written by handler for \"GET /api/data\""
	c.JSON(http.StatusOK, gin.H{"request": requestCount})
}

// (2) Sessions in a map, written at login and read by another handler.
var (
	sessionsMu sync.Mutex
	sessions   = map[string]string{}
)

func handleLogin(c *gin.Context) {
	token := newToken()
	sessionsMu.Lock()
	sessions[token] = c.PostForm("user") // want "in-memory session store sessions is written by handler for \"POST /login\""
	sessionsMu.Unlock()
	c.SetCookie("session", token, 3600, "/", "", true, true)
}

func handleMe(c *gin.Context) {
	token, err := c.Cookie("session")
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	sessionsMu.Lock()
	user, ok := sessions[token]
	sessionsMu.Unlock()
	if !ok {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.String(http.StatusOK, user)
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

func handleUser(c *gin.Context) {
	id := c.Param("id")
	userCacheMu.Lock()
	defer userCacheMu.Unlock()
	u, ok := userCache[id]
	if !ok {
		u = loadUser(id)
		userCache[id] = u // want "in-process cache userCache is written by handler for \"GET /users/:id\""
	}
	c.JSON(http.StatusOK, u)
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

func handleEnqueue(c *gin.Context) {
	workQueue <- c.PostForm("task") // want "in-process queue workQueue is written by handler for \"POST /work/jobs\""
	c.Status(http.StatusAccepted)
}

func worker() {
	for task := range workQueue {
		fmt.Println("processing", task)
	}
}

// (5) An upload saved to local disk.
func handleUpload(c *gin.Context) {
	file, err := c.FormFile("file")
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	c.SaveUploadedFile(file, filepath.Join("uploads", filepath.Base(file.Filename))) // want "handler for \"POST /upload\" writes a local file with \\(\\*gin\\.Context\\)\\.SaveUploadedFile"
}

// (6) Step 1 stores the form; step 2, another request, reads it back.
type signup struct {
	Email string
	Name  string
}

var lastSignup signup

func handleStep1(c *gin.Context) {
	lastSignup = signup{Email: c.PostForm("email")} // want "mutable server variable lastSignup is written by handler for \"POST /signup/step1\""
}

func handleStep2(c *gin.Context) {
	s := lastSignup
	s.Name = c.PostForm("name")
	c.String(http.StatusOK, "welcome %s <%s>", s.Name, s.Email)
}

// (7) A handler method on a long-lived server writes a field.
type Server struct {
	mu    sync.Mutex
	carts map[string][]string
}

func (s *Server) handleAddToCart(c *gin.Context) {
	user := c.PostForm("user")
	s.mu.Lock()
	s.carts[user] = append(s.carts[user], c.PostForm("item")) // want "in-memory session store Server.carts is written by handler for \"POST /cart\""
	s.mu.Unlock()
}

// (8) A handler closure built by a constructor counts in a captured
// variable.
func NewHitsHandler() gin.HandlerFunc {
	hits := 0
	return func(c *gin.Context) {
		hits++ // want "in-process counter hits is written by handler for \"GET /hits\""
		c.String(http.StatusOK, "%d hits", hits)
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

func handleLimited(c *gin.Context) {
	if !limiterFor(c.ClientIP()).Allow() {
		c.AbortWithStatus(http.StatusTooManyRequests)
		return
	}
	c.String(http.StatusOK, "ok")
}

// (10) A websocket registry: the ws handler adds, the broadcast handler
// iterates.
var (
	upgrader  = websocket.Upgrader{}
	clientsMu sync.Mutex
	clients   = map[*websocket.Conn]bool{}
)

func handleWS(c *gin.Context) {
	conn, err := upgrader.Upgrade(c.Writer, c.Request, nil)
	if err != nil {
		return
	}
	clientsMu.Lock()
	clients[conn] = true // want "in-process connection registry clients is written by handler for \"GET /ws\""
	clientsMu.Unlock()
}

func handleBroadcast(c *gin.Context) {
	msg := []byte(c.PostForm("msg"))
	clientsMu.Lock()
	defer clientsMu.Unlock()
	for conn := range clients {
		conn.WriteMessage(websocket.TextMessage, msg)
	}
}

// workRoutes registers on the group its caller makes: the routes carry
// the caller's prefix.
func workRoutes(g *gin.RouterGroup) {
	g.POST("/jobs", handleEnqueue)
}

func newToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func main() {
	srv := &Server{carts: map[string][]string{}}
	r := gin.Default()
	api := r.Group("/api")
	api.GET("/data", handleData)
	api.GET("/limited", handleLimited)
	r.POST("/login", handleLogin)
	r.GET("/me", handleMe)
	r.GET("/users/:id", handleUser)
	workRoutes(r.Group("/work"))
	r.POST("/upload", handleUpload)
	r.Handle("POST", "/signup/step1", handleStep1)
	r.POST("/signup/step2", handleStep2)
	r.POST("/cart", srv.handleAddToCart)
	r.GET("/hits", NewHitsHandler())
	r.GET("/ws", handleWS)
	r.POST("/broadcast", handleBroadcast)
	cleanRoutes(r.Group("/v2"))
	sessionRoutes(r)

	go worker()
	r.Run(":8080")
}
