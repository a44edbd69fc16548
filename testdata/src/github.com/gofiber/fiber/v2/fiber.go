// Package fiber is a stub of github.com/gofiber/fiber/v2@v2.52.15 for statelint's tests: only the signatures the tests use.
package fiber

import (
	"mime/multipart"
	"time"

	"github.com/valyala/fasthttp"
)

// Handler is an alias, so handlers are plain func(*Ctx) error values.
type Handler = func(*Ctx) error

type Map map[string]interface{}

type Storage interface {
	Get(key string) ([]byte, error)
	Set(key string, val []byte, exp time.Duration) error
	Delete(key string) error
	Reset() error
	Close() error
}

type Config struct {
	AppName string
}

// Router is the subset of fiber's Router interface the tests use.
type Router interface {
	Use(args ...interface{}) Router

	Get(path string, handlers ...Handler) Router
	Post(path string, handlers ...Handler) Router
	Put(path string, handlers ...Handler) Router
	Delete(path string, handlers ...Handler) Router
	Patch(path string, handlers ...Handler) Router

	Add(method, path string, handlers ...Handler) Router
	All(path string, handlers ...Handler) Router

	Group(prefix string, handlers ...Handler) Router
	Route(prefix string, fn func(router Router), name ...string) Router
}

type App struct{}

func New(config ...Config) *App { return &App{} }

func (app *App) Use(args ...interface{}) Router                      { return app }
func (app *App) Get(path string, handlers ...Handler) Router         { return app }
func (app *App) Post(path string, handlers ...Handler) Router        { return app }
func (app *App) Put(path string, handlers ...Handler) Router         { return app }
func (app *App) Delete(path string, handlers ...Handler) Router      { return app }
func (app *App) Patch(path string, handlers ...Handler) Router       { return app }
func (app *App) Add(method, path string, handlers ...Handler) Router { return app }
func (app *App) All(path string, handlers ...Handler) Router         { return app }
func (app *App) Group(prefix string, handlers ...Handler) Router {
	return &Group{app: app, Prefix: prefix}
}
func (app *App) Route(prefix string, fn func(router Router), name ...string) Router {
	g := app.Group(prefix)
	fn(g)
	return g
}
func (app *App) Listen(addr string) error { return nil }

type Group struct {
	app    *App
	Prefix string
}

func (grp *Group) Use(args ...interface{}) Router                      { return grp }
func (grp *Group) Get(path string, handlers ...Handler) Router         { return grp }
func (grp *Group) Post(path string, handlers ...Handler) Router        { return grp }
func (grp *Group) Put(path string, handlers ...Handler) Router         { return grp }
func (grp *Group) Delete(path string, handlers ...Handler) Router      { return grp }
func (grp *Group) Patch(path string, handlers ...Handler) Router       { return grp }
func (grp *Group) Add(method, path string, handlers ...Handler) Router { return grp }
func (grp *Group) All(path string, handlers ...Handler) Router         { return grp }
func (grp *Group) Group(prefix string, handlers ...Handler) Router {
	return &Group{app: grp.app, Prefix: grp.Prefix + prefix}
}
func (grp *Group) Route(prefix string, fn func(router Router), name ...string) Router {
	g := grp.Group(prefix)
	fn(g)
	return g
}

type Cookie struct {
	Name        string    `json:"name"`
	Value       string    `json:"value"`
	Path        string    `json:"path"`
	Domain      string    `json:"domain"`
	MaxAge      int       `json:"max_age"`
	Expires     time.Time `json:"expires"`
	Secure      bool      `json:"secure"`
	HTTPOnly    bool      `json:"http_only"`
	SameSite    string    `json:"same_site"`
	SessionOnly bool      `json:"session_only"`
}

type Ctx struct{}

func (c *Ctx) Body() []byte                                               { return nil }
func (c *Ctx) BodyParser(out interface{}) error                           { return nil }
func (c *Ctx) Context() *fasthttp.RequestCtx                              { return nil }
func (c *Ctx) Cookie(cookie *Cookie)                                      {}
func (c *Ctx) Cookies(key string, defaultValue ...string) string          { return "" }
func (c *Ctx) FormFile(key string) (*multipart.FileHeader, error)         { return nil, nil }
func (c *Ctx) FormValue(key string, defaultValue ...string) string        { return "" }
func (c *Ctx) Get(key string, defaultValue ...string) string              { return "" }
func (c *Ctx) IP() string                                                 { return "" }
func (c *Ctx) JSON(data interface{}, ctype ...string) error               { return nil }
func (c *Ctx) Locals(key interface{}, value ...interface{}) interface{}   { return nil }
func (c *Ctx) Next() error                                                { return nil }
func (c *Ctx) Params(key string, defaultValue ...string) string           { return "" }
func (c *Ctx) Query(key string, defaultValue ...string) string            { return "" }
func (*Ctx) SaveFile(fileheader *multipart.FileHeader, path string) error { return nil }
func (c *Ctx) SendStatus(status int) error                                { return nil }
func (c *Ctx) SendString(body string) error                               { return nil }
func (c *Ctx) Set(key, val string)                                        {}
func (c *Ctx) Status(status int) *Ctx                                     { return c }
func (c *Ctx) Write(p []byte) (int, error)                                { return len(p), nil }

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
