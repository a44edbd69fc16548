package handlers

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// routes attaches routes to entries from the registration calls of a
// package.
type routes struct {
	prog    *ssa.Program
	pkg     *types.Package
	res     *Result
	mounted map[*ssa.Function]string // functions whose router is mounted at a prefix
	calls   map[*ssa.CallCommon]*ssa.Call
	callers map[*ssa.Function][]*ssa.CallCommon // static calls in this package, by callee
}

// index records the calls of fn, for chained-call lookups, and the
// prefixes of mounted routers.
func (r *routes) index(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok {
				r.calls[&call.Call] = call
			}
		}
	}
	r.mounts(fn)
}

func (r *routes) scan(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok {
				r.register(call.Common())
				r.rpc(call.Common())
			}
		}
	}
}

// register handles one call if it is a route registration.
func (r *routes) register(c *ssa.CallCommon) {
	name := names.Callee(c)
	rows := knowledge.RouteCallsFor(name)
	if len(rows) == 0 {
		return
	}
	for _, rc := range rows {
		args, ok := matchCall(rc.Recv, rc.Pkg, rc.Names, name, c)
		if !ok || rc.PathArg >= len(args) {
			continue
		}
		path, ok := names.ConstString(args[rc.PathArg])
		method := rc.Method
		if rc.PathField != "" {
			path, method, ok = literalRoute(args[rc.PathArg], rc.PathField, rc.MethodField)
		}
		if !ok {
			continue
		}
		switch {
		case rc.MethodFromName:
			method = strings.ToUpper(name[strings.LastIndex(name, ".")+1:])
		case rc.MethodFromArg && rc.MethodArg < len(args):
			method = strings.Join(constStrings(args[rc.MethodArg]), ",")
		case rc.MethodCall != "":
			method = r.chainedMethod(c, rc.MethodCall)
		}
		if m, p, ok := strings.Cut(path, " "); ok && !strings.Contains(m, "/") {
			method, path = m, strings.TrimSpace(p)
		}
		if rc.Recv != "" {
			path = joinPath(r.prefix(names.Args(c)[0], 0), path)
		}
		route := path
		if method != "" {
			route = method + " " + path
		}
		for _, h := range args[rc.PathArg+1:] {
			for _, fn := range r.funcsIn(h, 0) {
				if e := r.res.byFn[fn]; e != nil {
					e.Routes = append(e.Routes, route)
				}
			}
		}
		return
	}
}

// literalRoute reads the path and method fields of a struct literal
// passed by value (a load of the local it was built in) or by address.
func literalRoute(v ssa.Value, pathField, methodField string) (path, method string, ok bool) {
	if load, isLoad := v.(*ssa.UnOp); isLoad && load.Op == token.MUL {
		v = load.X
	}
	alloc, isAlloc := v.(*ssa.Alloc)
	if !isAlloc {
		return "", "", false
	}
	st, isStruct := deref(alloc.Type()).Underlying().(*types.Struct)
	if !isStruct {
		return "", "", false
	}
	for _, ref := range *alloc.Referrers() {
		fa, isField := ref.(*ssa.FieldAddr)
		if !isField {
			continue
		}
		for _, rr := range *fa.Referrers() {
			store, isStore := rr.(*ssa.Store)
			if !isStore || store.Addr != fa {
				continue
			}
			switch s, _ := names.ConstString(store.Val); st.Field(fa.Field).Name() {
			case pathField:
				path = s
			case methodField:
				method = s
			}
		}
	}
	return path, method, path != ""
}

// joinPath appends a route's path to its group's prefix, with one slash
// between them: a group "/" and a route "/stream" make "/stream", not
// "//stream".
func joinPath(prefix, path string) string {
	if strings.HasSuffix(prefix, "/") && strings.HasPrefix(path, "/") {
		return prefix + path[1:]
	}
	return prefix + path
}

