package main

import (
	"net/http"
	"os"

	ginsessions "github.com/gin-contrib/sessions"
	"github.com/gin-contrib/sessions/cookie"
	"github.com/gin-contrib/sessions/memstore"
	"github.com/gin-contrib/sessions/redis"
	"github.com/gin-gonic/gin"
)

// Session middleware: a memstore keeps sessions in this process; a signed
// cookie or Redis does not.
func sessionRoutes(r *gin.Engine) {
	secret := []byte(os.Getenv("SESSION_SECRET"))

	mem := r.Group("/mem")
	mem.Use(ginsessions.Sessions("sid", memstore.NewStore(secret)))
	mem.POST("/login", sessionLogin)

	signed := r.Group("/signed")
	signed.Use(ginsessions.Sessions("sid", cookie.NewStore(secret)))
	signed.POST("/login", sessionLogin)

	store, err := redis.NewStore(10, "tcp", os.Getenv("REDIS_ADDR"), "", os.Getenv("REDIS_PASSWORD"), secret)
	if err == nil {
		shared := r.Group("/shared")
		shared.Use(ginsessions.Sessions("sid", store))
		shared.POST("/login", sessionLogin)
	}
}

func sessionLogin(c *gin.Context) {
	s := ginsessions.Default(c)
	s.Set("user", c.PostForm("user"))
	s.Save()
	c.Status(http.StatusNoContent)
}
