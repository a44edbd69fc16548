// Package grpc is a gRPC service that keeps state in process memory and on
// local disk: one case per seed mistake. clean.go has the clean twin of
// each. Routes are RPC procedures ("/shop.Shop/Login"). gRPC has no handler
// closures (8); interceptors are middleware, not handlers.
package grpc

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sync"

	"example.com/pb/greeter"
	"example.com/pb/shop"
	"golang.org/x/time/rate"
	"google.golang.org/grpc"
	"google.golang.org/grpc/peer"
)

// (1) A request counter.
var requestCount int

type greeterServer struct {
	greeter.UnimplementedGreeterServer
}

func (greeterServer) SayHello(ctx context.Context, in *greeter.HelloRequest) (*greeter.HelloReply, error) {
	requestCount++ // want "in-process counter requestCount is written by handler for \"/helloworld.Greeter/SayHello\""
	return &greeter.HelloReply{Message: fmt.Sprintf("hello %s (%d)", in.GetName(), requestCount)}, nil
}

// (7) The long-lived service implementation writes one of its fields in
// AddToCart.
type shopServer struct {
	shop.UnimplementedShopServer

	mu    sync.Mutex
	carts map[string][]string
}

// (2) Sessions in a map, written at login and read by another RPC.
var (
	sessionsMu sync.Mutex
	sessions   = map[string]string{}
)

func (s *shopServer) Login(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	token := newToken()
	sessionsMu.Lock()
	sessions[token] = in.GetValue() // want "in-memory session store sessions is written by handler for \"/shop.Shop/Login\""
	sessionsMu.Unlock()
	return &shop.Reply{Value: token}, nil
}

func (s *shopServer) Me(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	sessionsMu.Lock()
	user, ok := sessions[in.GetKey()]
	sessionsMu.Unlock()
	if !ok {
		return nil, fmt.Errorf("not logged in")
	}
	return &shop.Reply{Value: user}, nil
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

func (s *shopServer) GetUser(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	userCacheMu.Lock()
	defer userCacheMu.Unlock()
	u, ok := userCache[in.GetKey()]
	if !ok {
		u = loadUser(in.GetKey())
		userCache[in.GetKey()] = u // want "in-process cache userCache is written by handler for \"/shop.Shop/GetUser\""
	}
	return &shop.Reply{Value: u.Name}, nil
}

// usersDB is the database users are loaded from.
var usersDB *sql.DB

func loadUser(id string) *User {
	u := &User{ID: id}
	_ = usersDB.QueryRow("SELECT name FROM users WHERE id = $1", id).Scan(&u.Name)
	return u
}

// (4) A work queue: an RPC sends, a worker started in main receives.
var workQueue = make(chan string, 100)

func (s *shopServer) Enqueue(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	workQueue <- in.GetValue() // want "in-process queue workQueue is written by handler for \"/shop.Shop/Enqueue\""
	return &shop.Reply{}, nil
}

func worker() {
	for task := range workQueue {
		fmt.Println("processing", task)
	}
}

// (5) An upload saved to local disk.
func (s *shopServer) Upload(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	err := os.WriteFile(filepath.Join("uploads", filepath.Base(in.GetKey())), in.GetData(), 0o644) // want "handler for \"/shop.Shop/Upload\" writes a local file with os.WriteFile"
	return &shop.Reply{}, err
}

// (6) Step 1 stores the form; step 2, another RPC, reads it back.
type signup struct {
	Email string
	Name  string
}

var lastSignup signup

func (s *shopServer) Step1(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	lastSignup = signup{Email: in.GetValue()} // want "mutable server variable lastSignup is written by handler for \"/shop.Shop/Step1\""
	return &shop.Reply{}, nil
}

func (s *shopServer) Step2(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	su := lastSignup
	su.Name = in.GetValue()
	return &shop.Reply{Value: fmt.Sprintf("welcome %s <%s>", su.Name, su.Email)}, nil
}

func (s *shopServer) AddToCart(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	s.mu.Lock()
	s.carts[in.GetKey()] = append(s.carts[in.GetKey()], in.GetValue()) // want "in-memory session store shopServer.carts is written by handler for \"/shop.Shop/AddToCart\""
	s.mu.Unlock()
	return &shop.Reply{}, nil
}

// (9) A rate limiter per client address.
var (
	limitersMu sync.Mutex
	limiters   = map[string]*rate.Limiter{}
)

func limiterFor(addr string) *rate.Limiter {
	limitersMu.Lock()
	defer limitersMu.Unlock()
	lim, ok := limiters[addr]
	if !ok {
		lim = rate.NewLimiter(1, 5)
		limiters[addr] = lim // want "per-client rate limiter in memory limiters is written by handler for \"/shop.Shop/Limited\""
	}
	return lim
}

func (s *shopServer) Limited(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	p, _ := peer.FromContext(ctx)
	if !limiterFor(p.Addr.String()).Allow() {
		return nil, fmt.Errorf("slow down")
	}
	return &shop.Reply{Value: "ok"}, nil
}

// (10) A registry of server streams: Subscribe adds, Broadcast iterates.
var (
	subscribersMu sync.Mutex
	subscribers   = map[grpc.ServerStreamingServer[shop.Reply]]bool{}
)

func (s *shopServer) Subscribe(in *shop.Request, stream grpc.ServerStreamingServer[shop.Reply]) error {
	subscribersMu.Lock()
	subscribers[stream] = true // want "in-process connection registry subscribers is written by handler for \"/shop.Shop/Subscribe\""
	subscribersMu.Unlock()
	<-stream.Context().Done()
	return nil
}

func (s *shopServer) Broadcast(ctx context.Context, in *shop.Request) (*shop.Reply, error) {
	subscribersMu.Lock()
	defer subscribersMu.Unlock()
	for stream := range subscribers {
		stream.Send(&shop.Reply{Value: in.GetValue()})
	}
	return &shop.Reply{}, nil
}

func newToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func main() {
	s := grpc.NewServer()
	greeter.RegisterGreeterServer(s, greeterServer{})
	shop.RegisterShopServer(s, &shopServer{carts: map[string][]string{}})

	go worker()
	go serveClean()
	lis, _ := net.Listen("tcp", ":50051")
	s.Serve(lis)
}
