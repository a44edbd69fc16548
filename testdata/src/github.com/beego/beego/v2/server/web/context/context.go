// Package context is a stub of github.com/beego/beego/v2/server/web/context@v2.3.8 for statelint's tests: only the signatures the tests use.
package context

import "net/http"

type Context struct {
	Input   *BeegoInput
	Output  *BeegoOutput
	Request *http.Request
}

func (ctx *Context) GetCookie(key string) string { return "" }
func (ctx *Context) WriteString(content string)  {}

type BeegoInput struct{}

func (input *BeegoInput) Param(key string) string  { return "" }
func (input *BeegoInput) Query(key string) string  { return "" }
func (input *BeegoInput) Cookie(key string) string { return "" }
func (input *BeegoInput) IP() string               { return "" }

type BeegoOutput struct{}
