// Package server is a stub of github.com/cloudwego/hertz/pkg/app/server@v0.10.4 for statelint's tests: only the signatures the tests use.
package server

import "github.com/cloudwego/hertz/pkg/route"

type Hertz struct {
	*route.Engine
}

type Option struct{}

func Default(opts ...Option) *Hertz { return nil }
func New(opts ...Option) *Hertz     { return nil }
func (h *Hertz) Spin()              {}
