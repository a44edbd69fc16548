// Package router is a stub of github.com/kataras/iris/v12/core/router@v12.2.11 for statelint's tests: only the signatures the tests use.
package router

import "github.com/kataras/iris/v12/context"

type Route struct{}

type Party interface {
	Party(relativePath string, middleware ...context.Handler) Party
	PartyFunc(relativePath string, partyBuilderFunc func(p Party)) Party
	Get(path string, handlers ...context.Handler) *Route
	Post(path string, handlers ...context.Handler) *Route
}

type APIBuilder struct{}

func (api *APIBuilder) Party(relativePath string, handlers ...context.Handler) Party { return nil }
func (api *APIBuilder) PartyFunc(relativePath string, partyBuilderFunc func(p Party)) Party {
	return nil
}
func (api *APIBuilder) Handle(method string, relativePath string, handlers ...context.Handler) *Route {
	return nil
}
func (api *APIBuilder) Get(relativePath string, handlers ...context.Handler) *Route  { return nil }
func (api *APIBuilder) Post(relativePath string, handlers ...context.Handler) *Route { return nil }

type Router struct{}
