// Package rootgroup registers routes on a group made with the prefix "/":
// the route joins with one slash, "GET /stream", not "GET //stream".
package rootgroup

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

var streams = map[string]chan string{}

func stream(c *gin.Context) {
	streams[c.Query("id")] = make(chan string) // want `is written by handler for "GET /stream"`
	c.Status(http.StatusOK)
}

func nested(c *gin.Context) {
	streams["all"] = nil // want `is written by handler for "POST /api/v1/nested"`
}

func routes(r *gin.Engine) {
	root := r.Group("/")
	root.GET("/stream", stream)
	api := root.Group("/api/")
	api.Group("/v1").POST("/nested", nested)
}
