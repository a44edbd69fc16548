package prometheus

import dto "github.com/prometheus/client_model/go"

type Gatherer interface {
	Gather() ([]*dto.MetricFamily, error)
}

type Registerer interface {
	Register(Collector) error
	MustRegister(...Collector)
}

type Registry struct {
	collectors map[string]Collector
}

func NewRegistry() *Registry { return &Registry{collectors: map[string]Collector{}} }

func (r *Registry) Register(c Collector) error           { return nil }
func (r *Registry) MustRegister(cs ...Collector)         {}
func (r *Registry) Gather() ([]*dto.MetricFamily, error) { return nil, nil }

var (
	defaultRegistry              = NewRegistry()
	DefaultRegisterer Registerer = defaultRegistry
	DefaultGatherer   Gatherer   = defaultRegistry
)
