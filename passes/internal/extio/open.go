package extio

import (
	"go/token"
	"go/types"
	"strconv"

	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"golang.org/x/tools/go/ssa"
)

// Where a job calls through an interface of the module whose
// implementations the package cannot reach (a ReportService calling
// s.mailer.SendReport, the mailer wired in by main), the summary keeps
// the call open: the field the interface value is kept in and the
// method. The package that fills that field with a concrete value (the
// composition root) closes it with what the implementation does. An
// exported function that returns a value of one of the module's
// interfaces (mail.New() Mailer) says in its summary what the methods of
// the implementations it returns do, since their type may be out of an
// importer's reach.

// An OpenCall is a call through an interface whose implementations are
// out of reach.
type OpenCall struct {
	Slot   string   `json:",omitzero"` // the field the interface value is kept in: "pkg/path.ReportService.mailer"
	Iface  string   `json:",omitzero"` // the interface's name: "Mailer"
	Method string   `json:",omitzero"` // "SendReport"
	Via    []string `json:",omitzero"`
}

// An ImplMethod is what one method of the implementations a function
// returns does.
type ImplMethod struct {
	Impl    string   `json:",omitzero"` // the implementation's type: "*mail.smtpMailer"
	Method  string   `json:",omitzero"`
	Effects []Effect `json:",omitzero"`
}

// A Keep says that a function stores one of its parameters, of an
// interface type, in a field: a constructor New(m Mailer) *Reports {
// return &Reports{mailer: m} }. A call of it fills that field.
type Keep struct {
	Param int    `json:",omitzero"` // the receiver first
	Slot  string `json:",omitzero"` // FieldAddrSlot of the field
}

// maxOpen bounds the open calls of a summary; maxImpl the methods of
// the implementations it describes; maxKeep the parameters it keeps.
const (
	maxOpen = 6
	maxImpl = 6
	maxKeep = 6
)

// keeps are the interface-typed parameters fn stores in fields.
func keeps(fn *ssa.Function) []Keep {
	var out []Keep
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			st, ok := in.(*ssa.Store)
			if !ok || !types.IsInterface(st.Val.Type()) {
				continue
			}
			fa, ok := st.Addr.(*ssa.FieldAddr)
			if !ok {
				continue
			}
			i := paramIndex(st.Val)
			if slot := FieldAddrSlot(fa); i >= 0 && slot != "" && len(out) < maxKeep {
				out = append(out, Keep{Param: i, Slot: slot})
			}
		}
	}
	return out
}

func (s *Summary) addOpen(o OpenCall) {
	if len(o.Via) > maxVia {
		o.Via = o.Via[:maxVia]
	}
	for _, p := range s.Open {
		if p.Slot == o.Slot && p.Method == o.Method {
			return
		}
	}
	if len(s.Open) < maxOpen {
		s.Open = append(s.Open, o)
	}
}

// OpenAt are the open calls one call leaves: a call through an interface
// with no implementation in reach, or the open calls of the function it
// calls or hands on, with the call in their chain.
func (r *Result) OpenAt(fn *ssa.Function, call ssa.CallInstruction) []OpenCall {
	var out []OpenCall
	prefix := func(callee string, os []OpenCall) {
		for _, o := range os {
			o.Via = append([]string{callee}, o.Via...)
			out = append(out, o)
		}
	}
	c := call.Common()
	if _, isGo := call.(*ssa.Go); !isGo || c.IsInvoke() {
		switch {
		case c.IsInvoke():
			if sum := r.invokeSummary(c); sum != nil {
				prefix(names.Display(c), sum.Open)
			} else if o, ok := r.openInvoke(c); ok {
				out = append(out, o)
			}
		case calleeOf(call) != nil:
			prefix(Display(calleeOf(call)), r.Of(calleeOf(call)).Open)
		}
	}
	for _, h := range handedAt(fn, call) {
		prefix(Display(h.fn), r.Of(h.fn).Open)
	}
	return out
}

// openInvoke describes a call through an interface of the module whose
// value is loaded from a field of a named struct.
func (r *Result) openInvoke(c *ssa.CallCommon) (OpenCall, bool) {
	m := c.Method
	if m == nil || m.Pkg() == nil || !r.inModule(m.Pkg().Path()) {
		return OpenCall{}, false
	}
	slot := FieldSlot(c.Value)
	if slot == "" {
		slot = ParamSlot(c.Value)
	}
	if slot == "" {
		return OpenCall{}, false
	}
	iface := ""
	if n, ok := types.Unalias(c.Value.Type()).(*types.Named); ok {
		iface = n.Obj().Name()
	}
	return OpenCall{Slot: slot, Iface: iface, Method: m.Name(), Via: []string{names.Display(c)}}, true
}

