package singlereplica

import (
	_ "embed"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/checkutil"
	"github.com/statelint/statelint/passes/internal/directives"
	"github.com/statelint/statelint/passes/internal/extio"
	"github.com/statelint/statelint/passes/internal/guard"
	"github.com/statelint/statelint/passes/internal/handlers"
	"github.com/statelint/statelint/passes/internal/ssabuild"
	"github.com/statelint/statelint/passes/internal/summary"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

const name = "singlereplica"

//go:embed doc.go
var doc string

// Analyzer reports code that is correct only while it runs as one replica.
var Analyzer = &analysis.Analyzer{
	Name:       name,
	Doc:        checkutil.MustExtractDoc(doc, name),
	URL:        checkutil.URL(name),
	Requires:   []*analysis.Analyzer{ssabuild.Analyzer, handlers.Analyzer, extio.Analyzer, directives.Analyzer, summary.Analyzer},
	Run:        guard.Check(run),
	ResultType: reflect.TypeFor[*checkutil.Outcome](),
	FactTypes:  []analysis.Fact{new(Scheduler), new(Pending)},
}

// checker holds one run's inputs; the analyzer itself keeps nothing.
type checker struct {
	pass    *analysis.Pass
	ssa     *ssabuild.SSA
	entries *handlers.Result
	io      *extio.Result
	sums    *summary.Result
	path    map[*ssa.Function]*handlers.Entry // request-path functions, by the entry reaching them
	dirs    *directives.Result
	out     *checkutil.Outcome // what it reported and the directives that silenced a finding
	// wrappers are this package's functions that schedule a parameter.
	wrappers map[*types.Func]*Scheduler
	// pending are the open calls of this package's jobs (root.go).
	pending []PendingJob
}

func run(pass *analysis.Pass) (any, error) {
	c := &checker{
		pass:    pass,
		ssa:     pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA),
		entries: pass.ResultOf[handlers.Analyzer].(*handlers.Result),
		io:      pass.ResultOf[extio.Analyzer].(*extio.Result),
		sums:    pass.ResultOf[summary.Analyzer].(*summary.Result),
		dirs:    pass.ResultOf[directives.Analyzer].(*directives.Result),
		out:     checkutil.NewOutcome(),

		wrappers: map[*types.Func]*Scheduler{},
	}
	if c.ssa.Pkg == nil {
		return c.out, nil
	}
	c.io.Do(c.check)
	return c.out, nil
}

// check runs the two forms, with the summaries to itself.
func (c *checker) check() {
	c.findWrappers()
	c.path = c.requestPath()
	for _, fn := range c.ssa.SrcFuncs {
		if e := c.path[fn]; e != nil {
			c.locks(fn, e)
		}
	}
	if !c.electsLeader() {
		for _, fn := range c.ssa.SrcFuncs {
			if c.path[fn] == nil {
				c.schedules(fn)
			}
		}
	}
	c.closeRoot()
}

// requestPath maps every function that an entry point reaches through
// static calls and closures in this package to the first entry that does.
func (c *checker) requestPath() map[*ssa.Function]*handlers.Entry {
	out := map[*ssa.Function]*handlers.Entry{}
	var queue []*ssa.Function
	for _, e := range c.entries.Entries {
		for _, fn := range e.Seeds() {
			if out[fn] == nil {
				out[fn] = e
				queue = append(queue, fn)
			}
		}
	}
	for len(queue) > 0 {
		fn := queue[0]
		queue = queue[1:]
		for _, g := range callees(fn) {
			if g.Pkg == c.ssa.Pkg && out[g] == nil {
				out[g] = out[fn]
				queue = append(queue, g)
			}
		}
	}
	return out
}

// callees are the functions fn calls statically or makes closures of.
func callees(fn *ssa.Function) []*ssa.Function {
	var out []*ssa.Function
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch x := in.(type) {
			case ssa.CallInstruction:
				if g := x.Common().StaticCallee(); g != nil {
					out = append(out, g)
				}
			case *ssa.MakeClosure:
				out = append(out, x.Fn.(*ssa.Function))
			}
		}
	}
	return out
}

// electsLeader reports whether the package runs a leader election
// (client-go's leaderelection, gocron's distributed elector): its
// scheduled work is then meant to run on the leader only.
func (c *checker) electsLeader() bool {
	for _, fn := range c.ssa.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				call, ok := in.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if s, ok := c.io.SiteOf(call); ok && s.Direct != nil && s.Direct.Op == extio.Leader && s.Direct.Store == "" {
					return true
				}
			}
		}
	}
	return false
}

// report emits one finding unless a directive silences its line, and
// records it either way. rec's message gets the kind's consequence.
func (c *checker) report(kind knowledge.KindName, rec checkutil.Record) {
	rec.Accepted = c.out.Silenced(c.dirs.Silencing(name, rec.Pos, token.NoPos, ""))
	k := checkutil.Kind(kind)
	rec.Message += ": " + checkutil.Consequence(k)
	c.out.Report(c.pass, k, rec)
}

// storeName names a store for messages.
func storeName(s string) string {
	switch s {
	case knowledge.StoreSQL:
		return "the SQL database"
	case knowledge.StoreRedis:
		return "Redis"
	case knowledge.StoreHTTP:
		return "an HTTP API"
	case knowledge.StoreFile:
		return "a file"
	case knowledge.StoreMail:
		return "email"
	case knowledge.StoreQueue:
		return "a message broker"
	}
	return s
}

// ownDatabase reports whether a job's SQL writes go to this replica's
// own embedded database: fn writes a local database (summary.LocalDB), so
// each replica pruning or compacting it does its own share, once, and
// the database itself is fswrite's finding.
func (c *checker) ownDatabase(fn *ssa.Function, ef extio.Effect) bool {
	if ef.Store != knowledge.StoreSQL {
		return false
	}
	return slices.ContainsFunc(c.sums.Of(fn).Effects, func(e summary.Effect) bool { return e.Op == summary.LocalDB })
}

func chain(e extio.Effect) string { return strings.Join(e.Via, " > ") }

// display names a function for messages as the other checks do:
// unqualified within the package being analysed.
func (c *checker) display(fn *ssa.Function) string { return summary.DisplayFunc(c.ssa.Pkg, fn) }
