// Package checkutil holds what every statelint check does alike: extract
// its documentation from doc.go, look up the kinds it owns, and render the
// parts of a finding that are structure rather than wording (the chain of
// a write unit, the diagnostic's category and link).
package checkutil

import (
	"fmt"
	"go/token"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/directives"
	"github.com/statelint/statelint/passes/internal/state"
	"github.com/statelint/statelint/passes/internal/wiring"
	"github.com/statelint/statelint/passes/internal/witness"
	"golang.org/x/tools/go/analysis"
)

// MustExtractDoc returns the documentation of analyzer name from the
// package comment of a doc.go file: the text after "# Analyzer name".
func MustExtractDoc(content, name string) string {
	start := strings.Index(content, "/*")
	end := strings.Index(content, "*/")
	if start < 0 || end < start {
		panic("doc.go of " + name + " has no package comment")
	}
	doc := content[start+2 : end]
	_, rest, ok := strings.Cut(doc, "# Analyzer "+name+"\n")
	if !ok {
		panic("doc.go of " + name + " has no \"# Analyzer " + name + "\" heading")
	}
	return strings.TrimSpace(rest)
}

// URL is the documentation page of a check.
func URL(check string) string { return knowledge.CheckURL(check) }

// Kind returns the row of a kind, which must exist.
func Kind(name knowledge.KindName) knowledge.Kind {
	k, ok := knowledge.KindByName(name)
	if !ok {
		panic(fmt.Sprintf("finding of unknown kind %q", name))
	}
	return k
}

// Report reports a finding of kind k at pos, with its category and link.
func Report(pass *analysis.Pass, pos token.Pos, k knowledge.Kind, msg string, related []analysis.RelatedInformation) {
	pass.Report(analysis.Diagnostic{Pos: pos, Category: string(k.Name), Message: msg, URL: k.URL(), Related: related})
}

// Consequence is the shared tail of every message: what breaks with a
// second replica, and where the state should live instead.
func Consequence(k knowledge.Kind) string { return k.Breaks + "; " + k.Advice }

// WrittenName is how a write unit names its state: the state, and the
// other parts of its component, "cache.c (with cache.remap and cache.m)".
func WrittenName(w *state.Write) string {
	name := w.State.Display()
	if len(w.Parts) == 0 {
		return name
	}
	var parts []string
	for _, p := range w.Parts {
		parts = append(parts, p.State.Name)
	}
	return name + " (with " + AndList(parts, 3) + ")"
}

// WriteChain is the related information of a write unit: the chain from
// the handler to its site, its further sites (naming their handler when
// it is another), each other part of its component, with that part's
// advice when its kind differs from the unit's, and the other handlers
// that read what the unit writes, which assume the request order.
func WriteChain(wit *witness.Picker, w *state.Write) []analysis.RelatedInformation {
	display := w.State.Display()
	rel := wit.Chain(w.At, fmt.Sprintf("%s of %s", w.At.Effect.What, display))
	rel = append(rel, alsoBy(wit, w.At, w.Also, display)...)
	rel = append(rel, writers(wit, w, rel, display)...)
	rel = append(rel, readBy(wit, w.Readers, display)...)
	for _, p := range w.Parts {
		k := Kind(p.Kind())
		msg := fmt.Sprintf("also %s %s: %s at %s", k.Title, p.State.Display(), p.At.Effect.What, p.At.Effect.Posn)
		if p.Kind() != w.Kind() {
			msg += "; " + k.Advice // the unit's message gives only its own
		}
		if p.At.Entry != w.At.Entry && wit.Handler(p.At.Entry) != wit.Handler(w.At.Entry) {
			msg += " (" + wit.Handler(p.At.Entry) + ")"
		}
		rel = append(rel, analysis.RelatedInformation{Pos: p.At.Pos, Message: msg})
		rel = append(rel, readBy(wit, p.Readers, p.State.Display())...)
	}
	return rel
}

// maxWriters bounds the other writers a finding names.
const maxWriters = 8

// writers names the other handlers that write a unit's state through its
// sites, which rel does not name yet: one finding per site, but every
// handler that reaches it is told.
func writers(wit *witness.Picker, w *state.Write, rel []analysis.RelatedInformation, display string) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	named := map[string]bool{wit.Handler(w.At.Entry): true}
	for _, e := range w.Writers() {
		h := wit.Handler(e)
		if named[h] || slices.ContainsFunc(rel, func(r analysis.RelatedInformation) bool { return strings.HasSuffix(r.Message, " by "+h) }) {
			continue
		}
		named[h] = true
		if len(out) == maxWriters {
			break
		}
		out = append(out, analysis.RelatedInformation{Pos: e.Fn.Pos(), Message: fmt.Sprintf("%s also writes %s through these sites", h, display)})
	}
	return out
}

