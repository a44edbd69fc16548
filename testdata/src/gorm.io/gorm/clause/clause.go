// Package clause is a stub of gorm.io/gorm@v1.31.0's clause package for statelint's tests: only the signatures the tests use.
package clause

type Expression interface{ Build() }

type Table struct{ Name string }

type Locking struct {
	Strength string
	Table    Table
	Options  string
}

func (Locking) Build() {}

type Column struct{ Name string }

type OnConflict struct {
	Columns   []Column
	DoNothing bool
	UpdateAll bool
}

func (OnConflict) Build() {}
