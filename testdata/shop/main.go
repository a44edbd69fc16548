// Command shop is statelint's example service: a small shop written with
// net/http that keeps state in memory in every way the seed documents
// warn about, next to the process-wide values that are fine.
//
// It listens on -addr, by default :$PORT (or :8080). With DATABASE_URL set
// it opens that Postgres database, through the "postgres" driver a real
// build links in; without it, it serves a demo catalogue from
// internal/demodb and keeps no orders, so that it runs anywhere.
package main

import (
	"database/sql"
	"expvar"
	"flag"
	"log"
	"net/http"
	"os"

	"example.com/shop/api"
	"example.com/shop/internal/demodb"
)

var started = expvar.NewInt("started") // metrics are fine

func main() {
	addr := flag.String("addr", ":"+envOr("PORT", "8080"), "listen address")
	flag.Parse()
	db, err := openDB(os.Getenv("DATABASE_URL")) // a client: fine
	if err != nil {
		log.Fatal(err)
	}
	started.Add(1)
	srv := api.NewServer(db, os.Getenv("UPLOAD_DIR"))
	log.Printf("shop: listening on %s", *addr)
	log.Fatal(http.ListenAndServe(*addr, srv.Routes()))
}

func openDB(url string) (*sql.DB, error) {
	if url == "" {
		return sql.Open(demodb.Driver, "")
	}
	return sql.Open("postgres", url)
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
