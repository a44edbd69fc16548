package effects

import (
	"go/types"
	"slices"
	"strings"
	"unicode"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/internal/scope"
)

// Shapes of state, computed where the type is known and carried in facts.
const (
	shapeMap    = "map"
	shapeSlice  = "slice"
	shapeChan   = "chan"
	shapeSync   = "syncmap" // sync.Map, container/list
	shapeCache  = "cache"   // a cache library
	shapeInt    = "int"
	shapeFloat  = "float"
	shapeBool   = "bool"
	shapeOther  = "other"
	elemWS      = "websocket"
	elemLimiter = "ratelimit"
	elemChan    = "chan"
	elemData    = "data" // plain values: records, not connections
)

// shape classifies a type, and what its elements hold: connections,
// rate limiters or channels (the subscribers of a server-sent-event hub).
func shape(t types.Type) (string, string) {
	if t == nil {
		return shapeOther, ""
	}
	name := typeName(t)
	switch {
	case slices.Contains(knowledge.CacheTypes, name):
		return shapeCache, ""
	case slices.Contains(knowledge.ContainerTypes, name):
		return shapeSync, ""
	}
	if args := genericContainer(t); args != nil {
		for i := range args.Len() {
			if e := elemOf(args.At(i), 1); e != "" {
				return shapeSync, e
			}
		}
		return shapeSync, ""
	}
	var s string
	switch u := deref(t).Underlying().(type) {
	case *types.Map:
		s = shapeMap
	case *types.Slice, *types.Array:
		s = shapeSlice
	case *types.Chan:
		return shapeChan, elemOf(u.Elem(), 0)
	case *types.Basic:
		switch {
		case u.Info()&types.IsInteger != 0:
			return shapeInt, ""
		case u.Info()&types.IsFloat != 0:
			return shapeFloat, ""
		case u.Info()&types.IsBoolean != 0:
			return shapeBool, ""
		}
		return shapeOther, ""
	default:
		return shapeOther, ""
	}
	if e := elemOf(t, 0); e != "" {
		return s, e
	}
	if dataOnly(deref(t), 0) {
		return s, elemData
	}
	return s, ""
}

// genericContainer returns the type arguments of t when it is (or points
// to) an instantiated generic type outside the standard library with a
// writing and a looking-up method of knowledge.GenericContainerMethods,
// by key: a map of a dependency's own making, not a pool of objects.
func genericContainer(t types.Type) *types.TypeList {
	n, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok || n.TypeArgs().Len() == 0 || n.Obj().Pkg() == nil || scope.IsStd(n.Obj().Pkg().Path()) {
		return nil
	}
	var writes, looks bool
	ms := types.NewMethodSet(types.NewPointer(n))
	for i := range ms.Len() {
		m := ms.At(i).Obj()
		params := m.Type().(*types.Signature).Params().Len()
		switch knowledge.GenericContainerMethods[m.Name()] {
		case "write", "getorload":
			writes = writes || params >= 2 // a key and a value: Pool[T].Put(x) is not
		case "lookup":
			looks = looks || params >= 1 // by key: Pool[T].Get() is not
		}
	}
	if writes && looks {
		return n.TypeArgs()
	}
	return nil
}