// matchCall reports whether the call named name is one of names on the
// receiver type recv (or, for package functions, in package pkg), and
// returns its arguments after the receiver.
func matchCall(recv, pkg string, methods []string, name string, c *ssa.CallCommon) ([]ssa.Value, bool) {
	var owner string
	if recv != "" {
		owner = trimStar(recv)
	} else {
		owner = pkg
	}
	for _, m := range methods {
		if name == owner+"."+m {
			args := names.Args(c)
			if recv != "" {
				args = args[1:]
			}
			return args, true
		}
	}
	return nil, false
}

// prefix returns the route prefix of a router value made by group calls
// (r.Group("/api"), r.PathPrefix("/api").Subrouter()), handed to a
// callback by one (r.Route("/api", func(r chi.Router) {...})), or built in
// a function whose result is mounted (r.Mount("/api", apiRouter())).
func (r *routes) prefix(v ssa.Value, depth int) string {
	if depth > 8 {
		return ""
	}
	switch v := v.(type) {
	case *ssa.Call:
		if p, ok := r.groupPrefix(&v.Call, depth); ok {
			return p
		}
		return r.mounted[v.Parent()]
	case *ssa.Parameter:
		return r.callbackPrefix(v, depth)
	case *ssa.MakeInterface:
		return r.prefix(v.X, depth+1)
	case *ssa.ChangeInterface:
		return r.prefix(v.X, depth+1)
	case *ssa.ChangeType:
		return r.prefix(v.X, depth+1)
	case *ssa.UnOp:
		return r.mounted[v.Parent()]
	}
	return ""
}

// groupPrefix returns the prefix a group call adds to its receiver's, or
// that a Then call (Subrouter) inherits from the group call before it.
func (r *routes) groupPrefix(c *ssa.CallCommon, depth int) (string, bool) {
	name := names.Callee(c)
	args := names.Args(c)
	for _, gc := range knowledge.GroupThens {
		if len(args) > 0 && strings.HasSuffix(name, "."+gc.Then) {
			if inner, ok := args[0].(*ssa.Call); ok {
				if p, ok := r.groupPrefix(&inner.Call, depth+1); ok {
					return p, true
				}
			}
		}
	}
	for _, gc := range knowledge.GroupCallsFor(name) {
		rest, ok := matchCall(gc.Recv, "", gc.Names, name, c)
		if !ok || gc.By == knowledge.GroupMounted {
			continue
		}
		p := ""
		if !gc.NoPrefix && gc.PrefixArg < len(rest) {
			p, _ = names.ConstString(rest[gc.PrefixArg])
		}
		return joinPath(r.prefix(args[0], depth+1), p), true
	}
	return "", false
}

// mounts records the prefix of each function whose result a mount call
// mounts: r.Mount("/api", apiRouter()) gives apiRouter's routes "/api".
func (r *routes) mounts(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			c := call.Common()
			name := names.Callee(c)
			for _, gc := range knowledge.GroupCallsFor(name) {
				rest, ok := matchCall(gc.Recv, "", gc.Names, name, c)
				if !ok || gc.By != knowledge.GroupMounted || len(rest) < 2 {
					continue
				}
				p, _ := names.ConstString(rest[0])
				if sub, ok := rest[1].(*ssa.Call); ok {
					if callee := sub.Call.StaticCallee(); callee != nil {
						r.mounted[callee] = joinPath(r.prefix(names.Args(c)[0], 0), p)
					}
				}
				if mi, ok := rest[1].(*ssa.MakeInterface); ok {
					if sub, ok := mi.X.(*ssa.Call); ok && sub.Call.StaticCallee() != nil {
						r.mounted[sub.Call.StaticCallee()] = joinPath(r.prefix(names.Args(c)[0], 0), p)
					}
				}
			}
		}
	}
}

// chainedMethod reads the HTTP methods of a chained call on the
// registration's result: gorilla's r.HandleFunc(p, h).Methods("POST").
func (r *routes) chainedMethod(c *ssa.CallCommon, method string) string {
	call := r.calls[c]
	if call == nil {
		return ""
	}
	for _, ref := range *call.Referrers() {
		next, ok := ref.(*ssa.Call)
		if !ok || !strings.HasSuffix(names.Callee(&next.Call), "."+method) {
			continue
		}
		var ms []string
		for _, a := range next.Call.Args {
			ms = append(ms, constStrings(a)...)
		}
		return strings.Join(ms, ",")
	}
	return ""
}

