package knowledge

import "strings"

// Types are named like functions: package path and type name, no pointer,
// no type arguments: "database/sql.DB", "sync.Once".

// clientTypes are clients of databases and stores reached over the
// network: what they hold is a way to reach external state. Each
// Framework adds its own clients (see ClientTypes).
var clientTypes = []string{
	"database/sql.DB", "database/sql.Stmt", "database/sql.Conn",
	"github.com/jackc/pgx/v5/pgxpool.Pool", "github.com/jackc/pgx/v5.Conn", "github.com/jackc/pgx/v4/pgxpool.Pool",
	"gorm.io/gorm.DB", "github.com/jmoiron/sqlx.DB", "go.mongodb.org/mongo-driver/mongo.Client",
	"go.mongodb.org/mongo-driver/mongo.Collection", "go.mongodb.org/mongo-driver/v2/mongo.Client",
	"github.com/redis/go-redis/v9.Client", "github.com/redis/go-redis/v9.ClusterClient",
	"github.com/redis/go-redis/v9.UniversalClient", "github.com/redis/go-redis/v9.Ring",
	"github.com/go-redis/redis/v8.Client", "github.com/go-redis/redis/v8.ClusterClient",
	"github.com/go-redis/redis/v8.UniversalClient", "github.com/gomodule/redigo/redis.Pool",
	"github.com/bradfitz/gomemcache/memcache.Client",
	"github.com/aws/aws-sdk-go-v2/service/s3.Client", "cloud.google.com/go/storage.Client",
	"cloud.google.com/go/storage.BucketHandle", "github.com/minio/minio-go/v7.Client",
}

// ReplicaOwnTypes hold this replica's own measurements. What a job
// gathers from one and sends on (a push to a Prometheus push gateway) is
// this replica's to send: with N replicas each pushes its own series
// once, which is right, so it is not work every replica repeats.
var ReplicaOwnTypes = []string{
	"github.com/prometheus/client_golang/prometheus.Gatherer",
	"github.com/prometheus/client_golang/prometheus.Gatherers",
	"github.com/prometheus/client_golang/prometheus.Registry",
	"github.com/prometheus/client_golang/prometheus.TransactionalGatherer",
}

// monitorTypes are loggers and metrics: a value handed to one of their
// methods is exported for operators, not used to answer a request.
var monitorTypes = []string{
	"expvar.Int", "expvar.Float", "expvar.Map", "expvar.String", "expvar.Func",
	"github.com/prometheus/client_golang/prometheus.Counter", "github.com/prometheus/client_golang/prometheus.CounterVec",
	"github.com/prometheus/client_golang/prometheus.Gauge", "github.com/prometheus/client_golang/prometheus.GaugeVec",
	"github.com/prometheus/client_golang/prometheus.Histogram", "github.com/prometheus/client_golang/prometheus.HistogramVec",
	"github.com/prometheus/client_golang/prometheus.Summary", "github.com/prometheus/client_golang/prometheus.SummaryVec",
	"github.com/prometheus/client_golang/prometheus.Registry",
	"go.opentelemetry.io/otel/metric.Int64Counter", "go.opentelemetry.io/otel/metric.Float64Counter",
	"go.opentelemetry.io/otel/metric.Int64UpDownCounter", "go.opentelemetry.io/otel/metric.Float64UpDownCounter",
	"go.opentelemetry.io/otel/metric.Int64Histogram", "go.opentelemetry.io/otel/metric.Float64Histogram",
	"go.opentelemetry.io/otel/metric.Int64Gauge", "go.opentelemetry.io/otel/metric.Float64Gauge",
	"go.opentelemetry.io/otel/metric.Meter",
	"log.Logger", "log/slog.Logger", "go.uber.org/zap.Logger", "go.uber.org/zap.SugaredLogger",
	"github.com/sirupsen/logrus.Logger", "github.com/sirupsen/logrus.Entry", "github.com/rs/zerolog.Logger",
	"github.com/rs/zerolog.Event",
}

// AtomicCounts are the atomic numbers of sync/atomic: a fresh one is a
// count at zero.
var AtomicCounts = []string{
	"sync/atomic.Int32", "sync/atomic.Int64", "sync/atomic.Uint32", "sync/atomic.Uint64",
}

// CopyFuncs copy a map or slice: what the copy is used for is what the
// original is used for. Dst is the argument copied into, or -1 for the
// result.
var CopyFuncs = map[string]struct{ Dst, Src int }{
	"maps.Copy":    {0, 1},
	"maps.Clone":   {-1, 0},
	"slices.Clone": {-1, 0},
}

