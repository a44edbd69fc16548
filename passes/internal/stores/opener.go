package stores

import (
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"github.com/statelint/statelint/passes/internal/summary"
	"golang.org/x/tools/go/ssa"
)

// Opener is the fact of an exported function that opens an SQL database
// with the driver its caller names: parameter Driver is the driver's
// name, DSN (or -1) the data source. Where it is called with a choice
// that may be an embedded driver (sqlite3 by a configuration default, a
// switch case of the storage type), the caller keeps its data in a file
// on this machine.
type Opener struct {
	Driver, DSN int
	Open        string // the call that opens the database: "sql.Open"
	Posn        string // where, as summaries name sites
}

// AFact marks Opener as an analysis fact.
func (*Opener) AFact() {}

func (o *Opener) String() string {
	return "opens " + o.Open + " with the driver of param" + strconv.Itoa(o.Driver)
}

// sqlOpen returns, for a call that opens an SQL database, the arguments
// that name its driver and its data source: a modelled open
// (knowledge.OpSQLOpen) or a function of this package or another with an
// Opener fact.
func (a *finder) sqlOpen(c *ssa.CallCommon) (drv, dsn ssa.Value, o *Opener) {
	args := names.Args(c)
	name := names.Callee(c)
	if ce, ok := knowledge.CallEffectFor(name); ok && ce.Op == knowledge.OpSQLOpen && ce.Arg >= 0 && ce.Arg < len(args) {
		drv = args[ce.Arg]
		if ce.Arg+1 < len(args) {
			dsn = args[ce.Arg+1]
			if elems, ok := ssautil.LiteralElems(dsn); ok && len(elems) > 0 {
				dsn = elems[0] // gorm.Open(dialect, args...): the first is the source
			}
		}
		return drv, dsn, &Opener{Driver: ce.Arg, DSN: ce.Arg + 1, Open: names.Display(c)}
	}
	callee := c.StaticCallee()
	if callee == nil || callee.Object() == nil {
		return nil, nil, nil
	}
	o = a.openers[callee]
	if o == nil {
		var f Opener
		if callee.Pkg == nil || callee.Pkg.Pkg == a.pass.Pkg || !a.pass.ImportObjectFact(callee.Object(), &f) {
			return nil, nil, nil
		}
		o = &f
	}
	if o.Driver >= len(c.Args) {
		return nil, nil, nil
	}
	drv = c.Args[o.Driver]
	if o.DSN >= 0 && o.DSN < len(c.Args) {
		dsn = c.Args[o.DSN]
	}
	return drv, dsn, o
}

// findOpeners finds the functions of this package that hand a parameter
// to an SQL open as its driver, and exports the fact of those other
// packages can call.
func (a *finder) findOpeners() {
	a.openers = map[*ssa.Function]*Opener{}
	for changed := true; changed; {
		changed = false
		for _, fn := range a.funcs {
			if fn.Parent() != nil || fn.Object() == nil || a.openers[fn] != nil {
				continue
			}
			if o := a.opens(fn); o != nil {
				a.openers[fn] = o
				changed = true
			}
		}
	}
	if a.pass.Pkg.Name() == "main" {
		return
	}
	for fn, o := range a.openers {
		if fn.Object().Exported() {
			a.pass.ExportObjectFact(fn.Object(), o)
		}
	}
}

// opens returns the Opener of fn, or nil.
func (a *finder) opens(fn *ssa.Function) *Opener {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			drv, dsn, o := a.sqlOpen(call.Common())
			if o == nil {
				continue
			}
			d := paramIndex(fn, drv)
			if d < 0 {
				continue
			}
			out := &Opener{Driver: d, DSN: paramIndex(fn, dsn), Open: o.Open, Posn: o.Posn}
			if out.Posn == "" {
				out.Posn = summary.Posn(a.pass.Fset, call.Pos())
			}
			return out
		}
	}
	return nil
}

// paramIndex is the index of the parameter of fn that v is, through
// conversions, or -1.
func paramIndex(fn *ssa.Function, v ssa.Value) int {
	if v == nil {
		return -1
	}
	p, ok := ssautil.UnwrapValue(v).(*ssa.Parameter)
	if !ok {
		return -1
	}
	return ssautil.ParamIndex(fn, p)
}

// embeddedChoice reports whether the driver drv handed to an SQL open at
// call may be an embedded one, and what chooses it: a constant, a case
// of a switch on the value (case "sqlite"), or the default a
// configuration struct's tag gives the field it is read from. A data
// source in memory keeps no file; a choice of drivers the program cannot
// see (a flag with no default) is not reported.
func embeddedChoice(call ssa.CallInstruction, drv, dsn ssa.Value) (driver, why string, ok bool) {
	if memoryDSN(dsn) {
		return "", "", false
	}
	embedded := knowledge.IsEmbeddedSQLDriver
	v := ssautil.UnwrapValue(drv)
	if s, ok := names.ConstString(v); ok {
		return s, "", embedded(s)
	}
	if phi, ok := v.(*ssa.Phi); ok {
		for _, e := range phi.Edges {
			if s, ok := names.ConstString(ssautil.UnwrapValue(e)); ok && embedded(s) {
				return s, "", true
			}
		}
		return "", "", false
	}
	if cases := caseValues(call.Block(), v); len(cases) > 0 {
		for _, s := range cases {
			if embedded(s) {
				return s, "chosen by case " + strconv.Quote(s), true
			}
		}
		return "", "", false
	}
	if field, def, ok := tagDefault(v); ok && embedded(def) {
		return def, "the default of " + field, true
	}
	return "", "", false
}

