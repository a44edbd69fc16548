// Package redis is a stub of github.com/redis/go-redis/v9@v9.23.0 for statelint's tests: only the signatures the tests use.
package redis

import (
	"context"
	"time"
)

// RedisError stands in for the internal proto.RedisError.
type RedisError string

func (e RedisError) Error() string { return string(e) }

const Nil = RedisError("redis: nil")

type Options struct {
	Addr     string
	Password string
	DB       int
}

type Cmder interface {
	Name() string
	Args() []interface{}
	Err() error
}

type baseCmd struct {
	ctx  context.Context
	args []interface{}
	err  error
}

func (cmd *baseCmd) Name() string        { return "" }
func (cmd *baseCmd) Args() []interface{} { return cmd.args }
func (cmd *baseCmd) Err() error          { return cmd.err }

type StatusCmd struct {
	baseCmd
	val string
}

func (cmd *StatusCmd) Val() string             { return cmd.val }
func (cmd *StatusCmd) Result() (string, error) { return cmd.val, cmd.err }

type IntCmd struct {
	baseCmd
	val int64
}

func (cmd *IntCmd) Val() int64             { return cmd.val }
func (cmd *IntCmd) Result() (int64, error) { return cmd.val, cmd.err }

type BoolCmd struct {
	baseCmd
	val bool
}

func (cmd *BoolCmd) Val() bool             { return cmd.val }
func (cmd *BoolCmd) Result() (bool, error) { return cmd.val, cmd.err }

type StringCmd struct {
	baseCmd
	val string
}

func (cmd *StringCmd) Val() string             { return cmd.val }
func (cmd *StringCmd) Result() (string, error) { return cmd.val, cmd.err }
func (cmd *StringCmd) Bytes() ([]byte, error)  { return []byte(cmd.val), cmd.err }
func (cmd *StringCmd) Int() (int, error)       { return len(cmd.val), cmd.err }

type StringSliceCmd struct {
	baseCmd
	val []string
}

func (cmd *StringSliceCmd) Val() []string             { return cmd.val }
func (cmd *StringSliceCmd) Result() ([]string, error) { return cmd.val, cmd.err }

type MapStringStringCmd struct {
	baseCmd
	val map[string]string
}

func (cmd *MapStringStringCmd) Val() map[string]string             { return cmd.val }
func (cmd *MapStringStringCmd) Result() (map[string]string, error) { return cmd.val, cmd.err }

type XAddArgs struct {
	Stream     string
	NoMkStream bool
	MaxLen     int64
	MinID      string
	Approx     bool
	Limit      int64
	ID         string
	Values     interface{}
}

// cmdable carries the commands; Client embeds it, so a call such as
// rdb.Incr has the unexported receiver type cmdable, as in the real module.
type cmdable func(ctx context.Context, cmd Cmder) error

func (c cmdable) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }
func (c cmdable) Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd {
	return &StatusCmd{}
}
func (c cmdable) SetEx(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd {
	return &StatusCmd{}
}
func (c cmdable) SetNX(ctx context.Context, key string, value interface{}, expiration time.Duration) *BoolCmd {
	return &BoolCmd{}
}
func (c cmdable) Incr(ctx context.Context, key string) *IntCmd                { return &IntCmd{} }
func (c cmdable) IncrBy(ctx context.Context, key string, value int64) *IntCmd { return &IntCmd{} }
func (c cmdable) Del(ctx context.Context, keys ...string) *IntCmd             { return &IntCmd{} }
func (c cmdable) Expire(ctx context.Context, key string, expiration time.Duration) *BoolCmd {
	return &BoolCmd{}
}
func (c cmdable) HSet(ctx context.Context, key string, values ...interface{}) *IntCmd {
	return &IntCmd{}
}
func (c cmdable) HGet(ctx context.Context, key, field string) *StringCmd { return &StringCmd{} }
func (c cmdable) HGetAll(ctx context.Context, key string) *MapStringStringCmd {
	return &MapStringStringCmd{}
}
func (c cmdable) LPush(ctx context.Context, key string, values ...interface{}) *IntCmd {
	return &IntCmd{}
}
func (c cmdable) RPop(ctx context.Context, key string) *StringCmd { return &StringCmd{} }
func (c cmdable) BRPop(ctx context.Context, timeout time.Duration, keys ...string) *StringSliceCmd {
	return &StringSliceCmd{}
}
func (c cmdable) Publish(ctx context.Context, channel string, message interface{}) *IntCmd {
	return &IntCmd{}
}
func (c cmdable) XAdd(ctx context.Context, a *XAddArgs) *StringCmd { return &StringCmd{} }

type Cmd struct {
	baseCmd
	val interface{}
}

func (cmd *Cmd) Result() (interface{}, error) { return cmd.val, cmd.err }
func (cmd *Cmd) Int64() (int64, error)         { return 0, cmd.err }

func (c cmdable) Eval(ctx context.Context, script string, keys []string, args ...interface{}) *Cmd {
	return &Cmd{}
}

// Tx is a transaction on a connection, as in the real module.
type Tx struct {
	cmdable
}

func (c *Tx) TxPipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}

// Pipeliner queues commands; the stub's carries the commands alone.
type Pipeliner interface {
	Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd
}

type baseClient struct {
	opt *Options
}

func (c *baseClient) Close() error { return nil }

type Client struct {
	*baseClient
	cmdable
}

func NewClient(opt *Options) *Client {
	c := &Client{baseClient: &baseClient{opt: opt}}
	c.cmdable = func(ctx context.Context, cmd Cmder) error { return nil }
	return c
}

func (c *Client) Watch(ctx context.Context, fn func(*Tx) error, keys ...string) error { return nil }

type Message struct {
	Channel string
	Pattern string
	Payload string
}

type PubSub struct {
	ch chan *Message
}

type ChannelOption func(c *channel)

type channel struct{}

func (c *PubSub) Channel(opts ...ChannelOption) <-chan *Message { return c.ch }
func (c *PubSub) Close() error                                  { return nil }

func (c *Client) Subscribe(ctx context.Context, channels ...string) *PubSub {
	return &PubSub{ch: make(chan *Message)}
}
