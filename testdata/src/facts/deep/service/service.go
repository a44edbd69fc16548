// Package service sits between handlers and facts/store.
package service

import "facts/store"

// Audit appends to store.Audit, whose declaration carries a directive.
func Audit(s string) { store.Log(s) }

// Keep writes store's items table, which nothing silences.
func Keep(k, v string) { store.Save(k, v) }
