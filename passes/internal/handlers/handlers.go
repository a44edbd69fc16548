// Package handlers finds the request-path entry points of a package: the
// functions, methods and closures that a web framework calls once per
// request, with the routes they are registered for.
//
// Entry points are recognised by signature (knowledge.HandlerSigs), which
// covers handlers, ServeHTTP methods and the closures that middleware and
// handler constructors return. Routes come from registration calls
// (knowledge.RouteCalls) with router-group prefixes (knowledge.GroupCalls)
// in the same package.
package handlers

import (
	"go/types"
	"reflect"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/guard"
	"github.com/statelint/statelint/passes/internal/ssabuild"
	"github.com/statelint/statelint/passes/internal/typeshape"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Analyzer finds request-path entry points.
var Analyzer = &analysis.Analyzer{
	Name:       "statelinthandlers",
	Doc:        "find request-path entry points and their routes",
	Run:        guard.Helper(run),
	Requires:   []*analysis.Analyzer{ssabuild.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
}

// An Entry is a function the framework calls once per request.
type Entry struct {
	Fn        *ssa.Function
	Framework string
	Routes    []string // "POST /login", "/health"; sorted, possibly empty
	// Receiver is set for methods: the receiver outlives the request.
	Receiver bool
	// Bound is set for methods of a value bound to one request (it holds
	// the request's context: fiber's Session): its own fields die with
	// the request; what it reaches through an interface may not.
	Bound bool
	// Captures is set for literals made outside any request path (at
	// setup): their captured variables outlive the request.
	Captures bool
	// Loops, for a consumer that reads its messages in a loop, are the
	// parts of Fn that handle one message; the rest is setup. Empty for
	// handlers, which run whole per request (see Covers).
	Loops []Span
}

// Result lists the entry points of a package in source order.
type Result struct {
	Entries []*Entry
	byFn    map[*ssa.Function]*Entry
}

// Of returns the entry for fn, or nil.
func (r *Result) Of(fn *ssa.Function) *Entry { return r.byFn[fn] }

// Name describes the entry for messages: its route when known, else the
// function as Go's stack traces name it.
func (e *Entry) Name(display func(*ssa.Function) string) string {
	if len(e.Routes) > 0 {
		return `handler for "` + e.Routes[0] + `"`
	}
	if len(e.Loops) > 0 && e.Framework == "net" {
		return "accept loop in " + display(e.Fn) // each connection a client's session
	}
	if len(e.Loops) > 0 {
		return "consumer loop in " + display(e.Fn)
	}
	return "handler " + display(e.Fn)
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{byFn: map[*ssa.Function]*Entry{}}
	s := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
	if s.Pkg == nil || testSupport(pass.Pkg.Name()) {
		return res, nil
	}
	for _, fn := range s.SrcFuncs {
		if inTest(pass, fn) {
			continue // a test's fake server is not a production request path
		}
		fw, ok := matchSig(fn.Signature)
		if !ok && servesRequest(fn) {
			fw, ok = "api", true
		}
		if ok && fn.Synthetic == "" {
			recv := fn.Signature.Recv()
			e := &Entry{Fn: fn, Framework: fw, Receiver: recv != nil, Bound: recv != nil && carriesRequest(recv.Type())}
			res.Entries = append(res.Entries, e)
			res.byFn[fn] = e
		}
	}
	r := &routes{prog: s.Pkg.Prog, pkg: pass.Pkg, res: res, mounted: map[*ssa.Function]string{},
		calls: map[*ssa.CallCommon]*ssa.Call{}}
	for _, fn := range s.SrcFuncs {
		r.index(fn)
		r.wired(fn)
	}
	r.controllers(s.SrcFuncs)
	r.resolvers(s.SrcFuncs)
	r.receiveLoops(pass, s.SrcFuncs)
	for _, e := range res.Entries {
		e.Captures = e.Fn.Parent() != nil && !insideEntry(res, e.Fn)
	}
	for _, fn := range s.SrcFuncs {
		r.routeLiterals(fn)
	}
	for _, fn := range s.SrcFuncs {
		r.scan(fn)
	}
	r.embedded(s.SrcFuncs)
	r.dropTestServers(pass, s.SrcFuncs)
	for _, e := range res.Entries {
		slices.Sort(e.Routes)
		e.Routes = slices.Compact(e.Routes)
	}
	return res, nil
}

// testSupport reports whether a package is named as test support
// (knowledge.TestPackagePrefix, TestPackageSuffix).
func testSupport(name string) bool {
	return strings.HasPrefix(name, knowledge.TestPackagePrefix) || strings.HasSuffix(name, knowledge.TestPackageSuffix)
}

// inTest reports whether fn is declared in a _test.go file.
func inTest(pass *analysis.Pass, fn *ssa.Function) bool {
	return strings.HasSuffix(pass.Fset.Position(fn.Pos()).Filename, "_test.go")
}

// insideEntry reports whether the literal lit is made on a request path:
// within an entry point (in a consumer's loop, for one), a function that
// takes the request, or a literal within one.
func insideEntry(res *Result, lit *ssa.Function) bool {
	for child, fn := lit, lit.Parent(); fn != nil; child, fn = fn, fn.Parent() {
		if e := res.byFn[fn]; e != nil && e.Covers(child.Pos()) || TakesRequest(fn) {
			return true
		}
	}
	return false
}

// servesRequest reports whether fn is exported API that serves a request
// without being registered here: it takes the request and its response
// writer (gorilla/sessions' FilesystemStore.Save(r, w, s)), or a
// framework's per-request context among other parameters. Session, cache
// and rate-limit libraries are used this way, from handlers in other
// modules, so their exported API is a request path of its own. A request
// alone is not enough: clients build and send requests too.
func servesRequest(fn *ssa.Function) bool {
	obj := fn.Object()
	if fn.Parent() != nil || obj == nil || !obj.Exported() {
		return false
	}
	params := fn.Params
	if recv := fn.Signature.Recv(); recv != nil {
		if carriesRequest(recv.Type()) {
			return true
		}
		params = params[1:] // the receiver is no parameter of the request
	}
	var w, r, ctx bool
	for _, p := range params {
		switch t := types.TypeString(p.Type(), nil); {
		case t == "net/http.ResponseWriter":
			w = true
		case t == "*net/http.Request":
			r = true
		case knowledge.IsContextType(t):
			ctx = true
		}
	}
	return w && r || ctx
}

// carriesRequest reports whether values of t, a method's receiver, hold
// a framework's per-request context in a field: a value bound to one
// request (fiber's Session, made by Store.Get(c) for that request), whose
// exported methods run on its behalf wherever a handler calls them. The
// framework's context itself is not one: what its methods do is judged
// where handlers call them.
func carriesRequest(t types.Type) bool {
	if s := types.TypeString(t, nil); knowledge.IsContextType(s) || knowledge.IsRequestType(s) {
		return false // the framework's own context, whose methods are its users' to call
	}
	st, ok := typeshape.Deref(t).Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if knowledge.IsContextType(types.TypeString(f.Type(), nil)) {
			return true
		}
	}
	return false
}

// TakesRequest reports whether fn has a parameter of one of
// knowledge.RequestTypes: it runs on behalf of a request.
func TakesRequest(fn *ssa.Function) bool {
	for _, p := range fn.Params {
		if knowledge.IsRequestType(types.TypeString(p.Type(), nil)) {
			return true
		}
	}
	return false
}

// matchSig reports whether sig is a handler signature of some framework.
func matchSig(sig *types.Signature) (string, bool) {
	for _, hs := range knowledge.HandlerSigs {
		if sigMatches(sig, hs, exact) {
			return hs.Framework, true
		}
	}
	for _, hs := range knowledge.GenericHandlerSigs {
		if sigMatches(sig, hs, origin) {
			return hs.Framework, true
		}
	}
	return "", false
}

func sigMatches(sig *types.Signature, hs knowledge.HandlerSig, str func(types.Type) string) bool {
	return sig.Params().Len() == len(hs.Params) && sig.Results().Len() == len(hs.Results) &&
		typesMatch(sig.Params(), hs.Params, str) && typesMatch(sig.Results(), hs.Results, str)
}

func typesMatch(tuple *types.Tuple, want []string, str func(types.Type) string) bool {
	for i, w := range want {
		if str(tuple.At(i).Type()) != w {
			return false
		}
	}
	return true
}

func exact(t types.Type) string { return types.TypeString(t, nil) }

// origin names a type without type arguments: *connect.Request[T] is
// "*connectrpc.com/connect.Request".
func origin(t types.Type) string {
	s := types.TypeString(t, nil)
	if i := strings.Index(s, "["); i > 0 && !strings.HasPrefix(s, "[") {
		s = s[:i]
	}
	return s
}

func trimStar(s string) string { return strings.TrimPrefix(s, "*") }
