package handlers

import (
	"go/types"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"github.com/statelint/statelint/passes/internal/typeshape"
	"golang.org/x/tools/go/ssa"
)

// Entry points known by how the program wires them rather than by their
// signature: arguments of entry calls (knowledge.EntryCalls), functions
// converted to an entry type (knowledge.EntryTypes), methods of
// controllers (knowledge.ControllerTypes) and of GraphQL resolvers
// (knowledge.SchemaTypes).

// wired finds the entry points that fn's calls and conversions make.
func (r *routes) wired(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case ssa.CallInstruction:
				r.entryCall(instr.Common())
			case *ssa.ChangeType:
				r.entryType(instr.X, instr.Type())
			case *ssa.Convert:
				r.entryType(instr.X, instr.Type())
			}
		}
	}
}

// entryCall makes entry points of the argument of an entry call.
func (r *routes) entryCall(c *ssa.CallCommon) {
	name := names.Callee(c)
	for _, ec := range knowledge.EntryCallsFor(name) {
		args, ok := matchCall(ec.Recv, ec.Pkg, ec.Names, name, c)
		if !ok || ec.Arg >= len(args) {
			continue
		}
		if ec.Methods {
			for _, fn := range r.exportedMethods(args[ec.Arg]) {
				r.entry(fn, ec.Framework, true)
			}
			continue
		}
		for _, fn := range r.funcsIn(args[ec.Arg], 0) {
			r.entry(fn, ec.Framework, fn.Signature.Recv() != nil)
		}
	}
}

// entryType makes an entry point of a function converted to an entry
// type: a literal returned as go-kit's endpoint.Endpoint.
func (r *routes) entryType(x ssa.Value, t types.Type) {
	name := names.TypeName(t)
	if !knowledge.IsEntryType(name) {
		return
	}
	for _, fn := range r.funcsIn(x, 0) {
		r.entry(fn, knowledge.FrameworkOf(name), fn.Signature.Recv() != nil)
	}
}

// exportedMethods returns the exported methods declared for the dynamic
// value of an interface argument.
func (r *routes) exportedMethods(v ssa.Value) []*ssa.Function {
	mi, ok := v.(*ssa.MakeInterface)
	if !ok {
		return nil
	}
	if n, ok := types.Unalias(typeshape.Deref(mi.X.Type())).(*types.Named); ok && n.TypeArgs().Len() > 0 {
		// an instance of a generic type, perhaps by the type parameters of
		// the function that makes it (NewHandler[TTx]): the methods
		// declared for the generic type, whose bodies run
		var out []*ssa.Function
		for m := range n.Origin().Methods() {
			if fn := r.prog.FuncValue(m); m.Exported() && fn != nil {
				out = append(out, fn)
			}
		}
		return out
	}
	mset := r.prog.MethodSets.MethodSet(mi.X.Type())
	var out []*ssa.Function
	for sel := range mset.Methods() {
		if !sel.Obj().Exported() {
			continue
		}
		if fn := r.prog.MethodValue(sel); fn != nil && fn.Synthetic == "" {
			out = append(out, fn)
		}
	}
	return out
}

// entry makes fn an entry point, if it is not one yet, and returns it.
func (r *routes) entry(fn *ssa.Function, framework string, receiver bool) *Entry {
	if fn.Synthetic != "" || fn.Pkg == nil || fn.Pkg.Pkg != r.pkg || inTestFile(fn) {
		return nil
	}
	e := r.res.byFn[fn]
	if e == nil {
		e = &Entry{Fn: fn, Framework: framework, Receiver: receiver}
		r.res.Entries = append(r.res.Entries, e)
		r.res.byFn[fn] = e
	}
	return e
}

// controllers makes entry points of the exported methods without
// parameters of types that embed a framework's controller: beego calls
// them by the request's method (Get, Post) or by the name a route maps
// to (web.Router("/", c, "get:List")). The framework copies the
// registered controller for every request, so the receiver is the
// request's own.
func (r *routes) controllers(funcs []*ssa.Function) {
	for _, fn := range funcs {
		recv := fn.Signature.Recv()
		if recv == nil || fn.Synthetic != "" || fn.Signature.Params().Len() > 0 || !fn.Object().Exported() {
			continue
		}
		st, ok := deref(recv.Type()).Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := range st.NumFields() {
			f := st.Field(i)
			if name := names.TypeName(f.Type()); f.Embedded() && knowledge.IsController(name) {
				r.entry(fn, knowledge.FrameworkOf(name), false)
			}
		}
	}
}

