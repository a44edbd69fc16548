package checkutil

import (
	"go/token"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/directives"
	"github.com/statelint/statelint/passes/internal/handlers"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/state"
	"github.com/statelint/statelint/passes/internal/witness"
	"golang.org/x/tools/go/analysis"
)

// An Access says how a finding's handler touches its state.
type Access string

// The accesses a finding records.
const (
	Writes    Access = "writes"    // the handler writes the state
	Reads     Access = "reads"     // the handler reads what another handler keeps
	Holds     Access = "locks"     // the handler holds an in-process lock around shared data
	Schedules Access = "schedules" // the program schedules work every replica repeats
	Serves    Access = "serves"    // a store the library writes on the requests it serves
)

// A Record is one finding of a check as data: the state it is about, the
// handler that reaches it, and the diagnostic, reported or accepted. The
// inventory groups records by State; nothing parses messages.
type Record struct {
	Check string
	Kind  knowledge.KindName
	// State identifies the state across packages: a state key of the
	// state pass ("g:pkg.sessions"), or a position-based key for state
	// that has no declaration of its own (a file site, a store
	// construction, a lock, a schedule).
	State string
	Name  string    // how the finding names the state
	Decl  token.Pos // the state's declaration, when it has one
	Pos   token.Pos // where the finding is reported
	Entry *handlers.Entry
	// Via says which handler, in another package, reaches state chosen
	// here, and Route is its route when known: a store wired at the
	// composition root.
	Via     string
	Route   string
	Access  Access
	Message string
	Related []analysis.RelatedInformation
	// Accepted is the reason of the directive that silenced the finding;
	// empty when it was reported.
	Accepted string
}

// An Outcome is a check's result: the directives it used, for the
// suppress check, and its records, for the inventory.
type Outcome struct {
	Used    directives.Use
	Records []Record
}

// NewOutcome returns an empty outcome.
func NewOutcome() *Outcome { return &Outcome{Used: directives.Use{}} }

// Report reports rec as a diagnostic of kind k, unless it was accepted,
// and records it either way.
func (o *Outcome) Report(pass *analysis.Pass, k knowledge.Kind, rec Record) {
	rec.Check, rec.Kind = k.Check, k.Name
	if rec.Accepted == "" {
		Report(pass, rec.Pos, k, rec.Message, rec.Related)
	}
	o.Records = append(o.Records, rec)
}

// Silenced applies the directives that silence rec: it records them as
// used and returns the reason they give, or "" when none does. An
// Ignored fact of the package declaring the state silences with the
// reason given there.
func (o *Outcome) Silenced(dirs []*directives.Directive, imported bool) string {
	o.Used.Add(dirs)
	var reasons []string
	for _, d := range dirs {
		reasons = append(reasons, d.Reason)
	}
	if len(reasons) == 0 && imported {
		return "accepted where it is declared"
	}
	return strings.Join(reasons, "; ")
}

// ReportWrites reports the write units of the kinds check owns, with the
// message message composes, and records them with the units directives
// silenced.
func (o *Outcome) ReportWrites(pass *analysis.Pass, res *state.Result, check string, message func(*state.Write, knowledge.Kind) string) {
	for _, units := range [][]*state.Write{res.Writes, res.Silenced} {
		for _, w := range units {
			k := Kind(w.Kind())
			if k.Check != check {
				continue
			}
			rec := Record{
				State: w.State.Key, Name: WrittenName(w), Decl: w.State.Decl,
				Pos: w.At.Pos, Entry: w.At.Entry, Access: Writes,
				Message: message(w, k), Related: WriteChain(res.Witness, w),
			}
			if len(w.Silencing) > 0 || w.Imported {
				rec.Accepted = o.Silenced(w.Silencing, w.Imported)
			}
			o.Report(pass, k, rec)
		}
	}
}

// PosKey identifies state that has no declaration of its own by where it
// is: what the key is of ("file", "store", "lock"), and the position.
func PosKey(pass *analysis.Pass, what string, pos token.Pos) string {
	return what + "@" + pass.Fset.Position(pos).String()
}

// FileKey identifies the local files a site writes or reads: the
// directory or variable its path derives from when the summary knows it,
// so that an upload and its download are one piece of state, else the
// site.
func FileKey(pass *analysis.Pass, o witness.Occurrence) string {
	if o.Effect.Key != "" {
		return "files:" + o.Effect.Key
	}
	return PosKey(pass, "file", o.Pos)
}

// FileName names the local files a site writes.
func FileName(o witness.Occurrence) string {
	if o.Effect.Key != "" {
		return "files in " + FileKeyDisplay(o.Effect.Key)
	}
	return "local files (" + o.Effect.What + ")"
}

// FileKeyDisplay renders a file key ("var:pkg.uploadDir", "/tmp/uploads").
func FileKeyDisplay(key string) string {
	if v, ok := strings.CutPrefix(key, "var:"); ok {
		return names.LastElem(v)
	}
	return key
}
