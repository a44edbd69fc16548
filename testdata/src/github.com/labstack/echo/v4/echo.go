// Package echo is a stub of github.com/labstack/echo/v4@v4.16.0 for statelint's tests: only the signatures the tests use.
package echo

import (
	"mime/multipart"
	"net/http"
)

type HandlerFunc func(c Context) error

type MiddlewareFunc func(next HandlerFunc) HandlerFunc

type Map map[string]interface{}

// Context is the subset of echo's Context interface the tests use.
type Context interface {
	Request() *http.Request
	Response() *Response
	RealIP() string
	Param(name string) string
	QueryParam(name string) string
	FormValue(name string) string
	FormFile(name string) (*multipart.FileHeader, error)
	Cookie(name string) (*http.Cookie, error)
	SetCookie(cookie *http.Cookie)
	Get(key string) any
	Set(key string, val any)
	Bind(i any) error
	String(code int, s string) error
	JSON(code int, i any) error
	NoContent(code int) error
}

type Response struct {
	Writer    http.ResponseWriter
	Status    int
	Size      int64
	Committed bool
}

type Route struct {
	Method string `json:"method"`
	Path   string `json:"path"`
	Name   string `json:"name"`
}

type Echo struct{}

type Group struct {
	prefix string
	echo   *Echo
}

func New() (e *Echo) { return &Echo{} }

func (e *Echo) Pre(middleware ...MiddlewareFunc)                              {}
func (e *Echo) Use(middleware ...MiddlewareFunc)                              {}
func (e *Echo) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return &Route{} }
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return &Route{} }
func (e *Echo) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) *Route  { return &Route{} }
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return &Route{} }
func (e *Echo) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return &Route{} }
func (e *Echo) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	return nil
}
func (e *Echo) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) *Route {
	return &Route{}
}
func (e *Echo) Group(prefix string, m ...MiddlewareFunc) (g *Group) {
	return &Group{prefix: prefix, echo: e}
}
func (e *Echo) Start(address string) error                       { return nil }
func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func (g *Group) Use(middleware ...MiddlewareFunc)                              {}
func (g *Group) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return &Route{} }
func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return &Route{} }
func (g *Group) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) *Route  { return &Route{} }
func (g *Group) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return &Route{} }
func (g *Group) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return &Route{} }
func (g *Group) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	return nil
}
func (g *Group) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) *Route {
	return &Route{}
}
func (g *Group) Group(prefix string, middleware ...MiddlewareFunc) (sg *Group) {
	return &Group{prefix: g.prefix + prefix, echo: g.echo}
}
