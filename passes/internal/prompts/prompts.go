// Package prompts is a helper pass that finds the functions that ask the
// operator at a terminal. What a function records after asking (remember
// "skip all" for the rest of the run) is the state of an interactive
// command, not of a server replica, which has no operator to ask; the
// summary pass leaves it out.
package prompts

import (
	"reflect"
	"slices"
	"strings"

	"github.com/statelint/statelint/passes/internal/guard"
	"github.com/statelint/statelint/passes/internal/ssautil"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/internal/scope"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/ssabuild"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Analyzer finds prompting functions and exports the Prompts fact for the
// exported ones.
var Analyzer = &analysis.Analyzer{
	Name:       "statelintprompts",
	Doc:        "find functions that ask the operator at a terminal",
	Run:        guard.Helper(run),
	Requires:   []*analysis.Analyzer{ssabuild.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(Prompts)},
}

// Prompts is the fact exported for a function that asks the operator at a
// terminal on every call: it reads os.Stdin, or cannot return without
// calling a function that does (rclone's config.CommandDefault).
type Prompts struct{}

// AFact marks Prompts as an analysis fact.
func (*Prompts) AFact() {}

func (*Prompts) String() string { return "prompts" }

// Result answers, for the functions of the package, whether and where
// they ask the operator.
type Result struct{ p *prompter }

// AfterPrompt returns whether instruction i of block b of fn runs after
// fn asked the operator, or nil when fn asks nothing; see
// prompter.AfterPrompt.
func (r *Result) AfterPrompt(fn *ssa.Function) func(b *ssa.BasicBlock, i int) bool {
	if r.p == nil {
		return nil
	}
	return r.p.AfterPrompt(fn)
}

// prompter holds the per-package memos of one run.
type prompter struct {
	pass     *analysis.Pass
	ssaPkg   *ssa.Package
	funcs    []*ssa.Function
	terminal map[*ssa.Function]bool          // readsTerminal, memoised
	funcVars map[*ssa.Global][]*ssa.Function // funcVarValues, memoised
}

func run(pass *analysis.Pass) (any, error) {
	s := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
	if s.Pkg == nil {
		return &Result{}, nil
	}
	p := &prompter{pass: pass, ssaPkg: s.Pkg, funcs: s.SrcFuncs, terminal: map[*ssa.Function]bool{}}
	for _, fn := range s.SrcFuncs {
		if fn.Parent() != nil || fn.Synthetic != "" {
			continue
		}
		if obj := fn.Object(); obj != nil && obj.Exported() && p.readsTerminal(fn) {
			pass.ExportObjectFact(obj, new(Prompts))
		}
	}
	return &Result{p: p}, nil
}

// AfterPrompt returns whether instruction i of block b of fn runs after
// fn asked the operator at a terminal: in the block of a prompting call,
// after it, or in a block that call dominates. What a function does with
// the answer (remember "skip all" for the rest of the run) is the state of
// an interactive command; a server replica has no operator to ask. It
// returns nil when fn asks nothing.
func (a *prompter) AfterPrompt(fn *ssa.Function) func(b *ssa.BasicBlock, i int) bool {
	first := map[*ssa.BasicBlock]int{} // the first prompting call of each block
	for _, b := range fn.Blocks {
		for i, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok && a.prompting(call.Common()) {
				first[b] = i
				break
			}
		}
	}
	if len(first) == 0 {
		return nil
	}
	return func(b *ssa.BasicBlock, i int) bool {
		for p, at := range first {
			if p == b && i > at || p != b && p.Dominates(b) {
				return true
			}
		}
		return false
	}
}

