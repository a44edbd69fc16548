package beego

import (
	"database/sql"

	"github.com/beego/beego/v2/server/web"
	"github.com/beego/beego/v2/server/web/context"
)

// db is the database client, set once at startup.
var db *sql.DB

// PostController is the clean twin: beego copies it for every request,
// so what a method keeps on its receiver (Data, page) is the request's
// own, and the likes are rows in the database.
type PostController struct {
	web.Controller
	page string
}

func (c *PostController) Prepare() {
	c.page = c.GetString("page")
}

func (c *PostController) Get() {
	c.Data["json"] = c.page
	c.ServeJSON()
}

func (c *PostController) Post() {
	db.Exec("UPDATE posts SET likes = likes + 1 WHERE id = $1", c.GetString("post"))
}

func health(ctx *context.Context) {
	ctx.WriteString("ok")
}

func cleanServe(conn *sql.DB) {
	db = conn
	web.Router("/posts", &PostController{})
	web.Get("/health", health)
	web.Run()
}
