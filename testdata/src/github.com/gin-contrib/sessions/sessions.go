// Package sessions is a stub of github.com/gin-contrib/sessions@v1.0.4 for statelint's tests: only the signatures the tests use.
package sessions

import (
	"net/http"

	"github.com/gin-gonic/gin"
	gsessions "github.com/gorilla/sessions"
)

type Store interface {
	gsessions.Store
	Options(Options)
}

type Session interface {
	ID() string
	Get(key interface{}) interface{}
	Set(key interface{}, val interface{})
	Delete(key interface{})
	Clear()
	AddFlash(value interface{}, vars ...string)
	Flashes(vars ...string) []interface{}
	Options(Options)
	Save() error
}

type Options struct {
	Path     string
	Domain   string
	MaxAge   int
	Secure   bool
	HttpOnly bool
	SameSite http.SameSite
}

func (options Options) ToGorillaOptions() *gsessions.Options {
	return &gsessions.Options{
		Path:     options.Path,
		Domain:   options.Domain,
		MaxAge:   options.MaxAge,
		Secure:   options.Secure,
		HttpOnly: options.HttpOnly,
		SameSite: options.SameSite,
	}
}

func Sessions(name string, store Store) gin.HandlerFunc {
	return func(c *gin.Context) { c.Next() }
}

func Default(c *gin.Context) Session { return nil }
