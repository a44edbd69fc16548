// Package wiring is a helper pass that resolves calls through interfaces
// and callbacks where the program is wired. Under go vet a handler's
// package is analysed alone: it calls s.store.Save, and which Store that
// is the package cannot know. The summaries carry such calls upward as
// open calls on the state the interface value lives in; this pass turns
// an entry point's open calls into needs on a slot (the Core field of a
// composer type, the store parameter of a handler constructor, a
// package-level variable), exports them as the Open fact, and, in the
// package that puts a concrete value into such a slot (a composite
// literal, a field assignment, a constructor argument that the
// constructor keeps, a variable's initialiser), looks up what the
// implementation's methods write. When it is state in this process or a
// local file, the construction site is where the user chose it: it is
// found there, naming the implementation, the handler that reaches it and
// the interface method. A value this package cannot resolve moves its
// needs to where it comes from: a function's parameter (the callers
// choose), a registry of constructors (the package registering them
// chooses, storage.Constructors["memory"] = mem.New), and an alias says
// which slot another is filled from (a request context's field, built
// from a package-level variable). It reports nothing itself: the checks
// owning the kinds compose the findings.
package wiring

import (
	"go/token"
	"reflect"
	"strconv"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/guard"
	"github.com/statelint/statelint/passes/internal/handlers"
	"github.com/statelint/statelint/passes/internal/lazyfact"
	"github.com/statelint/statelint/passes/internal/ssabuild"
	"github.com/statelint/statelint/passes/internal/stores"
	"github.com/statelint/statelint/passes/internal/summary"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Analyzer resolves open calls at the composition root.
var Analyzer = &analysis.Analyzer{
	Name:       "statelintwiring",
	Doc:        "resolve calls through interfaces and callbacks where the program wires their implementations",
	Run:        guard.Helper(run),
	Requires:   []*analysis.Analyzer{ssabuild.Analyzer, handlers.Analyzer, summary.Analyzer, stores.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(Open), new(Concrete)},
}

// Open is the package fact of a package whose request paths call through
// slots that another package fills.
type Open struct {
	Needs []Need
	// Aliases are the slots of the package filled only from another slot:
	// the Manager field of a request's context, built from a package-level
	// variable, which a constructor's parameter sets. A need on the first
	// is a need on the others.
	Aliases []Alias
}

// An Alias says that slot From holds what slot To holds.
type Alias struct{ From, To string }

// AFact marks Open as an analysis fact.
func (*Open) AFact() {}

func (o *Open) String() string {
	var s string
	for i, n := range o.Needs {
		if i > 0 {
			s += " "
		}
		s += n.Slot + "=" + n.Through
		if len(n.Also) > 0 {
			s += "+" + strconv.Itoa(len(n.Also)) // further handlers of the same call
		}
	}
	for _, a := range o.Aliases {
		s += " " + a.From + "<-" + a.To
	}
	return "open(" + s + ")"
}

// A Need is an open call an entry point makes through a slot.
type Need struct {
	Slot    string // "T:pkg/path.Server.store", "V:pkg/path.store", "F:pkg/path.New#0"
	Through string // "Store.Save", or "callback Server.onDelete"
	Method  string // the method to look up on the implementation; "" for a callback
	Then    string // a method called on Method's result, whose implementation Method returns
	Handler string // `handler for "PATCH /files/{id}"`
	Site    string // the call, "dir/file.go:line:col"
	From    string // for a need derived through an implementation, the handler's call that led to it
	// Also are further handlers that make the same call, through a
	// helper they share (terminateUpload, called by DelFile and, on a
	// stopped upload, by PostFile). The finding of one stands only for a
	// write that no other handler's finding of the same implementation
	// reports.
	Also []string
}

// Concrete is the fact of an exported function that returns, or an
// exported variable that holds, a value of an interface type whose
// concrete type this package chooses (var DefaultMemStore =
// NewMemoryStore(...)): the implementation, with what its methods write,
// since its type may be unexported and out of an importer's reach.
type Concrete struct {
	Impls []Impl `json:",omitzero"`
	// Forward names the registries of constructors whose results the
	// value is (storage.FromConfig returns what Constructors[cfg.Type]
	// makes): the package that registers them knows the implementations.
	Forward []string `json:",omitzero"`

	raw lazyfact.Raw // as read from an import's facts, until load
}

// AFact marks Concrete as an analysis fact.
func (*Concrete) AFact() {}

// A Concrete fact is kept on methods too, which every importer
// re-exports, so it is read lazily like the summaries.
type plainConcrete Concrete

// GobEncode writes the fact, or the bytes it was read from.
func (c *Concrete) GobEncode() ([]byte, error) { return lazyfact.Encode(c.raw, (*plainConcrete)(c)) }

// GobDecode keeps the bytes; load decodes them when the fact is used.
func (c *Concrete) GobDecode(data []byte) error {
	*c = Concrete{raw: lazyfact.Keep(data)}
	return nil
}

// load decodes a fact imported from another package's facts.
func (c *Concrete) load() *Concrete {
	lazyfact.Load(&c.raw, (*plainConcrete)(c))
	return c
}

func (c *Concrete) String() string {
	c.load()
	s := "concrete("
	for i, im := range c.Impls {
		if i > 0 {
			s += " "
		}
		s += im.Type
	}
	for _, f := range c.Forward {
		s += " " + f
	}
	return s + ")"
}

// An Impl is a concrete type and the writes of its methods.
type Impl struct {
	Type    string // "*base64Captcha.memoryStore"
	Methods []Method
}

// A Method is what one method of an implementation writes, and the
// calls it makes through the implementation's own slots, which the
// package that fills them closes in turn.
type Method struct {
	Name    string
	Effects []summary.Effect
	Calls   []summary.Call
}

// A Finding is an implementation kept in memory or on local disk, put
// into a slot that a request path calls through.
type Finding struct {
	Pos     token.Pos          // the construction site
	Name    string             // how the site names the value: "memstore.New()"
	Impl    string             // the implementation's type: "*memstore.Mem"
	State   string             // the state it keeps: "Mem.m"; "" for a local file
	Others  []string           // further state of the same kind
	Kind    knowledge.KindName // as the implementation's effects say
	What    string             // how the state is written: "map store", "os.WriteFile"
	Handler string             // the entry point that reaches it
	Through string             // "Store.Save"
	Choice  string             // the case value that selects it, when a switch does
	Chain   []string           // the call, then the write, as "what at posn"
	Folded  []Reach            // the further handlers that reach it

	lookedUp bool   // a cache only because its handler looks it up first
	locator  string // the locator's slot, for a value a locator returns (store.Get())
	shared   bool   // only from Shared needs
	write    string // the reported write, "what@posn"
	rank     int    // of the reported write, as fileEffects ranks it
	site     string // the need's call, "dir/file.go:line:col"
}

// A Reach is a further handler that reaches a finding's state, and the
// method it calls it through.
type Reach struct{ Handler, Through string }

// Result lists the package's findings in source order.
type Result struct {
	Findings []*Finding
}

func run(pass *analysis.Pass) (any, error) {
	s := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
	res := &Result{}
	if s.Pkg == nil {
		return res, nil
	}
	w := newWirer(pass, s.Pkg, s.SrcFuncs)
	for _, c := range pass.ResultOf[stores.Analyzer].(*stores.Result).Constructions {
		w.framework[c.At] = true
	}
	w.collectNeeds(pass.ResultOf[handlers.Analyzer].(*handlers.Result))
	w.exportConcrete()
	w.close(res)
	// what close forwarded to the callers of this package's functions
	// and to the packages that register constructors is theirs to close
	if len(w.local) > 0 || len(w.ownAliases) > 0 {
		pass.ExportPackageFact(&Open{Needs: w.local, Aliases: w.ownAliases})
	}
	return res, nil
}

// isTest reports whether fn lies in a _test.go file: a test's fakes are
// not what the program wires.
func (w *wirer) isTest(fn *ssa.Function) bool {
	return isTestFile(w.pass.Fset.Position(fn.Pos()).Filename)
}
