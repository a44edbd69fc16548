// Package boundsession is a session library in the shape of fiber's: a
// Session is bound to one request (it holds the request's context) and
// is handed out by Store.Get(c); handlers in other modules call its
// Set and Save, which nothing here registers. Those methods are its
// request paths. What a session keeps in its own fields is that
// request's copy (silent); what Save writes through the store's Storage
// lands in this process when the storage is the in-memory default
// (reported), and in the database for SQLStore's sessions (silent).
package boundsession

import (
	"database/sql"
	"sync"

	"github.com/gofiber/fiber/v2"
)

// Storage keeps encoded sessions by id.
type Storage interface {
	Set(key string, val []byte) error
	Delete(key string) error
}

type memoryStorage struct {
	mu sync.Mutex
	db map[string][]byte
}

func (m *memoryStorage) Set(key string, val []byte) error {
	m.mu.Lock()
	m.db[key] = val // want `in-memory session store Session.store.Storage.db \(implemented in memory by \*memoryStorage\) is written by handler \(\*Session\).Save`
	m.mu.Unlock()
	return nil
}

func (m *memoryStorage) Delete(key string) error {
	m.mu.Lock()
	delete(m.db, key)
	m.mu.Unlock()
	return nil
}

// Config says where sessions are kept.
type Config struct {
	Storage Storage
}

// Store hands out sessions.
type Store struct {
	Config
}

// New keeps sessions in the configured Storage, or in this process.
func New(config ...Config) *Store {
	var cfg Config
	if len(config) > 0 {
		cfg = config[0]
	}
	if cfg.Storage == nil {
		cfg.Storage = &memoryStorage{db: map[string][]byte{}}
	}
	return &Store{cfg}
}

// Session is one request's view of its session.
type Session struct {
	ctx   *fiber.Ctx
	store *Store
	id    string
	data  map[string]string
	fresh bool
}

// Get binds the request's session.
func (st *Store) Get(c *fiber.Ctx) *Session {
	return &Session{ctx: c, store: st, id: c.Cookies("session_id"), data: map[string]string{}}
}

// Set changes this request's copy.
func (s *Session) Set(key, val string) {
	s.data[key] = val
	s.fresh = false
}

// Save stores the session.
func (s *Session) Save() error {
	var buf []byte
	for k, v := range s.data {
		buf = append(buf, k+"="+v+";"...)
	}
	return s.store.Storage.Set(s.id, buf)
}

// SQLStore keeps sessions in a database.
type SQLStore struct {
	db *sql.DB
}

// SQLSession is one request's view of its session in a SQLStore.
type SQLSession struct {
	ctx   *fiber.Ctx
	store *SQLStore
	id    string
	data  map[string]string
}

// Get binds the request's session.
func (st *SQLStore) Get(c *fiber.Ctx) *SQLSession {
	return &SQLSession{ctx: c, store: st, id: c.Cookies("session_id"), data: map[string]string{}}
}

// Set changes this request's copy.
func (s *SQLSession) Set(key, val string) { s.data[key] = val }

// Save stores the session.
func (s *SQLSession) Save() error {
	var buf []byte
	for k, v := range s.data {
		buf = append(buf, k+"="+v+";"...)
	}
	_, err := s.store.db.Exec("UPSERT INTO sessions (id, data) VALUES ($1, $2)", s.id, buf)
	return err
}
