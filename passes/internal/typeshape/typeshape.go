// Package typeshape classifies the types that hold state, from the type
// alone: what shape a value has (a map, a channel, a counter...) and what
// its elements hold (connections, rate limiters, plain data). The shape is
// computed where the type is known and carried in summaries, so a package
// that sees only a fact still knows what the state looks like.
package typeshape

import (
	"go/types"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/internal/scope"
	"github.com/statelint/statelint/passes/internal/names"
)

// A Shape is the form of a piece of state.
type Shape string

// Shapes of state.
const (
	Map   Shape = "map"
	Slice Shape = "slice"
	Chan  Shape = "chan"
	Sync  Shape = "syncmap" // sync.Map, container/list, a generic map of a dependency
	Cache Shape = "cache"   // a cache library
	Int   Shape = "int"
	Float Shape = "float"
	Bool  Shape = "bool"
	Other Shape = "other"
	File  Shape = "file" // an open file: a local data store when it outlives the request
)

// Container reports whether a shape holds many entries.
func (s Shape) Container() bool {
	switch s {
	case Map, Slice, Chan, Sync, Cache:
		return true
	}
	return false
}

// An Elem says what a container's entries hold, when that decides its kind.
type Elem string

// What entries hold.
const (
	None      Elem = ""
	Websocket Elem = "websocket" // live client connections
	Limiter   Elem = "ratelimit" // rate limiters
	Channel   Elem = "chan"      // channels: the subscribers of an event hub
	Data      Elem = "data"      // plain values: records, not connections
	Lock      Elem = "lock"      // per-key locks: a mutex, or a signal of its release
)

// Of classifies a type, and what its elements hold: connections, rate
// limiters or channels (the subscribers of a server-sent-event hub).
func Of(t types.Type) (Shape, Elem) {
	if t == nil {
		return Other, None
	}
	name := names.TypeName(t)
	switch {
	case name == "os.File":
		return File, None
	case knowledge.IsCacheType(name):
		return Cache, None
	case knowledge.IsContainerType(name):
		return Sync, None
	}
	if args, ok := DependencyContainer(t); ok {
		for i := range args.Len() {
			if e := elemOf(args.At(i), 1); e != None {
				return Sync, e
			}
		}
		return Sync, None
	}
	var s Shape
	switch u := Deref(t).Underlying().(type) {
	case *types.Map:
		s = Map
	case *types.Slice, *types.Array:
		s = Slice
	case *types.Chan:
		return Chan, elemOf(u.Elem(), 0)
	case *types.Basic:
		switch {
		case u.Info()&types.IsInteger != 0:
			return Int, None
		case u.Info()&types.IsFloat != 0:
			return Float, None
		case u.Info()&types.IsBoolean != 0:
			return Bool, None
		}
		return Other, None
	default:
		return Other, None
	}
	if e := elemOf(t, 0); e != None {
		return s, e
	}
	if dataOnly(Deref(t), 0) {
		return s, Data
	}
	return s, None
}

