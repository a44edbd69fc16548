package singlereplica

import (
	"fmt"
	"go/types"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/checkutil"
	"github.com/statelint/statelint/passes/internal/extio"
	"github.com/statelint/statelint/passes/internal/handlers"
	"github.com/statelint/statelint/passes/internal/names"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

var lockFuncs = map[string]bool{"sync.Mutex.Lock": true, "sync.RWMutex.Lock": true}
var unlockFuncs = map[string]bool{"sync.Mutex.Unlock": true, "sync.RWMutex.Unlock": true}

// locks reports the mutexes fn locks around a read-then-dependent-write
// of an external store.
func (c *checker) locks(fn *ssa.Function, e *handlers.Entry) {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok || !lockFuncs[names.Callee(&call.Call)] || len(call.Call.Args) != 1 {
				continue
			}
			mu := call.Call.Args[0]
			name, shared := mutexName(mu)
			if !shared {
				continue // a mutex made in this call guards nothing across requests
			}
			c.lock(fn, e, call, name, held(call, mutexKey(mu)))
		}
	}
}

// lock reports one locked region if it holds a read and a write of the
// same store that depends on it, and no store-side enforcement.
func (c *checker) lock(fn *ssa.Function, e *handlers.Entry, lock *ssa.Call, name string, region map[ssa.Instruction]bool) {
	var sites []extio.Site
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(ssa.CallInstruction)
			if _, isGo := in.(*ssa.Go); !ok || isGo || !region[in] {
				continue
			}
			if s, ok := c.io.SiteOf(call); ok {
				sites = append(sites, s)
			}
		}
	}
	for _, s := range sites {
		for _, ef := range s.Effects() {
			if ef.Op == extio.Guard || ef.Op == extio.Leader {
				return // the store enforces it, or a distributed lock is held
			}
		}
	}
	if _, ok := extio.Enforced(fn); ok {
		return // a serializable transaction, a locking clause, a unique index
	}
	in := func(call ssa.CallInstruction) bool { return region[call] }
	deps := slices.DeleteFunc(c.io.Dependent(fn, in, in), func(d extio.Dep) bool { return !shared(d.Effect.Store) })
	if len(deps) > 0 {
		d := deps[0]
		read := firstRead(sites, d.Stores)
		c.reportLock(fn, e, lock, name, d.Effect.Store, []analysis.RelatedInformation{
			{Pos: read.Call.Pos(), Message: "reads " + storeName(d.Effect.Store) + ": " + chain(readEffect(read, d.Stores))},
			{Pos: d.Write.Call.Pos(), Message: "writes what it read back: " + chain(d.Effect)},
		})
		return
	}
	for _, s := range sites {
		for _, ef := range s.Effects() {
			if ef.Op == extio.RMW && shared(ef.Store) {
				c.reportLock(fn, e, lock, name, ef.Store, []analysis.RelatedInformation{
					{Pos: s.Call.Pos(), Message: "reads and writes back " + storeName(ef.Store) + ": " + chain(ef)},
				})
				return
			}
		}
	}
}

func (c *checker) reportLock(fn *ssa.Function, e *handlers.Entry, lock *ssa.Call, name, store string, rel []analysis.RelatedInformation) {
	handler := e.Name(c.display)
	where := ""
	if fn != e.Fn {
		where = " in " + c.display(fn)
		rel = append([]analysis.RelatedInformation{{Pos: e.Fn.Pos(), Message: handler + " reaches " + c.display(fn)}}, rel...)
	}
	msg := fmt.Sprintf("in-process lock %s is held by %s%s around a read and a dependent write of %s",
		name, handler, where, storeName(store))
	c.report(knowledge.Lock, checkutil.Record{
		State: "lock:" + c.pass.Pkg.Path() + "." + name, Name: name, Pos: lock.Pos(), Entry: e,
		Access: checkutil.Holds, Message: msg, Related: rel,
	})
}

// shared reports whether every replica reaches the store alike.
func shared(store string) bool { return slices.Contains(knowledge.SharedStores, store) }

