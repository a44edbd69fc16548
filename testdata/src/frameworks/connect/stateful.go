// Package connect is a Connect service that keeps state in process memory
// and on local disk: one case per seed mistake. clean.go has the clean twin
// of each. Routes are RPC procedures ("/shop.v1.ShopService/Login").
package connect

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sync"

	"connectrpc.com/connect"
	greetv1 "example.com/pb/greet/v1"
	"example.com/pb/greet/v1/greetv1connect"
	shopv1 "example.com/pb/shop/v1"
	"example.com/pb/shop/v1/shopv1connect"
	"golang.org/x/time/rate"
)

// (1) A request counter.
var requestCount int

type greetServer struct{}

func (greetServer) Greet(ctx context.Context, req *connect.Request[greetv1.GreetRequest]) (*connect.Response[greetv1.GreetResponse], error) {
	requestCount++ // want "in-process counter requestCount is written by handler for \"/greet.v1.GreetService/Greet\""
	return connect.NewResponse(&greetv1.GreetResponse{Greeting: fmt.Sprintf("hello %s (%d)", req.Msg.Name, requestCount)}), nil
}

// (7) The long-lived service implementation writes one of its fields in
// AddToCart.
type shopServer struct {
	shopv1connect.UnimplementedShopServiceHandler

	mu    sync.Mutex
	carts map[string][]string
}

// (2) Sessions in a map, written at login and read by another RPC.
var (
	sessionsMu sync.Mutex
	sessions   = map[string]string{}
)

func (s *shopServer) Login(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	in := req.Msg
	token := newToken()
	sessionsMu.Lock()
	sessions[token] = in.Value // want "in-memory session store sessions is written by handler for \"/shop.v1.ShopService/Login\""
	sessionsMu.Unlock()
	return connect.NewResponse(&shopv1.Reply{Value: token}), nil
}

func (s *shopServer) Me(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	in := req.Msg
	sessionsMu.Lock()
	user, ok := sessions[in.Key]
	sessionsMu.Unlock()
	if !ok {
		return nil, fmt.Errorf("not logged in")
	}
	return connect.NewResponse(&shopv1.Reply{Value: user}), nil
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

func (s *shopServer) GetUser(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	in := req.Msg
	userCacheMu.Lock()
	defer userCacheMu.Unlock()
	u, ok := userCache[in.Key]
	if !ok {
		u = loadUser(in.Key)
		userCache[in.Key] = u // want "in-process cache userCache is written by handler for \"/shop.v1.ShopService/GetUser\""
	}
	return connect.NewResponse(&shopv1.Reply{Value: u.Name}), nil
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

func (s *shopServer) Enqueue(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	in := req.Msg
	workQueue <- in.Value // want "in-process queue workQueue is written by handler for \"/shop.v1.ShopService/Enqueue\""
	return connect.NewResponse(&shopv1.Reply{}), nil
}

func worker() {
	for task := range workQueue {
		fmt.Println("processing", task)
	}
}

// (5) An upload saved to local disk.
func (s *shopServer) Upload(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	in := req.Msg
	err := os.WriteFile(filepath.Join("uploads", filepath.Base(in.Key)), in.Data, 0o644) // want "handler for \"/shop.v1.ShopService/Upload\" writes a local file with os.WriteFile"
	return connect.NewResponse(&shopv1.Reply{}), err
}

// (6) Step 1 stores the form; step 2, another RPC, reads it back.
type signup struct {
	Email string
	Name  string
}

var lastSignup signup

func (s *shopServer) Step1(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	in := req.Msg
	lastSignup = signup{Email: in.Value} // want "mutable server variable lastSignup is written by handler for \"/shop.v1.ShopService/Step1\""
	return connect.NewResponse(&shopv1.Reply{}), nil
}

func (s *shopServer) Step2(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	in := req.Msg
	su := lastSignup
	su.Name = in.Value
	return connect.NewResponse(&shopv1.Reply{Value: fmt.Sprintf("welcome %s <%s>", su.Name, su.Email)}), nil
}

func (s *shopServer) AddToCart(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	in := req.Msg
	s.mu.Lock()
	s.carts[in.Key] = append(s.carts[in.Key], in.Value) // want "in-memory session store shopServer.carts is written by handler for \"/shop.v1.ShopService/AddToCart\""
	s.mu.Unlock()
	return connect.NewResponse(&shopv1.Reply{}), nil
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
		limiters[addr] = lim // want "per-client rate limiter in memory limiters is written by handler for \"/shop.v1.ShopService/Limited\""
	}
	return lim
}

func (s *shopServer) Limited(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	if !limiterFor(req.Peer().Addr).Allow() {
		return nil, fmt.Errorf("slow down")
	}
	return connect.NewResponse(&shopv1.Reply{Value: "ok"}), nil
}

// (10) A registry of server streams: Subscribe adds, Broadcast iterates.
var (
	subscribersMu sync.Mutex
	subscribers   = map[*connect.ServerStream[shopv1.Reply]]bool{}
)

func (s *shopServer) Subscribe(ctx context.Context, req *connect.Request[shopv1.Request], stream *connect.ServerStream[shopv1.Reply]) error {
	subscribersMu.Lock()
	subscribers[stream] = true // want "in-process connection registry subscribers is written by handler for \"/shop.v1.ShopService/Subscribe\""
	subscribersMu.Unlock()
	<-ctx.Done()
	return nil
}

func (s *shopServer) Broadcast(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
	in := req.Msg
	subscribersMu.Lock()
	defer subscribersMu.Unlock()
	for stream := range subscribers {
		stream.Send(&shopv1.Reply{Value: in.Value})
	}
	return connect.NewResponse(&shopv1.Reply{}), nil
}

// (8) A handler closure built by a constructor counts in a captured
// variable.
func newHitsHandler() *connect.Handler {
	hits := 0
	return connect.NewUnaryHandler("/hits.v1.HitsService/Hit", func(ctx context.Context, req *connect.Request[shopv1.Request]) (*connect.Response[shopv1.Reply], error) {
		hits++ // want "in-process counter hits is written by handler for \"/hits.v1.HitsService/Hit\""
		return connect.NewResponse(&shopv1.Reply{Value: fmt.Sprint(hits)}), nil
	})
}

func newToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func main() {
	mux := http.NewServeMux()
	mux.Handle(greetv1connect.NewGreetServiceHandler(greetServer{}))
	mux.Handle(shopv1connect.NewShopServiceHandler(&shopServer{carts: map[string][]string{}}))
	mux.Handle("/hits.v1.HitsService/Hit", newHitsHandler())

	go worker()
	go serveClean()
	http.ListenAndServe(":8080", mux)
}
