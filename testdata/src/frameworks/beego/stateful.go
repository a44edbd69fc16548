// Package beego is a beego v2 service whose controllers keep state in
// process memory. clean.go has the clean twins.
package beego

import "github.com/beego/beego/v2/server/web"

type MainController struct {
	web.Controller
}

// (1) A page-view counter.
var views int

// (2) Likes per post.
var likes = map[string]int{}

func (c *MainController) Get() {
	views++ // want `in-process counter views is written by handler for "/"`
	c.Data["json"] = views
	c.ServeJSON()
}

func (c *MainController) Like() {
	likes[c.GetString("post")]++ // want `likes is written by handler`
}

func serve() {
	web.Router("/", &MainController{}, "post:Like")
	web.Run()
}
