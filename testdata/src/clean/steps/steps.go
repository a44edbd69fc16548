// Package steps is the clean twin of seeds/steps: step1's data travels
// with the client in a signed token and step2 reads it from the request.
package steps

import (
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

var secret = []byte("from-env")

func step1(w http.ResponseWriter, r *http.Request) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"name": r.FormValue("name")})
	s, _ := t.SignedString(secret)
	w.Write([]byte(s))
}

func step2(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name") // carried by the client
	w.Write([]byte(name + r.FormValue("email")))
}

func main() {
	http.HandleFunc("POST /step1", step1)
	http.HandleFunc("POST /step2", step2)
	http.ListenAndServe(":8080", nil)
}
