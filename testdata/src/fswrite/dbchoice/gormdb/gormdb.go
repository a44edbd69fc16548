// Package gormdb opens the program's database through gorm v1, whose
// Open takes the data source among variadic arguments: a test database
// that SQLite keeps in memory is no file on this machine.
package gormdb

import (
	"fmt"
	"time"

	"github.com/jinzhu/gorm"
)

// New opens the database of the dialect its caller names.
func New(dialect, connection string) (*gorm.DB, error) {
	return gorm.Open(dialect, connection)
}

// Test opens a database for tests, in memory.
func Test() (*gorm.DB, error) {
	return New("sqlite3", fmt.Sprintf("file:%s?mode=memory&cache=shared", fmt.Sprint(time.Now().UnixNano())))
}

// Disk opens a database for tests, on disk.
func Disk() (*gorm.DB, error) {
	return New("sqlite3", "testdata/app.db") // want `New opens a local embedded database \(driver "sqlite3"\)`
}
