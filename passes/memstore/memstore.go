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
	ResultType: reflect.TypeFor[directives.Use](),
}

// run reports each unit of container state that a request path writes,
// and each framework store built to keep its data in this process or on
// local disk. Its result is the directives that silenced a store.
func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[state.Analyzer].(*state.Result)
	for _, w := range checkutil.Writes(res, name) {
		k := checkutil.Kind(w.Kind())
		msg := k.Title + " " + checkutil.WrittenName(w) + " is written by " + res.Witness.Handler(w.At.Entry) + ": " + checkutil.Consequence(k)
		checkutil.Report(pass, w.At.Pos, k, msg, checkutil.WriteChain(res.Witness, w))
	}
	dirs := pass.ResultOf[directives.Analyzer].(*directives.Result)
	used := directives.Use{}
	for _, c := range pass.ResultOf[stores.Analyzer].(*stores.Result).Constructions {
		silencing, _ := dirs.Silencing(name, c.Pos, 0, "")
		if len(silencing) > 0 {
			used.Add(silencing)
			continue
		}
		reportStore(pass, c)
	}
	for _, f := range checkutil.Wired(pass.ResultOf[wiring.Analyzer].(*wiring.Result), name) {
		if silencing, _ := dirs.Silencing(name, f.Pos, 0, ""); len(silencing) > 0 {
			used.Add(silencing)
			continue
		}
		k := checkutil.Kind(f.Kind)
		msg := k.Title + " " + checkutil.WiredName(f) + " is written by " + f.Handler + " through " + f.Through + ": " + checkutil.Consequence(k)
		checkutil.Report(pass, f.Pos, k, msg, checkutil.WiredChain(f))
	}
	return used, nil
}

// reportStore reports the construction of a store that the library
// writes on every request it serves: the call is where the user chose it.
func reportStore(pass *analysis.Pass, c stores.Construction) {
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
	msg := title + " " + c.Call + " is written by " + requests + ": " + checkutil.Consequence(k)
	related := []analysis.RelatedInformation{{Pos: c.Pos, Message: c.Call + " keeps " + what + " " + where}}
	checkutil.Report(pass, c.Pos, k, msg, related)
}
