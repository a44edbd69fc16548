// Package knowngood uses, on request paths, every kind of process-wide
// value that is not hidden state: metrics, loggers, templates, regexps,
// database and cache clients, sync.Once, sync.Pool, read-only config.
// None of it is a finding.
package knowngood

import (
	"bytes"
	"context"
	"database/sql"
	"expvar"
	"html/template"
	"log"
	"log/slog"
	"net/http"
	"os"
	"regexp"
	"sync"

	"github.com/bradfitz/gomemcache/memcache"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/redis/go-redis/v9"
	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"go.opentelemetry.io/otel/metric"
	"go.uber.org/zap"
)

var (
	requests   = expvar.NewInt("requests")
	served     = promauto.NewCounter(prometheus.CounterOpts{Name: "served_total"})
	latency    = promauto.NewHistogramVec(prometheus.HistogramOpts{Name: "latency"}, []string{"route"})
	otelHits   metric.Int64Counter
	logger     = log.New(os.Stderr, "", 0)
	slogger    = slog.Default()
	zl, _      = zap.NewProduction()
	lr         = logrus.New()
	zero       = zerolog.New(os.Stderr)
	page       = template.Must(template.New("p").Parse("<p>{{.}}</p>"))
	slug       = regexp.MustCompile(`^[a-z0-9-]+$`)
	db         *sql.DB
	rdb        = redis.NewClient(&redis.Options{})
	mc         = memcache.New("memcached:11211")
	httpClient = &http.Client{}
	bufs       = sync.Pool{New: func() any { return new(bytes.Buffer) }}
	initOnce   sync.Once
	settings   map[string]string
	config     = struct{ Greeting string }{Greeting: "hello"}
	allowed    = map[string]bool{"a": true, "b": true}
	mu         sync.Mutex
)

func loadSettings() {
	settings = map[string]string{"mode": "prod"}
}

func handle(w http.ResponseWriter, r *http.Request) {
	requests.Add(1)
	served.Inc()
	latency.WithLabelValues("/").Observe(0.1)
	if otelHits != nil {
		otelHits.Add(r.Context(), 1)
	}
	logger.Printf("hit %s", r.URL.Path)
	slogger.Info("hit")
	zl.Info("hit", zap.String("path", r.URL.Path))
	lr.WithField("path", r.URL.Path).Info("hit")
	zero.Info().Msg("hit")
	initOnce.Do(loadSettings)
	initOnce.Do(func() { settings["lazy"] = "yes" })
	buf := bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufs.Put(buf)
	mu.Lock()
	mu.Unlock()
	if !slug.MatchString(r.URL.Path) || !allowed[r.FormValue("k")] {
		return
	}
	db.ExecContext(r.Context(), "INSERT INTO hits DEFAULT VALUES")
	rdb.Incr(context.Background(), "hits")
	mc.Set(&memcache.Item{Key: "k", Value: []byte("v")})
	httpClient.Get("http://upstream/")
	page.Execute(w, config.Greeting+settings["mode"])
}

func main() {
	loadSettings()
	http.HandleFunc("/", handle)
	http.ListenAndServe(":8080", nil)
}
