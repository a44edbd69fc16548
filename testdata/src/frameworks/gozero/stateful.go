// Package gozero is a zeromicro/go-zero service, laid out as goctl
// generates it, whose handlers keep state in process memory. clean.go
// has the clean twins.
package gozero

import (
	"net/http"

	"github.com/zeromicro/go-zero/rest"
)

// ServiceContext is built once in main and handed to every handler.
type ServiceContext struct {
	Config string
}

// (1) Orders counted per product.
var orders = map[string]int{}

func CreateOrderHandler(svcCtx *ServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		orders[r.FormValue("product")]++ // want `orders is written by handler for "POST /orders"`
		w.WriteHeader(http.StatusCreated)
	}
}

func RegisterHandlers(server *rest.Server, serverCtx *ServiceContext) {
	server.AddRoutes(
		[]rest.Route{
			{
				Method:  http.MethodPost,
				Path:    "/orders",
				Handler: CreateOrderHandler(serverCtx),
			},
		},
	)
}
