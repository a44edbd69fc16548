package singlereplica

import (
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/checkutil"
	"github.com/statelint/statelint/passes/internal/extio"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// A job that calls through an interface whose implementations its
// package cannot reach (a report service's job calling s.mailer.Send,
// the mailer wired in by main) is pending: the package exports it in a
// Pending fact, with the field the interface value is kept in (or the
// parameter of an exported function, or its slice's elements, it is
// handed in). The package that fills that field with a concrete value,
// handing it to the service's constructor or storing it, or that passes
// it to the function, closes it there: when the
// implementation's method writes or sends outside, the job repeats
// that on every replica, and the finding is reported at the fill, in
// the user's wiring code, naming the job, where it is scheduled and the
// implementation.

// Pending is the package fact of the scheduled work whose effects go
// through fields another package fills.
type Pending struct {
	Jobs []PendingJob
}

// A PendingJob is one open call of one scheduled job.
type PendingJob struct {
	What string // "cron job (*ReportService).Schedule.func1 scheduled with (*artifex.Dispatcher).DispatchCron"
	Posn string // where it is scheduled, "services/report.go:70:29"
	Call extio.OpenCall
}

// AFact marks Pending as an analysis fact.
func (*Pending) AFact() {}

func (p *Pending) String() string {
	var parts []string
	for _, j := range p.Jobs {
		parts = append(parts, j.Call.Iface+"."+j.Call.Method+" on "+j.Call.Slot)
	}
	return "pending(" + strings.Join(parts, ", ") + ")"
}

// maxPending bounds the Pending fact of one package.
const maxPending = 32

// pend records the open calls of a job whose effects in reach are not
// repeated work.
func (c *checker) pend(what string, pos token.Pos, open []extio.OpenCall) {
	for _, o := range open {
		if len(c.pending) >= maxPending {
			return
		}
		c.pending = append(c.pending, PendingJob{What: what, Posn: c.posn(pos), Call: o})
	}
}

// posn names a position for another package's messages: the file with
// its directory, "services/report.go:70:29".
func (c *checker) posn(pos token.Pos) string {
	p := c.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d:%d", filepath.ToSlash(filepath.Join(filepath.Base(filepath.Dir(p.Filename)), filepath.Base(p.Filename))), p.Line, p.Column)
}

// closeRoot exports this package's pending jobs and closes those of the
// packages it imports where this package fills their fields.
func (c *checker) closeRoot() {
	if len(c.pending) > 0 {
		c.pass.ExportPackageFact(&Pending{Jobs: c.pending})
	}
	bySlot := map[string][]PendingJob{}
	for _, f := range c.pass.AllPackageFacts() {
		if p, ok := f.Fact.(*Pending); ok && f.Package != c.pass.Pkg {
			for _, j := range p.Jobs {
				bySlot[j.Call.Slot] = append(bySlot[j.Call.Slot], j)
			}
		}
	}
	if len(bySlot) == 0 {
		return
	}
	done := map[string]bool{}
	for _, fn := range c.ssa.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				switch x := in.(type) {
				case *ssa.Store:
					if fa, ok := x.Addr.(*ssa.FieldAddr); ok {
						c.fill(fn, x.Val, x.Pos(), bySlot[extio.FieldAddrSlot(fa)], done)
					}
				case ssa.CallInstruction:
					// a call, or a go statement starting the job's loop
					callee := x.Common().StaticCallee()
					if callee == nil {
						continue
					}
					args := x.Common().Args
					for _, k := range c.io.Of(callee).Keeps {
						if k.Param < len(args) {
							c.fill(fn, args[k.Param], x.Pos(), bySlot[k.Slot], done)
						}
					}
					if callee.Signature.Recv() != nil || callee.Parent() != nil {
						continue
					}
					for i, arg := range args {
						slot := extio.FuncParamSlot(callee, i)
						c.fill(fn, arg, x.Pos(), bySlot[slot], done)
						if jobs := bySlot[slot+"[]"]; len(jobs) > 0 {
							for _, e := range sliceElems(arg, 0) {
								c.fill(fn, e, x.Pos(), jobs, done)
							}
						}
					}
				}
			}
		}
	}
}

