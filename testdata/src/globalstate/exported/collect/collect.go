// Package collect exports tally's counts to Prometheus.
package collect

import (
	"sync/atomic"

	"globalstate/exported/tally"

	"github.com/prometheus/client_golang/prometheus"
)

// Collector reads a handler's counts for /metrics.
type Collector struct {
	m    tally.Metrics
	desc *prometheus.Desc
}

// Describe sends the descriptor.
func (c Collector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

// Collect reads the counts.
func (c Collector) Collect(ch chan<- prometheus.Metric) {
	ch <- prometheus.MustNewConstMetric(c.desc, prometheus.CounterValue, float64(atomic.LoadUint64(c.m.Uploads)))
	ch <- prometheus.MustNewConstMetric(c.desc, prometheus.CounterValue, float64(atomic.LoadUint64(c.m.Bytes)))
}
