// Package web is a stub of github.com/beego/beego/v2/server/web@v2.3.8 for statelint's tests: only the signatures the tests use.
package web

import "github.com/beego/beego/v2/server/web/context"

type ControllerInterface interface {
	Prepare()
	Get()
	Post()
	Delete()
	Finish()
}

type Controller struct {
	Ctx  *context.Context
	Data map[interface{}]interface{}
}

func (c *Controller) Prepare()                                   {}
func (c *Controller) Get()                                       {}
func (c *Controller) Post()                                      {}
func (c *Controller) Delete()                                    {}
func (c *Controller) Finish()                                    {}
func (c *Controller) ServeJSON(encoding ...bool) error           { return nil }
func (c *Controller) GetString(key string, def ...string) string { return "" }
func (c *Controller) SaveToFile(fromFile, toFile string) error   { return nil }

type HttpServer struct{}

type HandleFunc func(ctx *context.Context)

func Router(rootpath string, c ControllerInterface, mappingMethods ...string) *HttpServer {
	return nil
}
func Get(rootpath string, f HandleFunc) *HttpServer  { return nil }
func Post(rootpath string, f HandleFunc) *HttpServer { return nil }
func Run(params ...string)                           {}
