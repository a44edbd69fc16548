// Package io_prometheus_client is a stub of the Prometheus data model.
package io_prometheus_client

type MetricFamily struct {
	Name *string
}
