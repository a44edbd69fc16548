package effects

import (
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// sessionStoreFindings reports the construction of framework session
// stores that keep sessions in this process (gin-contrib's memstore,
// fiber's session.New without a Storage) or on local disk (gorilla's
// FilesystemStore). The library writes them on every request that saves a
// session; the constructor is where the user chose it, so that is where
// the finding goes. A store made in a _test.go file serves only the test.
func (a *analyzer) sessionStoreFindings(funcs []*ssa.Function) []Finding {
	var out []Finding
	for _, fn := range funcs {
		if strings.HasSuffix(a.pass.Fset.Position(fn.Pos()).Filename, "_test.go") {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if f, ok := a.sessionStore(call); ok {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

func (a *analyzer) sessionStore(call ssa.CallInstruction) (Finding, bool) {
	c := call.Common()
	name := names.Callee(c)
	for _, ss := range knowledge.SessionStores {
		if ss.Func != name || ss.Kind != knowledge.SessionInMemory && ss.Kind != knowledge.SessionLocalFS {
			continue
		}
		if ss.ConfigField != "" && configSets(c.Args, ss.ConfigField) {
			return Finding{}, false
		}
		f := Finding{
			Check: "memstore", Kind: "session", Pos: call.Pos(), State: names.Display(c),
			Handler: "every request that saves a session", What: string(ss.Kind),
		}
		if ss.Kind == knowledge.SessionLocalFS {
			f.Title = "session store on local disk"
		}
		f.Related = []analysis.RelatedInformation{{Pos: call.Pos(), Message: names.Display(c) + " keeps sessions " + map[knowledge.SessionStoreKind]string{
			knowledge.SessionInMemory: "in this process's memory", knowledge.SessionLocalFS: "in files on this machine"}[ss.Kind]}}
		return f, true
	}
	return Finding{}, false
}

// configSets reports whether a variadic Config argument sets field:
// session.New(session.Config{Storage: redisStorage}).
func configSets(args []ssa.Value, field string) bool {
	for _, arg := range args {
		sl, ok := arg.(*ssa.Slice)
		if !ok {
			continue
		}
		alloc, ok := sl.X.(*ssa.Alloc)
		if !ok {
			continue
		}
		for _, ref := range *alloc.Referrers() {
			ia, ok := ref.(*ssa.IndexAddr)
			if !ok {
				continue
			}
			for _, rr := range *ia.Referrers() {
				if st, ok := rr.(*ssa.Store); ok && literalSets(st.Val, field) {
					return true
				}
			}
		}
	}
	return false
}

// literalSets reports whether a struct value loaded from a composite
// literal has field stored into it.
func literalSets(v ssa.Value, field string) bool {
	load, ok := v.(*ssa.UnOp)
	if !ok {
		return false
	}
	alloc, ok := load.X.(*ssa.Alloc)
	if !ok {
		return false
	}
	for _, ref := range *alloc.Referrers() {
		if fa, ok := ref.(*ssa.FieldAddr); ok {
			if f := fieldOf(alloc.Type(), fa.Field); f != nil && f.Name() == field {
				return true
			}
		}
	}
	return false
}
