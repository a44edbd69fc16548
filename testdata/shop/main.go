// Command shop is statelint's example service: a small shop written with
// net/http that keeps state in memory in every way the seed documents
// warn about, next to the process-wide values that are fine.
package main

import (
	"database/sql"
	"expvar"
	"log"
	"net/http"
	"os"

	"example.com/shop/api"
)

var started = expvar.NewInt("started") // metrics are fine

func main() {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL")) // a client: fine
	if err != nil {
		log.Fatal(err)
	}
	started.Add(1)
	srv := api.NewServer(db, os.Getenv("UPLOAD_DIR"))
	log.Fatal(http.ListenAndServe(":8080", srv.Routes()))
}