// constStrings reads a string constant, or the constant elements of a
// []string literal (variadic or not).
func constStrings(v ssa.Value) []string {
	if s, ok := names.ConstString(v); ok {
		return []string{s}
	}
	elems, _ := ssautil.LiteralElems(v)
	var out []string
	for _, e := range elems {
		if s, ok := names.ConstString(e); ok {
			out = append(out, s)
		}
	}
	return out
}

// callbackPrefix finds the group call that receives the literal owning
// parameter p and returns that call's prefix. For a parameter of a named
// function (func registerUsers(g *gin.RouterGroup)), it is the prefix of
// the router its callers in this package pass, when they all agree.
func (r *routes) callbackPrefix(p *ssa.Parameter, depth int) string {
	fn := p.Parent()
	if fn.Parent() == nil {
		return r.argPrefix(p, depth)
	}
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			for _, arg := range call.Call.Args {
				if arg == fn || isClosureOf(arg, fn) {
					return r.prefix(call, depth+1)
				}
			}
		}
	}
	return ""
}

// argPrefix returns the prefix of the routers that this package's static
// calls of p's function pass for p, if there is exactly one.
func (r *routes) argPrefix(p *ssa.Parameter, depth int) string {
	fn := p.Parent()
	i := slices.Index(fn.Params, p)
	if i < 0 {
		return ""
	}
	if r.callers == nil {
		r.callers = map[*ssa.Function][]*ssa.CallCommon{}
		for c := range r.calls {
			if callee := c.StaticCallee(); callee != nil {
				r.callers[callee] = append(r.callers[callee], c)
			}
		}
	}
	found := ""
	for _, c := range r.callers[fn] {
		if i >= len(c.Args) {
			return ""
		}
		pre := r.prefix(c.Args[i], depth+1)
		if pre == "" || found != "" && pre != found {
			return ""
		}
		found = pre
	}
	return found
}

func isClosureOf(v ssa.Value, fn *ssa.Function) bool {
	mc, ok := v.(*ssa.MakeClosure)
	return ok && mc.Fn == fn
}

// funcsIn finds the functions a handler argument stands for: a function,
// a literal, a bound method, a value whose type has a ServeHTTP-like
// method, a conversion of those, the handlers wrapped by a middleware
// call, or the elements of a variadic handler list.
func (r *routes) funcsIn(v ssa.Value, depth int) []*ssa.Function {
	if depth > 4 {
		return nil
	}
	switch v := v.(type) {
	case *ssa.Function:
		return []*ssa.Function{v}
	case *ssa.MakeClosure:
		fn := v.Fn.(*ssa.Function)
		if fn.Synthetic != "" {
			if m := boundMethod(r.prog, fn); m != nil {
				return []*ssa.Function{m}
			}
		}
		return []*ssa.Function{fn}
	case *ssa.ChangeType:
		return r.funcsIn(v.X, depth+1)
	case *ssa.Convert:
		return r.funcsIn(v.X, depth+1)
	case *ssa.MakeInterface:
		if out := r.funcsIn(v.X, depth+1); len(out) > 0 {
			return out
		}
		return r.methodsOf(v.X, v.Type(), true)
	case *ssa.Call:
		out := r.returned(v, depth)
		for _, arg := range v.Call.Args {
			out = append(out, r.funcsIn(arg, depth+1)...)
		}
		return out
	case *ssa.Slice:
		return r.elems(v, depth)
	}
	return nil
}

// elems resolves the handlers stored into a variadic argument slice.
func (r *routes) elems(sl *ssa.Slice, depth int) []*ssa.Function {
	vals, _ := ssautil.LiteralElems(sl)
	var out []*ssa.Function
	for _, v := range vals {
		out = append(out, r.funcsIn(v, depth+1)...)
	}
	return out
}

// methodsOf returns the methods through which the interface iface calls
// v: the ServeHTTP of a value passed as an http.Handler, the RPCs of a
// registered service. handlerSig keeps only handler-shaped methods.
func (r *routes) methodsOf(v ssa.Value, iface types.Type, handlerSig bool) []*ssa.Function {
	return r.methodsOfType(v.Type(), iface, handlerSig)
}

