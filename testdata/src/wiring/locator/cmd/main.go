package main

import (
	"database/sql"
	"net/http"
	"os"

	"wiring/locator/api"
	"wiring/locator/store"
)

func main() {
	db, _ := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	store.Initialize(os.Getenv("STORE"), db)
	mux := http.NewServeMux()
	api.Routes(mux)
	http.ListenAndServe(":8080", mux)
}
