package gozero

import (
	"database/sql"
	"net/http"

	"github.com/zeromicro/go-zero/rest"
)

// The clean twin: the service context holds the database client, built
// once, and the handler keeps only per-request values.
type CleanServiceContext struct {
	DB *sql.DB
}

func CleanCreateOrderHandler(svcCtx *CleanServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		product := r.FormValue("product")
		svcCtx.DB.Exec("UPDATE products SET orders = orders + 1 WHERE id = $1", product)
		w.WriteHeader(http.StatusCreated)
	}
}

func CleanRegisterHandlers(server *rest.Server, serverCtx *CleanServiceContext) {
	server.AddRoute(rest.Route{Method: http.MethodPost, Path: "/v2/orders", Handler: CleanCreateOrderHandler(serverCtx)})
}
