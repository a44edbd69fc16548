// Package httprouter is a stub of github.com/julienschmidt/httprouter@v1.3.0 for statelint's tests: only the signatures the tests use.
package httprouter

import "net/http"

type Handle func(http.ResponseWriter, *http.Request, Params)

type Param struct {
	Key   string
	Value string
}

type Params []Param

func (ps Params) ByName(name string) string {
	for _, p := range ps {
		if p.Key == name {
			return p.Value
		}
	}
	return ""
}

type Router struct{}

func New() *Router { return &Router{} }

func (r *Router) GET(path string, handle Handle)                            {}
func (r *Router) POST(path string, handle Handle)                           {}
func (r *Router) PUT(path string, handle Handle)                            {}
func (r *Router) PATCH(path string, handle Handle)                          {}
func (r *Router) DELETE(path string, handle Handle)                         {}
func (r *Router) Handle(method, path string, handle Handle)                 {}
func (r *Router) Handler(method, path string, handler http.Handler)         {}
func (r *Router) HandlerFunc(method, path string, handler http.HandlerFunc) {}
func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request)        {}
