package main

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"text/template"
	"time"

	"connectrpc.com/connect"
	greetv1 "example.com/frameworks/pb/greet/v1"
	"example.com/frameworks/pb/greet/v1/greetv1connect"
	shopv1 "example.com/frameworks/pb/shop/v1"
	"example.com/frameworks/pb/shop/v1/shopv1connect"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/golang-jwt/jwt/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/redis/go-redis/v9"
	"golang.org/x/time/rate"
)

// Read-only configuration, written only at startup.
type config struct {
	Bucket    string
	JWTSecret []byte
}

var cfg config

func init() {
	cfg = config{Bucket: os.Getenv("BUCKET"), JWTSecret: []byte(os.Getenv("JWT_SECRET"))}
}

// Known-good process-wide values.
var (
	requestsTotal = promauto.NewCounter(prometheus.CounterOpts{Name: "requests_total", Help: "Requests served."})
	logger        = slog.Default()
	idPattern     = regexp.MustCompile(`^[a-z0-9]+$`)
	bufPool       = sync.Pool{New: func() any { return new(bytes.Buffer) }}
	greetOnce     sync.Once
	greetTmpl     *template.Template
	// One limiter for the whole replica sheds load by design.
	globalLimiter = rate.NewLimiter(rate.Every(time.Millisecond), 1000)
)

func greeting() *template.Template {
	greetOnce.Do(func() {
		greetTmpl = template.Must(template.New("greet").Parse(`hello {{.}}`))
	})
	return greetTmpl
}

// (1) The count lives in Redis; the metric is a Prometheus counter.
type cleanGreeter struct {
	rdb *redis.Client
}

func (g *cleanGreeter) Greet(ctx context.Context, req *connect.Request[greetv1.GreetRequest]) (*connect.Response[greetv1.GreetResponse], error) {
	requestsTotal.Inc()
	if err := g.rdb.Incr(ctx, "requests").Err(); err != nil {
		return nil, err
	}
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf)
	buf.Reset()
	greeting().Execute(buf, req.Msg.Name)
	return connect.NewResponse(&greetv1.GreetResponse{Greeting: buf.String()}), nil
}

// (7) The implementation's fields are clients, set once in serveClean.
type cleanShop struct {
	shopv1connect.UnimplementedShopServiceHandler
	rdb *redis.Client
	db  *pgxpool.Pool
	s3  *s3.Client
}

// (2) The session is a signed JWT the client sends back.
func (s *cleanShop) Login(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	in := req.Msg
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": in.Value,
		"exp": time.Now().Add(time.Hour).Unix(),
	})
	signed, err := token.SignedString(cfg.JWTSecret)
	return connect.NewResponse(&shopv1.Reply{Value: signed}), err
}

func (s *cleanShop) Me(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	in := req.Msg
	token, err := jwt.Parse(in.Key, func(*jwt.Token) (any, error) { return cfg.JWTSecret, nil })
	if err != nil {
		return nil, err
	}
	user, _ := token.Claims.GetSubject()
	return connect.NewResponse(&shopv1.Reply{Value: user}), nil
}

// (3) Get-or-load through Redis, falling back to Postgres.
func (s *cleanShop) GetUser(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	in := req.Msg
	id := in.Key
	if !idPattern.MatchString(id) {
		return nil, errors.New("bad id")
	}
	name, err := s.rdb.Get(ctx, "user:"+id).Result()
	if errors.Is(err, redis.Nil) {
		if err := s.db.QueryRow(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name); err != nil {
			return nil, err
		}
		s.rdb.Set(ctx, "user:"+id, name, 5*time.Minute)
	}
	return connect.NewResponse(&shopv1.Reply{Value: name}), nil
}

// (4) Work goes to a Redis list; the worker started in serveClean pops it.
func (s *cleanShop) Enqueue(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	in := req.Msg
	return connect.NewResponse(&shopv1.Reply{}), s.rdb.LPush(ctx, "work", in.Value).Err()
}

