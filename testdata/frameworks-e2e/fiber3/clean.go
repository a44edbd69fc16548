package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/gofiber/fiber/v3"
	"github.com/golang-jwt/jwt/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/redis/go-redis/v9"
	"github.com/rs/zerolog"
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
	logger        = zerolog.New(os.Stderr)
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
func cleanData(c fiber.Ctx) error {
	requestsTotal.Inc()
	n, err := rdb.Incr(c.Context(), "requests").Result()
	if err != nil {
		return err
	}
	buf := bufPool.Get().([]byte)
	defer bufPool.Put(buf[:0])
	return c.JSON(fiber.Map{"request": n, "scratch": len(buf)})
}

// (2) The session is a signed JWT in a cookie.
func cleanLogin(c fiber.Ctx) error {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": c.FormValue("user"),
		"exp": time.Now().Add(time.Hour).Unix(),
	})
	signed, err := token.SignedString(cfg.JWTSecret)
	if err != nil {
		return err
	}
	c.Cookie(&fiber.Cookie{Name: "session", Value: signed, HTTPOnly: true})
	return nil
}

func cleanMe(c fiber.Ctx) error {
	token, err := jwt.Parse(c.Cookies("session"), func(*jwt.Token) (any, error) { return cfg.JWTSecret, nil })
	if err != nil {
		return c.SendStatus(fiber.StatusUnauthorized)
	}
	user, _ := token.Claims.GetSubject()
	c.Set("Content-Type", "text/html")
	return page().Execute(c, user)
}

// (3) Get-or-load through Redis, falling back to Postgres.
func cleanUser(c fiber.Ctx) error {
	id := c.Params("id")
	if !idPattern.MatchString(id) {
		return c.SendStatus(fiber.StatusBadRequest)
	}
	ctx := c.Context()
	name, err := rdb.Get(ctx, "user:"+id).Result()
	if errors.Is(err, redis.Nil) {
		if err := db.QueryRow(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name); err != nil {
			return c.SendStatus(fiber.StatusNotFound)
		}
		rdb.Set(ctx, "user:"+id, name, 5*time.Minute)
	}
	return c.SendString(name)
}

// (4) Work goes to a Redis list; the worker started in cleanRoutes pops it.
func cleanEnqueue(c fiber.Ctx) error {
	if err := rdb.LPush(c.Context(), "work", c.FormValue("task")).Err(); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusAccepted)
}

func cleanWorker(ctx context.Context) {
	for {
		task, err := rdb.BRPop(ctx, 0, "work").Result()
		if err != nil {
			return
		}
		logger.Info().Strs("task", task).Msg("processing")
	}
}

// (5) Uploads go to S3.
func cleanUpload(c fiber.Ctx) error {
	hdr, err := c.FormFile("file")
	if err != nil {
		return err
	}
	f, err := hdr.Open()
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = s3Client.PutObject(c.Context(), &s3.PutObjectInput{
		Bucket: aws.String(cfg.Bucket),
		Key:    aws.String(filepath.Base(hdr.Filename)),
		Body:   f,
	})
	return err
}

// (6) Step 1 stores the draft in Postgres under an ID the client keeps;
// step 2 reads it back by that ID.
func cleanStep1(c fiber.Ctx) error {
	var id int64
	err := db.QueryRow(c.Context(), "INSERT INTO signup_drafts (email) VALUES ($1) RETURNING id", c.FormValue("email")).Scan(&id)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"draft": id})
}

func cleanStep2(c fiber.Ctx) error {
	var email string
	err := db.QueryRow(c.Context(), "SELECT email FROM signup_drafts WHERE id = $1", c.FormValue("draft")).Scan(&email)
	if err != nil {
		return c.SendStatus(fiber.StatusNotFound)
	}
	return c.SendString("welcome " + c.FormValue("name") + " <" + email + ">")
}

// (7) A long-lived server whose fields are clients, set once.
type CleanServer struct {
	db *pgxpool.Pool
}

func (s *CleanServer) handleAddToCart(c fiber.Ctx) error {
	_, err := s.db.Exec(c.Context(), "INSERT INTO cart_items (user_id, item) VALUES ($1, $2)", c.FormValue("user"), c.FormValue("item"))
	return err
}

// (8) A handler closure that captures only read-only values.
func NewCleanHitsHandler(greeting string, hits prometheus.Counter) fiber.Handler {
	return func(c fiber.Ctx) error {
		hits.Inc()
		return c.SendString(greeting)
	}
}

// (9) Per-client limits in Redis (fixed window), plus one global limiter.
func cleanLimited(c fiber.Ctx) error {
	if !globalLimiter.Allow() {
		return c.SendStatus(fiber.StatusServiceUnavailable)
	}
	ctx := c.Context()
	key := "rate:" + c.IP()
	n, err := rdb.Incr(ctx, key).Result()
	if err == nil && n == 1 {
		rdb.Expire(ctx, key, time.Minute)
	}
	if n > 60 {
		return c.SendStatus(fiber.StatusTooManyRequests)
	}
	return c.SendString("ok")
}

// (10) Each events handler subscribes to Redis pub/sub and streams from
// it; broadcasts are published, not iterated.
func cleanEvents(c fiber.Ctx) error {
	ctx := c.Context()
	c.Set("Content-Type", "text/event-stream")
	return c.SendStreamWriter(func(w *bufio.Writer) {
		sub := rdb.Subscribe(ctx, "broadcast")
		defer sub.Close()
		for msg := range sub.Channel() {
			fmt.Fprintf(w, "data: %s\n\n", msg.Payload)
			if w.Flush() != nil {
				return
			}
		}
	})
}

func cleanBroadcast(c fiber.Ctx) error {
	return rdb.Publish(c.Context(), "broadcast", c.FormValue("msg")).Err()
}

func cleanRoutes(g fiber.Router) {
	ctx := context.Background()
	rdb = redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	db, _ = pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	s3Client = s3.New(s3.Options{Region: "eu-west-1"})
	srv := &CleanServer{db: db}
	hits := promauto.NewCounter(prometheus.CounterOpts{Name: "hits_total"})

	g.Route("/api", func(api fiber.Router) {
		api.Get("/data", cleanData)
		api.Get("/limited", cleanLimited)
	})
	g.Post("/login", cleanLogin)
	g.Get("/me", cleanMe)
	g.Get("/users/:id", cleanUser)
	g.Post("/jobs", cleanEnqueue)
	g.Post("/upload", cleanUpload)
	g.Post("/signup/step1", cleanStep1)
	g.Post("/signup/step2", cleanStep2)
	g.Post("/cart", srv.handleAddToCart)
	g.Get("/hits", NewCleanHitsHandler(cfg.Greeting, hits))
	g.Get("/events", cleanEvents)
	g.Post("/broadcast", cleanBroadcast)

	go cleanWorker(ctx)
}
