// Package iris is a kataras/iris service that keeps state in process
// memory. clean.go has the clean twins.
package iris

import (
	"github.com/kataras/iris/v12"
	"github.com/kataras/iris/v12/context"
)

// (1) Shopping carts in a map.
var carts = map[string][]string{}

// (2) A count of sign-ups.
var signups int

func addToCart(ctx iris.Context) {
	id := ctx.Params().Get("id")
	carts[id] = append(carts[id], ctx.URLParam("item")) // want `carts is written by handler for "POST /shop/cart/{id}"`
}

func signup(ctx *context.Context) {
	signups++ // want `in-process counter signups is written by handler for "POST /users/signup"`
	ctx.JSON(signups)
}

func serve() {
	app := iris.New()
	shop := app.Party("/shop")
	shop.Post("/cart/{id}", addToCart)
	app.PartyFunc("/users", func(u iris.Party) {
		u.Post("/signup", signup)
	})
	app.Listen(":8080")
}
