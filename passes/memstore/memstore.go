package memstore

import (
	_ "embed"
	"reflect"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/checkutil"
	"github.com/statelint/statelint/passes/internal/directives"
	"github.com/statelint/statelint/passes/internal/guard"
	"github.com/statelint/statelint/passes/internal/state"
	"github.com/statelint/statelint/passes/internal/stores"
	"github.com/statelint/statelint/passes/internal/wiring"
	"golang.org/x/tools/go/analysis"
)

const name = "memstore"

//go:embed doc.go
var doc string

// Analyzer reports in-process containers written on a request path.
var Analyzer = &analysis.Analyzer{
	Name:       name,
	Doc:        checkutil.MustExtractDoc(doc, name),
	URL:        checkutil.URL(name),
	Requires:   []*analysis.Analyzer{state.Analyzer, stores.Analyzer, wiring.Analyzer, directives.Analyzer},
	Run:        guard.Check(run),
	ResultType: reflect.TypeFor[*checkutil.Outcome](),
}

// run reports each unit of container state that a request path writes,
// and each framework store built to keep its data in this process or on
// local disk. Its result records them, with those directives silenced.
func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[state.Analyzer].(*state.Result)
	out := checkutil.NewOutcome()
	out.ReportWrites(pass, res, name, func(w *state.Write, k knowledge.Kind) string {
		return k.Title + " " + checkutil.WrittenName(w) + " is written by " + res.Witness.Handler(w.At.Entry) + ": " + checkutil.Consequence(k)
	})
	dirs := pass.ResultOf[directives.Analyzer].(*directives.Result)
	var cs []stores.Construction
	for _, c := range pass.ResultOf[stores.Analyzer].(*stores.Result).Constructions {
		if c.Check() == name {
			cs = append(cs, c)
		}
	}
	for _, g := range stores.Alike(cs, func(c stores.Construction) string { return out.Silenced(dirs.Silencing(name, c.Pos, 0, "")) }) {
		reportStore(pass, out, g)
	}
	out.ReportWired(pass, pass.ResultOf[wiring.Analyzer].(*wiring.Result), dirs, name, func(f *wiring.Finding, k knowledge.Kind) string {
		return k.Title + " " + checkutil.WiredName(f) + " is written by " + checkutil.WiredVia(f) + ": " + checkutil.Consequence(k)
	})
	return out, nil
}

// reportStore reports the construction of a store that the library
// writes on every request it serves: the call is where the user chose it.
func reportStore(pass *analysis.Pass, out *checkutil.Outcome, g stores.Group) {
	c := g.First
	k := checkutil.Kind(c.Holds)
	title, where := k.Title, "in this process's memory"
	if c.Kind == knowledge.SessionLocalFS {
		title, where = "session store on local disk", "in files on this machine"
	}
	requests, what := "every request that saves a session", "sessions"
	switch c.Holds {
	case knowledge.RateLimit:
		requests, what = "every request it limits", "per-client request counts"
	case knowledge.Cache:
		requests, what = "every request it caches", "cached responses"
	case knowledge.Websocket:
		requests, what = "every connection it accepts", "the live connections it broadcasts to"
	}
	msg := title + " " + c.Call + g.More() + " is written by " + requests + ": " + checkutil.Consequence(k)
	related := []analysis.RelatedInformation{{Pos: c.Pos, Message: c.Call + " keeps " + what + " " + where}}
	for _, o := range g.Others {
		related = append(related, analysis.RelatedInformation{Pos: o.Pos, Message: "another " + o.Call + " keeps its own " + what + " " + where})
	}
	out.Report(pass, k, checkutil.Record{
		State: checkutil.PosKey(pass, "store", c.Pos), Name: c.Call, Pos: c.Pos, Access: checkutil.Serves,
		Message: msg, Related: related, Accepted: g.Accepted,
	})
}
