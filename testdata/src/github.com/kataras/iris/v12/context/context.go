// Package context is a stub of github.com/kataras/iris/v12/context@v12.2.11 for statelint's tests: only the signatures the tests use.
package context

type Context struct{}

type Handler = func(*Context)

func (ctx *Context) Params() *RequestParams                                { return nil }
func (ctx *Context) URLParam(name string) string                           { return "" }
func (ctx *Context) RemoteAddr() string                                    { return "" }
func (ctx *Context) WriteString(body string) (n int, err error)            { return 0, nil }
func (ctx *Context) JSON(v interface{}, opts ...JSON) (err error)          { return nil }
func (ctx *Context) GetCookie(name string, options ...CookieOption) string { return "" }

type RequestParams struct{}

func (r *RequestParams) Get(key string) string { return "" }

type JSON struct{}

type CookieOption func(*Context)
