// Package route is a stub of github.com/cloudwego/hertz/pkg/route@v0.10.4 for statelint's tests: only the signatures the tests use.
package route

import "github.com/cloudwego/hertz/pkg/app"

type IRoutes interface {
	GET(string, ...app.HandlerFunc) IRoutes
	POST(string, ...app.HandlerFunc) IRoutes
}

type IRouter interface {
	IRoutes
	Group(string, ...app.HandlerFunc) *RouterGroup
}

type RouterGroup struct{}

func (group *RouterGroup) Group(relativePath string, handlers ...app.HandlerFunc) *RouterGroup {
	return nil
}
func (group *RouterGroup) Handle(httpMethod, relativePath string, handlers ...app.HandlerFunc) IRoutes {
	return nil
}
func (group *RouterGroup) GET(relativePath string, handlers ...app.HandlerFunc) IRoutes  { return nil }
func (group *RouterGroup) POST(relativePath string, handlers ...app.HandlerFunc) IRoutes { return nil }
func (group *RouterGroup) Any(relativePath string, handlers ...app.HandlerFunc) IRoutes  { return nil }

type Engine struct {
	RouterGroup
}