// firstRead is the first site in the region that reads one of stores.
func firstRead(sites []extio.Site, stores extio.Stores) extio.Site {
	for _, s := range sites {
		if readEffect(s, stores).Op != "" {
			return s
		}
	}
	return sites[0]
}

func readEffect(s extio.Site, stores extio.Stores) extio.Effect {
	for _, ef := range s.Effects() {
		if ef.Op == extio.Read && extio.StoreBit(ef.Store)&stores != 0 {
			return ef
		}
	}
	return extio.Effect{}
}

// held is the region a lock holds: the instructions reachable from it
// without passing an Unlock of the same mutex. A deferred Unlock holds
// it to the end of the function.
func held(lock *ssa.Call, key string) map[ssa.Instruction]bool {
	region := map[ssa.Instruction]bool{}
	seen := map[*ssa.BasicBlock]bool{}
	type start struct {
		b *ssa.BasicBlock
		i int
	}
	b := lock.Block()
	i := 0
	for b.Instrs[i] != lock {
		i++
	}
	queue := []start{{b, i + 1}}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		open := true
		for _, in := range s.b.Instrs[s.i:] {
			if call, ok := in.(*ssa.Call); ok && unlockFuncs[names.Callee(&call.Call)] &&
				len(call.Call.Args) == 1 && mutexKey(call.Call.Args[0]) == key {
				open = false
				break
			}
			region[in] = true
		}
		if !open {
			continue
		}
		for _, succ := range s.b.Succs {
			if !seen[succ] {
				seen[succ] = true
				queue = append(queue, start{succ, 0})
			}
		}
	}
	return region
}

// mutexKey identifies a mutex by how it is reached, so that the Unlock
// of s.mu matches the Lock of s.mu through another load of s.
func mutexKey(v ssa.Value) string {
	switch x := v.(type) {
	case *ssa.Global:
		return "g:" + x.RelString(nil)
	case *ssa.FreeVar:
		return "f:" + x.Name()
	case *ssa.Parameter:
		return "p:" + x.Name()
	case *ssa.FieldAddr:
		return mutexKey(x.X) + "." + fieldName(x.X.Type(), x.Field)
	case *ssa.Field:
		return mutexKey(x.X) + "." + fieldName(x.X.Type(), x.Field)
	case *ssa.UnOp:
		return "*" + mutexKey(x.X)
	}
	return fmt.Sprintf("v:%p", v)
}

func fieldName(t types.Type, i int) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if s, ok := t.Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i).Name()
	}
	return fmt.Sprint(i)
}

// mutexName names a mutex for messages, and reports whether it outlives
// the call: a package variable, a field of a value the function was
// given, a captured variable, one looked up in a table of mutexes.
func mutexName(v ssa.Value) (string, bool) {
	switch x := v.(type) {
	case *ssa.Global:
		return x.Name(), true
	case *ssa.FreeVar:
		return x.Name(), true
	case *ssa.Alloc:
		return "", false
	case *ssa.FieldAddr:
		base, shared := mutexName(x.X)
		if !shared {
			return "", false
		}
		owner := names.TypeName(x.X.Type())
		if owner != "" {
			owner = owner[strings.LastIndex(owner, ".")+1:]
		} else {
			owner = base
		}
		return owner + "." + fieldName(x.X.Type(), x.Field), true
	case *ssa.UnOp:
		return mutexName(x.X)
	case *ssa.Parameter:
		return x.Name(), true
	case *ssa.Call, *ssa.Lookup, *ssa.IndexAddr, *ssa.Extract:
		return "the mutex from " + describe(x), true
	}
	return "a mutex", true
}

func describe(v ssa.Value) string {
	if c, ok := v.(*ssa.Call); ok {
		if g := c.Call.StaticCallee(); g != nil {
			return extio.Display(g)
		}
	}
	if e, ok := v.(*ssa.Extract); ok {
		return describe(e.Tuple)
	}
	return "a table of mutexes"
}
