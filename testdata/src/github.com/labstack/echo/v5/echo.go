// Package echo is a stub of github.com/labstack/echo/v5@v5.3.1 for statelint's tests: only the signatures the tests use.
package echo

import (
	"mime/multipart"
	"net/http"
)

// HandlerFunc takes *Context: in v5 Context is a struct, not an interface.
type HandlerFunc func(c *Context) error

type MiddlewareFunc func(next HandlerFunc) HandlerFunc

type Context struct {
	request  *http.Request
	response http.ResponseWriter
}

func (c *Context) Request() *http.Request                              { return c.request }
func (c *Context) Response() http.ResponseWriter                       { return c.response }
func (c *Context) RealIP() string                                      { return "" }
func (c *Context) Param(name string) string                            { return "" }
func (c *Context) QueryParam(name string) string                       { return "" }
func (c *Context) FormValue(name string) string                        { return "" }
func (c *Context) FormFile(name string) (*multipart.FileHeader, error) { return nil, nil }
func (c *Context) Cookie(name string) (*http.Cookie, error)            { return nil, nil }
func (c *Context) SetCookie(cookie *http.Cookie)                       {}
func (c *Context) Get(key string) any                                  { return nil }
func (c *Context) Set(key string, val any)                             {}
func (c *Context) Bind(i any) error                                    { return nil }
func (c *Context) String(code int, s string) (err error)               { return nil }
func (c *Context) JSON(code int, i any) (err error)                    { return nil }
func (c *Context) NoContent(code int) error                            { return nil }

type RouteInfo struct {
	Name       string
	Method     string
	Path       string
	Parameters []string
}

type Routes []RouteInfo

type Echo struct{}

type Group struct {
	prefix string
	echo   *Echo
}

func New() *Echo { return &Echo{} }

func (e *Echo) Pre(middleware ...MiddlewareFunc)                                 {}
func (e *Echo) Use(middleware ...MiddlewareFunc)                                 {}
func (e *Echo) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo    { return RouteInfo{} }
func (e *Echo) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo  { return RouteInfo{} }
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo   { return RouteInfo{} }
func (e *Echo) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo    { return RouteInfo{} }
func (e *Echo) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) RouteInfo {
	return RouteInfo{}
}
func (e *Echo) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) RouteInfo {
	return RouteInfo{}
}
func (e *Echo) Group(prefix string, m ...MiddlewareFunc) (g *Group) {
	return &Group{prefix: prefix, echo: e}
}
func (e *Echo) Start(address string) error                       { return nil }
func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func (g *Group) Use(middleware ...MiddlewareFunc)                                 {}
func (g *Group) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }
func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo    { return RouteInfo{} }
func (g *Group) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo  { return RouteInfo{} }
func (g *Group) POST(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo   { return RouteInfo{} }
func (g *Group) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo    { return RouteInfo{} }
func (g *Group) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) RouteInfo {
	return RouteInfo{}
}
func (g *Group) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) RouteInfo {
	return RouteInfo{}
}
func (g *Group) Group(prefix string, middleware ...MiddlewareFunc) (sg *Group) {
	return &Group{prefix: g.prefix + prefix, echo: g.echo}
}
