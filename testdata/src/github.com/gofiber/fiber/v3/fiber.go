// Package fiber is a stub of github.com/gofiber/fiber/v3@v3.1.0 for statelint's tests: only the signatures the tests use.
package fiber

import (
	"bufio"
	"context"
	"mime/multipart"
	"time"
)

// Handler is an alias, so handlers are plain func(Ctx) error values; Ctx is
// an interface in v3.
type Handler = func(Ctx) error

type Map map[string]any

type Config struct {
	AppName string
}

type ListenConfig struct {
	DisableStartupMessage bool
}

// Router is the subset of fiber's Router interface the tests use. Routes
// take handlers as any: a Handler, a func(Ctx), an Express-style or a
// net/http handler are all accepted and adapted at registration.
type Router interface {
	Use(args ...any) Router

	Get(path string, handler any, handlers ...any) Router
	Post(path string, handler any, handlers ...any) Router
	Put(path string, handler any, handlers ...any) Router
	Delete(path string, handler any, handlers ...any) Router
	Patch(path string, handler any, handlers ...any) Router

	Add(methods []string, path string, handler any, handlers ...any) Router
	All(path string, handler any, handlers ...any) Router

	Group(prefix string, handlers ...any) Router
	Route(prefix string, fn func(router Router), name ...string) Router
}

// App keeps its routes as fiber does: Handler, which fiber's adaptor
// calls on every request, registers the automatic HEAD routes and
// rebuilds the tree while the routes changed.
type App struct {
	stack           [][]string
	handlersCount   uint32
	routesRefreshed bool
	tree            map[string][]string
}

func New(config ...Config) *App { return &App{} }

// Handler prepares the app and returns its request handler.
func (app *App) Handler() Handler {
	for _, path := range app.stack[0] {
		app.stack[1] = append(app.stack[1], path)
		app.handlersCount++
		app.routesRefreshed = true
	}
	if app.routesRefreshed {
		app.tree = map[string][]string{}
		for _, path := range app.stack[1] {
			app.tree[path[:1]] = append(app.tree[path[:1]], path)
		}
		app.routesRefreshed = false
	}
	return func(Ctx) error { return nil }
}

func (app *App) Use(args ...any) Router                                  { return app }
func (app *App) Get(path string, handler any, handlers ...any) Router    { return app }
func (app *App) Post(path string, handler any, handlers ...any) Router   { return app }
func (app *App) Put(path string, handler any, handlers ...any) Router    { return app }
func (app *App) Delete(path string, handler any, handlers ...any) Router { return app }
func (app *App) Patch(path string, handler any, handlers ...any) Router  { return app }
func (app *App) Add(methods []string, path string, handler any, handlers ...any) Router {
	return app
}
func (app *App) All(path string, handler any, handlers ...any) Router { return app }
func (app *App) Group(prefix string, handlers ...any) Router {
	return &Group{app: app, Prefix: prefix}
}
func (app *App) Route(prefix string, fn func(router Router), name ...string) Router {
	g := app.Group(prefix)
	fn(g)
	return g
}
func (app *App) Listen(addr string, config ...ListenConfig) error { return nil }

type Group struct {
	app    *App
	Prefix string
}

func (grp *Group) Use(args ...any) Router                                  { return grp }
func (grp *Group) Get(path string, handler any, handlers ...any) Router    { return grp }
func (grp *Group) Post(path string, handler any, handlers ...any) Router   { return grp }
func (grp *Group) Put(path string, handler any, handlers ...any) Router    { return grp }
func (grp *Group) Delete(path string, handler any, handlers ...any) Router { return grp }
func (grp *Group) Patch(path string, handler any, handlers ...any) Router  { return grp }
func (grp *Group) Add(methods []string, path string, handler any, handlers ...any) Router {
	return grp
}
func (grp *Group) All(path string, handler any, handlers ...any) Router { return grp }
func (grp *Group) Group(prefix string, handlers ...any) Router {
	return &Group{app: grp.app, Prefix: grp.Prefix + prefix}
}
func (grp *Group) Route(prefix string, fn func(router Router), name ...string) Router {
	g := grp.Group(prefix)
	fn(g)
	return g
}

