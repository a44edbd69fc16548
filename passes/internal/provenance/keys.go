package provenance

import (
	"go/token"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"golang.org/x/tools/go/ssa"
)

// KeyHint tells what a map key identifies: a session (cookie, token,
// Authorization header) or a client address (RemoteAddr, X-Forwarded-For,
// a framework's client-IP accessor). It returns "" when it cannot tell.
func (a *Tracer) KeyHint(key ssa.Value) knowledge.Hint {
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int) knowledge.Hint
	walk = func(v ssa.Value, depth int) knowledge.Hint {
		if v == nil || depth > 10 || seen[v] {
			return ""
		}
		seen[v] = true
		if slices.Contains(knowledge.StaticKeyTypes, names.TypeName(v.Type())) {
			return knowledge.HintStatic
		}
		switch v := v.(type) {
		case *ssa.Call:
			return a.callKeyHint(&v.Call, func(x ssa.Value) knowledge.Hint { return walk(x, depth+1) })
		case *ssa.FieldAddr:
			if f := ssautil.FieldOf(v.X.Type(), v.Field); f != nil {
				if h := knowledge.KeyFields[names.TypeName(v.X.Type())+"."+f.Name()]; h != "" {
					return h
				}
			}
			return walk(v.X, depth+1)
		case *ssa.BinOp:
			if h := walk(v.X, depth+1); h != "" {
				return h
			}
			return walk(v.Y, depth+1)
		case *ssa.Phi:
			for _, e := range v.Edges {
				if h := walk(e, depth+1); h != "" {
					return h
				}
			}
		}
		if x := operand(v); x != nil {
			return walk(x, depth+1)
		}
		return ""
	}
	return walk(key, 0)
}

// operand returns the value v is computed from when v only dereferences,
// converts, wraps, slices or selects from it (or receives from it), else
// nil: what a key or value is made of, one step back.
func operand(v ssa.Value) ssa.Value {
	switch v := v.(type) {
	case *ssa.UnOp:
		return v.X
	case *ssa.Extract:
		return v.Tuple
	case *ssa.Convert:
		return v.X
	case *ssa.ChangeType:
		return v.X
	case *ssa.MakeInterface:
		return v.X
	case *ssa.Slice:
		return v.X
	case *ssa.Field:
		return v.X
	case *ssa.FieldAddr:
		return v.X
	}
	return nil
}

// callKeyHint checks one call on the way to a map key: a tabulated
// accessor, a header read by a telling name, or a function of the key
// (strings.TrimPrefix(auth, "Bearer ")) whose arguments are traced on.
func (a *Tracer) callKeyHint(c *ssa.CallCommon, walk func(ssa.Value) knowledge.Hint) knowledge.Hint {
	name := names.Callee(c)
	if staticPackage(name) {
		return knowledge.HintStatic
	}
	if h, ok := knowledge.KeySourceHint(name); ok {
		return h
	}
	args := names.Args(c)
	if name == "fmt.Sprintf" && len(args) > 0 {
		if f, ok := names.ConstString(args[0]); ok && slices.Contains(knowledge.StaticKeyFormats, f) {
			return knowledge.HintStatic
		}
	}
	if a.returnsStatic(c, walk) {
		return knowledge.HintStatic
	}
	if strings.HasSuffix(name, ".Header.Get") || strings.HasSuffix(name, ".GetHeader") ||
		strings.HasSuffix(name, ".Get") && len(args) == 2 {
		if s, ok := names.ConstString(args[len(args)-1]); ok {
			return knowledge.KeyHeaders[s]
		}
	}
	for _, arg := range args {
		if h := walk(arg); h != "" {
			return h
		}
	}
	return ""
}

