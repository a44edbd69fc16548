// Package gin is a stub of github.com/gin-gonic/gin@v1.12.0 for statelint's tests: only the signatures the tests use.
package gin

import (
	"io/fs"
	"mime/multipart"
	"net/http"
)

type HandlerFunc func(*Context)

type HandlersChain []HandlerFunc

type H map[string]any

type OptionFunc func(*Engine)

type IRouter interface {
	IRoutes
	Group(string, ...HandlerFunc) *RouterGroup
}

type IRoutes interface {
	Use(...HandlerFunc) IRoutes

	Handle(string, string, ...HandlerFunc) IRoutes
	Any(string, ...HandlerFunc) IRoutes
	GET(string, ...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
	DELETE(string, ...HandlerFunc) IRoutes
	PATCH(string, ...HandlerFunc) IRoutes
	PUT(string, ...HandlerFunc) IRoutes
}

type RouterGroup struct {
	Handlers HandlersChain
	basePath string
	engine   *Engine
	root     bool
}

type Engine struct {
	RouterGroup
}

func New(opts ...OptionFunc) *Engine     { return &Engine{} }
func Default(opts ...OptionFunc) *Engine { return &Engine{} }

func (engine *Engine) Use(middleware ...HandlerFunc) IRoutes              { return engine }
func (engine *Engine) Run(addr ...string) (err error)                     { return nil }
func (engine *Engine) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

func (group *RouterGroup) Use(middleware ...HandlerFunc) IRoutes { return group }
func (group *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup {
	return &RouterGroup{basePath: group.basePath + relativePath, engine: group.engine}
}
func (group *RouterGroup) BasePath() string { return group.basePath }
func (group *RouterGroup) Handle(httpMethod, relativePath string, handlers ...HandlerFunc) IRoutes {
	return group
}
func (group *RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes   { return group }
func (group *RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes    { return group }
func (group *RouterGroup) DELETE(relativePath string, handlers ...HandlerFunc) IRoutes { return group }
func (group *RouterGroup) PATCH(relativePath string, handlers ...HandlerFunc) IRoutes  { return group }
func (group *RouterGroup) PUT(relativePath string, handlers ...HandlerFunc) IRoutes    { return group }
func (group *RouterGroup) Any(relativePath string, handlers ...HandlerFunc) IRoutes    { return group }

type ResponseWriter interface {
	http.ResponseWriter
	http.Hijacker
	http.Flusher

	Status() int
	Size() int
	WriteString(string) (int, error)
	Written() bool
}

type Params []Param

type Param struct {
	Key   string
	Value string
}

type Context struct {
	Request *http.Request
	Writer  ResponseWriter

	Params Params
	Keys   map[any]any
}

func (c *Context) Next()                                               {}
func (c *Context) Abort()                                              {}
func (c *Context) AbortWithStatus(code int)                            {}
func (c *Context) Set(key any, value any)                              {}
func (c *Context) Get(key any) (value any, exists bool)                { return nil, false }
func (c *Context) Param(key string) string                             { return "" }
func (c *Context) Query(key string) (value string)                     { return "" }
func (c *Context) PostForm(key string) (value string)                  { return "" }
func (c *Context) FormFile(name string) (*multipart.FileHeader, error) { return nil, nil }
func (c *Context) SaveUploadedFile(file *multipart.FileHeader, dst string, perm ...fs.FileMode) error {
	return nil
}
func (c *Context) ShouldBindJSON(obj any) error       { return nil }
func (c *Context) ClientIP() string                   { return "" }
func (c *Context) Status(code int)                    {}
func (c *Context) GetHeader(key string) string        { return "" }
func (c *Context) Cookie(name string) (string, error) { return "", nil }
func (c *Context) SetCookie(name, value string, maxAge int, path, domain string, secure, httpOnly bool) {
}
func (c *Context) JSON(code int, obj any)                        {}
func (c *Context) String(code int, format string, values ...any) {}