type Cookie struct {
	Expires     time.Time `json:"expires"`
	Name        string    `json:"name"`
	Value       string    `json:"value"`
	Path        string    `json:"path"`
	Domain      string    `json:"domain"`
	SameSite    string    `json:"same_site"`
	MaxAge      int       `json:"max_age"`
	Secure      bool      `json:"secure"`
	HTTPOnly    bool      `json:"http_only"`
	Partitioned bool      `json:"partitioned"`
	SessionOnly bool      `json:"session_only"`
}

type Bind struct{}

func (b *Bind) JSON(out any) error { return nil }
func (b *Bind) Body(out any) error { return nil }

// Ctx is the subset of fiber's Ctx interface the tests use.
type Ctx interface {
	Context() context.Context
	Get(key string, defaultValue ...string) string
	Next() error
	SaveFile(fileheader *multipart.FileHeader, path string) error
	Status(status int) Ctx
	Bind() *Bind
	Body() []byte
	Cookies(key string, defaultValue ...string) string
	FormFile(key string) (*multipart.FileHeader, error)
	FormValue(key string, defaultValue ...string) string
	IP() string
	Locals(key any, value ...any) any
	Params(key string, defaultValue ...string) string
	Query(key string, defaultValue ...string) string
	Cookie(cookie *Cookie)
	JSON(data any, ctype ...string) error
	SendStatus(status int) error
	SendString(body string) error
	SendStreamWriter(streamWriter func(*bufio.Writer)) error
	Set(key, val string)
	Write(p []byte) (int, error)
}

// DefaultCtx is the Ctx implementation the app hands to handlers.
type DefaultCtx struct{}

func (c *DefaultCtx) Context() context.Context                                   { return context.Background() }
func (c *DefaultCtx) Get(key string, defaultValue ...string) string              { return "" }
func (c *DefaultCtx) Next() error                                                { return nil }
func (*DefaultCtx) SaveFile(fileheader *multipart.FileHeader, path string) error { return nil }
func (c *DefaultCtx) Status(status int) Ctx                                      { return c }
func (c *DefaultCtx) Bind() *Bind                                                { return &Bind{} }
func (c *DefaultCtx) Body() []byte                                               { return nil }
func (c *DefaultCtx) Cookies(key string, defaultValue ...string) string          { return "" }
func (c *DefaultCtx) FormFile(key string) (*multipart.FileHeader, error)         { return nil, nil }
func (c *DefaultCtx) FormValue(key string, defaultValue ...string) string        { return "" }
func (c *DefaultCtx) IP() string                                                 { return "" }
func (c *DefaultCtx) Locals(key any, value ...any) any                           { return nil }
func (c *DefaultCtx) Params(key string, defaultValue ...string) string           { return "" }
func (c *DefaultCtx) Query(key string, defaultValue ...string) string            { return "" }
func (c *DefaultCtx) Cookie(cookie *Cookie)                                      {}
func (c *DefaultCtx) JSON(data any, ctype ...string) error                       { return nil }
func (c *DefaultCtx) SendStatus(status int) error                                { return nil }
func (c *DefaultCtx) SendString(body string) error                               { return nil }
func (c *DefaultCtx) SendStreamWriter(streamWriter func(*bufio.Writer)) error    { return nil }
func (c *DefaultCtx) Write(p []byte) (int, error)                                { return len(p), nil }
func (c *DefaultCtx) Set(key, val string)                                        {}

const (
	StatusOK                 = 200
	StatusAccepted           = 202
	StatusNoContent          = 204
	StatusBadRequest         = 400
	StatusUnauthorized       = 401
	StatusNotFound           = 404
	StatusTooManyRequests    = 429
	StatusServiceUnavailable = 503
)
