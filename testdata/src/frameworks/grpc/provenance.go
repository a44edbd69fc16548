package grpc

import (
	"context"
	"net"
	"os"
	"sync"

	"example.com/pb/notes"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
)

// (11) The registered implementation comes from a constructor that
// returns an interface, and does not embed the generated Unimplemented
// server: what is registered is known from the constructor's return.
type Notes interface {
	notes.NotesServer
}

type memNotes struct {
	mu   sync.Mutex
	seen map[string]*notes.Note
}

func newNotes() Notes {
	return &memNotes{seen: map[string]*notes.Note{}}
}

func (g *memNotes) Add(ctx context.Context, in *notes.Note) (*notes.Note, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.seen[in.GetId()] = in // want "in-memory records table memNotes.seen is written by handler for \"/notes.Notes/Add\""
	return in, nil
}

// The clean twin: the same shape, the notes kept in Redis.
type redisNotes struct {
	rdb *redis.Client
}

func newRedisNotes(rdb *redis.Client) (Notes, error) {
	if rdb == nil {
		return nil, os.ErrInvalid
	}
	return &redisNotes{rdb: rdb}, nil
}

func (g *redisNotes) Add(ctx context.Context, in *notes.Note) (*notes.Note, error) {
	err := g.rdb.Set(ctx, "note:"+in.GetId(), in.GetText(), 0).Err()
	return in, err
}

func serveProvenance() {
	s := grpc.NewServer()
	g := newNotes()
	notes.RegisterNotesServer(s, g)

	rg, err := newRedisNotes(redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}))
	if err != nil {
		return
	}
	s2 := grpc.NewServer()
	notes.RegisterNotesServer(s2, rg)

	lis, _ := net.Listen("tcp", ":50053")
	s.Serve(lis)
	s2.Serve(lis)
}