// DependencyContainer reports whether t (or what it points to) is a
// named type outside the standard library whose methods keep entries by
// key: a writing and a looking-up method (knowledge.ContainerMethodOp)
// that take a key. A generic one
// (xsync.MapOf[K, V]) is a container by its methods unless it holds a
// client of an external store (lcw's RedisCache[V]), and args are its
// type arguments. Another must also hold, somewhere in its fields, a map,
// slice or channel, and nothing that reaches outside the process (a
// network connection, a file, a client of an external store): a cache
// library that no table names is a container, a Redis client with the
// same methods is not. Dependencies have no summaries, so their types
// are judged by structure.
func DependencyContainer(t types.Type) (args *types.TypeList, ok bool) {
	n, ok := types.Unalias(Deref(t)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || scope.IsStd(n.Obj().Pkg().Path()) {
		return nil, false
	}
	if types.IsInterface(n) {
		return ifaceContainer(n)
	}
	if !keyedMethods(n) {
		return nil, false
	}
	data, external := holds(n.Underlying(), 0, map[types.Type]bool{})
	if n.TypeArgs().Len() > 0 {
		// its entries may hide behind pointers it keeps unsafe; a
		// client of an external store says where they are
		return n.TypeArgs(), !external
	}
	return nil, data && !external
}

// ifaceContainer decides a dependency's interface with container methods
// (cache.Cache[K, V] of an expirable cache) by the types of its package
// that implement it: a container when each holds entries in this process,
// and there are some or the interface is generic; an interface that a
// Redis client implements is not.
func ifaceContainer(n *types.Named) (*types.TypeList, bool) {
	it := n.Underlying().(*types.Interface)
	if it.NumMethods() == 0 || !keyedMethods(n) {
		return nil, false
	}
	scope := n.Obj().Pkg().Scope()
	impls := 0
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		impl := tn.Type()
		if g, ok := impl.(*types.Named); ok && g.TypeParams().Len() > 0 {
			if g.TypeParams().Len() != n.TypeArgs().Len() {
				continue
			}
			args := make([]types.Type, n.TypeArgs().Len())
			for i := range args {
				args[i] = n.TypeArgs().At(i)
			}
			inst, err := types.Instantiate(nil, g, args, true)
			if err != nil {
				continue
			}
			impl = inst
		}
		if !types.Implements(impl, it) && !types.Implements(types.NewPointer(impl), it) {
			continue
		}
		if data, external := holds(impl.Underlying(), 0, map[types.Type]bool{}); !data || external {
			return nil, false
		}
		impls++
	}
	if impls == 0 && n.TypeArgs().Len() == 0 {
		return nil, false
	}
	// With no implementation in view, a generic one (Cache[K, V], made by
	// a constructor that returns the interface) keeps values of the
	// caller's types: under go vet an unexported implementation of a
	// dependency is out of sight, where the standalone driver sees it.
	return n.TypeArgs(), true
}

// keyedMethods reports whether n has a writing and a looking-up method
// by key (knowledge.ContainerMethodOp). The methods declared on n, or an
// interface's, are read directly; only a struct that embeds a field, whose
// methods it promotes, needs its whole method set computed.
func keyedMethods(n *types.Named) bool {
	var writes, looks bool
	note := func(m *types.Func) {
		sig := m.Type().(*types.Signature)
		params := keyedParams(sig.Params())
		op := knowledge.ContainerMethodOp(m.Name())
		if op == "lookup" && Loads(sig) {
			looks = looks || params >= 1
			op = "getorload" // Get(key string, fn func() (V, error)): looked up, and filled by the loader on a miss
		}
		switch op {
		case "write", "getorload":
			writes = writes || params >= 2 // a key and a value: Pool[T].Put(x) is not
		case "lookup":
			looks = looks || params >= 1 // by key: Pool[T].Get() is not
		}
	}
	if it, ok := n.Underlying().(*types.Interface); ok {
		for i := range it.NumMethods() {
			note(it.Method(i))
		}
		return writes && looks
	}
	for i := range n.NumMethods() {
		note(n.Method(i))
	}
	if writes && looks || !embeds(n) {
		return writes && looks
	}
	ms := types.NewMethodSet(types.NewPointer(n))
	for i := range ms.Len() {
		note(ms.At(i).Obj().(*types.Func))
	}
	return writes && looks
}

// Loads reports whether a method takes, after its key, a function that
// returns a value: the loader of a loading cache's Get.
func Loads(sig *types.Signature) bool {
	for i := 1; i < sig.Params().Len(); i++ {
		if f, ok := sig.Params().At(i).Type().Underlying().(*types.Signature); ok && f.Results().Len() > 0 {
			return true
		}
	}
	return false
}

// embeds reports whether n is a struct with an embedded field.
func embeds(n *types.Named) bool {
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if st.Field(i).Embedded() {
			return true
		}
	}
	return false
}

// keyedParams counts the parameters of a container method from its key
// on: a leading context.Context is not one, and the key must be a value
// that can key a map (a string, a number, a type parameter, any), not a
// struct or a function (SetHandler(h Handler) names no entry).
func keyedParams(ps *types.Tuple) int {
	start := 0
	if ps.Len() > 0 && names.TypeName(ps.At(0).Type()) == "context.Context" {
		start = 1
	}
	if ps.Len() <= start {
		return 0
	}
	switch ps.At(start).Type().Underlying().(type) {
	case *types.Basic, *types.TypeParam, *types.Interface:
		return ps.Len() - start
	}
	return 0
}

// External reports whether t reaches outside the process: it is, or
// holds in its fields, a network connection, a file, or a client of an
// external store or service (a generated RPC client over its transport).
func External(t types.Type) bool {
	_, e := holds(t, 0, map[types.Type]bool{})
	return e
}

