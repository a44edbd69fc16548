package requestorder

import (
	_ "embed"
	"fmt"
	"reflect"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/checkutil"
	"github.com/statelint/statelint/passes/internal/directives"
	"github.com/statelint/statelint/passes/internal/guard"
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
	ResultType: reflect.TypeFor[*checkutil.Outcome](),
}

// run reports the reads; its result records them, with those
// directives silenced.
func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[state.Analyzer].(*state.Result)
	dirs := pass.ResultOf[directives.Analyzer].(*directives.Result)
	k := checkutil.Kind(knowledge.Order)
	// A write finding lists the handlers that read its state, which tells
	// the same story in one line: ask only about state none names.
	told := map[*state.State]bool{}
	for _, w := range res.Writes {
		told[w.State] = true
		for _, p := range w.Parts {
			told[p.State] = true
		}
	}
	out := checkutil.NewOutcome()
	for _, st := range res.States {
		if told[st] {
			continue
		}
		for _, rec := range stateFindings(res.Witness, st, k) {
			rec.Accepted = out.Silenced(dirs.Silencing(name, rec.Pos, rec.Decl, rec.State))
			out.Report(pass, k, rec)
		}
	}
	for _, rec := range fileFindings(pass, res, k) {
		rec.Accepted = out.Silenced(dirs.Silencing(name, rec.Pos, 0, ""))
		out.Report(pass, k, rec)
	}
	return out, nil
}

func message(reader, state, writer, where string, k knowledge.Kind) string {
	return reader + " reads " + state + " that " + writer + " keeps " + where + ": " + checkutil.Consequence(k)
}

// stateFindings reports, once per reading handler, reads of st when a
// different handler writes it: the reader assumes it lands on the replica
// the writer did. Only state that one request leaves for a later one
// matters (a step of a flow, a session, a job before its poll): caches
// tolerate misses, and rate limiters, connection registries and queues
// are reported by memstore for what they are. run asks only about state
// no write finding names: a write finding lists the handlers that read
// its state, which tells the same story in one line.
func stateFindings(wit *witness.Picker, st *state.State, k knowledge.Kind) []checkutil.Record {
	if len(st.Writes) == 0 || len(st.Reads) == 0 {
		return nil
	}
	if kind, ok := knowledge.KindByName(st.Kind); !ok || !kind.Transient {
		return nil
	}
	byReader := map[string][]witness.Occurrence{}
	var readers []string
	for _, r := range st.Reads {
		if _, ok := wit.OtherWriter(st.Writes, r); !ok {
			continue
		}
		h := wit.Handler(r.Entry)
		if _, ok := byReader[h]; !ok {
			readers = append(readers, h)
		}
		byReader[h] = append(byReader[h], r)
	}
	display := st.Display()
	var out []checkutil.Record
	for _, h := range readers {
		sites := witness.BySite(byReader[h])
		r := wit.Best(sites[0])
		w, _ := wit.OtherWriter(st.Writes, r)
		rel := wit.Chain(r, fmt.Sprintf("%s of %s", r.Effect.What, display))
		rel = append(rel, checkutil.AlsoAt(wit, sites[1:], display)...)
		rel = append(rel, wit.Chain(w, fmt.Sprintf("%s keeps %s here", wit.Handler(w.Entry), display))...)
		out = append(out, checkutil.Record{
			State: st.Key, Name: display, Decl: st.Decl, Pos: r.Pos, Entry: r.Entry, Access: checkutil.Reads, Related: rel,
			Message: message(h, display, wit.Handler(w.Entry), "in process memory", k),
		})
	}
	return out
}

// fileFindings reports a handler reading local files from the place
// another handler writes them: a download after an upload.
func fileFindings(pass *analysis.Pass, res *state.Result, k knowledge.Kind) []checkutil.Record {
	wit := res.Witness
	var out []checkutil.Record
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
		display := checkutil.FileName(w)
		rel := wit.Chain(r, r.Effect.What)
		rel = append(rel, wit.Chain(w, fmt.Sprintf("%s writes %s here", wit.Handler(w.Entry), display))...)
		out = append(out, checkutil.Record{
			State: checkutil.FileKey(pass, w), Name: display, Pos: r.Pos, Entry: r.Entry, Access: checkutil.Reads, Related: rel,
			Message: message(wit.Handler(r.Entry), display, wit.Handler(w.Entry), "on local disk", k),
		})
	}
	return out
}
