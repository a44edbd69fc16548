// Command cmd registers the stores and picks one by configuration: the
// memory store is a finding where it is registered, the database one is
// not.
package main

import (
	"net/http"
	"os"

	"wiring/registry/api"
	"wiring/registry/mem"
	"wiring/registry/sqlstore"
	"wiring/registry/storage"
	"wiring/registry/web"
)

func init() {
	storage.Constructors["memory"] = mem.New // want `in-memory records table store.boxes of mem.New, chosen by case "memory", is written by handler for "POST /deliver" through Store.Add: .*Postgres`
	storage.Constructors["postgres"] = sqlstore.New
}

func main() {
	s, err := storage.FromConfig(os.Getenv("STORE"), os.Getenv("DSN"))
	if err != nil {
		panic(err)
	}
	web.Setup(s)
	mux := http.NewServeMux()
	api.Routes(mux)
	http.ListenAndServe(":8080", mux)
}
