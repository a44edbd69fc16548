package provenance

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"github.com/statelint/statelint/passes/internal/typeshape"
	"golang.org/x/tools/go/ssa"
)

// LazyInit reports whether a store only initialises a nil variable:
// if client == nil { client = newClient() }. Like sync.Once, it sets the
// value once per process, not per request.
// Setting a flag true there (if !loaded { load(); loaded = true }) is part
// of the same initialisation.
func (a *Tracer) LazyInit(fn *ssa.Function, st *ssa.Store) bool {
	return (isNilable(st.Addr.Type()) || isTrue(st.Val)) && a.UnsetGuarded(fn, st.Block()) || a.LazyLoad(fn, st) || a.lazyField(fn, st)
}

// lazyField reports whether a store sets a nil field of what a method is
// called on, on the branch where that same field was found nil, to a
// value that derives from the program alone (a constructor, constants,
// configuration): if s.cache == nil { s.cache = lcw.NewExpirableCache() }
// on a request path. Every replica makes the same empty value once; what
// is written into it afterwards is judged on its own. A value the
// request brings, or one its caller hands in (if s.owner == nil {
// s.owner = &name }: the first request wins), is still a write.
func (a *Tracer) lazyField(fn *ssa.Function, st *ssa.Store) bool {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok || !isNilable(fa.Type()) {
		return false
	}
	var set []Loc // the stored field's origins, once a nil test asks
	same := func(v ssa.Value) bool {
		if set == nil {
			set = a.Origins(fn, fa)
			if !slices.ContainsFunc(set, func(l Loc) bool { return l.Root.Kind == Param && !l.Elem && l.Path != "" }) {
				set = []Loc{} // not a field of what the method is called on
			}
		}
		for _, l := range a.Origins(fn, v) {
			for _, m := range set {
				if l.Root == m.Root && l.Path == m.Path && !l.Elem {
					return true
				}
			}
		}
		return false
	}
	guarded := ssautil.Guarded(st.Block(), func(iff *ssa.If) int {
		if x, b := nilTest(iff); b >= 0 && same(readOf(x)) {
			return b
		}
		return -1
	})
	return guarded && a.ValueSources(fn, st.Val, nil, nil)&(FromRequest|FromRandom|FromUnknown) == 0
}

// nilTest returns what iff compares with nil, and the successor it takes
// when that is nil; -1 when iff tests no comparison with nil.
func nilTest(iff *ssa.If) (ssa.Value, int) {
	cond, ok := iff.Cond.(*ssa.BinOp)
	if !ok || cond.Op != token.EQL && cond.Op != token.NEQ {
		return nil, -1
	}
	x, y := cond.X, cond.Y
	if c, ok := x.(*ssa.Const); ok && c.IsNil() {
		x, y = y, x
	}
	if c, ok := y.(*ssa.Const); !ok || !c.IsNil() {
		return nil, -1
	}
	if cond.Op == token.EQL {
		return x, 0
	}
	return x, 1
}

// readOf is the address a loaded value was read from: *p, or the field
// of a struct loaded whole (s.replies.cache, replies embedding it).
func readOf(v ssa.Value) ssa.Value {
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.MUL {
			return x.X
		}
	case *ssa.Field:
		return x
	}
	return v
}

// LazyLoad reports whether block b runs only while a package-level value
// (or one of its fields) still holds its zero value, in the branch that
// fills it from the program alone: if cat.Version != "" { return };
// b := files.ReadFile(...); json.Unmarshal(b, &cat) (mailpit's catalogue
// from an embedded file). Every replica loads the same thing: a memo.
// Filled from the first request instead, it is state (first one wins).
// Only the stores of that value are the load; anything else the branch
// writes is judged on its own.
func (a *Tracer) LazyLoad(fn *ssa.Function, st *ssa.Store) bool {
	return ssautil.Guarded(st.Block(), func(iff *ssa.If) int {
		b := a.loadBranch(fn, iff)
		if b >= 0 && !a.setsLoc(fn, st.Addr, a.loads[iff].tested) {
			return -1
		}
		return b
	})
}

// A lazyLoad is what loadBranch found at one if.
type lazyLoad struct {
	branch int // the successor that fills the value, or -1
	tested Loc
}

// loadBranch returns the successor index on which iff finds a global
// still zero and fills it from the program, or -1.
func (a *Tracer) loadBranch(fn *ssa.Function, iff *ssa.If) int {
	if l, ok := a.loads[iff]; ok {
		return l.branch
	}
	a.loads[iff] = lazyLoad{branch: -1} // a fill that tests its own value again
	b, tested := a.zeroCond(fn, iff)
	if b >= 0 && !a.fillsFromProgram(fn, iff.Block().Succs[b], tested) {
		b = -1
	}
	a.loads[iff] = lazyLoad{branch: b, tested: tested}
	return b
}

