// Package sessions is the clean twin of seeds/sessions: sessions in Redis
// with an expiry, or a signed JWT carried by the client.
package sessions

import (
	"net/http"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/redis/go-redis/v9"
)

var (
	rdb    *redis.Client
	secret = []byte("from-env")
)

func login(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("nonce")
	rdb.Set(r.Context(), "session:"+id, r.FormValue("user"), time.Hour)
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: id})
}

func dashboard(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("sid")
	if err != nil {
		return
	}
	user, _ := rdb.Get(r.Context(), "session:"+c.Value).Result()
	w.Write([]byte(user))
}

func token(w http.ResponseWriter, r *http.Request) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": r.FormValue("user"), "exp": time.Now().Add(15 * time.Minute).Unix()})
	s, _ := t.SignedString(secret)
	w.Write([]byte(s))
}

func main() {
	rdb = redis.NewClient(&redis.Options{Addr: "redis:6379"})
	http.HandleFunc("POST /login", login)
	http.HandleFunc("GET /dashboard", dashboard)
	http.HandleFunc("POST /token", token)
	http.ListenAndServe(":8080", nil)
}
