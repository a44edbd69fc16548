// Command cmd opens its database with a driver its configuration
// chooses. SQLite keeps the records in a file on this machine: the
// default of a configuration field, a case of a switch on the storage
// type, or a constant handed to the opener is reported where it is
// chosen. Postgres, a choice the program cannot see, and SQLite kept in
// memory are silent.
package main

import (
	"database/sql"
	"flag"
	"fmt"

	"fswrite/dbchoice/db"
)

// Type is a storage backend.
type Type string

// The storage backends.
const (
	TypeSQLite   Type = "sqlite"
	TypePostgres Type = "postgres"
	TypeMemory   Type = "memory"
)

// Config is read from a file by a configuration library that fills
// unset fields from their default tags.
type Config struct {
	Storage struct {
		Type Type
		Path string
	}
	Database struct {
		Dialect    string `default:"sqlite3"`
		Connection string `default:"data/app.db"`
	}
	Replica struct {
		Dialect    string `default:"postgres"`
		Connection string
	}
}

func load(*Config) {}

func storage(cfg *Config) {
	switch cfg.Storage.Type {
	case TypeSQLite, TypePostgres:
		db.Open(string(cfg.Storage.Type), cfg.Storage.Path) // want `db.Open opens a local embedded database \(driver "sqlite", chosen by case "sqlite"\): each replica writes its own database file`
	case TypeMemory:
	}
	switch cfg.Storage.Type {
	case TypePostgres:
		db.Open(string(cfg.Storage.Type), cfg.Storage.Path)
	}
}

// openLocal opens a database with the driver its caller names.
func openLocal(driver string) *sql.DB {
	d, _ := sql.Open(driver, "data/local.db")
	return d
}

func main() {
	var cfg Config
	load(&cfg)
	storage(&cfg)
	db.Open(cfg.Database.Dialect, cfg.Database.Connection) // want `db.Open opens a local embedded database \(driver "sqlite3", the default of Dialect\)`
	db.Open(cfg.Replica.Dialect, cfg.Replica.Connection)
	db.Open("sqlite3", fmt.Sprintf("file:%d?mode=memory&cache=shared", 1))
	db.Open("sqlite3", "data/test.db")                      // want `db.Open opens a local embedded database \(driver "sqlite3"\)`
	sql.Open(cfg.Database.Dialect, cfg.Database.Connection) // want `sql.Open opens a local embedded database \(driver "sqlite3", the default of Dialect\)`
	sql.Open(cfg.Replica.Dialect, cfg.Replica.Connection)
	openLocal("sqlite3") // want `openLocal opens a local embedded database \(driver "sqlite3"\)`
	openLocal("postgres")
	driver := flag.String("driver", "postgres", "database driver")
	db.Open(*driver, "data/flag.db")
}
