package fswrite

import (
	_ "embed"
	"go/token"
	"reflect"
	"slices"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/checkutil"
	"github.com/statelint/statelint/passes/internal/directives"
	"github.com/statelint/statelint/passes/internal/guard"
	"github.com/statelint/statelint/passes/internal/handlers"
	"github.com/statelint/statelint/passes/internal/state"
	"github.com/statelint/statelint/passes/internal/stores"
	"github.com/statelint/statelint/passes/internal/summary"
	"github.com/statelint/statelint/passes/internal/wiring"
	"github.com/statelint/statelint/passes/internal/witness"
	"golang.org/x/tools/go/analysis"
)

const name = "fswrite"

//go:embed doc.go
var doc string

// Analyzer reports local-filesystem writes on a request path.
var Analyzer = &analysis.Analyzer{
	Name:       name,
	Doc:        checkutil.MustExtractDoc(doc, name),
	URL:        checkutil.URL(name),
	Requires:   []*analysis.Analyzer{state.Analyzer, wiring.Analyzer, stores.Analyzer, directives.Analyzer},
	Run:        guard.Check(run),
	ResultType: reflect.TypeFor[*checkutil.Outcome](),
}

// run reports where request paths write local files or an embedded
// database: once per handler and place (the directory, constant or
// variable the path is built from; every write whose place is unknown is
// one place), where handlers that reach one site through a helper they
// share are one finding. The finding is at the creating write (a save
// before the os.Remove that erases it), with the others as further
// sites. Its result records them, with the sites directives silenced.
func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[state.Analyzer].(*state.Result)
	dirs := pass.ResultOf[directives.Analyzer].(*directives.Result)
	out := checkutil.NewOutcome()
	var sites, silenced [][]witness.Occurrence
	reasons := map[token.Pos]string{}
	for _, occs := range witness.BySite(res.FileWrites) {
		if reason := out.Silenced(dirs.Silencing(name, occs[0].Pos, 0, "")); reason != "" {
			reasons[occs[0].Pos] = reason
			silenced = append(silenced, occs)
			continue
		}
		sites = append(sites, occs)
	}
	for _, unit := range units(sites) {
		reportUnit(pass, out, res.Witness, unit, "")
	}
	for _, occs := range silenced {
		reportUnit(pass, out, res.Witness, [][]witness.Occurrence{occs}, reasons[occs[0].Pos])
	}
	out.ReportWrites(pass, res, name, func(w *state.Write, k knowledge.Kind) string {
		return res.Witness.Handler(w.At.Entry) + " writes the local file " + checkutil.WrittenName(w) + " with " + w.At.Effect.What + ": " + checkutil.Consequence(k)
	})
	var cs []stores.Construction
	for _, c := range pass.ResultOf[stores.Analyzer].(*stores.Result).Constructions {
		if c.Check() == name {
			cs = append(cs, c)
		}
	}
	for _, g := range stores.Alike(cs, func(c stores.Construction) string { return out.Silenced(dirs.Silencing(name, c.Pos, 0, "")) }) {
		reportLocalStore(pass, out, g)
	}
	out.ReportWired(pass, pass.ResultOf[wiring.Analyzer].(*wiring.Result), dirs, name, func(f *wiring.Finding, k knowledge.Kind) string {
		what := "a local file"
		if f.Kind == knowledge.LocalDB {
			what = "a local embedded database"
		}
		return "store " + checkutil.WiredName(f) + " writes " + what + " with " + f.What + " for " + checkutil.WiredVia(f) + ": " + checkutil.Consequence(k)
	})
	return out, nil
}

// units groups write sites (in position order) into findings: sites of
// one place and kind that share a handler are one finding.
func units(sites [][]witness.Occurrence) [][][]witness.Occurrence {
	type unit struct {
		key     string
		op      summary.Op
		writers map[*handlers.Entry]bool
		sites   [][]witness.Occurrence
	}
	var us []*unit
	for _, occs := range sites {
		key, op := occs[0].Effect.Key, occs[0].Effect.Op
		i := slices.IndexFunc(us, func(u *unit) bool {
			return u.key == key && u.op == op && slices.ContainsFunc(occs, func(o witness.Occurrence) bool { return u.writers[o.Entry] })
		})
		if i < 0 {
			i = len(us)
			us = append(us, &unit{key: key, op: op, writers: map[*handlers.Entry]bool{}})
		}
		us[i].sites = append(us[i].sites, occs)
		for _, o := range occs {
			us[i].writers[o.Entry] = true
		}
	}
	out := make([][][]witness.Occurrence, len(us))
	for i, u := range us {
		out[i] = u.sites
	}
	return out
}

