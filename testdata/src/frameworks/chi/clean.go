package chi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/coder/websocket"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/httprate"
	"github.com/golang-jwt/jwt/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/redis/go-redis/v9"
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
	logger        = slog.New(slog.NewTextHandler(os.Stderr, nil))
	idPattern     = regexp.MustCompile(`^[a-z0-9]+$`)
	bufPool       = sync.Pool{New: func() any { return new(bytes.Buffer) }}
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
func cleanData(w http.ResponseWriter, r *http.Request) {
	requestsTotal.Inc()
	n, err := rdb.Incr(r.Context(), "requests").Result()
	if err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf)
	buf.Reset()
	fmt.Fprintf(buf, "request %d", n)
	w.Write(buf.Bytes())
}

// (2) The session is a signed JWT in a cookie.
func cleanLogin(w http.ResponseWriter, r *http.Request) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": r.FormValue("user"),
		"exp": time.Now().Add(time.Hour).Unix(),
	})
	signed, err := token.SignedString(cfg.JWTSecret)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "session", Value: signed, HttpOnly: true})
}

func cleanMe(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("session")
	if err != nil {
		http.Error(w, "not logged in", http.StatusUnauthorized)
		return
	}
	token, err := jwt.Parse(c.Value, func(*jwt.Token) (any, error) { return cfg.JWTSecret, nil })
	if err != nil {
		http.Error(w, "not logged in", http.StatusUnauthorized)
		return
	}
	user, _ := token.Claims.GetSubject()
	page().Execute(w, user)
}

// (3) Get-or-load through Redis, falling back to Postgres.
func cleanUser(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "id")
	if !idPattern.MatchString(id) {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	ctx := r.Context()
	name, err := rdb.Get(ctx, "user:"+id).Result()
	if errors.Is(err, redis.Nil) {
		if err := db.QueryRow(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name); err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		}
		rdb.Set(ctx, "user:"+id, name, 5*time.Minute)
	}
	fmt.Fprintln(w, name)
}

