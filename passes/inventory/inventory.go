package inventory

import (
	"go/token"
	"reflect"

	"github.com/statelint/statelint/internal/inventory"
	"github.com/statelint/statelint/passes/fswrite"
	"github.com/statelint/statelint/passes/globalstate"
	"github.com/statelint/statelint/passes/internal/checkutil"
	"github.com/statelint/statelint/passes/internal/guard"
	"github.com/statelint/statelint/passes/internal/handlers"
	"github.com/statelint/statelint/passes/internal/ssabuild"
	"github.com/statelint/statelint/passes/internal/state"
	"github.com/statelint/statelint/passes/internal/summary"
	"github.com/statelint/statelint/passes/internal/witness"
	"github.com/statelint/statelint/passes/memstore"
	"github.com/statelint/statelint/passes/requestorder"
	"github.com/statelint/statelint/passes/singlereplica"
	"golang.org/x/tools/go/analysis"
)

// Checks are the checks whose findings the inventory lists, in
// documentation order.
var Checks = []*analysis.Analyzer{
	globalstate.Analyzer, memstore.Analyzer, fswrite.Analyzer,
	requestorder.Analyzer, singlereplica.Analyzer,
}

// Analyzer collects one package's part of the state inventory.
var Analyzer = &analysis.Analyzer{
	Name:       "statelintinventory",
	Doc:        "collect the entry points, findings and state accesses of a package for the state inventory",
	Run:        guard.Helper(run),
	Requires:   append([]*analysis.Analyzer{ssabuild.Analyzer, handlers.Analyzer, state.Analyzer}, Checks...),
	ResultType: reflect.TypeFor[*inventory.Part](),
}

type collector struct {
	pass *analysis.Pass
}

func run(pass *analysis.Pass) (any, error) {
	part := &inventory.Part{Package: pass.Pkg.Path()}
	c := &collector{pass: pass}
	for _, e := range pass.ResultOf[handlers.Analyzer].(*handlers.Result).Entries {
		part.Entries = append(part.Entries, c.entry(e))
	}
	for _, a := range Checks {
		for _, r := range pass.ResultOf[a].(*checkutil.Outcome).Records {
			rec := inventory.Record{
				Check: r.Check, Kind: string(r.Kind), State: r.State, Name: r.Name,
				Decl: c.position(r.Decl), Pos: c.position(r.Pos), Access: string(r.Access),
				Message: r.Message, Accepted: r.Accepted, Via: r.Via, Route: r.Route,
			}
			if r.Entry != nil {
				e := c.entry(r.Entry)
				rec.Entry = &e
			}
			for _, rel := range r.Related {
				rec.Chain = append(rec.Chain, inventory.Step{Pos: c.position(rel.Pos), Message: rel.Message})
			}
			part.Records = append(part.Records, rec)
		}
	}
	res := pass.ResultOf[state.Analyzer].(*state.Result)
	if res.Witness == nil {
		return part, nil
	}
	for _, st := range res.States {
		part.Accesses = append(part.Accesses, c.accesses(res.Witness, st.Key, st.Display(), "writes", st.Writes)...)
		part.Accesses = append(part.Accesses, c.accesses(res.Witness, st.Key, st.Display(), "reads", st.Reads)...)
	}
	for _, files := range []struct {
		op   string
		occs []witness.Occurrence
	}{{"writes", res.FileWrites}, {"reads", res.FileReads}} {
		for _, occs := range witness.BySite(files.occs) {
			o := res.Witness.Best(occs)
			part.Accesses = append(part.Accesses, c.accesses(res.Witness, checkutil.FileKey(pass, o), checkutil.FileName(o), files.op, occs)...)
		}
	}
	return part, nil
}

// accesses returns one access per entry point among occs, with the best
// chain of each.
func (c *collector) accesses(wit *witness.Picker, key, display, op string, occs []witness.Occurrence) []inventory.Access {
	byEntry := map[*handlers.Entry][]witness.Occurrence{}
	var order []*handlers.Entry
	for _, o := range occs {
		if byEntry[o.Entry] == nil {
			order = append(order, o.Entry)
		}
		byEntry[o.Entry] = append(byEntry[o.Entry], o)
	}
	var out []inventory.Access
	for _, e := range order {
		o := wit.Best(byEntry[e])
		a := inventory.Access{State: key, Entry: c.entry(e), Op: op}
		for _, rel := range wit.Chain(o, o.Effect.What+" of "+display) {
			a.Chain = append(a.Chain, inventory.Step{Pos: c.position(rel.Pos), Message: rel.Message})
		}
		out = append(out, a)
	}
	return out
}

func (c *collector) entry(e *handlers.Entry) inventory.Entry {
	out := inventory.Entry{
		Func: summary.DisplayFunc(e.Fn.Pkg, e.Fn), Pos: c.position(e.Fn.Pos()),
		Framework: e.Framework, Routes: e.Routes,
	}
	if e.Fn.Pkg != nil {
		out.Pkg, out.PkgName = e.Fn.Pkg.Pkg.Path(), e.Fn.Pkg.Pkg.Name()
	}
	return out
}

func (c *collector) position(pos token.Pos) inventory.Position {
	if !pos.IsValid() {
		return inventory.Position{}
	}
	p := c.pass.Fset.Position(pos)
	return inventory.Position{File: p.Filename, Line: p.Line, Column: p.Column}
}