// setsLoc reports whether v addresses the tested global, or the value
// holding the tested field.
func (a *Tracer) setsLoc(fn *ssa.Function, v ssa.Value, tested Loc) bool {
	for _, l := range a.Origins(fn, v) {
		if l.Root.Kind == Global && l.Root.Pkg == tested.Root.Pkg && l.Root.Name == tested.Root.Name &&
			(l.Path == tested.Path || strings.HasPrefix(tested.Path, l.Path+".")) {
			return true
		}
	}
	return false
}

// zeroCond matches a comparison of a global, or a field of one, with the
// zero value of its basic type (== "", != 0), and returns the successor
// taken while it is zero.
func (a *Tracer) zeroCond(fn *ssa.Function, iff *ssa.If) (int, Loc) {
	bin, ok := iff.Cond.(*ssa.BinOp)
	if !ok || bin.Op != token.EQL && bin.Op != token.NEQ {
		return -1, Loc{}
	}
	x, y := bin.X, bin.Y
	if _, ok := x.(*ssa.Const); ok {
		x, y = y, x
	}
	c, ok := y.(*ssa.Const)
	if !ok || !zeroConst(c) {
		return -1, Loc{}
	}
	load, ok := x.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return -1, Loc{}
	}
	g, ok := a.fromGlobal(fn, load)
	if !ok {
		return -1, Loc{}
	}
	if bin.Op == token.EQL {
		return 0, g
	}
	return 1, g
}

// fillsFromProgram reports whether the blocks region dominates set the
// tested global (or the value holding it), and everything they store
// there, or hand to a call together with its address (json.Unmarshal(b,
// &cat)), derives from the program alone.
func (a *Tracer) fillsFromProgram(fn *ssa.Function, region *ssa.BasicBlock, tested Loc) bool {
	sets := func(v ssa.Value) bool { return a.setsLoc(fn, v, tested) }
	program := func(v ssa.Value) bool {
		if _, ok := v.(*ssa.Const); ok {
			return true
		}
		return a.ValueSources(fn, v, nil, nil)&^FromProgram == 0
	}
	filled := false
	for _, b := range fn.Blocks {
		if !region.Dominates(b) {
			continue
		}
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Store:
				if sets(instr.Addr) {
					if !program(instr.Val) {
						return false
					}
					filled = true
				}
			case ssa.CallInstruction:
				args := names.Args(instr.Common())
				if !slices.ContainsFunc(args, sets) {
					continue
				}
				for _, arg := range args {
					if !sets(arg) && !program(arg) {
						return false
					}
				}
				filled = true
			}
		}
	}
	return filled
}

// ConstDefault reports whether st stores a constant into a location only
// while that location holds its zero value: if s.cfg.Max == 0 {
// s.cfg.Max = 100 }. The first run sets the default and later runs find
// it set, so every replica holds the same value: a default, not state.
// A boolean is not one: raising a flag is what a flag is for.
func ConstDefault(st *ssa.Store) bool {
	c, ok := st.Val.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() == constant.Bool {
		return false // a flag a request raises is state (if !paused { paused = true })
	}
	return ssautil.Guarded(st.Block(), func(iff *ssa.If) int {
		bin, ok := iff.Cond.(*ssa.BinOp)
		if !ok || bin.Op != token.EQL && bin.Op != token.NEQ {
			return -1
		}
		x, y := bin.X, bin.Y
		if _, ok := x.(*ssa.Const); ok {
			x, y = y, x
		}
		zero, ok := y.(*ssa.Const)
		load, isLoad := x.(*ssa.UnOp)
		if !ok || !isLoad || load.Op != token.MUL || !zeroConst(zero) || !ssautil.SameRef(load.X, st.Addr) {
			return -1
		}
		if bin.Op == token.EQL {
			return 0
		}
		return 1
	})
}

// zeroConst reports whether c is the zero value of a basic type.
func zeroConst(c *ssa.Const) bool {
	if c.Value == nil {
		return false
	}
	switch c.Value.Kind() {
	case constant.Int, constant.Float:
		return constant.Sign(c.Value) == 0
	case constant.String:
		return constant.StringVal(c.Value) == ""
	}
	return false
}

func isTrue(v ssa.Value) bool {
	b, ok := ssautil.BoolConst(v)
	return ok && b
}

// UnsetGuarded reports whether block b runs only while some package-level
// value is still unset: it lies on the nil branch of a comparison of a
// global (or what its atomic Load returns) with nil, or the false branch
// of a global boolean. What runs there initialises process-wide values
// once, lazily; it is not per-request state.
func (a *Tracer) UnsetGuarded(fn *ssa.Function, b *ssa.BasicBlock) bool {
	return ssautil.Guarded(b, func(iff *ssa.If) int { return a.unsetBranch(fn, iff) })
}

