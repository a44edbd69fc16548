// Package gormjobs writes through gorm on a ticker: an upsert of a value
// every replica computes alike repeats harmlessly; a plain insert is a
// row per replica.
package gormjobs

import (
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type Total struct {
	Key   string
	Value int64
}

type Jobs struct{ db *gorm.DB }

// Start runs the jobs.
func (j *Jobs) Start() {
	go j.countLoop()
	go j.logLoop()
}

// countLoop upserts the total: clean.
func (j *Jobs) countLoop() {
	for range time.Tick(time.Hour) {
		var n int64
		j.db.Model(&Total{}).Where("key = ?", "seconds").First(&n)
		j.db.Clauses(clause.OnConflict{UpdateAll: true}).Where("key = ?", "total").Create(&Total{Key: "total", Value: n})
	}
}

// logLoop inserts a row per tick: every replica inserts its own.
func (j *Jobs) logLoop() {
	for range time.Tick(time.Hour) { // want `ticker loop in \(\*Jobs\).logLoop runs on every replica and writes the SQL database`
		j.db.Create(&Total{Key: "tick", Value: time.Now().Unix()})
	}
}