// dataOnly reports whether a type holds plain values only (numbers,
// strings, times, and structs, pointers, slices and maps of them): a
// table of records, whatever its name says. A registry of clients holds
// connections, channels, interfaces or functions somewhere.
func dataOnly(t types.Type, depth int) bool {
	if depth > 4 {
		return false
	}
	if typeName(t) == "time.Time" {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() != types.UnsafePointer
	case *types.Pointer:
		return dataOnly(u.Elem(), depth+1)
	case *types.Slice:
		return dataOnly(u.Elem(), depth+1)
	case *types.Array:
		return dataOnly(u.Elem(), depth+1)
	case *types.Map:
		return dataOnly(u.Key(), depth+1) && dataOnly(u.Elem(), depth+1)
	case *types.Struct:
		for i := range u.NumFields() {
			if !dataOnly(u.Field(i).Type(), depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// elemOf looks inside a container's keys and elements, and the fields of
// structs held there, for connections, limiters and channels.
func elemOf(t types.Type, depth int) string {
	if depth > 3 {
		return ""
	}
	name := typeName(t)
	if slices.Contains(knowledge.ConnTypes, name) {
		return elemWS
	}
	if slices.Contains(knowledge.LimiterTypes, name) {
		return elemLimiter
	}
	switch u := deref(t).Underlying().(type) {
	case *types.Map:
		return cmpOr(elemOf(u.Key(), depth+1), elemOf(u.Elem(), depth+1))
	case *types.Slice:
		return elemOf(u.Elem(), depth+1)
	case *types.Array:
		return elemOf(u.Elem(), depth+1)
	case *types.Chan:
		if depth > 0 {
			return elemChan
		}
	case *types.Struct:
		for i := range u.NumFields() {
			if e := elemOf(u.Field(i).Type(), depth+1); e != "" && e != elemChan {
				return e
			}
		}
	}
	return ""
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func isContainerShape(s string) bool {
	switch s {
	case shapeMap, shapeSlice, shapeChan, shapeSync, shapeCache:
		return true
	}
	return false
}

// classify decides the check and kind of a piece of state from the
// strongest evidence available: element types first (connections,
// limiters), then how request paths use it (keys from cookies or client
// addresses, get-or-load, sends), then its name, then its shape.
func classify(st *state) (check, kind string) {
	named := nameKind(st.display)
	if !isContainerShape(st.shape) {
		return "globalstate", scalarKind(st, named)
	}
	kind = containerKind(st, named)
	if kind == "records" && st.shape == shapeMap && st.hints["increment"] {
		// m[k]++ with nothing else to go by: a table of counters.
		return "globalstate", "counter"
	}
	return "memstore", kind
}

func containerKind(st *state, named string) string {
	switch {
	case st.elem == elemWS:
		return "websocket"
	case st.elem == elemLimiter:
		return "ratelimit"
	case st.hints["session"]:
		return "session"
	case st.hints["ratelimit"]:
		return "ratelimit"
	}
	if named == "websocket" && st.elem == elemData {
		named = "" // "rooms" of messages are records, not a registry
	}
	switch named {
	case "session", "websocket", "ratelimit", "cache":
		return named
	case "job":
		if st.shape == shapeSlice || st.shape == shapeChan || st.shape == shapeSync && !st.hints["getorload"] {
			return "queue"
		}
		return "job"
	case "queue":
		return "queue"
	}
	switch {
	case st.shape == shapeCache:
		return "cache"
	case st.elem == elemChan:
		return "websocket"
	case st.hints["go"] && st.shape == shapeMap:
		return "job"
	case st.hints["cache"] || st.hints["getorload"]:
		return "cache"
	case st.shape == shapeChan || st.hints["queue"]:
		return "queue"
	case st.elsewhere && st.hints["append"]:
		return "queue"
	}
	return "records"
}

func scalarKind(st *state, named string) string {
	switch {
	case named == "balance" || st.hints["add"] && st.shape == shapeFloat:
		return "balance"
	case named == "sequence" && (st.hints["increment"] || st.shape == shapeInt):
		return "sequence"
	case st.hints["increment"] || named == "counter" && st.shape == shapeInt:
		return "counter"
	case st.shape == shapeBool || st.hints["flag"]:
		return "flag"
	}
	return "value"
}

// nameKind reads the kind a name suggests, preferring the last word that
// means something ("sessionCache" is a cache, "jobStatus" a job table).
func nameKind(name string) string {
	w := words(name)
	for i := len(w) - 1; i >= 0; i-- {
		if k := knowledge.NameWords[w[i]]; k != "" {
			return k
		}
	}
	return ""
}

// words splits "Server.userSessions" into server, user, sessions.
func words(name string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return out
}
