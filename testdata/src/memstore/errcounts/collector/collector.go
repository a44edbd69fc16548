// Package collector exports the handler's error counts as metrics.
package collector

import (
	"log"
	"sync/atomic"

	"memstore/errcounts/handler"
)

// Collect logs every count.
func Collect(h *handler.Handler) {
	for code, ptr := range h.Errors.Load() {
		log.Printf("errors{code=%q} %d", code, atomic.LoadUint64(ptr))
	}
}