// holds walks the fields of t for containers of entries (data) and for
// what reaches outside the process (external).
func holds(t types.Type, depth int, seen map[types.Type]bool) (data, external bool) {
	if depth > 5 || seen[t] {
		return false, false
	}
	seen[t] = true
	name := names.TypeName(t)
	if knowledge.IsClientType(name) || strings.HasPrefix(name, "net.") || name == "os.File" || strings.HasPrefix(name, "crypto/tls.") {
		return false, true
	}
	switch u := t.Underlying().(type) {
	case *types.Map, *types.Chan:
		return true, false
	case *types.Slice:
		_, e := holds(u.Elem(), depth+1, seen)
		return true, e
	case *types.Pointer:
		return holds(u.Elem(), depth+1, seen)
	case *types.Array:
		return holds(u.Elem(), depth+1, seen)
	case *types.Struct:
		for i := range u.NumFields() {
			d, e := holds(u.Field(i).Type(), depth+1, seen)
			data, external = data || d, external || e
		}
	}
	if names.TypeName(t) == "container/list.List" || names.TypeName(t) == "sync.Map" {
		data = true
	}
	return data, external
}

// dataOnly reports whether a type holds plain values only (numbers,
// strings, times, and structs, pointers, slices and maps of them): a
// table of records, whatever its name says. A registry of clients holds
// connections, channels, interfaces or functions somewhere.
func dataOnly(t types.Type, depth int) bool {
	if depth > 4 {
		return false
	}
	if names.TypeName(t) == "time.Time" {
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
func elemOf(t types.Type, depth int) Elem {
	if depth > 3 {
		return None
	}
	name := names.TypeName(t)
	if knowledge.IsConnType(name) {
		return Websocket
	}
	if knowledge.IsLimiterType(name) {
		return Limiter
	}
	if PeerConn(t) {
		return Websocket
	}
	switch u := Deref(t).Underlying().(type) {
	case *types.Map:
		if e := elemOf(u.Key(), depth+1); e != None {
			return e
		}
		if lockType(u.Elem()) {
			return Lock
		}
		return elemOf(u.Elem(), depth+1)
	case *types.Slice:
		return elemOf(u.Elem(), depth+1)
	case *types.Array:
		return elemOf(u.Elem(), depth+1)
	case *types.Chan:
		if depth > 0 {
			return Channel
		}
	case *types.Struct:
		for i := range u.NumFields() {
			if e := elemOf(u.Field(i).Type(), depth+1); e != None && e != Channel {
				return e
			}
		}
	}
	return None
}

// lockType reports whether t is a lock and nothing else: a mutex, or a
// struct of synchronisation (a mutex, a channel closed on release) and
// its bookkeeping (a count of waiters, a callback to ask for release),
// holding no data (tusd's lockEntry, fiber's countedLock). A map of them
// is a table of per-key locks; a map of sessions that each carry their
// own mutex holds data too, and is not.
func lockType(t types.Type) bool {
	if syncType(t) {
		return true
	}
	st, ok := Deref(t).Underlying().(*types.Struct)
	if !ok || st.NumFields() == 0 {
		return false
	}
	locks := false
	for i := range st.NumFields() {
		ft := st.Field(i).Type()
		switch u := ft.Underlying().(type) {
		case *types.Chan:
			if !Signal(u.Elem()) {
				return false // a channel of data
			}
			locks = true
		case *types.Basic:
			if u.Info()&(types.IsInteger|types.IsBoolean) == 0 {
				return false
			}
		case *types.Signature:
		default:
			if !syncType(ft) {
				return false
			}
			locks = true
		}
	}
	return locks
}

// syncType reports whether t is, or points to, a mutex of package sync.
func syncType(t types.Type) bool {
	switch names.TypeName(Deref(t)) {
	case "sync.Mutex", "sync.RWMutex", "sync.Locker":
		return true
	}
	return false
}

// PeerConn reports whether t is a connection to a peer by its methods:
// RemoteAddr() net.Addr, as net.Conn, websocket and engine.io transports
// have, whatever library no table names.
func PeerConn(t types.Type) bool {
	var fn *types.Func
	switch u := types.Unalias(Deref(t)).(type) {
	case *types.Named:
		if it, ok := u.Underlying().(*types.Interface); ok {
			fn = ifaceMethod(it, "RemoteAddr")
			break
		}
		for i := range u.NumMethods() { // declared methods only: cheap, and enough
			if m := u.Method(i); m.Name() == "RemoteAddr" {
				fn = m
			}
		}
	case *types.Interface:
		fn = ifaceMethod(u, "RemoteAddr")
	}
	if fn == nil {
		return false
	}
	sig := fn.Signature()
	return sig.Params().Len() == 0 && sig.Results().Len() == 1 && names.TypeName(sig.Results().At(0).Type()) == "net.Addr"
}

func ifaceMethod(it *types.Interface, name string) *types.Func {
	for i := range it.NumMethods() {
		if m := it.Method(i); m.Name() == name {
			return m
		}
	}
	return nil
}

// Live reports whether a value of type t has a life of its own once
// stored: a connection, a rate limiter, a channel, or a struct holding
// one. Made from constants alone it is still no memo: what it does next
// depends on the requests that use it.
//
// A struct is live when a field is a channel of data (a stream's
// channels of events and subscribers, which its goroutine serves), not
// when its channels only signal (a memo entry's ready channel of
// struct{}).
func Live(t types.Type) bool {
	switch u := Deref(t).Underlying().(type) {
	case *types.Chan:
		return true
	case *types.Struct:
		for f := range u.Fields() {
			if ch, ok := f.Type().Underlying().(*types.Chan); ok && !Signal(ch.Elem()) {
				return true
			}
		}
	}
	return elemOf(t, 1) != None
}

// Signal reports whether values of t carry nothing: struct{}, the
// element of a channel that only signals.
func Signal(t types.Type) bool {
	s, ok := t.Underlying().(*types.Struct)
	return ok && s.NumFields() == 0
}

// IsContainer reports whether a value of type t holds many entries: maps,
// slices, channels, sync.Map, lists and cache libraries.
func IsContainer(t types.Type) bool {
	if t == nil {
		return false
	}
	name := names.TypeName(t)
	if knowledge.IsContainerType(name) || knowledge.IsCacheType(name) {
		return true
	}
	if _, ok := DependencyContainer(t); ok {
		return true
	}
	switch Deref(t).Underlying().(type) {
	case *types.Map, *types.Slice, *types.Chan:
		return true
	}
	return false
}

// Pool reports whether t is a container of handles: prepared statements,
// HTTP clients per host, database or Redis clients per tenant. What it
// keeps is a way to reach external state, made alike on every replica,
// not state of its own. Limiters are not handles (a map of them is a
// per-client rate limiter), nor are locks.
func Pool(t types.Type) bool {
	elem := ElemType(t)
	if elem == nil {
		return false
	}
	if Handle(elem) {
		return true
	}
	name := names.TypeName(elem)
	n, ok := types.Unalias(Deref(elem)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() == "sync" {
		return false
	}
	return knowledge.IsSafeType(name) && !knowledge.IsLimiterType(name)
}

// Handle reports whether t is a handle by its structure: a struct that
// holds only behaviour (functions, interfaces) and a way to release what
// it reaches (an io.Closer), and no data of its own. go-kit's
// endpointCloser{endpoint.Endpoint; io.Closer}, made by a factory for
// each discovered instance, is a client of that instance: a map of them
// is a pool of connections, alike in kind on every replica.
func Handle(t types.Type) bool {
	st, ok := Deref(t).Underlying().(*types.Struct)
	if !ok || st.NumFields() == 0 {
		return false
	}
	closer := false
	for f := range st.Fields() {
		switch u := f.Type().Underlying().(type) {
		case *types.Signature:
		case *types.Interface:
			closer = closer || closes(u)
		default:
			return false
		}
	}
	return closer
}

// closes reports whether an interface's methods include Close() error.
func closes(it *types.Interface) bool {
	for m := range it.Methods() {
		sig := m.Type().(*types.Signature)
		if m.Name() == "Close" && sig.Params().Len() == 0 && sig.Results().Len() == 1 &&
			types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type()) {
			return true
		}
	}
	return false
}

// Deref returns what a pointer type points to, or t itself.
func Deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// ElemType is the type of an entry of the map, slice or array t (or *t
// points to), or nil.
func ElemType(t types.Type) types.Type {
	switch u := Deref(t).Underlying().(type) {
	case *types.Map:
		return u.Elem()
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	}
	return nil
}