// Rebuilding reports whether block b rebuilds derived data while a
// staleness flag is set: if !x.stale { return }; rebuild(); x.stale =
// false (fiber's buildTree under routesRefreshed). What is rebuilt derives
// from state written elsewhere, and whatever marks it stale is itself a
// write that is reported where a request path does it, so the rebuild
// adds nothing. b must lie in the branch where the flag is true, entered
// only from the test, and that branch must reset the flag.
func (a *Tracer) Rebuilding(fn *ssa.Function, b *ssa.BasicBlock) bool {
	regions, ok := a.rebuilds[fn]
	if !ok {
		regions = rebuildRegions(fn)
		a.rebuilds[fn] = regions
	}
	for _, r := range regions {
		if r.Dominates(b) {
			return true
		}
	}
	return false
}

// rebuildRegions finds, in fn, the branches taken while a boolean field or
// variable is true that store false to it.
func rebuildRegions(fn *ssa.Function) []*ssa.BasicBlock {
	var out []*ssa.BasicBlock
	for _, b := range fn.Blocks {
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		flag, branch := iff.Cond, 0
		if not, ok := flag.(*ssa.UnOp); ok && not.Op == token.NOT {
			flag, branch = not.X, 1
		}
		load, ok := flag.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			continue
		}
		set := b.Succs[branch]
		if !ssautil.OnlyVia(set, b) || !resets(fn, set, load.X) {
			continue
		}
		out = append(out, set)
	}
	return out
}

// resets reports whether a block dominated by region stores false at addr.
func resets(fn *ssa.Function, region *ssa.BasicBlock, addr ssa.Value) bool {
	for _, b := range fn.Blocks {
		if !region.Dominates(b) {
			continue
		}
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok && ssautil.SameRef(st.Addr, addr) {
				if b, ok := ssautil.BoolConst(st.Val); ok && !b {
					return true
				}
			}
		}
	}
	return false
}

// unsetBranch returns the successor index on which the condition means
// "a global is unset", or -1.
func (a *Tracer) unsetBranch(fn *ssa.Function, iff *ssa.If) int {
	if b, ok := a.unset[iff]; ok {
		return b
	}
	b, tested := a.unsetCond(fn, iff)
	if b >= 0 && !a.initialises(fn, iff.Block().Succs[b], tested, 0) {
		b = -1 // if config.DemoMode { return }: a branch on a flag, not its initialisation
	}
	a.unset[iff] = b
	return b
}

// initialises reports whether the blocks that region dominates set the
// tested variable: directly, through a modelled write (an atomic Store),
// or in a function of this package they call. Only then is the region
// the variable's lazy initialisation.
func (a *Tracer) initialises(fn *ssa.Function, region *ssa.BasicBlock, tested Loc, depth int) bool {
	if depth > 2 {
		return false
	}
	sets := func(f *ssa.Function, v ssa.Value) bool {
		for _, l := range a.Origins(f, v) {
			if l.Root.Kind == Global && l.Root.Pkg == tested.Root.Pkg && l.Root.Name == tested.Root.Name && l.Path == tested.Path {
				return true
			}
		}
		return false
	}
	for _, b := range fn.Blocks {
		if region != nil && !region.Dominates(b) {
			continue
		}
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Store:
				if sets(fn, instr.Addr) {
					return true
				}
			case ssa.CallInstruction:
				c := instr.Common()
				if ce, ok := knowledge.CallEffectFor(names.Callee(c)); ok && ce.Op == knowledge.OpWrite && ce.Arg < len(names.Args(c)) && sets(fn, names.Args(c)[ce.Arg]) {
					return true
				}
				if callee := c.StaticCallee(); callee != nil && callee.Pkg == a.pkg && a.initialises(callee, nil, tested, depth+1) {
					return true
				}
			}
		}
	}
	return false
}

func (a *Tracer) unsetCond(fn *ssa.Function, iff *ssa.If) (int, Loc) {
	switch cond := iff.Cond.(type) {
	case *ssa.BinOp:
		x, b := nilTest(iff)
		if b < 0 {
			return -1, Loc{}
		}
		g, ok := a.fromGlobal(fn, x)
		if !ok {
			return -1, Loc{}
		}
		return b, g
	case *ssa.UnOp:
		if cond.Op == token.NOT {
			if g, ok := a.fromGlobal(fn, cond.X); ok {
				return 0, g
			}
		}
		// if !loaded { ... } compiles to a branch on loaded itself, with
		// the unset case as the false successor.
		if cond.Op == token.MUL {
			if g, ok := a.fromGlobal(fn, cond); ok {
				return 1, g
			}
		}
	}
	return -1, Loc{}
}