// readBy names the handlers that read state a unit writes.
func readBy(wit *witness.Picker, readers []witness.Occurrence, display string) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for _, r := range readers {
		out = append(out, analysis.RelatedInformation{Pos: r.Pos,
			Message: fmt.Sprintf("%s reads %s here (%s): the next request may reach another replica", wit.Handler(r.Entry), display, r.Effect.What)})
	}
	return out
}

// alsoBy names the further sites of a write unit, with their handler
// when it is not the one the unit reports.
func alsoBy(wit *witness.Picker, at witness.Occurrence, sites [][]witness.Occurrence, display string) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for _, occs := range sites {
		o := wit.Best(occs)
		msg := fmt.Sprintf("also %s of %s", o.Effect.What, display)
		if h := wit.Handler(o.Entry); h != wit.Handler(at.Entry) {
			msg += " by " + h
		}
		out = append(out, analysis.RelatedInformation{Pos: o.Pos, Message: msg})
	}
	return out
}

// AlsoAt names the further sites of a grouped finding.
func AlsoAt(wit *witness.Picker, sites [][]witness.Occurrence, display string) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for _, occs := range sites {
		o := wit.Best(occs)
		out = append(out, analysis.RelatedInformation{Pos: o.Pos, Message: fmt.Sprintf("also %s of %s", o.Effect.What, display)})
	}
	return out
}

// AndList renders names as "a, b and c", naming at most limit of them.
func AndList(names []string, limit int) string {
	if len(names) > limit {
		names = append(names[:limit:limit], fmt.Sprintf("%d more", len(names)-limit))
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// Wired returns the findings of the wiring pass whose kinds check owns:
// implementations kept in memory or on local disk, chosen where the
// program is wired.
func Wired(res *wiring.Result, check string) []*wiring.Finding {
	var out []*wiring.Finding
	for _, f := range res.Findings {
		if Kind(f.Kind).Check == check {
			out = append(out, f)
		}
	}
	return out
}

// WiredName is how a wired finding names its state: the state the
// implementation keeps, the construction, and the choice that selects it:
// "MemoryLocker.locks of memorylocker.New(), chosen by case "memory",".
func WiredName(f *wiring.Finding) string {
	name := f.Name
	if f.State != "" {
		name = f.State + " of " + f.Name
		if len(f.Others) > 0 {
			name = f.State + " (with " + AndList(f.Others, 3) + ") of " + f.Name
		}
	}
	if f.Choice != "" {
		name += ", chosen by case " + f.Choice + ","
	}
	return name
}

// WiredChain is the related information of a wired finding: the call
// through the slot, then the implementation's write, at the construction.
func WiredChain(f *wiring.Finding) []analysis.RelatedInformation {
	out := make([]analysis.RelatedInformation, 0, len(f.Chain))
	for _, c := range f.Chain {
		out = append(out, analysis.RelatedInformation{Pos: f.Pos, Message: c})
	}
	return out
}

// ReportWired reports the wired findings of the kinds check owns, with
// the message message composes, and records them; a directive on the
// construction's line silences one.
func (o *Outcome) ReportWired(pass *analysis.Pass, res *wiring.Result, dirs *directives.Result, check string, message func(*wiring.Finding, knowledge.Kind) string) {
	for _, f := range Wired(res, check) {
		k := Kind(f.Kind)
		rec := Record{
			State: PosKey(pass, "store", f.Pos), Name: WiredName(f), Pos: f.Pos, Access: Serves,
			Via: f.Handler + " through " + f.Through, Route: handlerRoute(f.Handler),
			Message: message(f, k), Related: WiredChain(f), Accepted: o.Silenced(dirs.Silencing(check, f.Pos, 0, "")),
		}
		o.Report(pass, k, rec)
		// the further handlers are the inventory's, not further lines
		for _, r := range f.Folded {
			rec.Via, rec.Route, rec.Related = r.Handler+" through "+r.Through, handlerRoute(r.Handler), nil
			o.Records = append(o.Records, rec)
		}
	}
}

// WiredVia names what reaches a wired finding: its handler and the
// method it calls, and how many further handlers reach it too.
func WiredVia(f *wiring.Finding) string {
	via := f.Handler + " through " + f.Through
	seen := map[string]bool{f.Handler: true}
	for _, r := range f.Folded {
		seen[r.Handler] = true
	}
	switch n := len(seen) - 1; n {
	case 0:
	case 1:
		via += " (and 1 other handler)"
	default:
		via += fmt.Sprintf(" (and %d other handlers)", n)
	}
	return via
}

// handlerRoute is the route of a handler as handlers.Entry.Name names it
// (`handler for "PATCH /files/{id}"`), or "".
func handlerRoute(name string) string {
	if r, ok := strings.CutPrefix(name, `handler for "`); ok {
		return strings.TrimSuffix(r, `"`)
	}
	return ""
}