// resolvers makes entry points of the GraphQL resolvers of a package that
// gqlgen generated code for. The generated NewExecutableSchema(cfg Config)
// returns the schema; Config's interface field is the ResolverRoot, whose
// methods (Query, Mutation) return the resolver interfaces; every method
// of this package that implements one of those resolves a field, once per
// request, routed as "Mutation.CreateTodo". The generated code is in this
// package or in one it imports.
func (r *routes) resolvers(funcs []*ssa.Function) {
	ifaces := r.resolverInterfaces()
	if len(ifaces) == 0 {
		return
	}
	implements := map[string][]resolverIface{} // by receiver type, asked once each
	for _, fn := range funcs {
		recv := fn.Signature.Recv()
		if recv == nil || fn.Synthetic != "" {
			continue
		}
		key := types.TypeString(recv.Type(), nil)
		impl, seen := implements[key]
		if !seen {
			for _, ri := range ifaces {
				if types.Implements(recv.Type(), ri.iface) {
					impl = append(impl, ri)
				}
			}
			implements[key] = impl
		}
		for _, ri := range impl {
			if hasIfaceMethod(ri.iface, fn.Name()) {
				if e := r.entry(fn, ri.framework, true); e != nil {
					e.Routes = append(e.Routes, ri.root+"."+fn.Name())
				}
			}
		}
	}
}

type resolverIface struct {
	root      string // the ResolverRoot method returning it: "Mutation"
	iface     *types.Interface
	framework string
}

// resolverInterfaces reads the resolver interfaces off the schema
// constructors of this package and of the packages it imports that
// import the schema's package.
func (r *routes) resolverInterfaces() []resolverIface {
	var out []resolverIface
	for _, pkg := range append([]*types.Package{r.pkg}, r.pkg.Imports()...) {
		if pkg != r.pkg && !importsSchema(pkg) {
			continue
		}
		for _, name := range pkg.Scope().Names() {
			fn, ok := pkg.Scope().Lookup(name).(*types.Func)
			if !ok {
				continue
			}
			sig := fn.Signature()
			if sig.Params().Len() != 1 || sig.Results().Len() != 1 {
				continue
			}
			schema := names.TypeName(sig.Results().At(0).Type())
			if !knowledge.IsSchemaType(schema) {
				continue
			}
			out = append(out, rootResolvers(sig.Params().At(0).Type(), knowledge.FrameworkOf(schema))...)
		}
	}
	return out
}

// importsSchema reports whether pkg imports a package of a schema type.
func importsSchema(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		for _, s := range knowledge.SchemaTypes {
			if strings.HasPrefix(s, imp.Path()+".") {
				return true
			}
		}
	}
	return false
}

// rootResolvers returns the interfaces that the methods of the config's
// interface fields (the resolver roots) return.
func rootResolvers(config types.Type, framework string) []resolverIface {
	st, ok := deref(config).Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []resolverIface
	for i := range st.NumFields() {
		root, ok := st.Field(i).Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for m := range root.Methods() {
			res := m.Signature().Results()
			if m.Signature().Params().Len() != 0 || res.Len() != 1 {
				continue
			}
			if it, ok := res.At(0).Type().Underlying().(*types.Interface); ok && it.NumMethods() > 0 {
				out = append(out, resolverIface{root: m.Name(), iface: it, framework: framework})
			}
		}
	}
	return out
}

func hasIfaceMethod(it *types.Interface, name string) bool {
	for m := range it.Methods() {
		if m.Name() == name {
			return true
		}
	}
	return false
}

// routeLiterals attaches routes from struct literals that declare one
// with its handler (knowledge.RouteLiterals): go-zero's
// rest.Route{Method: http.MethodGet, Path: "/users", Handler: h}.
func (r *routes) routeLiterals(fn *ssa.Function) {
	type lit struct {
		method, path string
		handlers     []ssa.Value
	}
	var order []ssa.Value
	lits := map[ssa.Value]*lit{}
	for st, fa := range ssautil.FieldStores(fn) {
		row, field, ok := routeField(fa)
		if !ok {
			continue
		}
		l := lits[fa.X]
		if l == nil {
			l = &lit{}
			lits[fa.X] = l
			order = append(order, fa.X)
		}
		switch field {
		case row.Method:
			l.method, _ = names.ConstString(st.Val)
		case row.Path:
			l.path, _ = names.ConstString(st.Val)
		case row.Handler:
			l.handlers = append(l.handlers, st.Val)
		}
	}
	for _, x := range order {
		l := lits[x]
		if l.path == "" {
			continue
		}
		route := l.path
		if l.method != "" {
			route = l.method + " " + l.path
		}
		for _, h := range l.handlers {
			for _, hf := range r.funcsIn(h, 0) {
				if e := r.res.byFn[hf]; e != nil {
					e.Routes = append(e.Routes, route)
				}
			}
		}
	}
}

// routeField returns the route-literal row of the struct a field address
// is taken in, and the field's name.
func routeField(fa *ssa.FieldAddr) (knowledge.RouteLiteral, string, bool) {
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return knowledge.RouteLiteral{}, "", false
	}
	row, ok := knowledge.RouteLiteralFor(names.TypeName(ptr.Elem()))
	if !ok {
		return row, "", false
	}
	return row, ptr.Elem().Underlying().(*types.Struct).Field(fa.Field).Name(), true
}
