package summary

import (
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/provenance"
	"github.com/statelint/statelint/passes/internal/typeshape"
	"golang.org/x/tools/go/ssa"
)

// effectSet collects effects, one per (op, state, site), keeping the
// shortest chain, in first-seen order so that results are deterministic.
type effectSet struct {
	index map[string]int
	list  []Effect
	calls []Call
	seen  map[string]bool // calls and flows, by key
	flows []Flow
}

func newEffectSet() *effectSet { return &effectSet{index: map[string]int{}, seen: map[string]bool{}} }

// addCall records an open call, up to maxCalls: the first found are the
// closest to the function.
func (s *effectSet) addCall(c Call) {
	k := c.key()
	if s.seen[k] || len(s.calls) >= maxCalls {
		return
	}
	s.seen[k] = true
	s.calls = append(s.calls, c)
}

// addFlow records that a parameter is kept in a slot, up to maxFlows.
func (s *effectSet) addFlow(f Flow) {
	k := fmt.Sprintf("flow|%d|%s|%s", f.Param, f.Slot.Type, f.Slot.Field)
	if s.seen[k] || len(s.flows) >= maxFlows {
		return
	}
	s.seen[k] = true
	s.flows = append(s.flows, f)
}

func (s *effectSet) add(e Effect) {
	k := e.dedupKey()
	if i, ok := s.index[k]; ok {
		use := max(e.Use, s.list[i].Use) // the strongest use of the value, however reached
		if len(e.Via) < len(s.list[i].Via) {
			s.list[i] = e
		}
		s.list[i].Use = use
		return
	}
	s.index[k] = len(s.list)
	s.list = append(s.list, e)
}

// summary bounds the set: writes and file effects first, then a few reads.
func (s *effectSet) summary() *Summary {
	var out []Effect
	reads := 0
	for _, e := range s.list {
		if e.Op == Read {
			continue
		}
		out = append(out, e)
	}
	// One read of each state first, the one whose value is used the
	// most, then more sites while the bound allows: a handler that reads
	// one table at twenty sites still shows the counter it compares.
	best := map[string]int{}
	var order []string
	for i, e := range s.list {
		if e.Op != Read {
			continue
		}
		k := e.StateKey()
		j, ok := best[k]
		if !ok {
			order = append(order, k)
		}
		if !ok || e.Use > s.list[j].Use {
			best[k] = i
		}
	}
	taken := map[int]bool{}
	for _, k := range order {
		if reads < maxReads {
			taken[best[k]] = true
			reads++
		}
	}
	for i, e := range s.list {
		if e.Op == Read && !taken[i] && reads < maxReads {
			taken[i] = true
			reads++
		}
	}
	for i := range s.list {
		if taken[i] {
			out = append(out, s.list[i])
		}
	}
	if len(out) > maxEffects {
		out = out[:maxEffects]
	}
	return &Summary{Effects: out, Calls: s.calls, Flows: s.flows}
}

func typeName(t types.Type) string { return names.TypeName(t) }

func typeString(t types.Type) string {
	if t == nil {
		return ""
	}
	return types.TypeString(t, nil)
}

// safe reports whether the location holds a type that may live for the
// whole process (a client, a metric, a logger, a template...), or a
// container of handles (a pool of prepared statements or clients).
func (a *summarizer) safe(l provenance.Loc) bool {
	return knowledge.IsSafeType(typeName(l.Type)) || typeshape.Pool(l.Type)
}

// posn renders a position as "dir/file.go:line:col", short enough for a
// message and stable across checkouts.
func (a *summarizer) posn(pos token.Pos) string { return Posn(a.pass.Fset, pos) }

// Posn renders a position as summaries name sites: "dir/file.go:line:col".
func Posn(fset *token.FileSet, pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	p := fset.Position(pos)
	file := filepath.ToSlash(filepath.Join(filepath.Base(filepath.Dir(p.Filename)), filepath.Base(p.Filename)))
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Column)
}

// DisplayFunc names a function for messages: unqualified within the
// package being analysed, package-qualified elsewhere; literals as Go's
// stack traces name them ("counter.func1").
func DisplayFunc(pkg *ssa.Package, fn *ssa.Function) string {
	name := fn.Name()
	if fn.Parent() != nil {
		outer := fn
		for outer.Parent() != nil {
			outer = outer.Parent()
		}
		name = DisplayFunc(pkg, outer) + ".func" + strings.TrimPrefix(name[strings.LastIndex(name, "$"):], "$")
		return name
	}
	if strings.HasSuffix(name, "$bound") || strings.HasSuffix(name, "$thunk") {
		name = name[:strings.LastIndex(name, "$")]
	}
	if recv := fn.Signature.Recv(); recv != nil {
		t := recv.Type()
		star := ""
		if p, ok := t.(*types.Pointer); ok {
			star, t = "*", p.Elem()
		}
		tn := types.TypeString(t, func(p *types.Package) string {
			if pkg != nil && p == pkg.Pkg {
				return ""
			}
			return p.Name()
		})
		if i := strings.Index(tn, "["); i >= 0 {
			tn = tn[:i]
		}
		if star != "" {
			return "(*" + tn + ")." + name
		}
		return tn + "." + name
	}
	if fn.Pkg != nil && pkg != nil && fn.Pkg != pkg {
		return fn.Pkg.Pkg.Name() + "." + name
	}
	if obj := fn.Object(); obj != nil && obj.Pkg() != nil && pkg != nil && obj.Pkg() != pkg.Pkg {
		return obj.Pkg().Name() + "." + name
	}
	return name
}
