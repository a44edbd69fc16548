package main

import (
	"net/http/httptest"
	"testing"
)

// The test variant of the package makes drivers analyse main.go twice
// ("drivere2e" and "drivere2e [drivere2e.test]"); statelint must report
// each finding once.
func TestHit(t *testing.T) {
	rec := httptest.NewRecorder()
	handleHit(rec, httptest.NewRequest("GET", "/hit", nil))
	if rec.Code != 200 {
		t.Fatalf("code %d", rec.Code)
	}
}
