package requestorder

import (
	_ "embed"
	"fmt"
	"go/token"
	"reflect"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/checkutil"
	"github.com/statelint/statelint/passes/internal/directives"
	"github.com/statelint/statelint/passes/internal/guard"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/state"
	"github.com/statelint/statelint/passes/internal/witness"
	"golang.org/x/tools/go/analysis"
)

const name = "requestorder"

//go:embed doc.go
var doc string

// Analyzer reports reads of state another handler keeps in memory.
var Analyzer = &analysis.Analyzer{
	Name:       name,
	Doc:        checkutil.MustExtractDoc(doc, name),
	URL:        checkutil.URL(name),
	Requires:   []*analysis.Analyzer{state.Analyzer, directives.Analyzer},
	Run:        guard.Check(run),
	ResultType: reflect.TypeFor[directives.Use](),
}

// A finding of this check, before its directives are applied.
type finding struct {
	pos     token.Pos
	decl    token.Pos
	key     string
	msg     string
	related []analysis.RelatedInformation
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[state.Analyzer].(*state.Result)
	dirs := pass.ResultOf[directives.Analyzer].(*directives.Result)
	k := checkutil.Kind(knowledge.Order)
	var fs []finding
	for _, st := range res.States {
		fs = append(fs, stateFindings(res.Witness, st, k)...)
	}
	fs = append(fs, fileFindings(res, k)...)
	used := directives.Use{}
	for _, f := range fs {
		silencing, imported := dirs.Silencing(name, f.pos, f.decl, f.key)
		used.Add(silencing)
		if len(silencing) == 0 && !imported {
			checkutil.Report(pass, f.pos, k, f.msg, f.related)
		}
	}
	return used, nil
}

func message(reader, state, writer, where string, k knowledge.Kind) string {
	return reader + " reads " + state + " that " + writer + " keeps " + where + ": " + checkutil.Consequence(k)
}

// stateFindings reports reads of st in a handler when a different handler
// writes it: the reader assumes it lands on the replica the writer did.
// A read site shared by many handlers (a session lookup helper) is
// reported once. Only state that one request leaves for a later one
// matters: caches tolerate misses, and rate limiters, connection
// registries and queues are reported by memstore for what they are.
func stateFindings(wit *witness.Picker, st *state.State, k knowledge.Kind) []finding {
	if len(st.Writes) == 0 || len(st.Reads) == 0 {
		return nil
	}
	if kind, ok := knowledge.KindByName(st.Kind); !ok || !kind.Transient {
		return nil
	}
	var sites [][]witness.Occurrence
	for _, occs := range witness.BySite(st.Reads) {
		var readers []witness.Occurrence
		for _, r := range occs {
			if _, ok := wit.OtherWriter(st.Writes, r); ok {
				readers = append(readers, r)
			}
		}
		if len(readers) > 0 {
			sites = append(sites, readers)
		}
	}
	display := st.Display()
	var out []finding
	for _, group := range wit.ByFunc(sites) {
		r := wit.Best(group[0])
		w, _ := wit.OtherWriter(st.Writes, r)
		rel := wit.Chain(r, fmt.Sprintf("%s of %s", r.Effect.What, display))
		rel = append(rel, checkutil.AlsoAt(wit, group[1:], display)...)
		rel = append(rel, wit.Chain(w, fmt.Sprintf("%s keeps %s here", wit.Handler(w.Entry), display))...)
		out = append(out, finding{
			pos: r.Pos, decl: st.Decl, key: st.Key, related: rel,
			msg: message(wit.Handler(r.Entry), display, wit.Handler(w.Entry), "in process memory", k),
		})
	}
	return out
}

// fileFindings reports a handler reading local files from the place
// another handler writes them: a download after an upload.
func fileFindings(res *state.Result, k knowledge.Kind) []finding {
	wit := res.Witness
	var out []finding
	done := map[string]bool{}
	for _, r := range res.FileReads {
		if r.Effect.Key == "" || done[r.Effect.Key+"|"+wit.Handler(r.Entry)] {
			continue
		}
		var same []witness.Occurrence
		for _, w := range res.FileWrites {
			if w.Effect.Key == r.Effect.Key {
				same = append(same, w)
			}
		}
		w, ok := wit.OtherWriter(same, r)
		if !ok {
			continue
		}
		done[r.Effect.Key+"|"+wit.Handler(r.Entry)] = true
		display := "files in " + keyDisplay(r.Effect.Key)
		rel := wit.Chain(r, r.Effect.What)
		rel = append(rel, wit.Chain(w, fmt.Sprintf("%s writes %s here", wit.Handler(w.Entry), display))...)
		out = append(out, finding{pos: r.Pos, related: rel, msg: message(wit.Handler(r.Entry), display, wit.Handler(w.Entry), "on local disk", k)})
	}
	return out
}

// keyDisplay renders a file key ("var:pkg.uploadDir", "/tmp/uploads").
func keyDisplay(key string) string {
	if v, ok := strings.CutPrefix(key, "var:"); ok {
		return names.LastElem(v)
	}
	return key
}