// (4) Work goes to a Redis list; the worker started in main pops it.
func cleanEnqueue(w http.ResponseWriter, r *http.Request) {
	if err := rdb.LPush(r.Context(), "work", r.FormValue("task")).Err(); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func cleanWorker(ctx context.Context) {
	for {
		task, err := rdb.BRPop(ctx, 0, "work").Result()
		if err != nil {
			return
		}
		logger.Info("processing", "task", task)
	}
}

// (5) Uploads go to S3.
func cleanUpload(w http.ResponseWriter, r *http.Request) {
	f, hdr, err := r.FormFile("file")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	defer f.Close()
	_, err = s3Client.PutObject(r.Context(), &s3.PutObjectInput{
		Bucket: aws.String(cfg.Bucket),
		Key:    aws.String(filepath.Base(hdr.Filename)),
		Body:   f,
	})
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

// (6) Step 1 stores the draft in Postgres under an ID the client keeps;
// step 2 reads it back by that ID.
func cleanStep1(w http.ResponseWriter, r *http.Request) {
	var id int64
	err := db.QueryRow(r.Context(), "INSERT INTO signup_drafts (email) VALUES ($1) RETURNING id", r.FormValue("email")).Scan(&id)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	fmt.Fprintf(w, "%d", id)
}

func cleanStep2(w http.ResponseWriter, r *http.Request) {
	var email string
	err := db.QueryRow(r.Context(), "SELECT email FROM signup_drafts WHERE id = $1", r.FormValue("draft")).Scan(&email)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	fmt.Fprintf(w, "welcome %s <%s>", r.FormValue("name"), email)
}

// (7) A long-lived server whose fields are clients, set once.
type CleanServer struct {
	db *pgxpool.Pool
}

func (s *CleanServer) handleAddToCart(w http.ResponseWriter, r *http.Request) {
	_, err := s.db.Exec(r.Context(), "INSERT INTO cart_items (user_id, item) VALUES ($1, $2)", r.FormValue("user"), r.FormValue("item"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// (8) A handler closure that captures only read-only values.
func newCleanHitsHandler(greeting string, hits prometheus.Counter) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		hits.Inc()
		fmt.Fprintln(w, greeting)
	}
}

// (9) Per-client limits in Redis (fixed window), plus one global limiter.
func cleanLimited(w http.ResponseWriter, r *http.Request) {
	if !globalLimiter.Allow() {
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	ip, _, _ := net.SplitHostPort(r.RemoteAddr)
	key := "rate:" + ip
	n, err := rdb.Incr(r.Context(), key).Result()
	if err == nil && n == 1 {
		rdb.Expire(r.Context(), key, time.Minute)
	}
	if n > 60 {
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	}
	fmt.Fprintln(w, "ok")
}

// (10) Each ws handler subscribes to Redis pub/sub and keeps its own
// connection; broadcasts are published, not iterated.
func cleanWS(w http.ResponseWriter, r *http.Request) {
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer conn.CloseNow()
	sub := rdb.Subscribe(r.Context(), "broadcast")
	defer sub.Close()
	for msg := range sub.Channel() {
		if conn.Write(r.Context(), websocket.MessageText, []byte(msg.Payload)) != nil {
			return
		}
	}
}

func cleanBroadcast(w http.ResponseWriter, r *http.Request) {
	rdb.Publish(r.Context(), "broadcast", r.FormValue("msg"))
}

// cleanRouter is mounted under /v2 by main.
func cleanRouter() http.Handler {
	ctx := context.Background()
	rdb = redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	db, _ = pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	s3Client = s3.New(s3.Options{Region: "eu-west-1"})
	srv := &CleanServer{db: db}
	hits := promauto.NewCounter(prometheus.CounterOpts{Name: "hits_total"})

	r := chi.NewRouter()
	// (11) Per-client counts in Redis; one bucket for the whole replica
	// sheds load by design.
	r.Use(httprate.LimitBy(100, time.Minute, clientIP, httprate.WithLimitCounter(redisCounter{rdb})))
	r.Use(httprate.LimitBy(10000, time.Minute, httprate.Key("*")))
	r.Route("/api", func(r chi.Router) {
		r.Get("/data", cleanData)
		r.Get("/limited", cleanLimited)
	})
	r.Post("/login", cleanLogin)
	r.Get("/me", cleanMe)
	r.Get("/users/{id}", cleanUser)
	r.Post("/jobs", cleanEnqueue)
	r.Post("/upload", cleanUpload)
	r.Post("/signup/step1", cleanStep1)
	r.Post("/signup/step2", cleanStep2)
	r.Post("/cart", srv.handleAddToCart)
	r.Handle("/hits", newCleanHitsHandler(cfg.Greeting, hits))
	r.Get("/ws", cleanWS)
	r.Post("/broadcast", cleanBroadcast)

	go cleanWorker(ctx)
	return r
}

func clientIP(r *http.Request) (string, error) {
	ip, _, err := net.SplitHostPort(r.RemoteAddr)
	return httprate.CanonicalizeIP(ip), err
}

// redisCounter keeps httprate's sliding-window counts in Redis, shared by
// every replica.
type redisCounter struct{ rdb *redis.Client }

func (c redisCounter) Config(requestLimit int, windowLength time.Duration) {}

func (c redisCounter) Increment(key string, window time.Time) error {
	return c.IncrementBy(key, window, 1)
}

func (c redisCounter) IncrementBy(key string, window time.Time, amount int) error {
	return c.rdb.IncrBy(context.Background(), fmt.Sprintf("rate:%s:%d", key, window.Unix()), int64(amount)).Err()
}

func (c redisCounter) Get(key string, window, previous time.Time) (int, int, error) {
	cur, err := c.rdb.Get(context.Background(), fmt.Sprintf("rate:%s:%d", key, window.Unix())).Int()
	if err != nil && err != redis.Nil {
		return 0, 0, err
	}
	prev, err := c.rdb.Get(context.Background(), fmt.Sprintf("rate:%s:%d", key, previous.Unix())).Int()
	if err != nil && err != redis.Nil {
		return 0, 0, err
	}
	return cur, prev, nil
}