// reportUnit reports one finding for a unit of file writes, or records
// it as accepted for the reason a directive gives.
func reportUnit(pass *analysis.Pass, out *checkutil.Outcome, wit *witness.Picker, unit [][]witness.Occurrence, accepted string) {
	var all []witness.Occurrence
	for _, occs := range unit {
		all = append(all, occs...)
	}
	o := wit.Best(all)
	kind, what := knowledge.File, "a local file"
	if o.Effect.Op == summary.LocalDB {
		kind, what = knowledge.LocalDB, "a local embedded database"
	}
	k := checkutil.Kind(kind)
	msg := wit.Handler(o.Entry) + " writes " + what + " with " + o.Effect.What + ": " + checkutil.Consequence(k)
	rel := wit.Chain(o, o.Effect.What)
	for _, occs := range unit {
		if occs[0].Pos == o.Pos {
			continue
		}
		also := wit.Best(occs)
		msg := "also " + also.Effect.What
		if len(also.Effect.Via) > 0 {
			msg += " at " + also.Effect.Posn // behind the calls at the site shown
		}
		if h := wit.Handler(also.Entry); h != wit.Handler(o.Entry) {
			msg += " by " + h
		}
		rel = append(rel, analysis.RelatedInformation{Pos: also.Pos, Message: msg})
	}
	out.Report(pass, k, checkutil.Record{
		State: checkutil.FileKey(pass, o), Name: checkutil.FileName(o), Pos: o.Pos, Entry: o.Entry,
		Access: checkutil.Writes, Message: msg, Related: rel, Accepted: accepted,
	})
}

// reportLocalStore reports a framework store chosen here that keeps what
// it holds in an embedded database on this machine (gin-contrib's gorm
// store on a SQLite file, scs's sqlite3store): the library writes it on
// every request it serves.
func reportLocalStore(pass *analysis.Pass, out *checkutil.Outcome, g stores.Group) {
	c := g.First
	k := checkutil.Kind(knowledge.LocalDB)
	if c.Opens != "" {
		reportOpen(pass, out, g, k)
		return
	}
	held := "sessions"
	switch c.Holds {
	case knowledge.Session:
	case knowledge.File:
		held = "files"
	default:
		held = string(c.Holds) + " entries"
	}
	in, opened := "in a local embedded database", "the database "+c.Call+" is handed is opened here, on a file on this machine"
	if c.Kind == knowledge.SessionLocalFS {
		k = checkutil.Kind(knowledge.File)
		in, opened = "on this machine's disk", c.Call+" keeps them in a directory of this machine"
	} else if c.Pos == c.At {
		opened = c.Call + " keeps them in a file on this machine"
	}
	msg := "store " + c.Call + g.More() + " keeps " + held + " " + in + ", written by every request it serves: " + checkutil.Consequence(k)
	related := []analysis.RelatedInformation{{Pos: c.Pos, Message: opened}}
	for _, o := range g.Others {
		related = append(related, analysis.RelatedInformation{Pos: o.Pos, Message: "another database " + o.Call + " is handed is opened here"})
	}
	out.Report(pass, k, checkutil.Record{
		State: checkutil.PosKey(pass, "store", c.Pos), Name: c.Call, Pos: c.Pos, Access: checkutil.Serves,
		Message: msg, Related: related, Accepted: g.Accepted,
	})
}

// reportOpen reports the program's own database opened here on a file of
// this machine: an SQL open, or a function of the program that opens
// one, handed a driver that is, or may be chosen to be, an embedded one.
func reportOpen(pass *analysis.Pass, out *checkutil.Outcome, g stores.Group, k knowledge.Kind) {
	c := g.First
	msg := c.Call + g.More() + " opens a local embedded database (" + c.Opens + "): " + checkutil.Consequence(k)
	var related []analysis.RelatedInformation
	if c.OpenPosn != "" {
		related = append(related, analysis.RelatedInformation{Pos: c.Pos, Message: "the database is opened with " + c.Open + " at " + c.OpenPosn})
	}
	for _, o := range g.Others {
		related = append(related, analysis.RelatedInformation{Pos: o.Pos, Message: "another database is opened here (" + o.Opens + ")"})
	}
	out.Report(pass, k, checkutil.Record{
		State: checkutil.PosKey(pass, "store", c.Pos), Name: c.Call, Pos: c.Pos, Access: checkutil.Serves,
		Message: msg, Related: related, Accepted: g.Accepted,
	})
}
