// Package sessions is a stub of github.com/gorilla/sessions@v1.4.0 for statelint's tests: only the signatures the tests use.
package sessions

import "net/http"

type Options struct {
	Path        string
	Domain      string
	MaxAge      int
	Secure      bool
	HttpOnly    bool
	Partitioned bool
	SameSite    http.SameSite
}

type Session struct {
	ID      string
	Values  map[interface{}]interface{}
	Options *Options
	IsNew   bool
	store   Store
	name    string
}

func NewSession(store Store, name string) *Session {
	return &Session{Values: make(map[interface{}]interface{}), store: store, name: name, Options: new(Options)}
}

func (s *Session) Save(r *http.Request, w http.ResponseWriter) error { return s.store.Save(r, w, s) }
func (s *Session) Name() string                                      { return s.name }
func (s *Session) Store() Store                                      { return s.store }

type Store interface {
	Get(r *http.Request, name string) (*Session, error)
	New(r *http.Request, name string) (*Session, error)
	Save(r *http.Request, w http.ResponseWriter, s *Session) error
}

// CookieStore keeps the session in a signed (optionally encrypted) cookie.
type CookieStore struct {
	Options *Options
}

func NewCookieStore(keyPairs ...[]byte) *CookieStore { return &CookieStore{Options: &Options{}} }

func (s *CookieStore) Get(r *http.Request, name string) (*Session, error) {
	return NewSession(s, name), nil
}
func (s *CookieStore) New(r *http.Request, name string) (*Session, error) {
	return NewSession(s, name), nil
}
func (s *CookieStore) Save(r *http.Request, w http.ResponseWriter, session *Session) error {
	return nil
}
func (s *CookieStore) MaxAge(age int) {}

// FilesystemStore keeps session data in files under path on local disk.
type FilesystemStore struct {
	Options *Options
	path    string
}

func NewFilesystemStore(path string, keyPairs ...[]byte) *FilesystemStore {
	return &FilesystemStore{Options: &Options{}, path: path}
}

func (s *FilesystemStore) Get(r *http.Request, name string) (*Session, error) {
	return NewSession(s, name), nil
}
func (s *FilesystemStore) New(r *http.Request, name string) (*Session, error) {
	return NewSession(s, name), nil
}
func (s *FilesystemStore) Save(r *http.Request, w http.ResponseWriter, session *Session) error {
	return nil
}
func (s *FilesystemStore) MaxAge(age int) {}
