package knowledge

// External stores and scheduled work, for the singlereplica check: which
// calls read or write a store shared by every replica (a SQL database,
// Redis, an HTTP API, a file), which send something outside the process
// (email, a webhook, a message), which let the store itself enforce a
// read-then-write, and which schedule work that every replica repeats.
// Functions are named as in calls.go; Arg indexes the call's arguments
// with the receiver first for methods.

// ExtOp is what a call does to an external store.
type ExtOp string

const (
	ExtRead  ExtOp = "read"  // returns data of the store
	ExtWrite ExtOp = "write" // changes the store
	ExtSend  ExtOp = "send"  // sends something outside: an email, a request with a body, a message
	// ExtGuard makes the store enforce what a read-then-write assumes:
	// Redis WATCH and scripts run atomically by the server.
	ExtGuard ExtOp = "guard"
	// ExtLeader elects one replica: work done after it is done once.
	ExtLeader ExtOp = "leader"
	// ExtCond adds a condition to an ORM statement: a guard when its
	// constant text checks a value (gorm's Where("balance >= ?", n)).
	ExtCond ExtOp = "cond"
)

// Stores, as ExternalCall.Store names them.
const (
	StoreSQL   = "sql"
	StoreRedis = "redis"
	StoreHTTP  = "http"
	StoreFile  = "file"
	StoreMail  = "smtp"
	StoreQueue = "broker"
)

// SharedStores are the stores every replica reaches alike, whose
// read-then-write an in-process lock cannot serialise. A local file is
// each replica's own (and fswrite's concern when a request writes it):
// a store that keeps its data in files, such as nats-server's JetStream
// file store, locks around its reads and writes by design.
var SharedStores = []string{StoreSQL, StoreRedis, StoreHTTP}

// An ExternalCall is one call of a client of an external store.
type ExternalCall struct {
	Func  string
	Store string
	Op    ExtOp
	// Query is the argument holding the SQL text, or -1: when it is a
	// constant its verb decides read or write (a Query with UPDATE ...
	// RETURNING writes) and its clauses whether the store enforces the
	// condition (FOR UPDATE, WHERE balance >= $1, WHERE version = $2).
	Query int
	// Idempotent writes leave the store as one run would when every
	// replica repeats them (a Redis SET of the same value, a DELETE).
	Idempotent bool
}

// sqlRows are the calls of one SQL client type: Query and Exec forms with
// the argument that holds the text.
func sqlRows(typ string, ctx bool) []ExternalCall {
	q := 1
	if ctx {
		q = 2
	}
	return []ExternalCall{
		{typ + ".Query", StoreSQL, ExtRead, 1, false},
		{typ + ".QueryRow", StoreSQL, ExtRead, 1, false},
		{typ + ".Exec", StoreSQL, ExtWrite, 1, false},
		{typ + ".QueryContext", StoreSQL, ExtRead, q, false},
		{typ + ".QueryRowContext", StoreSQL, ExtRead, q, false},
		{typ + ".ExecContext", StoreSQL, ExtWrite, q, false},
	}
}

// pgxRows are pgx's forms: the context comes first, the text second.
func pgxRows(typ string) []ExternalCall {
	return []ExternalCall{
		{typ + ".Query", StoreSQL, ExtRead, 2, false},
		{typ + ".QueryRow", StoreSQL, ExtRead, 2, false},
		{typ + ".Exec", StoreSQL, ExtWrite, 2, false},
	}
}

