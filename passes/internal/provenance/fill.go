package provenance

import (
	"go/token"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"golang.org/x/tools/go/ssa"
)

// DefaultFill reports whether a write at instr into container fills a
// miss of a lookup in it with a default fixed before any request: on the
// branch where the lookup found nothing, it stores constants, functions or
// package-level variables this package sets only while it initialises,
// under a key that is such a value or that a dominating comparison pins
// to a constant. Caddy's FileSystemMap.Get stores the default file system
// under the default key when it is missing: the lookup answers the same
// on a replica that has stored it and on one that has not. A constant
// stored without a lookup (flags["maintenance"] = true) is a flag.
func (a *Tracer) DefaultFill(instr ssa.Instruction, container ssa.Value, vals ...ssa.Value) bool {
	if len(vals) == 0 || !onMiss(instr.Block(), container) {
		return false
	}
	for _, v := range vals {
		if !a.fixed(instr, v) {
			return false
		}
	}
	return true
}

// onMiss reports whether block b lies on the branch where a lookup in
// container (v, ok := m[k], or a Load method) found nothing.
func onMiss(b *ssa.BasicBlock, container ssa.Value) bool {
	return ssautil.Guarded(b, func(iff *ssa.If) int {
		cond, miss := iff.Cond, 1
		if not, ok := cond.(*ssa.UnOp); ok && not.Op == token.NOT {
			cond, miss = not.X, 0
		}
		if found, ok := cond.(*ssa.Extract); ok && found.Index == 1 && lookupIn(found.Tuple, container) {
			return miss
		}
		return -1
	})
}

// lookupIn reports whether v is a comma-ok lookup in container: an index
// of a map, or a method call whose receiver is the container.
func lookupIn(v ssa.Value, container ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Lookup:
		return v.CommaOk && ssautil.SameRef(v.X, container)
	case *ssa.Call:
		args := v.Call.Args
		return !v.Call.IsInvoke() && len(args) > 0 && ssautil.SameRef(args[0], container)
	}
	return false
}

// fixed reports whether v, at instr, is a value fixed before any request.
func (a *Tracer) fixed(instr ssa.Instruction, v ssa.Value) bool {
	v = ssautil.UnwrapValue(v)
	switch v := v.(type) {
	case *ssa.Const, *ssa.Function:
		return true
	case *ssa.UnOp:
		if g, ok := v.X.(*ssa.Global); ok && v.Op == token.MUL && a.setAtInit(g) {
			return true
		}
	}
	return pinned(instr.Block(), v)
}

// pinned reports whether a comparison with a constant that dominates b
// fixes v there: b lies on the branch where v == c holds.
func pinned(b *ssa.BasicBlock, v ssa.Value) bool {
	return ssautil.Guarded(b, func(iff *ssa.If) int {
		cmp, ok := iff.Cond.(*ssa.BinOp)
		if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
			return -1
		}
		x, y := ssautil.UnwrapValue(cmp.X), ssautil.UnwrapValue(cmp.Y)
		_, xc := x.(*ssa.Const)
		_, yc := y.(*ssa.Const)
		if !(yc && x == v || xc && y == v) {
			return -1
		}
		if cmp.Op == token.NEQ {
			return 1
		}
		return 0
	})
}

// setAtInit reports whether g is a variable of this package that only
// its initialisers store to.
func (a *Tracer) setAtInit(g *ssa.Global) bool {
	if g.Pkg != a.pkg {
		return false
	}
	if a.initOnly == nil {
		a.initOnly = map[*ssa.Global]bool{}
		later := map[*ssa.Global]bool{}
		for _, fn := range a.funcs {
			atInit := isInitFunc(fn)
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					for _, addr := range storedGlobals(instr) {
						if atInit {
							a.initOnly[addr] = true
						} else {
							later[addr] = true
						}
					}
				}
			}
		}
		for g := range later {
			a.initOnly[g] = false
		}
	}
	ok, seen := a.initOnly[g]
	return ok || !seen && g.Object() != nil // never stored to: its zero value
}

// storedGlobals returns the globals an instruction may change: every
// global it uses other than by loading it, whether stored to or with its
// address escaping into a call or another value.
func storedGlobals(instr ssa.Instruction) []*ssa.Global {
	if u, ok := instr.(*ssa.UnOp); ok && u.Op == token.MUL {
		return nil // a load
	}
	var out []*ssa.Global
	for _, r := range instr.Operands(nil) {
		if g, ok := (*r).(*ssa.Global); ok {
			out = append(out, g)
		}
	}
	return out
}

// isInitFunc reports whether fn is a package initialiser or a literal in
// one.
func isInitFunc(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	return fn.Name() == "init" || strings.HasPrefix(fn.Name(), "init#")
}

// EmbeddedDB reports whether the *sql.DB v may be a package-level handle
// of this package that the package opens with an embedded driver
// (db, _ = sql.Open("sqlite", path) at startup): every write through it
// then writes a database file on this machine.
func (a *Tracer) EmbeddedDB(fn *ssa.Function, v ssa.Value) bool {
	for _, l := range a.Origins(fn, v) {
		if l.Root.Kind != Global || l.Root.Pkg != a.pkgPath || l.Path != "" || l.Elem {
			continue
		}
		if g, ok := a.pkg.Members[l.Root.Name].(*ssa.Global); ok && a.embeddedDBs()[g] {
			return true
		}
	}
	return false
}

// embeddedDBs finds the package-level variables of this package that
// are assigned a database opened with an embedded driver, memoised.
func (a *Tracer) embeddedDBs() map[*ssa.Global]bool {
	if a.embedded != nil {
		return a.embedded
	}
	a.embedded = map[*ssa.Global]bool{}
	for st := range ssautil.Stores(a.funcs) {
		g, isGlobal := st.Addr.(*ssa.Global)
		ex, isExtract := st.Val.(*ssa.Extract)
		if !isGlobal || !isExtract || ex.Index != 0 {
			continue
		}
		call, ok := ex.Tuple.(*ssa.Call)
		if !ok || names.Callee(&call.Call) != "database/sql.Open" || len(call.Call.Args) == 0 {
			continue
		}
		if a.embeddedDriver(call.Call.Args[0]) {
			a.embedded[g] = true
		}
	}
	return a.embedded
}

// embeddedDriver reports whether a driver name may be an embedded one: a
// constant, a choice among constants (a φ-node), or a variable of this
// package one of whose assignments is such a constant. mailpit sets
// sqlDriver to "sqlite" or "rqlite" by its configuration; the sqlite
// choice keeps the mailbox in a file on this machine.
func (a *Tracer) embeddedDriver(v ssa.Value) bool {
	embedded := func(v ssa.Value) bool {
		drv, ok := names.ConstString(v)
		return ok && knowledge.IsEmbeddedSQLDriver(drv)
	}
	switch x := v.(type) {
	case *ssa.Phi:
		return slices.ContainsFunc(x.Edges, embedded)
	case *ssa.UnOp:
		g, ok := x.X.(*ssa.Global)
		if !ok || x.Op != token.MUL {
			return false
		}
		for st := range ssautil.Stores(a.funcs) {
			if st.Addr == g && embedded(st.Val) {
				return true
			}
		}
		return false
	}
	return embedded(v)
}
