// Package fiber2 is a fiber v2 service that keeps state in process memory
// and on local disk: one case per seed mistake. clean.go has the clean twin
// of each.
package fiber2

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"sync"

	"github.com/gofiber/contrib/websocket"
	"github.com/gofiber/fiber/v2"
	"golang.org/x/time/rate"
)

// (1) A request counter.
var requestCount int

func handleData(c *fiber.Ctx) error {
	requestCount++ // want "in-process counter requestCount is written by handler for \"GET /api/data\""
	return c.JSON(fiber.Map{"request": requestCount})
}

// (2) Sessions in a map, written at login and read by another handler.
var (
	sessionsMu sync.Mutex
	sessions   = map[string]string{}
)

func handleLogin(c *fiber.Ctx) error {
	token := newToken()
	sessionsMu.Lock()
	sessions[token] = c.FormValue("user") // want "in-memory session store sessions is written by handler for \"POST /login\""
	sessionsMu.Unlock()
	c.Cookie(&fiber.Cookie{Name: "session", Value: token, HTTPOnly: true})
	return nil
}

func handleMe(c *fiber.Ctx) error {
	token := c.Cookies("session")
	sessionsMu.Lock()
	user, ok := sessions[token]
	sessionsMu.Unlock()
	if !ok {
		return c.SendStatus(fiber.StatusUnauthorized)
	}
	return c.SendString(user)
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

func handleUser(c *fiber.Ctx) error {
	id := c.Params("id")
	userCacheMu.Lock()
	defer userCacheMu.Unlock()
	u, ok := userCache[id]
	if !ok {
		u = loadUser(id)
		userCache[id] = u // want "in-process cache userCache is written by handler for \"GET /users/:id\""
	}
	return c.JSON(u)
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

func handleEnqueue(c *fiber.Ctx) error {
	workQueue <- c.FormValue("task") // want "in-process queue workQueue is written by handler for \"POST /jobs\""
	return c.SendStatus(fiber.StatusAccepted)
}

func worker() {
	for task := range workQueue {
		fmt.Println("processing", task)
	}
}

// (5) An upload saved to local disk.
func handleUpload(c *fiber.Ctx) error {
	file, err := c.FormFile("file")
	if err != nil {
		return err
	}
	return c.SaveFile(file, filepath.Join("uploads", filepath.Base(file.Filename))) // want "handler for \"POST /upload\" writes a local file with \\(\\*fiber\\.Ctx\\)\\.SaveFile"
}

// (6) Step 1 stores the form; step 2, another request, reads it back.
type signup struct {
	Email string
	Name  string
}

var lastSignup signup

func handleStep1(c *fiber.Ctx) error {
	lastSignup = signup{Email: c.FormValue("email")} // want "mutable server variable lastSignup is written by handler for \"POST /signup/step1\""
	return nil
}

func handleStep2(c *fiber.Ctx) error {
	s := lastSignup
	s.Name = c.FormValue("name")
	return c.SendString(fmt.Sprintf("welcome %s <%s>", s.Name, s.Email))
}

// (7) A handler method on a long-lived server writes a field.
type Server struct {
	mu    sync.Mutex
	carts map[string][]string
}

func (s *Server) handleAddToCart(c *fiber.Ctx) error {
	user := c.FormValue("user")
	s.mu.Lock()
	s.carts[user] = append(s.carts[user], c.FormValue("item")) // want "in-memory session store Server.carts is written by handler for \"POST /cart\""
	s.mu.Unlock()
	return nil
}

// (8) A handler closure built by a constructor counts in a captured
// variable.
func NewHitsHandler() fiber.Handler {
	hits := 0
	return func(c *fiber.Ctx) error {
		hits++ // want "in-process counter hits is written by handler for \"GET /hits\""
		return c.SendString(fmt.Sprintf("%d hits", hits))
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

func handleLimited(c *fiber.Ctx) error {
	if !limiterFor(c.IP()).Allow() {
		return c.SendStatus(fiber.StatusTooManyRequests)
	}
	return c.SendString("ok")
}

// (10) A websocket registry: the ws handler adds, the broadcast handler
// iterates.
var (
	clientsMu sync.Mutex
	clients   = map[*websocket.Conn]bool{}
)

func handleWS(conn *websocket.Conn) {
	clientsMu.Lock()
	clients[conn] = true // want "in-process connection registry clients is written by handler for \"GET /ws\""
	clientsMu.Unlock()
	for {
		if _, _, err := conn.ReadMessage(); err != nil {
			return
		}
	}
}

func handleBroadcast(c *fiber.Ctx) error {
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
	app := fiber.New()
	api := app.Group("/api")
	api.Get("/data", handleData)
	api.Get("/limited", handleLimited)
	app.Post("/login", handleLogin)
	app.Get("/me", handleMe)
	app.Get("/users/:id", handleUser)
	app.Post("/jobs", handleEnqueue)
	app.Post("/upload", handleUpload)
	app.Add("POST", "/signup/step1", handleStep1)
	app.Post("/signup/step2", handleStep2)
	app.Post("/cart", srv.handleAddToCart)
	app.Get("/hits", NewHitsHandler())
	app.Get("/ws", websocket.New(handleWS))
	app.Post("/broadcast", handleBroadcast)
	cleanRoutes(app.Group("/v2"))
	sessionRoutes(app)

	go worker()
	app.Listen(":8080")
}
