// Package metric is a stub of go.opentelemetry.io/otel/metric@v1.47.0 for statelint's tests: only the signatures the tests use.
// The embedded.* marker interfaces are left out.
package metric

import "context"

type MeterOption interface {
	applyMeter(MeterConfig) MeterConfig
}

type MeterConfig struct{}

type MeterProvider interface {
	Meter(name string, opts ...MeterOption) Meter
}

type Meter interface {
	Int64Counter(name string, options ...Int64CounterOption) (Int64Counter, error)
	Int64UpDownCounter(name string, options ...Int64UpDownCounterOption) (Int64UpDownCounter, error)
	Float64Histogram(name string, options ...Float64HistogramOption) (Float64Histogram, error)
}

type Int64CounterConfig struct{}

type Int64CounterOption interface {
	applyInt64Counter(Int64CounterConfig) Int64CounterConfig
}

type Int64UpDownCounterConfig struct{}

type Int64UpDownCounterOption interface {
	applyInt64UpDownCounter(Int64UpDownCounterConfig) Int64UpDownCounterConfig
}

type Float64HistogramConfig struct{}

type Float64HistogramOption interface {
	applyFloat64Histogram(Float64HistogramConfig) Float64HistogramConfig
}

type AddConfig struct{}

type AddOption interface {
	applyAdd(AddConfig) AddConfig
}

type RecordConfig struct{}

type RecordOption interface {
	applyRecord(RecordConfig) RecordConfig
}

type Int64Counter interface {
	Add(ctx context.Context, incr int64, options ...AddOption)
}

type Int64UpDownCounter interface {
	Add(ctx context.Context, incr int64, options ...AddOption)
}

type Float64Histogram interface {
	Record(ctx context.Context, incr float64, options ...RecordOption)
}