func (s *cleanShop) work(ctx context.Context) {
	for {
		task, err := s.rdb.BRPop(ctx, 0, "work").Result()
		if err != nil {
			return
		}
		logger.Info("processing", "task", task)
	}
}

// (5) Uploads go to S3.
func (s *cleanShop) Upload(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	in := req.Msg
	_, err := s.s3.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String(cfg.Bucket),
		Key:    aws.String(filepath.Base(in.Key)),
		Body:   bytes.NewReader(in.Data),
	})
	return connect.NewResponse(&shopv1.Reply{}), err
}

// (6) Step 1 stores the draft in Postgres under an ID the client keeps;
// step 2 reads it back by that ID.
func (s *cleanShop) Step1(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	in := req.Msg
	var id string
	err := s.db.QueryRow(ctx, "INSERT INTO signup_drafts (email) VALUES ($1) RETURNING id::text", in.Value).Scan(&id)
	return connect.NewResponse(&shopv1.Reply{Value: id}), err
}

func (s *cleanShop) Step2(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	in := req.Msg
	var email string
	if err := s.db.QueryRow(ctx, "SELECT email FROM signup_drafts WHERE id = $1", in.Key).Scan(&email); err != nil {
		return nil, err
	}
	return connect.NewResponse(&shopv1.Reply{Value: "welcome " + in.Value + " <" + email + ">"}), nil
}

func (s *cleanShop) AddToCart(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	in := req.Msg
	_, err := s.db.Exec(ctx, "INSERT INTO cart_items (user_id, item) VALUES ($1, $2)", in.Key, in.Value)
	return connect.NewResponse(&shopv1.Reply{}), err
}

// (9) Per-client limits in Redis (fixed window), plus one global limiter.
func (s *cleanShop) Limited(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	if !globalLimiter.Allow() {
		return nil, errors.New("busy")
	}
	key := "rate:" + req.Peer().Addr
	n, err := s.rdb.Incr(ctx, key).Result()
	if err == nil && n == 1 {
		s.rdb.Expire(ctx, key, time.Minute)
	}
	if n > 60 {
		return nil, errors.New("slow down")
	}
	return connect.NewResponse(&shopv1.Reply{Value: "ok"}), nil
}

// (10) Each stream subscribes to Redis pub/sub; broadcasts are published.
func (s *cleanShop) Subscribe(ctx context.Context, req *connect.Request[shopv1.Request], stream *connect.ServerStream[shopv1.Reply]) error {
	sub := s.rdb.Subscribe(ctx, "broadcast")
	defer sub.Close()
	for msg := range sub.Channel() {
		if err := stream.Send(&shopv1.Reply{Value: msg.Payload}); err != nil {
			return err
		}
	}
	return nil
}

func (s *cleanShop) Broadcast(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	in := req.Msg
	return connect.NewResponse(&shopv1.Reply{}), s.rdb.Publish(ctx, "broadcast", in.Value).Err()
}

// (8) A handler closure that captures only read-only values.
func newCleanHitsHandler(hits prometheus.Counter) *connect.Handler {
	return connect.NewUnaryHandler("/hits.v1.HitsService/Hit", func(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
		hits.Inc()
		return connect.NewResponse(&shopv1.Reply{Value: "ok"}), nil
	})
}

func serveClean() {
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	db, _ := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	impl := &cleanShop{rdb: rdb, db: db, s3: s3.New(s3.Options{Region: "eu-west-1"})}

	mux := http.NewServeMux()
	mux.Handle(greetv1connect.NewGreetServiceHandler(&cleanGreeter{rdb: rdb}))
	mux.Handle(shopv1connect.NewShopServiceHandler(impl))
	mux.Handle("/hits.v1.HitsService/Hit", newCleanHitsHandler(promauto.NewCounter(prometheus.CounterOpts{Name: "hits_total"})))
	go impl.work(ctx)
	http.ListenAndServe(":8081", mux)
}
