// Package gorm is a stub of gorm.io/gorm@v1.31.0 for statelint's tests: only the signatures the tests use.
package gorm

import "gorm.io/gorm/clause"

type DB struct{ Error error }

type Expr struct{ SQL string }

func (db *DB) Model(value interface{}) *DB                      { return db }
func (db *DB) Where(query interface{}, args ...interface{}) *DB { return db }
func (db *DB) Clauses(conds ...clause.Expression) *DB           { return db }
func (db *DB) First(dest interface{}, conds ...interface{}) *DB { return db }
func (db *DB) Save(value interface{}) *DB                       { return db }
func (db *DB) Create(value interface{}) *DB                     { return db }
func (db *DB) Update(column string, value interface{}) *DB      { return db }
func (db *DB) Transaction(fc func(tx *DB) error) error          { return fc(db) }
