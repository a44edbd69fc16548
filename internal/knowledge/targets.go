package knowledge

// A Target is a kind of shared store that per-instance state moves to,
// with the Go modules whose presence in go.mod shows that a service
// already runs a client for it. The inventory names those, so that the
// advice starts from what the team already runs.
type Target struct {
	Name    TargetName
	Holds   string   // what it is for, for the report
	Modules []string // client modules, by module path; a prefix ends in "/"
	Suggest string   // the module to start from when none is in go.mod
}

// A TargetName names a target.
type TargetName string

// The targets, one per row of Targets.
const (
	Redis         TargetName = "Redis"
	Memcached     TargetName = "Memcached"
	Database      TargetName = "a database"
	ObjectStorage TargetName = "object storage"
	MessageQueue  TargetName = "a message queue"
	PubSub        TargetName = "pub/sub"
	SignedTokens  TargetName = "signed tokens"
	JobQueue      TargetName = "a job queue"
	LeaderLock    TargetName = "leader election"
)

var redisModules = []string{
	"github.com/redis/go-redis/", "github.com/go-redis/redis", "github.com/gomodule/redigo",
	"github.com/redis/rueidis", "github.com/valkey-io/valkey-go",
}

// Targets lists every target, in report order.
var Targets = []Target{
	{Name: Redis, Holds: "sessions, counters, rate limits and shared caches", Modules: redisModules,
		Suggest: "github.com/redis/go-redis/v9"},
	{Name: Memcached, Holds: "shared caches", Modules: []string{"github.com/bradfitz/gomemcache"},
		Suggest: "github.com/bradfitz/gomemcache"},
	{Name: Database, Holds: "records, balances, sequences and job status", Modules: []string{
		"github.com/jackc/pgx", "github.com/lib/pq", "github.com/go-sql-driver/mysql", "gorm.io/gorm",
		"github.com/jmoiron/sqlx", "entgo.io/ent", "github.com/uptrace/bun", "go.mongodb.org/mongo-driver",
		"github.com/microsoft/go-mssqldb", "github.com/denisenkom/go-mssqldb", "github.com/gocql/gocql",
		"cloud.google.com/go/spanner", "cloud.google.com/go/firestore", "github.com/aws/aws-sdk-go-v2/service/dynamodb",
	}, Suggest: "github.com/jackc/pgx/v5 (Postgres)"},
	{Name: ObjectStorage, Holds: "uploaded and generated files", Modules: []string{
		"github.com/aws/aws-sdk-go-v2/service/s3", "github.com/aws/aws-sdk-go", "cloud.google.com/go/storage",
		"github.com/minio/minio-go/", "gocloud.dev", "github.com/Azure/azure-sdk-for-go/sdk/storage/azblob",
	}, Suggest: "github.com/aws/aws-sdk-go-v2/service/s3 or cloud.google.com/go/storage"},
	{Name: MessageQueue, Holds: "work handed from one request to a consumer", Modules: []string{
		"github.com/segmentio/kafka-go", "github.com/IBM/sarama", "github.com/Shopify/sarama",
		"github.com/confluentinc/confluent-kafka-go", "github.com/twmb/franz-go", "github.com/rabbitmq/amqp091-go",
		"github.com/streadway/amqp", "github.com/nats-io/nats.go", "cloud.google.com/go/pubsub",
	}, Suggest: "github.com/segmentio/kafka-go, github.com/rabbitmq/amqp091-go, or Redis streams"},
	{Name: PubSub, Holds: "fan-out to the connections every replica holds", Modules: append([]string{
		"github.com/nats-io/nats.go", "cloud.google.com/go/pubsub", "github.com/ThreeDotsLabs/watermill",
	}, redisModules...), Suggest: "Redis pub/sub (github.com/redis/go-redis/v9) or github.com/nats-io/nats.go"},
	{Name: SignedTokens, Holds: "session and flow data carried by the client", Modules: []string{
		"github.com/golang-jwt/jwt", "github.com/dgrijalva/jwt-go", "github.com/lestrrat-go/jwx",
		"github.com/go-jose/go-jose", "gopkg.in/square/go-jose.v2", "github.com/gorilla/securecookie",
	}, Suggest: "github.com/golang-jwt/jwt/v5"},
	{Name: JobQueue, Holds: "background jobs and their status", Modules: []string{
		"github.com/hibiken/asynq", "github.com/riverqueue/river", "github.com/gocraft/work",
		"github.com/RichardKnop/machinery", "github.com/vgarvardt/gue", "go.temporal.io/sdk",
	}, Suggest: "github.com/riverqueue/river (Postgres) or github.com/hibiken/asynq (Redis)"},
	{Name: LeaderLock, Holds: "work that must run on one replica at a time", Modules: []string{
		"k8s.io/client-go", "github.com/go-redsync/redsync", "github.com/bsm/redislock",
	}, Suggest: "a Kubernetes Lease (k8s.io/client-go/tools/leaderelection) or a Postgres advisory lock"},
}

// kindTargets says, for each kind of state, where it should live instead,
// in the order of its advice.
var kindTargets = map[KindName][]TargetName{
	Counter:   {Database, Redis},
	Balance:   {Database},
	Flag:      {Database, Redis},
	Sequence:  {Database},
	Value:     {Database, Redis},
	Cache:     {Redis, Memcached},
	Session:   {Redis, SignedTokens, Database},
	Queue:     {MessageQueue, Redis},
	Websocket: {PubSub},
	Job:       {JobQueue, Database},
	RateLimit: {Redis},
	Records:   {Database},
	File:      {ObjectStorage},
	LocalDB:   {Database},
	Order:     {SignedTokens, Redis, Database},
	Lock:      {Database, Redis},
	Schedule:  {JobQueue, LeaderLock},
}

// TargetsFor returns the targets of a kind of state.
func TargetsFor(kind KindName) []TargetName { return kindTargets[kind] }

// TargetByName returns the row of a target.
func TargetByName(name TargetName) (Target, bool) {
	for _, t := range Targets {
		if t.Name == name {
			return t, true
		}
	}
	return Target{}, false
}

// Provides reports whether the module path is a client of the target: one
// of its modules, or a module under one ending in "/" or a major version.
func (t Target) Provides(module string) bool {
	for _, m := range t.Modules {
		if module == m || (len(module) > len(m) && module[:len(m)] == m &&
			(m[len(m)-1] == '/' || module[len(m)] == '/')) {
			return true
		}
	}
	return false
}