// redisRows are go-redis commands, on the embedded cmdable and on the
// Cmdable and UniversalClient interfaces.
func redisRows(pkg string) []ExternalCall {
	reads := []string{"Get", "GetRange", "MGet", "HGet", "HGetAll", "HMGet", "HExists", "HKeys", "HVals", "HLen",
		"Exists", "LRange", "LIndex", "LLen", "SMembers", "SIsMember", "SCard", "ZScore", "ZRange", "ZRank",
		"ZCard", "TTL", "Keys", "Scan", "XRange", "XLen"}
	idem := []string{"Set", "SetEx", "MSet", "HSet", "HMSet", "HDel", "Del", "Unlink", "Expire", "ExpireAt",
		"PExpire", "SAdd", "SRem", "ZAdd", "ZRem", "Persist"}
	writes := []string{"GetSet", "GetDel", "Incr", "IncrBy", "IncrByFloat", "Decr", "DecrBy", "HIncrBy",
		"HIncrByFloat", "ZIncrBy", "LPush", "RPush", "LPop", "RPop", "LRem", "LSet", "XAdd", "Publish"}
	guards := []string{"Watch", "Eval", "EvalSha", "EvalRO", "EvalShaRO", "FCall"}
	var out []ExternalCall
	for _, typ := range []string{"cmdable", "Cmdable", "UniversalClient", "Client", "Tx", "Pipeliner"} {
		for _, m := range reads {
			out = append(out, ExternalCall{pkg + "." + typ + "." + m, StoreRedis, ExtRead, -1, false})
		}
		for _, m := range idem {
			out = append(out, ExternalCall{pkg + "." + typ + "." + m, StoreRedis, ExtWrite, -1, true})
		}
		for _, m := range writes {
			out = append(out, ExternalCall{pkg + "." + typ + "." + m, StoreRedis, ExtWrite, -1, false})
		}
		for _, m := range guards {
			out = append(out, ExternalCall{pkg + "." + typ + "." + m, StoreRedis, ExtGuard, -1, false})
		}
		// SET NX is the usual Redis lock: a job done while holding it is
		// done by one replica.
		out = append(out, ExternalCall{pkg + "." + typ + ".SetNX", StoreRedis, ExtLeader, -1, false})
	}
	return out
}

// gormRows are gorm's finishers and raw statements; dest arguments are
// pointers, which the data flow follows.
func gormRows(typ string) []ExternalCall {
	var out []ExternalCall
	for _, m := range []string{"First", "Take", "Last", "Find", "Scan", "Pluck", "Count", "Row", "Rows"} {
		out = append(out, ExternalCall{typ + "." + m, StoreSQL, ExtRead, -1, false})
	}
	for _, m := range []string{"Create", "Save", "Update", "Updates", "UpdateColumn", "UpdateColumns", "FirstOrCreate"} {
		out = append(out, ExternalCall{typ + "." + m, StoreSQL, ExtWrite, -1, false})
	}
	return append(out,
		ExternalCall{typ + ".Delete", StoreSQL, ExtWrite, -1, true},
		ExternalCall{typ + ".Exec", StoreSQL, ExtWrite, 1, false},
		ExternalCall{typ + ".Raw", StoreSQL, ExtRead, 1, false},
		ExternalCall{typ + ".Where", StoreSQL, ExtCond, 1, false},
	)
}

// LockingTypes are ORM clauses that make a read lock its rows, as
// SELECT ... FOR UPDATE does: gorm's Clauses(clause.Locking{Strength: "UPDATE"}).
var LockingTypes = []string{"gorm.io/gorm/clause.Locking"}

// UpsertTypes are ORM clauses that make a write an INSERT ... ON
// CONFLICT: a write whose receiver was built with one is enforced and
// idempotent, as the SQL text would say (gorm's
// Clauses(clause.OnConflict{UpdateAll: true}).Create(&kv)).
var UpsertTypes = []string{"gorm.io/gorm/clause.OnConflict"}