// FieldSlot names the field a value is loaded from, "pkg/path.Type.field",
// or "" when it is not a field of a named struct: the key under which a
// composition root's fill of the field is matched.
func FieldSlot(v ssa.Value) string {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return ""
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	if !ok {
		return ""
	}
	return FieldAddrSlot(fa)
}

// ParamSlot names the parameter of an exported function that a value is,
// or an element of when the parameter is a slice (for _, r := range
// receivers): "P:pkg/path.Dispatch#2", with "[]" for an element. The
// callers of the function choose what it holds, and a call of it fills
// the slot (FuncParamSlot). A method's parameters are not slots: what a
// method is handed is kept in the receiver's fields, which FieldSlot
// names.
func ParamSlot(v ssa.Value) string {
	elem := ""
	if c := ssautil.ElementOf(v); c != nil {
		v, elem = c, "[]"
	}
	p, ok := v.(*ssa.Parameter)
	if !ok {
		return ""
	}
	fn := p.Parent()
	if fn.Parent() != nil || fn.Signature.Recv() != nil || fn.Object() == nil || !fn.Object().Exported() {
		return ""
	}
	return FuncParamSlot(fn, ssautil.ParamIndex(fn, p)) + elem
}

// FuncParamSlot names parameter i of the package-level function fn, as
// ParamSlot does.
func FuncParamSlot(fn *ssa.Function, i int) string {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if fn.Pkg == nil {
		return ""
	}
	return "P:" + fn.Pkg.Pkg.Path() + "." + fn.Name() + "#" + strconv.Itoa(i)
}

// FieldAddrSlot names the field an address points into.
func FieldAddrSlot(fa *ssa.FieldAddr) string {
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return ""
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return ""
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return ""
	}
	return named.Obj().Pkg().Path() + "." + named.Obj().Name() + "." + st.Field(fa.Field).Name()
}

// returnedImpls describes the methods of the implementations fn returns
// as its first result, when that is an interface of the module: the
// values converted to it on fn's return paths.
func (r *Result) returnedImpls(fn *ssa.Function) []ImplMethod {
	res := fn.Signature.Results()
	if res.Len() == 0 || !types.IsInterface(res.At(0).Type()) {
		return nil
	}
	n, ok := types.Unalias(res.At(0).Type()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !r.inModule(n.Obj().Pkg().Path()) {
		return nil
	}
	iface := n.Underlying().(*types.Interface)
	var out []ImplMethod
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue
		}
		switch x := ret.Results[0].(type) {
		case *ssa.MakeInterface:
			out = append(out, r.MethodEffects(x.X.Type(), iface)...)
		case *ssa.Call:
			// return sqlstore.New(c): what the callee says it returns
			if g := x.Call.StaticCallee(); g != nil && g != fn {
				out = append(out, r.Of(g).Impls...)
			}
		}
	}
	if len(out) > maxImpl {
		out = out[:maxImpl]
	}
	return out
}

// MethodEffects are the effects of the methods of iface on the concrete
// type t, one entry for each method that writes or sends.
func (r *Result) MethodEffects(t types.Type, iface *types.Interface) []ImplMethod {
	var out []ImplMethod
	prog := r.pkg.Prog
	for i := range iface.NumMethods() {
		m := iface.Method(i)
		sel := prog.MethodSets.MethodSet(t).Lookup(m.Pkg(), m.Name())
		if sel == nil {
			continue
		}
		fn := prog.MethodValue(sel)
		if fn == nil {
			continue
		}
		var kept []Effect
		for _, e := range r.Of(fn).Effects {
			if (e.Op == Write || e.Op == Send || e.Op == RMW || e.Op == Guard || e.Op == Leader) && len(kept) < 4 {
				kept = append(kept, e)
			}
		}
		if len(kept) > 0 {
			out = append(out, ImplMethod{Impl: types.TypeString(t, func(p *types.Package) string { return p.Name() }), Method: m.Name(), Effects: kept})
		}
	}
	return out
}
