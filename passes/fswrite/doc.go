/*
Package fswrite defines an Analyzer that reports local-filesystem writes
on a request path.

# Analyzer fswrite

fswrite: report local files and embedded databases written on a request path

A file a handler saves to local disk exists on one replica only, and with
containers it dies with the container. The check reports os.Create,
os.WriteFile, os.OpenFile with write flags, os.Mkdir and os.MkdirAll,
what changes a file without writing its bytes (os.Remove, os.RemoveAll,
os.Rename, os.Truncate, os.Symlink, os.Link, os.Chmod, os.Chown,
os.Chtimes), temp files kept after the request, io.Copy into an *os.File,
framework upload helpers (gin's SaveUploadedFile, fiber's SaveFile),
writes through a file the process keeps open (an *os.File in a
package-level variable or a long-lived receiver, appended to on every
request), and opening or writing a local embedded database (bbolt,
badger, leveldb, pebble, and SQLite through database/sql: also the writes
through a package-level *sql.DB that the package opens with an embedded
driver at startup, or with a driver chosen among constants one of which
is embedded). A framework store chosen with a handle on an embedded
database (gin-contrib's gorm session store on gorm.Open(sqlite.Open(...)),
scs's sqlite3store), or a library's store that keeps what it is given
in a directory or a bolt file of this machine (go-pkgz/auth's avatar
stores, written at every login), is reported where it is chosen: at the
constructor's call, also inside an unexported helper that returns it (a
switch on the configured type is this package's choice), and at the call
of an exported function of another package that wraps it.

So is the program's own database, where the program chooses its driver:
an SQL open (database/sql, sqlx, gorm v1, xorm), or a function of the
program that hands a parameter to one as the driver, called with a
driver that is embedded or may be chosen to be. The choice is a
constant, a case of a switch on the same value (case "sqlite", beside
case "postgres"), or the default a configuration struct's tag gives the
field it is read from (`default:"sqlite3"`); the message says which. A
data source kept in memory (":memory:", mode=memory) is no file, and a
driver the program reads from a flag or the environment with no visible
default is not reported.

Each handler's writes to one place (the directory, constant or variable
the path is built from; writes whose place is unknown are one place) are
one finding, at the write that creates the data rather than the removal
that erases it, with the others as related information; handlers that
reach one write through a helper they share are one finding.

A request's own scratch is not reported: a temp file or directory
created in a function that removes a file (or hands out a cleanup
closure that does), what is written under such a
directory, and a path that one function both writes and removes (a
conversion's output written, served and deleted). Removing a file the
function did not make (an upload, a directory under the data root) is a
finding. Writes at startup are not reported.

Wrong:

	func upload(w http.ResponseWriter, r *http.Request) {
		f, _ := os.Create(filepath.Join("/tmp/uploads", name))
		io.Copy(f, r.Body)
	}

Right: write the upload to object storage.

	func upload(w http.ResponseWriter, r *http.Request) {
		s3c.PutObject(r.Context(), &s3.PutObjectInput{Bucket: &bucket, Key: &name, Body: r.Body})
	}

Suppress a finding with a reason on its line:

	os.WriteFile(p, b, 0o600) //statelint:ignore volume shared by every replica (EFS)
*/
package fswrite
