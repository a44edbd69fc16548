package main

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"text/template"
	"time"

	"example.com/frameworks/pb/greeter"
	"example.com/frameworks/pb/shop"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/golang-jwt/jwt/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/redis/go-redis/v9"
	"golang.org/x/time/rate"
	"google.golang.org/grpc"
	"google.golang.org/grpc/peer"
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
	greeter.UnimplementedGreeterServer
	rdb *redis.Client
}

func (g *cleanGreeter) SayHello(ctx context.Context, in *greeter.HelloRequest) (*greeter.HelloReply, error) {
	requestsTotal.Inc()
	if err := g.rdb.Incr(ctx, "requests").Err(); err != nil {
		return nil, err
	}
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf)
	buf.Reset()
	greeting().Execute(buf, in.GetName())
	return &greeter.HelloReply{Message: buf.String()}, nil
}

// (7) The implementation's fields are clients, set once in serveClean.
type cleanShop struct {
	shop.UnimplementedShopServer
	rdb *redis.Client
	db  *pgxpool.Pool
	s3  *s3.Client
}

// (2) The session is a signed JWT the client sends back.
func (s *cleanShop) Login(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": in.GetValue(),
		"exp": time.Now().Add(time.Hour).Unix(),
	})
	signed, err := token.SignedString(cfg.JWTSecret)
	return &shop.Reply{Value: signed}, err
}

func (s *cleanShop) Me(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	token, err := jwt.Parse(in.GetKey(), func(*jwt.Token) (any, error) { return cfg.JWTSecret, nil })
	if err != nil {
		return nil, err
	}
	user, _ := token.Claims.GetSubject()
	return &shop.Reply{Value: user}, nil
}

// (3) Get-or-load through Redis, falling back to Postgres.
func (s *cleanShop) GetUser(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	id := in.GetKey()
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
	return &shop.Reply{Value: name}, nil
}

// (4) Work goes to a Redis list; the worker started in serveClean pops it.
func (s *cleanShop) Enqueue(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	return &shop.Reply{}, s.rdb.LPush(ctx, "work", in.GetValue()).Err()
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
func (s *cleanShop) Upload(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	_, err := s.s3.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String(cfg.Bucket),
		Key:    aws.String(filepath.Base(in.GetKey())),
		Body:   bytes.NewReader(in.GetData()),
	})
	return &shop.Reply{}, err
}

// (6) Step 1 stores the draft in Postgres under an ID the client keeps;
// step 2 reads it back by that ID.
func (s *cleanShop) Step1(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	var id string
	err := s.db.QueryRow(ctx, "INSERT INTO signup_drafts (email) VALUES ($1) RETURNING id::text", in.GetValue()).Scan(&id)
	return &shop.Reply{Value: id}, err
}

func (s *cleanShop) Step2(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	var email string
	if err := s.db.QueryRow(ctx, "SELECT email FROM signup_drafts WHERE id = $1", in.GetKey()).Scan(&email); err != nil {
		return nil, err
	}
	return &shop.Reply{Value: "welcome " + in.GetValue() + " <" + email + ">"}, nil
}

func (s *cleanShop) AddToCart(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	_, err := s.db.Exec(ctx, "INSERT INTO cart_items (user_id, item) VALUES ($1, $2)", in.GetKey(), in.GetValue())
	return &shop.Reply{}, err
}

// (9) Per-client limits in Redis (fixed window), plus one global limiter.
func (s *cleanShop) Limited(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	if !globalLimiter.Allow() {
		return nil, errors.New("busy")
	}
	p, _ := peer.FromContext(ctx)
	key := "rate:" + p.Addr.String()
	n, err := s.rdb.Incr(ctx, key).Result()
	if err == nil && n == 1 {
		s.rdb.Expire(ctx, key, time.Minute)
	}
	if n > 60 {
		return nil, errors.New("slow down")
	}
	return &shop.Reply{Value: "ok"}, nil
}

// (10) Each stream subscribes to Redis pub/sub; broadcasts are published.
func (s *cleanShop) Subscribe(in *shop.Request, stream grpc.ServerStreamingServer[shop.Reply]) error {
	sub := s.rdb.Subscribe(stream.Context(), "broadcast")
	defer sub.Close()
	for msg := range sub.Channel() {
		if err := stream.Send(&shop.Reply{Value: msg.Payload}); err != nil {
			return err
		}
	}
	return nil
}

func (s *cleanShop) Broadcast(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	return &shop.Reply{}, s.rdb.Publish(ctx, "broadcast", in.GetValue()).Err()
}

func serveClean() {
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	db, _ := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	impl := &cleanShop{rdb: rdb, db: db, s3: s3.New(s3.Options{Region: "eu-west-1"})}

	s := grpc.NewServer()
	greeter.RegisterGreeterServer(s, &cleanGreeter{rdb: rdb})
	shop.RegisterShopServer(s, impl)
	go impl.work(ctx)
	lis, _ := net.Listen("tcp", ":50052")
	s.Serve(lis)
}