// StaticValue reports whether a value stored into a map derives only from
// the program itself: runtime.FuncForPC, reflect, a table keyed by them,
// and functions of those alone (gitea's funcInfoNameMap[name] =
// convertToFuncInfo(runtime.FuncForPC(ptr))). Such a table memoises
// program metadata, the same on every replica, whatever its key.
func (a *Tracer) StaticValue(v ssa.Value) bool {
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int) bool
	walk = func(v ssa.Value, depth int) bool {
		if v == nil || depth > 10 || seen[v] {
			return false
		}
		seen[v] = true
		if slices.Contains(knowledge.StaticKeyTypes, names.TypeName(v.Type())) {
			return true
		}
		switch v := v.(type) {
		case *ssa.Call:
			if staticPackage(names.Callee(&v.Call)) {
				return true
			}
			n := 0
			for _, arg := range names.Args(&v.Call) {
				if _, ok := arg.(*ssa.Const); ok {
					continue
				}
				if !walk(arg, depth+1) {
					return false
				}
				n++
			}
			return n > 0
		case *ssa.Lookup:
			return walk(v.Index, depth+1)
		case *ssa.Phi:
			n := 0
			for _, e := range v.Edges {
				if c, ok := e.(*ssa.Const); ok && c.IsNil() {
					continue
				}
				if !walk(e, depth+1) {
					return false
				}
				n++
			}
			return n > 0
		}
		if x := operand(v); x != nil {
			return walk(x, depth+1)
		}
		return false
	}
	return walk(v, 0)
}

// staticPackage reports whether a callee belongs to a package that
// describes the program itself (knowledge.StaticKeyPackages).
func staticPackage(callee string) bool {
	for _, prefix := range knowledge.StaticKeyPackages {
		if strings.HasPrefix(callee, prefix+".") {
			return true
		}
	}
	return false
}

// returnsStatic reports whether a function of this package called by c
// returns a key derived from the program itself: func Type(f Fs) string
// { return fmt.Sprintf("%T", f) }.
func (a *Tracer) returnsStatic(c *ssa.CallCommon, walk func(ssa.Value) knowledge.Hint) bool {
	callee := c.StaticCallee()
	if callee == nil || callee.Pkg != a.pkg {
		return false
	}
	for _, b := range callee.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			for _, r := range ret.Results {
				if walk(r) == knowledge.HintStatic {
					return true
				}
			}
		}
	}
	return false
}

// PathKey names what a file path is built from: the directory of a
// constant ("/tmp/uploads"), a package-level variable ("var:uploadDir"),
// or a parameter ("$1", replaced by the caller's argument).
func PathKey(fn *ssa.Function, v ssa.Value) string {
	for depth := 0; v != nil && depth < 8; depth++ {
		switch x := v.(type) {
		case *ssa.Const:
			s, ok := names.ConstString(x)
			if !ok || s == "" {
				return ""
			}
			if strings.HasSuffix(s, "/") || path.Ext(s) == "" {
				return path.Clean(s)
			}
			return path.Dir(s)
		case *ssa.UnOp:
			if g, ok := x.X.(*ssa.Global); ok && x.Op == token.MUL {
				return "var:" + g.Pkg.Pkg.Path() + "." + g.Name()
			}
			return ""
		case *ssa.Parameter:
			return "$" + strconv.Itoa(ssautil.ParamIndex(fn, x))
		case *ssa.BinOp:
			v = x.X
		case *ssa.Call:
			if len(x.Call.Args) == 0 {
				return ""
			}
			v = x.Call.Args[0]
			if sl, ok := v.(*ssa.Slice); ok { // variadic filepath.Join(dir, name)
				v = FirstElem(sl)
			}
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.Convert:
			v = x.X
		default:
			return ""
		}
	}
	return ""
}

// FirstElem finds the value stored at index 0 of a variadic argument slice.
func FirstElem(sl *ssa.Slice) ssa.Value {
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	for _, r := range *alloc.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		if c, ok := ia.Index.(*ssa.Const); ok && c.Int64() == 0 {
			for _, rr := range *ia.Referrers() {
				if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
					return st.Val
				}
			}
		}
	}
	return nil
}

// SubstituteKey replaces a parameter key from a callee's file effect with
// the key of the caller's argument.
func (a *Tracer) SubstituteKey(fn *ssa.Function, key string, args []ssa.Value) string {
	if !strings.HasPrefix(key, "$") {
		return key
	}
	i, err := strconv.Atoi(key[1:])
	if err != nil || i < 0 || i >= len(args) {
		return ""
	}
	return PathKey(fn, args[i])
}