func concat(parts ...[]ExternalCall) []ExternalCall {
	var out []ExternalCall
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// ExternalCalls is the table of external-store calls.
var ExternalCalls = concat(
	collect(func(f *Framework) []ExternalCall { return f.External }),
	sqlRows("database/sql.DB", true), sqlRows("database/sql.Tx", true), sqlRows("database/sql.Conn", true),
	[]ExternalCall{
		// Stmt carries its text from Prepare: unknown here.
		{"database/sql.Stmt.Query", StoreSQL, ExtRead, -1, false},
		{"database/sql.Stmt.QueryRow", StoreSQL, ExtRead, -1, false},
		{"database/sql.Stmt.Exec", StoreSQL, ExtWrite, -1, false},
		{"database/sql.Stmt.QueryContext", StoreSQL, ExtRead, -1, false},
		{"database/sql.Stmt.QueryRowContext", StoreSQL, ExtRead, -1, false},
		{"database/sql.Stmt.ExecContext", StoreSQL, ExtWrite, -1, false},
		// sqlx: Get and Select scan into their first argument.
		{"github.com/jmoiron/sqlx.DB.Get", StoreSQL, ExtRead, 2, false},
		{"github.com/jmoiron/sqlx.DB.Select", StoreSQL, ExtRead, 2, false},
		{"github.com/jmoiron/sqlx.DB.GetContext", StoreSQL, ExtRead, 3, false},
		{"github.com/jmoiron/sqlx.DB.SelectContext", StoreSQL, ExtRead, 3, false},
		{"github.com/jmoiron/sqlx.DB.NamedExec", StoreSQL, ExtWrite, 1, false},
		{"github.com/jmoiron/sqlx.DB.NamedExecContext", StoreSQL, ExtWrite, 2, false},
		{"github.com/jmoiron/sqlx.Tx.Get", StoreSQL, ExtRead, 2, false},
		{"github.com/jmoiron/sqlx.Tx.Select", StoreSQL, ExtRead, 2, false},
		{"github.com/jmoiron/sqlx.Tx.NamedExec", StoreSQL, ExtWrite, 1, false},
	},
	sqlRows("github.com/jmoiron/sqlx.DB", true), sqlRows("github.com/jmoiron/sqlx.Tx", true),
	pgxRows("github.com/jackc/pgx/v5/pgxpool.Pool"), pgxRows("github.com/jackc/pgx/v5/pgxpool.Conn"),
	pgxRows("github.com/jackc/pgx/v5/pgxpool.Tx"), pgxRows("github.com/jackc/pgx/v5.Conn"),
	pgxRows("github.com/jackc/pgx/v5.Tx"), pgxRows("github.com/jackc/pgx/v4/pgxpool.Pool"),
	pgxRows("github.com/jackc/pgx/v4.Tx"), gormRows("gorm.io/gorm.DB"),
	redisRows("github.com/redis/go-redis/v9"), redisRows("github.com/go-redis/redis/v8"),
	[]ExternalCall{
		// Files: shared only when the path is a shared volume, but a
		// read-then-write of one under a mutex has the same race.
		{"os.ReadFile", StoreFile, ExtRead, -1, false},
		{"os.WriteFile", StoreFile, ExtWrite, -1, true},

		// Email.
		{"net/smtp.SendMail", StoreMail, ExtSend, -1, false},
		{"net/smtp.Client.Data", StoreMail, ExtSend, -1, false},
		{"gopkg.in/gomail.v2.Dialer.DialAndSend", StoreMail, ExtSend, -1, false},
		{"gopkg.in/gomail.v2.Send", StoreMail, ExtSend, -1, false},
		{"github.com/wneessen/go-mail.Client.DialAndSend", StoreMail, ExtSend, -1, false},
		{"github.com/wneessen/go-mail.Client.DialAndSendWithContext", StoreMail, ExtSend, -1, false},
		{"github.com/wneessen/go-mail.Client.Send", StoreMail, ExtSend, -1, false},
		{"github.com/emersion/go-smtp.SendMail", StoreMail, ExtSend, -1, false},
		{"github.com/emersion/go-smtp.SendMailTLS", StoreMail, ExtSend, -1, false},
		{"github.com/emersion/go-smtp.Client.Data", StoreMail, ExtSend, -1, false},
		{"github.com/emersion/go-smtp.Client.SendMail", StoreMail, ExtSend, -1, false},
		{"github.com/sendgrid/sendgrid-go.Client.Send", StoreMail, ExtSend, -1, false},

		// Brokers (a message published N times is consumed N times) are
		// in their frameworks' files: consumers.go.

		// Leader election and distributed locks.
		{"k8s.io/client-go/tools/leaderelection.RunOrDie", "", ExtLeader, -1, false},
		{"k8s.io/client-go/tools/leaderelection.LeaderElector.Run", "", ExtLeader, -1, false},
		{"github.com/go-redsync/redsync/v4.Mutex.Lock", StoreRedis, ExtLeader, -1, false},
		{"github.com/go-redsync/redsync/v4.Mutex.LockContext", StoreRedis, ExtLeader, -1, false},
		{"github.com/go-co-op/gocron/v2.WithDistributedElector", "", ExtLeader, -1, false},
		{"github.com/go-co-op/gocron/v2.WithDistributedLocker", "", ExtLeader, -1, false},
		{"github.com/go-co-op/gocron/v2.WithDistributedJobLocker", "", ExtLeader, -1, false},
	},
)

// SQLLeaderFuncs are SQL functions that take a lock held across replicas:
// a query calling one elects the replica that gets it.
var SQLLeaderFuncs = []string{"pg_try_advisory_lock", "pg_advisory_lock", "pg_try_advisory_xact_lock",
	"pg_advisory_xact_lock", "get_lock("}

// UniqueViolations are what code compares a database error with when it
// relies on a unique index to reject a duplicate: Postgres' SQLSTATE
// 23505 (pgerrcode.UniqueViolation) and the drivers' messages. An INSERT
// whose caller handles one is enforced by the store.
var UniqueViolations = []string{"23505", "duplicate key value violates unique constraint", "UNIQUE constraint failed"}

// SQLGuardClauses make the database lock or check what a read-then-write
// relies on: a locking read, or a write that fails when a concurrent one
// got there first.
var SQLGuardClauses = []string{"for update", "for no key update", "for share", "on conflict", "on duplicate key"}

// SQLFormatFuncs build SQL text from a constant format: its verb and
// clauses are read from the format.
var SQLFormatFuncs = []string{"fmt.Sprintf"}

// HTTPReadMethods make a request built by NewRequest a read.
var HTTPReadMethods = []string{"GET", "HEAD", "OPTIONS"}

// HTTPRequestCtors build a request with the method at Arg; each
// Framework lists its own (RequestCtors).
var HTTPRequestCtors = requestCtors()

func requestCtors() map[string]int {
	out := map[string]int{}
	for _, f := range Frameworks {
		for k, v := range f.RequestCtors {
			out[k] = v
		}
	}
	return out
}

// A ScheduleCall runs the function or job at Job on a schedule, in every
// replica that makes the call.
type ScheduleCall struct {
	Func string
	Job  int // the func value, or a value whose Run method is the job
	Form string
	// Stop is the method of the handle the call returns that ends the
	// schedule, when it has one. A job that stops its own handle (a
	// poll for one user's export, stopped when the export is ready) is
	// a task that ends, not work every replica repeats.
	Stop string
}

// ScheduleCalls is the table of schedulers of third-party modules, which
// statelint reads by these rows rather than by their code. Tickers are
// recognised by their channel (TickerTypes, TickFuncs), not by a row
// here, and a function of the analysed module that hands its parameter
// to one of these is found by singlereplica itself.
var ScheduleCalls = []ScheduleCall{
	{"github.com/robfig/cron/v3.Cron.AddFunc", 2, "cron", ""},
	{"github.com/robfig/cron/v3.Cron.AddJob", 2, "cron", ""},
	{"github.com/robfig/cron/v3.Cron.Schedule", 2, "cron", ""},
	{"github.com/robfig/cron.Cron.AddFunc", 2, "cron", ""},
	{"github.com/robfig/cron.Cron.AddJob", 2, "cron", ""},
	{"github.com/go-co-op/gocron.Scheduler.Do", 1, "gocron", ""},
	{"github.com/go-co-op/gocron/v2.NewTask", 0, "gocron", ""},
	// artifex, a job queue over robfig/cron and tickers: DispatchCron and
	// DispatchEvery queue their job on a schedule (Dispatch and DispatchIn
	// run it once).
	{"github.com/muety/artifex/v2.Dispatcher.DispatchCron", 1, "cron", "Stop"},
	{"github.com/muety/artifex/v2.Dispatcher.DispatchEvery", 1, "ticker", "Stop"},
}

// TickerTypes have a channel field C that fires on a schedule: a loop
// receiving from it is scheduled work.
var TickerTypes = []string{"time.Ticker"}

// TickFuncs return a channel that fires on a schedule.
var TickFuncs = []string{"time.Tick"}

// AfterFuncs return a channel that fires once: in a loop, a schedule.
var AfterFuncs = []string{"time.After"}

// SleepFuncs pause a loop that runs until the process stops: such a loop
// ("for { sendReminders(); time.Sleep(time.Hour) }") is scheduled work.
var SleepFuncs = []string{"time.Sleep"}

// externalByName indexes ExternalCalls once; it is never written after.
var externalByName = func() map[string]ExternalCall {
	m := make(map[string]ExternalCall, len(ExternalCalls))
	for _, c := range ExternalCalls {
		m[c.Func] = c
	}
	return m
}()

// ExternalCallFor returns the row of the named function.
func ExternalCallFor(name string) (ExternalCall, bool) {
	c, ok := externalByName[name]
	return c, ok
}

// scheduleByName indexes ScheduleCalls once; it is never written after.
var scheduleByName = func() map[string]ScheduleCall {
	m := make(map[string]ScheduleCall, len(ScheduleCalls))
	for _, c := range ScheduleCalls {
		m[c.Func] = c
	}
	return m
}()

// ScheduleCallFor returns the row of the named function.
func ScheduleCallFor(name string) (ScheduleCall, bool) {
	c, ok := scheduleByName[name]
	return c, ok
}
