// Command app chooses the session store from its configuration.
package main

import (
	"net/http"
	"os"

	"wiring/sessions/api"
	"wiring/sessions/memory"
	"wiring/sessions/redisstore"
)

func main() {
	var sessions api.Sessions
	switch os.Getenv("SESSIONS") {
	case "memory":
		sessions = memory.New() // want `in-memory session store Store.sessions of memory.New\(\), chosen by case "memory", is written by handler for "POST /login" through Sessions.Put: a user logged in`
	case "redis":
		sessions = redisstore.New(os.Getenv("REDIS_ADDR"))
	}
	mux := http.NewServeMux()
	api.New(sessions).Routes(mux)
	http.ListenAndServe(":8080", mux)
}
