package singlereplica

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"golang.org/x/tools/go/ssa"
)

// A Scheduler marks a function that schedules a function it is given: a
// job queue's DispatchCron that hands its argument to cron.AddFunc, an
// every(d, f) helper that calls f on a ticker. Its callers' arguments
// are then scheduled work, as the arguments of the scheduler it wraps.
type Scheduler struct {
	Job  int    // the parameter holding the job, the receiver first
	Form string // the wrapped schedule's form: cron, gocron, ticker
}

// AFact marks Scheduler as an analysis fact.
func (*Scheduler) AFact() {}

func (s *Scheduler) String() string { return fmt.Sprintf("schedules param %d (%s)", s.Job, s.Form) }

// schedulerOf is the schedule a call makes of one of its arguments: a
// row of knowledge.ScheduleCalls, or a Scheduler of this package or
// imported with its callee.
func (c *checker) schedulerOf(cm *ssa.CallCommon) (knowledge.ScheduleCall, bool) {
	if row, ok := knowledge.ScheduleCallFor(names.Callee(cm)); ok {
		return row, true
	}
	g := cm.StaticCallee()
	if g == nil {
		return knowledge.ScheduleCall{}, false
	}
	if g.Origin() != nil {
		g = g.Origin()
	}
	obj, ok := g.Object().(*types.Func)
	if !ok {
		return knowledge.ScheduleCall{}, false
	}
	if s, ok := c.wrappers[obj]; ok {
		return knowledge.ScheduleCall{Job: s.Job, Form: s.Form}, true
	}
	var s Scheduler
	if obj.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(obj, &s) {
		return knowledge.ScheduleCall{Job: s.Job, Form: s.Form}, true
	}
	return knowledge.ScheduleCall{}, false
}

// findWrappers finds the package's functions that schedule a parameter,
// in source order so that a wrapper of a wrapper declared later in the
// package is found on the next round, and exports them as facts.
func (c *checker) findWrappers() {
	for changed, n := true, 0; changed && n < 3; n++ {
		changed = false
		for _, fn := range c.ssa.SrcFuncs {
			obj, ok := fn.Object().(*types.Func)
			if !ok || fn.Parent() != nil || c.wrappers[obj] != nil {
				continue
			}
			if s, ok := c.wrapper(fn); ok {
				c.wrappers[obj] = &s
				c.pass.ExportObjectFact(obj, &s)
				changed = true
			}
		}
	}
}

// wrapper reports whether fn, or a closure it makes, schedules one of
// fn's function parameters: passes it (or a closure capturing it) to a
// scheduler, or calls it from a ticker loop.
func (c *checker) wrapper(fn *ssa.Function) (Scheduler, bool) {
	for _, g := range append([]*ssa.Function{fn}, fn.AnonFuncs...) {
		for _, b := range g.Blocks {
			for _, in := range b.Instrs {
				if s, ok := c.wrapperAt(fn, g, in); ok {
					return s, true
				}
			}
		}
	}
	return Scheduler{}, false
}

func (c *checker) wrapperAt(fn, g *ssa.Function, in ssa.Instruction) (Scheduler, bool) {
	switch x := in.(type) {
	case ssa.CallInstruction:
		row, ok := c.schedulerOf(x.Common())
		if args := names.Args(x.Common()); ok && row.Job < len(args) {
			if i := funcParam(fn, args[row.Job]); i >= 0 {
				return Scheduler{Job: i, Form: row.Form}, true
			}
		}
	case *ssa.UnOp:
		if x.Op == token.ARROW && tickerChan(x.X) {
			return tickerWrapper(fn, tickerBody(x))
		}
	case *ssa.Select:
		if slices.ContainsFunc(x.States, func(s *ssa.SelectState) bool { return tickerChan(s.Chan) }) {
			return tickerWrapper(fn, tickerBody(x))
		}
	}
	return Scheduler{}, false
}

// tickerWrapper reports a ticker loop whose body calls or passes on a
// function parameter of fn.
func tickerWrapper(fn *ssa.Function, body []*ssa.BasicBlock) (Scheduler, bool) {
	for _, b := range body {
		for _, in := range b.Instrs {
			for _, op := range in.Operands(nil) {
				if op == nil || *op == nil {
					continue
				}
				if i := funcParam(fn, *op); i >= 0 {
					return Scheduler{Job: i, Form: "ticker"}, true
				}
			}
		}
	}
	return Scheduler{}, false
}

// funcParam is the index of the parameter of fn of function type that v
// is, directly, through a closure's capture of it, or as a variable a
// closure made in fn captured; -1 when it is none.
func funcParam(fn *ssa.Function, v ssa.Value) int {
	return paramOf(fn, v, make(map[ssa.Value]bool))
}

// paramOf is funcParam with the values already followed, so that a
// closure that captures its own variable (var f func(); f = func() { f() })
// ends the walk.
func paramOf(fn *ssa.Function, v ssa.Value, seen map[ssa.Value]bool) int {
	if v == nil || seen[v] {
		return -1
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.Parameter:
		if x.Parent() == fn {
			if _, ok := x.Type().Underlying().(*types.Signature); ok {
				return slices.Index(fn.Params, x)
			}
		}
	case *ssa.FreeVar:
		return paramOf(fn, ssautil.Binding(x), seen)
	case *ssa.MakeClosure:
		for _, b := range x.Bindings {
			if i := paramOf(fn, b, seen); i >= 0 {
				return i
			}
		}
	case *ssa.Alloc:
		// A captured parameter lives in a cell its closures share.
		for _, r := range *x.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == x {
				if i := paramOf(fn, st.Val, seen); i >= 0 {
					return i
				}
			}
		}
	case *ssa.UnOp:
		if x.Op == token.MUL {
			return paramOf(fn, x.X, seen)
		}
	case *ssa.ChangeType:
		return paramOf(fn, x.X, seen)
	case *ssa.MakeInterface:
		return paramOf(fn, x.X, seen)
	}
	return -1
}