// fromGlobal returns the package-level variable v is read from, directly
// or through an atomic Load.
func (a *Tracer) fromGlobal(fn *ssa.Function, v ssa.Value) (Loc, bool) {
	if call, ok := v.(*ssa.Call); ok {
		if ce, ok := knowledge.CallEffectFor(names.Callee(&call.Call)); !ok || ce.Op != knowledge.OpRead || len(call.Call.Args) == 0 {
			return Loc{}, false
		}
		v = call.Call.Args[0]
	}
	for _, l := range a.Origins(fn, v) {
		if l.Root.Kind == Global && !l.Elem {
			return l, true // the variable itself; not an element (cache[k] == nil is a miss)
		}
	}
	return Loc{}, false
}

// isNilable reports whether the pointed-to variable can be nil.
func isNilable(addr types.Type) bool {
	switch typeshape.Deref(addr).Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Slice, *types.Interface, *types.Chan, *types.Signature:
		return true
	}
	return false
}

// RandomSeeded reports whether the package-level number g starts from
// randomness and only steps from there: every store of it is a seed
// drawn from a random source (uuidCounter = Uint64(seed[:8]) after
// rand.Read(seed[:]), in a sync.Once: fiber's UUID generator), and every
// other write adds to it. Its values are then a random stream each
// replica draws alone, unique across replicas by chance, not a sequence
// they share.
func (a *Tracer) RandomSeeded(g *ssa.Global) bool {
	if b, ok := a.seeded[g]; ok {
		return b
	}
	a.seeded[g] = false
	seeded := false
	for _, st := range a.globalStores().direct[g] {
		if bin, ok := st.Val.(*ssa.BinOp); ok && bin.Op == token.ADD && loads(bin.X, g) {
			continue // g++
		}
		s := a.ValueSources(st.Parent(), st.Val, nil, nil)
		if s&FromRandom == 0 || s&(FromRequest|FromUnknown|FromExternal) != 0 {
			return false
		}
		seeded = true
	}
	a.seeded[g] = seeded
	return seeded
}

// loads reports whether v reads g.
func loads(v ssa.Value, g *ssa.Global) bool {
	ld, ok := v.(*ssa.UnOp)
	return ok && ld.Op == token.MUL && ld.X == g
}

// randomFilled reports whether the only writes of the package-level
// buffer g fill it from a random source: rand.Read(seed[:]).
func (a *Tracer) randomFilled(g *ssa.Global) bool {
	if g.Pkg != a.pkg {
		return false
	}
	w := a.globalStores().rooted[g.Name()]
	return w != nil && w.randomFill && !w.stored
}

// globalWrites are the writes of this package's variables that
// RandomSeeded and randomFilled judge, found in one pass over the
// package: the stores of each variable itself, and, by the variable
// its address is rooted at (Origins), whether anything stores into it
// and whether a function of a random package fills it.
type globalWrites struct {
	direct map[*ssa.Global][]*ssa.Store
	rooted map[string]*rootWrites // by the variable's name
}

// rootWrites are the writes below one variable.
type rootWrites struct{ stored, randomFill bool }

func (a *Tracer) globalStores() *globalWrites {
	if a.writes != nil {
		return a.writes
	}
	w := &globalWrites{direct: map[*ssa.Global][]*ssa.Store{}, rooted: map[string]*rootWrites{}}
	roots := func(fn *ssa.Function, v ssa.Value, mark func(*rootWrites)) {
		for _, l := range a.Origins(fn, v) {
			if l.Root.Kind != Global || l.Root.Pkg != a.pkgPath {
				continue
			}
			if w.rooted[l.Root.Name] == nil {
				w.rooted[l.Root.Name] = &rootWrites{}
			}
			mark(w.rooted[l.Root.Name])
		}
	}
	for _, fn := range a.funcs { // declared functions and their literals
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.Store:
					if g, ok := x.Addr.(*ssa.Global); ok {
						w.direct[g] = append(w.direct[g], x)
					}
					roots(fn, x.Addr, func(r *rootWrites) { r.stored = true })
				case ssa.CallInstruction:
					callee := x.Common().StaticCallee()
					if callee == nil || callee.Pkg == nil || !knowledge.IsRandomPackage(callee.Pkg.Pkg.Path()) {
						continue
					}
					for _, arg := range names.Args(x.Common()) {
						roots(fn, arg, func(r *rootWrites) { r.randomFill = true })
					}
				}
			}
		}
	}
	a.writes = w
	return w
}
