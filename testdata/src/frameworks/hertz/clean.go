package hertz

import (
	"context"
	"database/sql"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
)

// db is the database client, set once at startup.
var db *sql.DB

// The clean twins: the session and the count live in the database.
func cleanLogin(ctx context.Context, c *app.RequestContext) {
	db.ExecContext(ctx, "INSERT INTO sessions (token, username) VALUES ($1, $2)", c.Query("token"), c.Query("user"))
}

func cleanCountVisit(ctx context.Context, c *app.RequestContext) {
	var n int
	db.QueryRowContext(ctx, "UPDATE counters SET n = n + 1 WHERE name = 'visits' RETURNING n").Scan(&n)
	c.JSON(200, n)
}

func cleanServe(conn *sql.DB) {
	db = conn
	h := server.New()
	h.POST("/login", cleanLogin)
	h.GET("/visits", cleanCountVisit)
	h.Spin()
}
