// Package sqlitesessions keeps gin sessions through gin-contrib's gorm
// store: on a SQLite file they stay on this machine; on Postgres they are
// shared by every replica.
package sqlitesessions

import (
	"github.com/gin-contrib/sessions"
	gormsessions "github.com/gin-contrib/sessions/gorm"
	"github.com/gin-gonic/gin"
	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

func main() {
	local, _ := gorm.Open(sqlite.Open("sessions.db"), &gorm.Config{}) // want `store gorm.NewStore keeps sessions in a local embedded database`
	shared, _ := gorm.Open(postgres.Open("host=db user=app"), &gorm.Config{})
	r := gin.Default()
	r.Use(sessions.Sessions("local", gormsessions.NewStore(local, true, []byte("secret"))))
	r.Use(sessions.Sessions("shared", gormsessions.NewStore(shared, true, []byte("secret"))))
	r.Run(":8000")
}
