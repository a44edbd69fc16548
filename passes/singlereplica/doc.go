/*
Package singlereplica defines an Analyzer that reports code that is
correct only while the service runs as a single replica.

# Analyzer singlereplica

singlereplica: report in-process locks around read-then-writes of shared stores and scheduled work every replica repeats

Some code keeps no state of its own and still breaks the day a second
replica starts, because it assumes it is the only one. The check reports
two forms.

A lock (category lock): a sync.Mutex or sync.RWMutex that outlives the
request (a package variable, a field of the server, a captured variable)
locked on a request path around a read of a store every replica shares
(a SQL query, a Redis GET, an HTTP GET) followed by a write to the same
store whose arguments depend on what was read, in the same function or
one or two calls down, also through an interface of the module (a
Repository, a Store) whose implementations the package can reach. Local files are each replica's own: a file read
and written back under a lock is fswrite's concern, and the way a store
that keeps its data in files (nats-server's JetStream) is meant to work. With two replicas the mutex serialises nothing:
two withdrawals on two replicas both read the old balance and the
account is overdrawn.

Wrong:

	var withdrawMu sync.Mutex

	func withdraw(w http.ResponseWriter, r *http.Request) {
		withdrawMu.Lock()
		defer withdrawMu.Unlock()
		var bal int
		db.QueryRow("SELECT balance FROM wallets WHERE id = $1", id).Scan(&bal)
		if bal < amount {
			http.Error(w, "insufficient funds", http.StatusConflict)
			return
		}
		db.Exec("UPDATE wallets SET balance = $1 WHERE id = $2", bal-amount, id)
	}

Right: let the store enforce it with a conditional UPDATE,

	res, _ := db.Exec("UPDATE wallets SET balance = balance - $1 WHERE id = $2 AND balance >= $1", amount, id)
	if n, _ := res.RowsAffected(); n == 0 {
		http.Error(w, "insufficient funds", http.StatusConflict)
	}

or lock the row with SELECT ... FOR UPDATE in a transaction, update on a
version column (UPDATE ... SET balance = $1, version = version + 1 WHERE
id = $2 AND version = $3), run the read and the write in a Redis WATCH
transaction or a Lua script (Eval), or take a distributed lock with
fencing tokens for what has no store-side form. A serializable
transaction is also silent, and so is a write that stores no value
computed from the read, only the keys it found (a DELETE, or UPDATE
messages SET read = 1 WHERE id = $1 for the unread ids): two replicas
racing to it leave what one would. A mutex that guards only in-process
data (a finding of globalstate or memstore when that data is state) or
only orders log lines is not this finding.

Scheduled work (category schedule): a robfig/cron AddFunc or AddJob, a
gocron job, a loop on a time.Ticker, time.Tick or time.After, or a loop
that sleeps until the process stops, outside a request path, whose job
writes an external store or sends something outside (an
INSERT or UPDATE, a Redis INCR or LPUSH, an HTTP POST, an email, a
message to a broker). With N replicas it runs N times: N digests in every
inbox, N charges. A job whose SQL writes go to the replica's own embedded
database (a SQLite file it prunes or compacts) does its own share once on
each replica; that database is fswrite's finding. A function that hands one of its function parameters to
such a schedule (a job queue's DispatchCron over cron, an every(d, f)
over a ticker) is a scheduler too, in its own package and in those that
call it; the job's effects include those of the functions it hands to a
worker queue or a retry helper to run, those of the goroutines that
receive what it sends on a channel kept in a field or a package
variable (a pool whose workers refresh the feeds a scheduler pushes, a
mail queue a daemon drains), those of the helper literals it calls, and
those of the implementations of the module's interfaces it calls
through. A schedule whose job stops the handle the schedule returned (a
poll for one user's export, stopped when it is ready) is a task that
ends, not repeated work.

Wrong:

	func main() {
		c := cron.New()
		c.AddFunc("@daily", sendDigests) // smtp.SendMail for every user
		c.Start()
		http.ListenAndServe(":8080", routes())
	}

Right: run the job once, outside the replicas,

	// cmd/digest/main.go, run by a Kubernetes CronJob at 07:00
	func main() { sendDigests() }

or elect a leader (a Kubernetes Lease, a Postgres advisory lock taken
with pg_try_advisory_lock, a Redis lock with expiry taken with SET NX)
and make the job idempotent. Jobs that take such a lock are silent, and
so is a package that runs client-go's leader election or gocron's
distributed elector, and a job that claims its rows: SELECT ... FOR
UPDATE (SKIP LOCKED), or a conditional UPDATE that returns what it
changed (UPDATE jobs SET status = 'running' WHERE status = 'queued'
RETURNING id), which gives each replica rows no other got. Competing
consumers, workers that poll a table of jobs or messages that way, are
built to run on every replica. Tickers that touch only this replica are
not findings: evicting a local cache, reloading configuration, flushing
or pushing its own metrics (what a Prometheus gatherer holds),
health pings that only read, a select that also receives data to work
on (a batcher flushing what this replica was sent), a job that writes
what it drained from an in-process buffer (a map of deltas the
requests add up, swapped for a fresh one or cleared before the writes,
also by a helper that empties it and returns what it held), and a
retry loop that sleeps between attempts. Deleting expired rows, a conditional
UPDATE, a Redis SET or an INSERT ... ON CONFLICT, repeated, change
nothing more, and are silent too; so is an INSERT whose caller handles a
unique violation (SQLSTATE 23505), since a unique index rejects the
other replicas' rows. SQL text is read where it is built from constant
fragments: concatenated (q += " RETURNING id"), formatted with
fmt.Sprintf, passed through a function that rewrites it (a dialect's
Rebind), returned by a function of the module as a string or as the
string field of a struct (a dialect adapter's SelectQuery returning
Query{Query, Args}), and handed through a wrapper of the client to the
call that runs it; the parts that are not constant are read as unknown.

Limits: the dependence of the write on the read is data flow (the
written values are computed from the read ones), not control flow alone;
SQL text is inspected when it is built from constants as above; a
claim or a lock anywhere in a job or a loop silences it, whichever rows
the other writes touch; a call through an
interface of the module stands for all its implementations in reach of
the calling package (one that writes makes the call a write); one
whose implementations the package cannot reach is closed where the
program wires them, see below; under go vet, which reads
imported packages from their export data, an implementation is in reach
when the packages imported mention its type (in an exported field,
variable or signature), so go vet may see fewer than a standalone run; function values kept in
fields or tables and run later (a task registry) are not followed; a
ticker loop counts as scheduled work wherever it is started outside a
request path.

A job that calls through an interface kept in a field, whose
implementations its package cannot reach (a report service calling
s.mailer.Send, the mailer chosen by main), is closed in the package that
fills the field: a constructor that keeps its argument there
(svc.New(mailer.NewSMTP(addr))) or a store into the field. When the
implementation handed in sends or writes outside, the finding is
reported at that call, in the wiring code, naming the job, where it is
scheduled and the implementation: with another implementation (a mailer
that only logs) the same job is silent. A job that calls through a
parameter of an exported function, or through each element of a slice
parameter (go poll.Dispatch(ctx, receivers, 5*time.Second), ranging over
receivers), is closed alike at the call or go statement that hands the
implementations in, from a slice literal and what append adds to it. The implementation is found from
a conversion of a concrete value, from a package variable assigned in
the package, or from an exported constructor that returns one of the
module's interfaces, whose summary says what the methods of what it
returns do.

Suppress a finding with a reason on its line:

	c.AddFunc("@hourly", syncAccounts) //statelint:ignore one replica by design (StatefulSet of size 1)
*/
package singlereplica
