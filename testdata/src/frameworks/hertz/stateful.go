// Package hertz is a cloudwego/hertz service that keeps state in process
// memory. clean.go has the clean twins.
package hertz

import (
	"context"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
)

// (1) Sessions in a map, written at login.
var sessions = map[string]string{}

// (2) A visit counter.
var visits int

func login(ctx context.Context, c *app.RequestContext) {
	sessions[c.Query("token")] = c.Query("user") // want `sessions is written by handler for "POST /api/login"`
}

func countVisit(ctx context.Context, c *app.RequestContext) {
	visits++ // want `in-process counter visits is written by handler for "GET /api/visits"`
	c.JSON(200, visits)
}

func serve() {
	h := server.Default()
	api := h.Group("/api")
	api.POST("/login", login)
	api.GET("/visits", countVisit)
	h.Spin()
}
