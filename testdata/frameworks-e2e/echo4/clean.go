package main

import (
	"context"
	"errors"
	"html/template"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/golang-jwt/jwt/v5"
	"github.com/gorilla/websocket"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/redis/go-redis/v9"
	"github.com/sirupsen/logrus"
	"golang.org/x/time/rate"
)

// Clients of external stores, set once in cleanRoutes (called from main).
var (
	rdb      *redis.Client
	db       *pgxpool.Pool
	s3Client *s3.Client
)

// Read-only configuration, written only at startup.
type config struct {
	Bucket    string
	JWTSecret []byte
	Greeting  string
}

var cfg config

func init() {
	cfg = config{Bucket: os.Getenv("BUCKET"), JWTSecret: []byte(os.Getenv("JWT_SECRET")), Greeting: "hello"}
}

// Known-good process-wide values.
var (
	requestsTotal = promauto.NewCounter(prometheus.CounterOpts{Name: "requests_total", Help: "Requests served."})
	logger        = logrus.New()
	idPattern     = regexp.MustCompile(`^[a-z0-9]+$`)
	bufPool       = sync.Pool{New: func() any { return make([]byte, 0, 1024) }}
	pageOnce      sync.Once
	pageTmpl      *template.Template
	// One limiter for the whole replica sheds load by design.
	globalLimiter = rate.NewLimiter(rate.Every(time.Millisecond), 1000)
)

func page() *template.Template {
	pageOnce.Do(func() {
		pageTmpl = template.Must(template.New("page").Parse(`<p>{{.}}</p>`))
	})
	return pageTmpl
}

// (1) The count lives in Redis; the metric is a Prometheus counter.
func cleanData(c echo.Context) error {
	requestsTotal.Inc()
	n, err := rdb.Incr(c.Request().Context(), "requests").Result()
	if err != nil {
		return err
	}
	buf := bufPool.Get().([]byte)
	defer bufPool.Put(buf[:0])
	return c.JSON(http.StatusOK, map[string]any{"request": n, "scratch": len(buf)})
}

// (2) The session is a signed JWT in a cookie.
func cleanLogin(c echo.Context) error {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": c.FormValue("user"),
		"exp": time.Now().Add(time.Hour).Unix(),
	})
	signed, err := token.SignedString(cfg.JWTSecret)
	if err != nil {
		return err
	}
	c.SetCookie(&http.Cookie{Name: "session", Value: signed, HttpOnly: true})
	return c.NoContent(http.StatusNoContent)
}

func cleanMe(c echo.Context) error {
	cookie, err := c.Cookie("session")
	if err != nil {
		return c.NoContent(http.StatusUnauthorized)
	}
	token, err := jwt.Parse(cookie.Value, func(*jwt.Token) (any, error) { return cfg.JWTSecret, nil })
	if err != nil {
		return c.NoContent(http.StatusUnauthorized)
	}
	user, _ := token.Claims.GetSubject()
	return page().Execute(c.Response().Writer, user)
}

// (3) Get-or-load through Redis, falling back to Postgres.
func cleanUser(c echo.Context) error {
	id := c.Param("id")
	if !idPattern.MatchString(id) {
		return c.NoContent(http.StatusBadRequest)
	}
	ctx := c.Request().Context()
	name, err := rdb.Get(ctx, "user:"+id).Result()
	if errors.Is(err, redis.Nil) {
		if err := db.QueryRow(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name); err != nil {
			return c.NoContent(http.StatusNotFound)
		}
		rdb.Set(ctx, "user:"+id, name, 5*time.Minute)
	}
	return c.String(http.StatusOK, name)
}

// (4) Work goes to a Redis list; the worker started in cleanRoutes pops it.
func cleanEnqueue(c echo.Context) error {
	if err := rdb.LPush(c.Request().Context(), "work", c.FormValue("task")).Err(); err != nil {
		return err
	}
	return c.NoContent(http.StatusAccepted)
}

func cleanWorker(ctx context.Context) {
	for {
		task, err := rdb.BRPop(ctx, 0, "work").Result()
		if err != nil {
			return
		}
		logger.Info("processing ", task)
	}
}

// (5) Uploads go to S3.
func cleanUpload(c echo.Context) error {
	hdr, err := c.FormFile("file")
	if err != nil {
		return err
	}
	f, err := hdr.Open()
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = s3Client.PutObject(c.Request().Context(), &s3.PutObjectInput{
		Bucket: aws.String(cfg.Bucket),
		Key:    aws.String(filepath.Base(hdr.Filename)),
		Body:   f,
	})
	return err
}

