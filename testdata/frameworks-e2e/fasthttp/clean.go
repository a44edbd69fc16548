package main

import (
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
	"github.com/fasthttp/websocket"
	"github.com/golang-jwt/jwt/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/redis/go-redis/v9"
	"github.com/valyala/fasthttp"
	"go.uber.org/zap"
	"golang.org/x/time/rate"
)

// Clients of external stores, set once in setupClean (called from main).
var (
	rdb      *redis.Client
	db       *pgxpool.Pool
	s3Client *s3.Client
	cleanSrv *CleanServer
	// A handler closure over read-only values, built once.
	cleanHits fasthttp.RequestHandler
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
	logger        = zap.NewNop()
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
func cleanData(ctx *fasthttp.RequestCtx) {
	requestsTotal.Inc()
	n, err := rdb.Incr(ctx, "requests").Result()
	if err != nil {
		ctx.Error(err.Error(), fasthttp.StatusServiceUnavailable)
		return
	}
	buf := bufPool.Get().([]byte)
	defer bufPool.Put(buf[:0])
	ctx.Write(fmt.Appendf(buf, "request %d", n))
}

// (2) The session is a signed JWT.
func cleanLogin(ctx *fasthttp.RequestCtx) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": string(ctx.FormValue("user")),
		"exp": time.Now().Add(time.Hour).Unix(),
	})
	signed, err := token.SignedString(cfg.JWTSecret)
	if err != nil {
		ctx.Error(err.Error(), fasthttp.StatusBadRequest)
		return
	}
	ctx.WriteString(signed)
}

func cleanMe(ctx *fasthttp.RequestCtx) {
	token, err := jwt.Parse(string(ctx.Request.Header.Cookie("session")), func(*jwt.Token) (any, error) { return cfg.JWTSecret, nil })
	if err != nil {
		ctx.Error("not logged in", fasthttp.StatusUnauthorized)
		return
	}
	user, _ := token.Claims.GetSubject()
	page().Execute(ctx, user)
}

// (3) Get-or-load through Redis, falling back to Postgres.
func cleanUser(ctx *fasthttp.RequestCtx) {
	id := string(ctx.QueryArgs().Peek("id"))
	if !idPattern.MatchString(id) {
		ctx.Error("bad id", fasthttp.StatusBadRequest)
		return
	}
	name, err := rdb.Get(ctx, "user:"+id).Result()
	if errors.Is(err, redis.Nil) {
		if err := db.QueryRow(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name); err != nil {
			ctx.Error(err.Error(), fasthttp.StatusNotFound)
			return
		}
		rdb.Set(ctx, "user:"+id, name, 5*time.Minute)
	}
	ctx.WriteString(name)
}

// (4) Work goes to a Redis stream; a consumer elsewhere reads it.
func cleanEnqueue(ctx *fasthttp.RequestCtx) {
	err := rdb.XAdd(ctx, &redis.XAddArgs{Stream: "work", Values: map[string]any{"task": string(ctx.FormValue("task"))}}).Err()
	if err != nil {
		ctx.Error(err.Error(), fasthttp.StatusServiceUnavailable)
		return
	}
	ctx.SetStatusCode(fasthttp.StatusAccepted)
}

// (5) Uploads go to S3.
func cleanUpload(ctx *fasthttp.RequestCtx) {
	fh, err := ctx.FormFile("file")
	if err != nil {
		ctx.Error(err.Error(), fasthttp.StatusBadRequest)
		return
	}
	f, err := fh.Open()
	if err != nil {
		ctx.Error(err.Error(), fasthttp.StatusBadRequest)
		return
	}
	defer f.Close()
	_, err = s3Client.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String(cfg.Bucket),
		Key:    aws.String(filepath.Base(fh.Filename)),
		Body:   f,
	})
	if err != nil {
		ctx.Error(err.Error(), fasthttp.StatusServiceUnavailable)
	}
}

// (6) Step 1 stores the draft in Postgres under an ID the client keeps;
// step 2 reads it back by that ID.
func cleanStep1(ctx *fasthttp.RequestCtx) {
	var id int64
	err := db.QueryRow(ctx, "INSERT INTO signup_drafts (email) VALUES ($1) RETURNING id", string(ctx.FormValue("email"))).Scan(&id)
	if err != nil {
		ctx.Error(err.Error(), fasthttp.StatusBadRequest)
		return
	}
	fmt.Fprintf(ctx, "%d", id)
}

