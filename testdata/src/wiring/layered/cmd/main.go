package main

import (
	"database/sql"
	"flag"
	"log"
	"net/http"
	"os"

	"wiring/layered/booking"
	"wiring/layered/cargo"
	"wiring/layered/inmem"
	"wiring/layered/pgrepo"
)

func main() {
	dsn := flag.String("db", "", "Postgres DSN; empty keeps the cargos in memory")
	flag.Parse()
	var cargos cargo.Repository
	if *dsn == "" {
		cargos = inmem.NewCargoRepository() // want `in-memory records table cargoRepository.cargos of inmem.NewCargoRepository\(\) is written by handler for "POST /cargos" through Repository.Store \(and 1 other handler\): .*Postgres`
	} else {
		db, err := sql.Open("pgx", *dsn)
		if err != nil {
			log.Fatal(err)
		}
		cargos = pgrepo.NewCargoRepository(db)
	}
	var bs booking.Service
	bs = booking.NewService(cargos)
	bs = booking.NewLoggingService(log.New(os.Stderr, "", 0), bs)
	http.ListenAndServe(":8080", booking.MakeHandler(bs))
}
