// Package iris is a stub of github.com/kataras/iris/v12@v12.2.11 for statelint's tests: only the signatures the tests use.
package iris

import (
	"github.com/kataras/iris/v12/context"
	"github.com/kataras/iris/v12/core/router"
)

type (
	Context = *context.Context
	Party   = router.Party
)

type Application struct {
	*router.APIBuilder
	*router.Router
}

func New() *Application { return nil }

type Runner func(*Application) error

type Configurator func(*Application)

func Addr(addr string, hostConfigs ...interface{}) Runner { return nil }

func (app *Application) Listen(hostPort string, withOrWithout ...Configurator) error { return nil }