// fill reports the jobs whose open call the value put into a slot
// closes with work every replica repeats.
func (c *checker) fill(fn *ssa.Function, v ssa.Value, pos token.Pos, jobs []PendingJob, done map[string]bool) {
	if len(jobs) == 0 || !pos.IsValid() {
		return
	}
	for _, j := range jobs {
		for _, im := range c.implsOf(fn, v, j.Call.Method, 0) {
			if slices.ContainsFunc(im.Effects, func(e extio.Effect) bool { return e.Op == extio.Guard || e.Op == extio.Leader }) {
				continue // the implementation claims its rows or elects a replica
			}
			ef, ok := repeated(im.Effects)
			key := fmt.Sprint(j.Posn, "|", pos) // once per job and fill
			if !ok || done[key] || im.Method != j.Call.Method {
				continue
			}
			done[key] = true
			through := j.Call.Iface + "." + j.Call.Method
			msg := j.What + " (" + j.Posn + ") runs on every replica and, through " + through +
				" wired here as " + im.Impl + ", " + verb(ef)
			c.report(knowledge.Schedule, checkutil.Record{
				State: checkutil.PosKey(c.pass, "schedule", pos) + "|" + j.Posn, Name: im.Impl, Pos: pos,
				Access: checkutil.Schedules, Message: msg,
				Related: []analysis.RelatedInformation{{Pos: pos, Message: im.Impl + "." + im.Method + " " + verb(ef) + ": " + chain(ef)}},
			})
		}
	}
}

// sliceElems are the values put into the slice v: the elements of a
// literal, and what append adds to one, through φ-nodes
// (receivers := []R{a}; if ok { receivers = append(receivers, b) }).
func sliceElems(v ssa.Value, depth int) []ssa.Value {
	if depth > maxFillDepth {
		return nil
	}
	switch x := v.(type) {
	case *ssa.Slice:
		elems, _ := ssautil.LiteralElems(x)
		return elems
	case *ssa.Phi:
		var out []ssa.Value
		for _, e := range x.Edges {
			out = append(out, sliceElems(e, depth+1)...)
		}
		return out
	case *ssa.Call:
		if b, ok := x.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(x.Call.Args) == 2 {
			return append(sliceElems(x.Call.Args[0], depth+1), sliceElems(x.Call.Args[1], depth+1)...)
		}
	}
	return nil
}

// maxFillDepth bounds how far a filled value is traced to its making.
const maxFillDepth = 4

// implsOf are the methods named method of the implementations v may
// hold: a conversion of a concrete value, a function returning one of
// the module's interfaces (as its summary says), a package variable
// assigned in this package, a φ of those.
func (c *checker) implsOf(fn *ssa.Function, v ssa.Value, method string, depth int) []extio.ImplMethod {
	if depth > maxFillDepth {
		return nil
	}
	var out []extio.ImplMethod
	keep := func(ims []extio.ImplMethod) {
		for _, im := range ims {
			if im.Method == method {
				out = append(out, im)
			}
		}
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		if iface, ok := v.Type().Underlying().(*types.Interface); ok && !types.IsInterface(x.X.Type()) {
			keep(c.io.MethodEffects(x.X.Type(), iface))
		} else {
			out = append(out, c.implsOf(fn, x.X, method, depth+1)...)
		}
	case *ssa.ChangeType:
		out = append(out, c.implsOf(fn, x.X, method, depth+1)...)
	case *ssa.Phi:
		for _, e := range x.Edges {
			out = append(out, c.implsOf(fn, e, method, depth+1)...)
		}
	case *ssa.Extract:
		if x.Index == 0 {
			out = append(out, c.implsOf(fn, x.Tuple, method, depth+1)...)
		}
	case *ssa.Call:
		if g := x.Call.StaticCallee(); g != nil {
			keep(c.io.Of(g).Impls)
		}
	case *ssa.UnOp:
		if g, ok := x.X.(*ssa.Global); ok && x.Op == token.MUL {
			for st := range ssautil.Stores(c.ssa.SrcFuncs) {
				if st.Addr == g {
					out = append(out, c.implsOf(st.Parent(), st.Val, method, depth+1)...)
				}
			}
		}
	}
	return out
}
