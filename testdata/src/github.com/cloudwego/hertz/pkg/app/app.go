// Package app is a stub of github.com/cloudwego/hertz/pkg/app@v0.10.4 for statelint's tests: only the signatures the tests use.
package app

import "context"

type RequestContext struct{}

type HandlerFunc func(c context.Context, ctx *RequestContext)

func (ctx *RequestContext) Param(key string) string                               { return "" }
func (ctx *RequestContext) Query(key string) string                               { return "" }
func (ctx *RequestContext) JSON(code int, obj interface{})                        {}
func (ctx *RequestContext) String(code int, format string, values ...interface{}) {}
func (ctx *RequestContext) Cookie(key string) []byte                              { return nil }
func (ctx *RequestContext) ClientIP() string                                      { return "" }
