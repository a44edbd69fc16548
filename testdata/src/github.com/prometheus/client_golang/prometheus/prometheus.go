// Package prometheus is a stub of github.com/prometheus/client_golang@v1.25.0 for statelint's tests: only the signatures the tests use.
package prometheus

type Desc struct {
	fqName string
}

type Labels map[string]string

// Metric and Collector omit the methods that need client_model's dto types.
type Metric interface {
	Desc() *Desc
}

type Collector interface {
	Describe(chan<- *Desc)
	Collect(chan<- Metric)
}

type Opts struct {
	Namespace   string
	Subsystem   string
	Name        string
	Help        string
	ConstLabels Labels
}

type CounterOpts Opts

type GaugeOpts Opts

type HistogramOpts struct {
	Namespace   string
	Subsystem   string
	Name        string
	Help        string
	ConstLabels Labels
	Buckets     []float64
}

var DefBuckets = []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

type Counter interface {
	Metric
	Collector
	Inc()
	Add(float64)
}

type Gauge interface {
	Metric
	Collector
	Set(float64)
	Inc()
	Dec()
	Add(float64)
	Sub(float64)
	SetToCurrentTime()
}

type Observer interface {
	Observe(float64)
}

type Histogram interface {
	Metric
	Collector
	Observe(float64)
}

type metric struct {
	desc *Desc
}

func (m *metric) Desc() *Desc              { return m.desc }
func (m *metric) Describe(ch chan<- *Desc) {}
func (m *metric) Collect(ch chan<- Metric) {}
func (m *metric) Inc()                     {}
func (m *metric) Dec()                     {}
func (m *metric) Add(float64)              {}
func (m *metric) Sub(float64)              {}
func (m *metric) Set(float64)              {}
func (m *metric) SetToCurrentTime()        {}
func (m *metric) Observe(float64)          {}

func NewCounter(opts CounterOpts) Counter       { return &metric{} }
func NewGauge(opts GaugeOpts) Gauge             { return &metric{} }
func NewHistogram(opts HistogramOpts) Histogram { return &metric{} }

type MetricVec struct {
	desc *Desc
}

func (m *MetricVec) Describe(ch chan<- *Desc) {}
func (m *MetricVec) Collect(ch chan<- Metric) {}

type CounterVec struct {
	*MetricVec
}

func NewCounterVec(opts CounterOpts, labelNames []string) *CounterVec {
	return &CounterVec{&MetricVec{}}
}

func (v *CounterVec) WithLabelValues(lvs ...string) Counter { return &metric{} }
func (v *CounterVec) With(labels Labels) Counter            { return &metric{} }

type HistogramVec struct {
	*MetricVec
}

func NewHistogramVec(opts HistogramOpts, labelNames []string) *HistogramVec {
	return &HistogramVec{&MetricVec{}}
}

func (v *HistogramVec) WithLabelValues(lvs ...string) Observer { return &metric{} }

func MustRegister(cs ...Collector) {}

type ValueType int

const (
	_ ValueType = iota
	CounterValue
	GaugeValue
)

func MustNewConstMetric(desc *Desc, valueType ValueType, value float64, labelValues ...string) Metric {
	return nil
}