// methodsOfType is methodsOf for a value of type t.
func (r *routes) methodsOfType(t, iface types.Type, handlerSig bool) []*ssa.Function {
	it, ok := iface.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	mset := r.prog.MethodSets.MethodSet(t)
	var out []*ssa.Function
	for i := range it.NumMethods() {
		m := it.Method(i)
		sel := mset.Lookup(m.Pkg(), m.Name())
		if sel == nil {
			continue
		}
		fn := r.prog.MethodValue(sel)
		if fn == nil || fn.Synthetic != "" {
			continue
		}
		if _, ok := matchSig(fn.Signature); ok || !handlerSig || r.res.byFn[fn] != nil {
			out = append(out, fn)
		}
	}
	return out
}

// returned resolves the handlers a constructor in this package returns:
// mux.HandleFunc("/count", counter()).
func (r *routes) returned(call *ssa.Call, depth int) []*ssa.Function {
	callee := call.Call.StaticCallee()
	if callee == nil || callee.Pkg == nil || len(callee.Blocks) == 0 {
		return nil
	}
	var out []*ssa.Function
	for _, b := range callee.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			for _, res := range ret.Results {
				out = append(out, r.funcsIn(res, depth+1)...)
			}
		}
	}
	return out
}

// boundMethod returns the method a bound-method wrapper ($bound) calls.
func boundMethod(prog *ssa.Program, wrapper *ssa.Function) *ssa.Function {
	for _, b := range wrapper.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok {
				if callee := call.Common().StaticCallee(); callee != nil {
					return callee
				}
			}
		}
	}
	return nil
}

// testServed returns the functions of this package named in the
// arguments of test-server calls in its _test.go files:
// httptest.NewServer(http.HandlerFunc(s.handle)).
func testServed(pass *analysis.Pass, prog *ssa.Program) []*ssa.Function {
	var out []*ssa.Function
	for _, f := range pass.Files {
		if !strings.HasSuffix(pass.Fset.Position(f.FileStart).Filename, "_test.go") {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			callee, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
			if !ok || callee.Pkg() == nil || !knowledge.IsTestServer(callee.Pkg().Path()+"."+callee.Name()) {
				return true
			}
			for _, arg := range call.Args {
				ast.Inspect(arg, func(n ast.Node) bool {
					var obj types.Object
					switch n := n.(type) {
					case *ast.Ident:
						obj = pass.TypesInfo.Uses[n]
					case *ast.SelectorExpr:
						obj = pass.TypesInfo.Uses[n.Sel]
					}
					if fn, ok := obj.(*types.Func); ok && fn.Pkg() == pass.Pkg {
						if sf := prog.FuncValue(fn); sf != nil {
							out = append(out, sf)
						}
					}
					return true
				})
			}
			return true
		})
	}
	return out
}

// dropTestServers removes the entries whose handler is served only by a
// test server (httptest.NewServer): a fake upstream in a test helper
// package is not a production request path.
func (r *routes) dropTestServers(pass *analysis.Pass, funcs []*ssa.Function) {
	drop := map[*ssa.Function]bool{}
	// _test.go files have no SSA (ssabuild): read their calls from syntax.
	for _, fn := range testServed(pass, r.prog) {
		if e := r.res.byFn[fn]; e != nil && len(e.Routes) == 0 {
			drop[fn] = true
		}
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok || !knowledge.IsTestServer(names.Callee(call.Common())) {
					continue
				}
				for _, arg := range call.Common().Args {
					for _, h := range r.funcsIn(arg, 0) {
						if e := r.res.byFn[h]; e != nil && len(e.Routes) == 0 {
							drop[h] = true
						}
					}
				}
			}
		}
	}
	if len(drop) == 0 {
		return
	}
	r.res.Entries = slices.DeleteFunc(r.res.Entries, func(e *Entry) bool { return drop[e.Fn] })
	for fn := range drop {
		delete(r.res.byFn, fn)
	}
}
