package handlers

import (
	"go/constant"
	"go/types"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"golang.org/x/tools/go/ssa"
)

// rpc handles one call if it registers an RPC service implementation
// (knowledge.RPCRegistrations): every method of the implementation that
// the service interface declares becomes an entry point on its long-lived
// receiver, routed by its procedure ("/Greeter/SayHello").
func (r *routes) rpc(c *ssa.CallCommon) {
	for _, reg := range knowledge.RPCRegistrations {
		impl, iface, ok := matchRegistration(reg, c)
		if !ok {
			continue
		}
		for _, t := range concreteTypes(impl, 0) {
			for _, fn := range r.methodsOfType(t, iface, false) {
				r.addEntry(fn, reg.Framework, procedure(iface, fn.Name()))
			}
		}
		return
	}
}

// matchRegistration returns the implementation argument of a registration
// call and the interface it is registered as.
func matchRegistration(reg knowledge.RPCRegistration, c *ssa.CallCommon) (ssa.Value, types.Type, bool) {
	name := names.Callee(c)
	var args []ssa.Value
	var sig *types.Signature
	switch {
	case reg.Names != nil:
		rest, ok := matchCall(reg.Recv, reg.Pkg, reg.Names, name, c)
		if !ok {
			return nil, nil, false
		}
		args = rest
	case reg.NamePrefix != "":
		callee := c.StaticCallee()
		if callee == nil || c.IsInvoke() {
			return nil, nil, false
		}
		base := name[strings.LastIndex(name, ".")+1:]
		if !strings.HasPrefix(base, reg.NamePrefix) || !strings.HasSuffix(base, reg.NameSuffix) {
			return nil, nil, false
		}
		sig = callee.Signature
		if !tupleLike(sig.Params(), reg.Params) || !tupleLike(sig.Results(), reg.Results) {
			return nil, nil, false
		}
		args = c.Args
	default:
		return nil, nil, false
	}
	if reg.ImplArg >= len(args) {
		return nil, nil, false
	}
	v := args[reg.ImplArg]
	if !types.IsInterface(v.Type()) {
		return nil, nil, false
	}
	return v, v.Type(), true
}

// maxConcrete bounds the dynamic types concreteTypes collects.
const maxConcrete = 8

// concreteTypes returns the dynamic types an interface value may hold, by
// its provenance in the program: a conversion, a conversion between
// interfaces or to an identical one, a merge of branches, or the results
// of a constructor whose body the program has (newServer() returning a
// Server interface).
func concreteTypes(v ssa.Value, depth int) []types.Type {
	if depth > 4 {
		return nil
	}
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return []types.Type{v.X.Type()}
	case *ssa.ChangeInterface:
		return concreteTypes(v.X, depth+1)
	case *ssa.ChangeType:
		return concreteTypes(v.X, depth+1)
	case *ssa.Phi:
		var out []types.Type
		for _, e := range v.Edges {
			out = appendTypes(out, concreteTypes(e, depth+1))
		}
		return out
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return resultTypes(call, v.Index, depth)
		}
	case *ssa.Call:
		return resultTypes(v, 0, depth)
	}
	return nil
}

// resultTypes returns the dynamic types of result i of a static call.
func resultTypes(call *ssa.Call, i, depth int) []types.Type {
	callee := call.Call.StaticCallee()
	if callee == nil || len(callee.Blocks) == 0 {
		return nil
	}
	var out []types.Type
	for _, b := range callee.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && i < len(ret.Results) {
			out = appendTypes(out, concreteTypes(ret.Results[i], depth+1))
		}
	}
	return out
}

func appendTypes(out, ts []types.Type) []types.Type {
	for _, t := range ts {
		dup := false
		for _, u := range out {
			dup = dup || types.Identical(t, u)
		}
		if !dup && len(out) < maxConcrete {
			out = append(out, t)
		}
	}
	return out
}

// tupleLike matches types by position, "" matching any; nil matches all.
func tupleLike(tuple *types.Tuple, want []string) bool {
	if want == nil {
		return true
	}
	if tuple.Len() != len(want) {
		return false
	}
	for i, w := range want {
		if w != "" && types.TypeString(tuple.At(i).Type(), nil) != w {
			return false
		}
	}
	return true
}

// procedure returns the full RPC name of a method, as generated code
// declares it next to the service interface: Greeter_SayHello_FullMethodName
// (protoc-gen-go-grpc) or GreetServiceGreetProcedure (protoc-gen-connect-go).
// Without those constants it falls back to "/Service/Method".
func procedure(t types.Type, method string) string {
	service := serviceName(t)
	if n, ok := types.Unalias(deref(t)).(*types.Named); ok && n.Obj().Pkg() != nil {
		scope := n.Obj().Pkg().Scope()
		for _, name := range []string{service + "_" + method + "_FullMethodName", service + method + "Procedure"} {
			if c, ok := scope.Lookup(name).(*types.Const); ok && c.Val().Kind() == constant.String {
				return constant.StringVal(c.Val())
			}
		}
	}
	return "/" + service + "/" + method
}

// serviceName names a service after its interface: GreeterServer and
// GreetServiceHandler give Greeter and GreetService.
func serviceName(iface types.Type) string {
	n := names.TypeName(iface)
	n = n[strings.LastIndex(n, ".")+1:]
	n = strings.TrimPrefix(n, "Unimplemented")
	for _, suffix := range []string{"Server", "Handler"} {
		if s, ok := strings.CutSuffix(n, suffix); ok && s != "" {
			return s
		}
	}
	return n
}

// embedded makes entry points of the methods of types that embed a
// generated Unimplemented<Service>Server: they implement the service even
// when the registration is in another package.
func (r *routes) embedded(funcs []*ssa.Function) {
	for _, fn := range funcs {
		recv := fn.Signature.Recv()
		if recv == nil || fn.Synthetic != "" {
			continue
		}
		st, ok := deref(recv.Type()).Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := range st.NumFields() {
			f := st.Field(i)
			name := names.TypeName(f.Type())
			base := name[strings.LastIndex(name, ".")+1:]
			if !f.Embedded() || !strings.HasPrefix(base, "Unimplemented") || !strings.HasSuffix(base, "Server") {
				continue
			}
			if hasMethod(f.Type(), fn.Name()) {
				r.addEntry(fn, "grpc", procedure(f.Type(), fn.Name()))
			}
		}
	}
}

func hasMethod(t types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	_, ok := obj.(*types.Func)
	return ok
}

func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// addEntry makes fn an entry point with a route, if it is not one yet.
func (r *routes) addEntry(fn *ssa.Function, framework, route string) {
	if strings.HasSuffix(fn.Prog.Fset.Position(fn.Pos()).Filename, "_test.go") {
		return
	}
	e := r.res.byFn[fn]
	if e == nil {
		e = &Entry{Fn: fn, Framework: framework, Receiver: fn.Signature.Recv() != nil}
		r.res.Entries = append(r.res.Entries, e)
		r.res.byFn[fn] = e
	}
	e.Routes = append(e.Routes, route)
}