// (6) Step 1 stores the draft in Postgres under an ID the client keeps;
// step 2 reads it back by that ID.
func cleanStep1(c echo.Context) error {
	var id int64
	err := db.QueryRow(c.Request().Context(), "INSERT INTO signup_drafts (email) VALUES ($1) RETURNING id", c.FormValue("email")).Scan(&id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]int64{"draft": id})
}

func cleanStep2(c echo.Context) error {
	var email string
	err := db.QueryRow(c.Request().Context(), "SELECT email FROM signup_drafts WHERE id = $1", c.FormValue("draft")).Scan(&email)
	if err != nil {
		return c.NoContent(http.StatusNotFound)
	}
	return c.String(http.StatusOK, "welcome "+c.FormValue("name")+" <"+email+">")
}

// (7) A long-lived server whose fields are clients, set once.
type CleanServer struct {
	db *pgxpool.Pool
}

func (s *CleanServer) handleAddToCart(c echo.Context) error {
	_, err := s.db.Exec(c.Request().Context(), "INSERT INTO cart_items (user_id, item) VALUES ($1, $2)", c.FormValue("user"), c.FormValue("item"))
	return err
}

// (8) A handler closure that captures only read-only values.
func NewCleanHitsHandler(greeting string, hits prometheus.Counter) echo.HandlerFunc {
	return func(c echo.Context) error {
		hits.Inc()
		return c.String(http.StatusOK, greeting)
	}
}

// (9) Per-client limits in Redis (fixed window), plus one global limiter.
func cleanLimited(c echo.Context) error {
	if !globalLimiter.Allow() {
		return c.NoContent(http.StatusServiceUnavailable)
	}
	ctx := c.Request().Context()
	key := "rate:" + c.RealIP()
	n, err := rdb.Incr(ctx, key).Result()
	if err == nil && n == 1 {
		rdb.Expire(ctx, key, time.Minute)
	}
	if n > 60 {
		return c.NoContent(http.StatusTooManyRequests)
	}
	return c.String(http.StatusOK, "ok")
}

// (10) Each ws handler subscribes to Redis pub/sub and keeps its own
// connection; broadcasts are published, not iterated.
func cleanWS(c echo.Context) error {
	conn, err := upgrader.Upgrade(c.Response().Writer, c.Request(), nil)
	if err != nil {
		return err
	}
	defer conn.Close()
	sub := rdb.Subscribe(c.Request().Context(), "broadcast")
	defer sub.Close()
	for msg := range sub.Channel() {
		if err := conn.WriteMessage(websocket.TextMessage, []byte(msg.Payload)); err != nil {
			return nil
		}
	}
	return nil
}

func cleanBroadcast(c echo.Context) error {
	return rdb.Publish(c.Request().Context(), "broadcast", c.FormValue("msg")).Err()
}

// redisLimiterStore counts each client's requests in Redis, for
// middleware.RateLimiter: every replica sees the same counts.
type redisLimiterStore struct{ rdb *redis.Client }

func (s *redisLimiterStore) Allow(identifier string) (bool, error) {
	ctx := context.Background()
	n, err := s.rdb.Incr(ctx, "rate:"+identifier).Result()
	if err != nil {
		return false, err
	}
	if n == 1 {
		s.rdb.Expire(ctx, "rate:"+identifier, time.Second)
	}
	return n <= 20, nil
}

func cleanRoutes(g *echo.Group) {
	ctx := context.Background()
	rdb = redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	g.Use(middleware.RateLimiter(&redisLimiterStore{rdb: rdb}))
	db, _ = pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	s3Client = s3.New(s3.Options{Region: "eu-west-1"})
	srv := &CleanServer{db: db}
	hits := promauto.NewCounter(prometheus.CounterOpts{Name: "hits_total"})

	api := g.Group("/api")
	api.GET("/data", cleanData)
	api.GET("/limited", cleanLimited)
	g.POST("/login", cleanLogin)
	g.GET("/me", cleanMe)
	g.GET("/users/:id", cleanUser)
	g.POST("/jobs", cleanEnqueue)
	g.POST("/upload", cleanUpload)
	g.POST("/signup/step1", cleanStep1)
	g.POST("/signup/step2", cleanStep2)
	g.POST("/cart", srv.handleAddToCart)
	g.GET("/hits", NewCleanHitsHandler(cfg.Greeting, hits))
	g.GET("/ws", cleanWS)
	g.POST("/broadcast", cleanBroadcast)

	go cleanWorker(ctx)
}
