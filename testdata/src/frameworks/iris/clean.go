package iris

import (
	"database/sql"

	"github.com/kataras/iris/v12"
)

// The clean twins: carts and sign-ups are rows in the database, reached
// through a client set once at startup.
type store struct{ db *sql.DB }

func (s *store) addToCart(ctx iris.Context) {
	s.db.Exec("INSERT INTO cart_items (cart, item) VALUES ($1, $2)", ctx.Params().Get("id"), ctx.URLParam("item"))
}

func (s *store) signup(ctx iris.Context) {
	s.db.Exec("INSERT INTO users (name) VALUES ($1)", ctx.URLParam("name"))
}

func cleanServe(db *sql.DB) {
	s := &store{db: db}
	app := iris.New()
	app.Post("/cart/{id}", s.addToCart)
	app.Post("/signup", s.signup)
	app.Listen(":8080")
}
