// Package nats is a stub of github.com/nats-io/nats.go@v1.55.0 for statelint's tests: only the signatures the tests use.
package nats

import "time"

type Conn struct{}

type Msg struct {
	Subject string
	Reply   string
	Data    []byte
	Header  Header
}

type Header map[string][]string

func (h Header) Get(key string) string { return "" }

type MsgHandler func(msg *Msg)

type Subscription struct{}

func Connect(url string) (*Conn, error) { return &Conn{}, nil }

func (nc *Conn) Subscribe(subj string, cb MsgHandler) (*Subscription, error) { return nil, nil }
func (nc *Conn) QueueSubscribe(subj, queue string, cb MsgHandler) (*Subscription, error) {
	return nil, nil
}
func (nc *Conn) QueueSubscribeSync(subj, queue string) (*Subscription, error) { return nil, nil }
func (nc *Conn) Publish(subj string, data []byte) error                       { return nil }
func (s *Subscription) NextMsg(timeout time.Duration) (*Msg, error)           { return nil, nil }
func (m *Msg) Respond(data []byte) error                                      { return nil }
func (m *Msg) Ack() error                                                     { return nil }