// prompting reports whether a call asks the operator: a function of
// knowledge.PromptFuncs, one that reads the terminal on every call (in
// this package, or by its Prompts fact), or a package-level function
// variable of this package that only ever holds such functions
// (var ReadLine = func(prompt string) string {...}).
func (a *prompter) prompting(c *ssa.CallCommon) bool {
	if c.IsInvoke() {
		return false
	}
	callee := c.StaticCallee()
	if callee == nil {
		load, ok := c.Value.(*ssa.UnOp)
		if !ok {
			return false
		}
		g, ok := load.X.(*ssa.Global)
		if !ok || g.Pkg != a.ssaPkg {
			return false
		}
		held := a.funcVarValues()[g]
		return len(held) > 0 && !slices.ContainsFunc(held, func(f *ssa.Function) bool { return !a.readsTerminal(f) })
	}
	if callee.Pkg == a.ssaPkg {
		return a.readsTerminal(callee)
	}
	if callee.Origin() != nil {
		callee = callee.Origin()
	}
	obj := callee.Object()
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	path := obj.Pkg().Path()
	inPkg := func(f string) bool { return len(f) > len(path) && f[len(path)] == '.' && strings.HasPrefix(f, path) }
	if slices.ContainsFunc(knowledge.PromptFuncs, inPkg) && slices.Contains(knowledge.PromptFuncs, names.Callee(c)) {
		return true // only calls into a tabulated package pay for naming the callee
	}
	return !scope.IsStd(obj.Pkg().Path()) && a.pass.ImportObjectFact(obj, new(Prompts))
}

// readsTerminal reports whether fn asks the operator on every call: it or
// a literal in it uses os.Stdin, or it cannot return without making a
// prompting call. A function that prompts only on one branch (rclone's
// SkipDestructive, under --interactive) does not, so neither do the
// request paths that call it.
func (a *prompter) readsTerminal(fn *ssa.Function) bool {
	if r, ok := a.terminal[fn]; ok {
		return r
	}
	a.terminal[fn] = false // recursion: not yet known to prompt
	r := usesStdin(fn)
	for _, b := range fn.Blocks {
		if r {
			break
		}
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok && a.prompting(call.Common()) && unavoidable(fn, b) {
				r = true
				break
			}
		}
	}
	a.terminal[fn] = r
	return r
}

// usesStdin reports whether fn or a literal in it refers to os.Stdin.
func usesStdin(fn *ssa.Function) bool {
	var rands []*ssa.Value
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			for _, v := range instr.Operands(rands[:0]) {
				if g, ok := (*v).(*ssa.Global); ok && g.Name() == "Stdin" && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" {
					return true
				}
			}
		}
	}
	return slices.ContainsFunc(fn.AnonFuncs, usesStdin)
}

// unavoidable reports whether every way from fn's entry to a return
// passes through block b.
func unavoidable(fn *ssa.Function, b *ssa.BasicBlock) bool {
	if len(fn.Blocks) == 0 {
		return false
	}
	if b == fn.Blocks[0] {
		return true
	}
	seen := map[*ssa.BasicBlock]bool{b: true}
	queue := []*ssa.BasicBlock{fn.Blocks[0]}
	seen[fn.Blocks[0]] = true
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		if n := len(x.Instrs); n > 0 {
			if _, ok := x.Instrs[n-1].(*ssa.Return); ok {
				return false
			}
		}
		for _, s := range x.Succs {
			if !seen[s] {
				seen[s] = true
				queue = append(queue, s)
			}
		}
	}
	return true
}

// funcVarValues maps each package-level variable of this package to the
// functions stored in it, memoised: a variable that some store fills with
// anything else maps to nil.
func (a *prompter) funcVarValues() map[*ssa.Global][]*ssa.Function {
	if a.funcVars != nil {
		return a.funcVars
	}
	a.funcVars = map[*ssa.Global][]*ssa.Function{}
	unknown := map[*ssa.Global]bool{}
	for st := range ssautil.Stores(a.funcs) {
		g, ok := st.Addr.(*ssa.Global)
		if !ok {
			continue
		}
		switch v := st.Val.(type) {
		case *ssa.Function:
			a.funcVars[g] = append(a.funcVars[g], v)
		case *ssa.MakeClosure:
			a.funcVars[g] = append(a.funcVars[g], v.Fn.(*ssa.Function))
		default:
			unknown[g] = true
		}
	}
	for g := range unknown {
		delete(a.funcVars, g)
	}
	return a.funcVars
}