// ExportFuncs log or export a value for operators; FormatFuncs format it
// on the way (a log field, a string), so what their result feeds decides.
var (
	ExportFuncs = []string{
		"log.Print", "log.Printf", "log.Println",
		"log/slog.Debug", "log/slog.Info", "log/slog.Warn", "log/slog.Error", "log/slog.Log",
		"log/slog.DebugContext", "log/slog.InfoContext", "log/slog.WarnContext", "log/slog.ErrorContext",
		"fmt.Print", "fmt.Printf", "fmt.Println",
		"github.com/prometheus/client_golang/prometheus.MustNewConstMetric",
		"github.com/prometheus/client_golang/prometheus.NewConstMetric",
	}
	FormatFuncs = []string{
		"fmt.Sprint", "fmt.Sprintf", "fmt.Sprintln", "strconv.Itoa", "strconv.FormatInt", "strconv.FormatUint",
		"strconv.FormatFloat", "log/slog.Int", "log/slog.Int64", "log/slog.Uint64", "log/slog.Float64", "log/slog.Any",
		"go.uber.org/zap.Int", "go.uber.org/zap.Int64", "go.uber.org/zap.Uint64", "go.uber.org/zap.Float64",
		"go.uber.org/zap.Any",
	}
)

// safeTypes are types whose values may live for the whole process without
// being hidden per-replica state: clients of external stores, metrics,
// loggers, templates, compiled patterns and synchronisation primitives.
// Writing to them, or through them, is never a finding. Each Framework
// adds its own clients (see SafeTypes).
var safeTypes = append(append(clientTypes, monitorTypes...), []string{
	// synchronisation and pooling
	"sync.Once", "sync.Pool", "sync.Mutex", "sync.RWMutex", "sync.WaitGroup", "sync.Cond",
	// templates, patterns
	"text/template.Template", "html/template.Template", "regexp.Regexp",
	// a single process-wide limiter sheds load per replica by design
	"golang.org/x/time/rate.Limiter",
}...)

// CacheTypes are cache-library types: in-process caches whatever their name.
var CacheTypes = []string{
	"github.com/hashicorp/golang-lru/v2.Cache", "github.com/hashicorp/golang-lru/v2/expirable.LRU",
	"github.com/hashicorp/golang-lru.Cache", "github.com/patrickmn/go-cache.Cache",
	"github.com/dgraph-io/ristretto/v2.Cache", "github.com/dgraph-io/ristretto.Cache",
	"github.com/allegro/bigcache/v3.BigCache", "github.com/coocood/freecache.Cache",
	"github.com/jellydator/ttlcache/v3.Cache",
}

// ContainerTypes are standard containers that hold many entries.
var ContainerTypes = []string{"sync.Map", "container/list.List"}

// GenericContainerMethods are the methods that make an instantiated
// generic type of a dependency a container of many entries, and what a
// call of each does: xsync.MapOf[K, V], cmap.ConcurrentMap[K, V] and the
// like, which dependencies ship without summaries. A generic type with a
// writing and a looking-up method among these is a container; a client of
// an external store is not generic.
var GenericContainerMethods = map[string]string{
	"Store": "write", "Set": "write", "Put": "write", "SetIfAbsent": "write", "Upsert": "write", "Add": "write",
	"LoadOrStore": "getorload", "LoadOrCompute": "getorload", "Compute": "getorload",
	"GetOrSet": "getorload", "GetOrCompute": "getorload", "Fetch": "getorload",
	"Load": "lookup", "Get": "lookup", "Peek": "lookup", "Lookup": "lookup",
}

// containerMethodPrefixes extend GenericContainerMethods to the variants
// cache libraries name after their verb: SetWithTTL, SetDefault, PutItem,
// GetWithTTL, GetIfPresent. A prefix counts only when a capital letter or
// the end of the name follows it (Settle is not Set).
var containerMethodPrefixes = []struct{ prefix, op string }{
	{"Set", "write"}, {"Put", "write"}, {"Store", "write"}, {"Upsert", "write"}, {"Add", "write"},
	{"Get", "lookup"}, {"Load", "lookup"}, {"Peek", "lookup"},
}

// ContainerMethodOp is what a call of a dependency container's method
// named name does: "write", "getorload", "lookup", or "" for none.
func ContainerMethodOp(name string) string {
	if op, ok := GenericContainerMethods[name]; ok {
		return op
	}
	for _, p := range containerMethodPrefixes {
		if rest, ok := strings.CutPrefix(name, p.prefix); ok && rest != "" && rest[0] >= 'A' && rest[0] <= 'Z' {
			return p.op
		}
	}
	return ""
}

// limiterTypes mark a container as a per-client rate limiter when they
// appear in its element type; each Framework adds its own (see
// LimiterTypes).
var limiterTypes = []string{"golang.org/x/time/rate.Limiter"}