// memoryDSN reports whether a data source keeps the database in memory:
// a constant, or the format of a Sprintf, with a mark of DSNMemory.
func memoryDSN(v ssa.Value) bool {
	if v == nil {
		return false
	}
	v = ssautil.UnwrapValue(v)
	if call, ok := v.(*ssa.Call); ok && names.Callee(&call.Call) == "fmt.Sprintf" && len(call.Call.Args) > 0 {
		v = call.Call.Args[0]
	}
	s, ok := names.ConstString(v)
	return ok && slices.ContainsFunc(knowledge.DSNMemory, func(m string) bool { return strings.Contains(s, m) })
}

// caseValues are the string constants that v equals on every way into b:
// the values of the switch case (or the if) whose body b is in, when the
// switch is on the same value as v.
func caseValues(b *ssa.BasicBlock, v ssa.Value) []string {
	for d := b; d != nil; d = d.Idom() {
		var out []string
		for _, p := range d.Preds {
			if s, ok := equalsOn(p, d, v); ok {
				out = append(out, s)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// equalsOn reports the constant that v equals when p branches to d: p
// ends in if v == "const" and its true edge is d.
func equalsOn(p, d *ssa.BasicBlock, v ssa.Value) (string, bool) {
	if len(p.Instrs) == 0 || len(p.Succs) != 2 || p.Succs[0] != d || p.Succs[1] == d {
		return "", false
	}
	ifi, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
	if !ok {
		return "", false
	}
	bin, ok := ifi.Cond.(*ssa.BinOp)
	if !ok || bin.Op != token.EQL {
		return "", false
	}
	for _, sides := range [][2]ssa.Value{{bin.X, bin.Y}, {bin.Y, bin.X}} {
		c, ok := sides[1].(*ssa.Const)
		if ok && c.Value != nil && c.Value.Kind() == constant.String && ssautil.SameRef(ssautil.UnwrapValue(sides[0]), ssautil.UnwrapValue(v)) {
			return constant.StringVal(c.Value), true
		}
	}
	return "", false
}

// tagDefault returns the field v is loaded from and the default value
// its struct tag gives it (`default:"sqlite3"`).
func tagDefault(v ssa.Value) (field, def string, ok bool) {
	var base ssa.Value
	var index int
	switch x := v.(type) {
	case *ssa.UnOp:
		fa, isField := x.X.(*ssa.FieldAddr)
		if x.Op != token.MUL || !isField {
			return "", "", false
		}
		base, index = fa.X, fa.Field
	case *ssa.Field:
		base, index = x.X, x.Field
	default:
		return "", "", false
	}
	t := base.Type()
	if p, isPtr := t.Underlying().(*types.Pointer); isPtr {
		t = p.Elem()
	}
	st, isStruct := t.Underlying().(*types.Struct)
	if !isStruct || index >= st.NumFields() {
		return "", "", false
	}
	tag := reflect.StructTag(st.Tag(index))
	for _, key := range knowledge.DefaultTags {
		if d, found := tag.Lookup(key); found {
			return st.Field(index).Name(), d, true
		}
	}
	return "", "", false
}

// openedHere is the construction of an SQL database a call opens with a
// driver chosen where it is called, when the choice may be an embedded
// one. A constant embedded driver at a modelled open is the summaries'
// concern (every write through the handle is a local one); this is the
// choice made by a caller, through an Opener, or by configuration.
func (a *finder) openedHere(call ssa.CallInstruction) (Construction, bool) {
	c := call.Common()
	drv, dsn, o := a.sqlOpen(c)
	if o == nil {
		return Construction{}, false
	}
	if fn := call.Parent(); paramIndex(fn, drv) >= 0 && fn.Parent() == nil {
		return Construction{}, false // the caller's choice: an Opener
	}
	driver, why, ok := embeddedChoice(call, drv, dsn)
	if !ok || why == "" && o.Posn == "" {
		return Construction{}, false
	}
	opens := "driver " + strconv.Quote(driver)
	if why != "" {
		opens += ", " + why
	}
	return Construction{
		Pos: call.Pos(), At: call.Pos(), Call: names.Display(c), Kind: knowledge.SessionLocalDB, Holds: knowledge.Records,
		Opens: opens, OpenPosn: o.Posn, Open: o.Open,
	}, true
}
