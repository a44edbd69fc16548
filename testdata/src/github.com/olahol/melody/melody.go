// Package melody is a stub of github.com/olahol/melody@v1.1.4 for statelint's tests: only the signatures the tests use.
package melody

import "net/http"

type Melody struct{}

type Session struct {
	Request *http.Request
	Keys    map[string]any
}

func New() *Melody { return &Melody{} }

func (m *Melody) HandleConnect(fn func(*Session))                  {}
func (m *Melody) HandleDisconnect(fn func(*Session))               {}
func (m *Melody) HandlePong(fn func(*Session))                     {}
func (m *Melody) HandleMessage(fn func(*Session, []byte))          {}
func (m *Melody) HandleMessageBinary(fn func(*Session, []byte))    {}
func (m *Melody) HandleSentMessage(fn func(*Session, []byte))      {}
func (m *Melody) HandleError(fn func(*Session, error))             {}
func (m *Melody) HandleClose(fn func(*Session, int, string) error) {}
func (m *Melody) HandleRequest(w http.ResponseWriter, r *http.Request) error {
	return nil
}
func (m *Melody) Broadcast(msg []byte) error                               { return nil }
func (m *Melody) BroadcastFilter(msg []byte, fn func(*Session) bool) error { return nil }
func (s *Session) Write(msg []byte) error                                  { return nil }
func (s *Session) Set(key string, value any)                               {}
func (s *Session) Get(key string) (any, bool)                              { return nil, false }
