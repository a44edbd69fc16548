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
	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
	"github.com/gorilla/websocket"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/redis/go-redis/v9"
	"go.uber.org/zap"
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
func cleanData(c *gin.Context) {
	requestsTotal.Inc()
	n, err := rdb.Incr(c.Request.Context(), "requests").Result()
	if err != nil {
		c.AbortWithStatus(http.StatusServiceUnavailable)
		return
	}
	buf := bufPool.Get().([]byte)
	defer bufPool.Put(buf[:0])
	c.JSON(http.StatusOK, gin.H{"request": n, "scratch": len(buf)})
}

// (2) The session is a signed JWT in a cookie.
func cleanLogin(c *gin.Context) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": c.PostForm("user"),
		"exp": time.Now().Add(time.Hour).Unix(),
	})
	signed, err := token.SignedString(cfg.JWTSecret)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.SetCookie("session", signed, 3600, "/", "", true, true)
}

func cleanMe(c *gin.Context) {
	raw, err := c.Cookie("session")
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	token, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { return cfg.JWTSecret, nil })
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	user, _ := token.Claims.GetSubject()
	page().Execute(c.Writer, user)
}

// (3) Get-or-load through Redis, falling back to Postgres.
func cleanUser(c *gin.Context) {
	id := c.Param("id")
	if !idPattern.MatchString(id) {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	ctx := c.Request.Context()
	name, err := rdb.Get(ctx, "user:"+id).Result()
	if errors.Is(err, redis.Nil) {
		if err := db.QueryRow(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name); err != nil {
			c.AbortWithStatus(http.StatusNotFound)
			return
		}
		rdb.Set(ctx, "user:"+id, name, 5*time.Minute)
	}
	c.String(http.StatusOK, name)
}

// (4) Work goes to a Redis stream; a consumer elsewhere reads it.
func cleanEnqueue(c *gin.Context) {
	err := rdb.XAdd(c.Request.Context(), &redis.XAddArgs{Stream: "work", Values: map[string]any{"task": c.PostForm("task")}}).Err()
	if err != nil {
		c.AbortWithStatus(http.StatusServiceUnavailable)
		return
	}
	c.Status(http.StatusAccepted)
}

// (5) Uploads go to S3.
func cleanUpload(c *gin.Context) {
	hdr, err := c.FormFile("file")
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	f, err := hdr.Open()
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	defer f.Close()
	_, err = s3Client.PutObject(c.Request.Context(), &s3.PutObjectInput{
		Bucket: aws.String(cfg.Bucket),
		Key:    aws.String(filepath.Base(hdr.Filename)),
		Body:   f,
	})
	if err != nil {
		c.AbortWithStatus(http.StatusBadGateway)
	}
}

// (6) Step 1 stores the draft in Postgres under an ID the client keeps;
// step 2 reads it back by that ID.
func cleanStep1(c *gin.Context) {
	var id int64
	err := db.QueryRow(c.Request.Context(), "INSERT INTO signup_drafts (email) VALUES ($1) RETURNING id", c.PostForm("email")).Scan(&id)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, gin.H{"draft": id})
}

func cleanStep2(c *gin.Context) {
	var email string
	err := db.QueryRow(c.Request.Context(), "SELECT email FROM signup_drafts WHERE id = $1", c.PostForm("draft")).Scan(&email)
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.String(http.StatusOK, "welcome %s <%s>", c.PostForm("name"), email)
}

// (7) A long-lived server whose fields are clients, set once.
type CleanServer struct {
	db *pgxpool.Pool
}

func (s *CleanServer) handleAddToCart(c *gin.Context) {
	_, err := s.db.Exec(c.Request.Context(), "INSERT INTO cart_items (user_id, item) VALUES ($1, $2)", c.PostForm("user"), c.PostForm("item"))
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
	}
}

// (8) A handler closure that captures only read-only values.
func NewCleanHitsHandler(greeting string, hits prometheus.Counter) gin.HandlerFunc {
	return func(c *gin.Context) {
		hits.Inc()
		c.String(http.StatusOK, greeting)
	}
}

// (9) Per-client limits in Redis (fixed window), plus one global limiter.
func cleanLimited(c *gin.Context) {
	if !globalLimiter.Allow() {
		c.AbortWithStatus(http.StatusServiceUnavailable)
		return
	}
	ctx := c.Request.Context()
	key := "rate:" + c.ClientIP()
	n, err := rdb.Incr(ctx, key).Result()
	if err == nil && n == 1 {
		rdb.Expire(ctx, key, time.Minute)
	}
	if n > 60 {
		c.AbortWithStatus(http.StatusTooManyRequests)
		return
	}
	logger.Info("allowed", zap.String("ip", c.ClientIP()))
	c.String(http.StatusOK, "ok")
}

// (10) Each ws handler subscribes to Redis pub/sub and keeps its own
// connection; broadcasts are published, not iterated.
func cleanWS(c *gin.Context) {
	conn, err := upgrader.Upgrade(c.Writer, c.Request, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	sub := rdb.Subscribe(c.Request.Context(), "broadcast")
	defer sub.Close()
	for msg := range sub.Channel() {
		if conn.WriteMessage(websocket.TextMessage, []byte(msg.Payload)) != nil {
			return
		}
	}
}

func cleanBroadcast(c *gin.Context) {
	rdb.Publish(c.Request.Context(), "broadcast", c.PostForm("msg"))
}

func cleanRoutes(g *gin.RouterGroup) {
	ctx := context.Background()
	rdb = redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
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
}