func cleanStep2(ctx *fasthttp.RequestCtx) {
	var email string
	err := db.QueryRow(ctx, "SELECT email FROM signup_drafts WHERE id = $1", string(ctx.FormValue("draft"))).Scan(&email)
	if err != nil {
		ctx.Error(err.Error(), fasthttp.StatusNotFound)
		return
	}
	fmt.Fprintf(ctx, "welcome %s <%s>", ctx.FormValue("name"), email)
}

// (7) A long-lived server whose fields are clients, set once.
type CleanServer struct {
	db *pgxpool.Pool
}

func (s *CleanServer) handleAddToCart(ctx *fasthttp.RequestCtx) {
	_, err := s.db.Exec(ctx, "INSERT INTO cart_items (user_id, item) VALUES ($1, $2)", string(ctx.FormValue("user")), string(ctx.FormValue("item")))
	if err != nil {
		ctx.Error(err.Error(), fasthttp.StatusServiceUnavailable)
	}
}

// (8) A handler closure that captures only read-only values.
func newCleanHitsHandler(greeting string, hits prometheus.Counter) fasthttp.RequestHandler {
	return func(ctx *fasthttp.RequestCtx) {
		hits.Inc()
		ctx.WriteString(greeting)
	}
}

// (9) Per-client limits in Redis (fixed window), plus one global limiter.
func cleanLimited(ctx *fasthttp.RequestCtx) {
	if !globalLimiter.Allow() {
		ctx.Error("busy", fasthttp.StatusServiceUnavailable)
		return
	}
	key := "rate:" + ctx.RemoteIP().String()
	n, err := rdb.Incr(ctx, key).Result()
	if err == nil && n == 1 {
		rdb.Expire(ctx, key, time.Minute)
	}
	if n > 60 {
		ctx.Error("slow down", fasthttp.StatusTooManyRequests)
		return
	}
	logger.Info("allowed", zap.String("key", key))
	ctx.WriteString("ok")
}

// (10) Each ws handler subscribes to Redis pub/sub and keeps its own
// connection; broadcasts are published, not iterated.
func cleanWS(ctx *fasthttp.RequestCtx) {
	upgrader.Upgrade(ctx, func(conn *websocket.Conn) {
		sub := rdb.Subscribe(ctx, "broadcast")
		defer sub.Close()
		for msg := range sub.Channel() {
			if conn.WriteMessage(websocket.TextMessage, []byte(msg.Payload)) != nil {
				return
			}
		}
	})
}

func cleanBroadcast(ctx *fasthttp.RequestCtx) {
	rdb.Publish(ctx, "broadcast", string(ctx.FormValue("msg")))
}

func cleanRouter(ctx *fasthttp.RequestCtx) {
	switch string(ctx.Path()) {
	case "/v2/api/data":
		cleanData(ctx)
	case "/v2/login":
		cleanLogin(ctx)
	case "/v2/me":
		cleanMe(ctx)
	case "/v2/user":
		cleanUser(ctx)
	case "/v2/jobs":
		cleanEnqueue(ctx)
	case "/v2/upload":
		cleanUpload(ctx)
	case "/v2/signup/step1":
		cleanStep1(ctx)
	case "/v2/signup/step2":
		cleanStep2(ctx)
	case "/v2/cart":
		cleanSrv.handleAddToCart(ctx)
	case "/v2/hits":
		cleanHits(ctx)
	case "/v2/api/limited":
		cleanLimited(ctx)
	case "/v2/ws":
		cleanWS(ctx)
	case "/v2/broadcast":
		cleanBroadcast(ctx)
	default:
		ctx.Error("not found", fasthttp.StatusNotFound)
	}
}

func setupClean() {
	rdb = redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	db, _ = pgxpool.New(context.Background(), os.Getenv("DATABASE_URL"))
	s3Client = s3.New(s3.Options{Region: "eu-west-1"})
	cleanSrv = &CleanServer{db: db}
	cleanHits = newCleanHitsHandler(cfg.Greeting, promauto.NewCounter(prometheus.CounterOpts{Name: "hits_total"}))
}
