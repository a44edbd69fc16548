// Package limiter declares the store of a rate limiter (sethvargo's
// go-limiter): implementations live in packages that import this one.
package limiter

// Store counts requests per key.
type Store interface {
	Take(key string) bool
}
