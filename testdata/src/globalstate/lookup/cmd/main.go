package main

import (
	"net/http"

	"globalstate/lookup/api"
	"globalstate/lookup/config"
)

func main() {
	mux := http.NewServeMux()
	api.Register(mux, config.Load())
	http.ListenAndServe(":8080", mux)
}
