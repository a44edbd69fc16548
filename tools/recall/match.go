package main

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// A finding is one diagnostic of statelint, positioned relative to the
// root of its module.
type finding struct {
	Module   string
	Check    string // the analyzer
	Category string // the kind
	File     string
	Line     int
	Message  string
	// Chain are the sites the related information names in its text
	// ("os.OpenFile by filestore.FileStore at filestore/filestore.go:324:26"):
	// a finding at a construction site names there the write it reports,
	// in another package, by a path that may be cut to its last elements.
	Chain []site
	// Writers are the other handlers the related information says write
	// the same state through the finding's sites, as handlerWords gives
	// them: one finding per site tells every handler that reaches it.
	Writers [][]string
}

// chainPosn finds the positions a related message names.
var chainPosn = regexp.MustCompile(` at ([\w.@/-]+\.go):(\d+):\d+`)

// chainSites are the sites a related message names.
func chainSites(msg string) []site {
	var out []site
	for _, m := range chainPosn.FindAllStringSubmatch(msg, -1) {
		line, _ := strconv.Atoi(m[2])
		out = append(out, site{File: m[1], Line: line})
	}
	return out
}

// sameFile reports whether a chain's file, perhaps cut to its last
// elements, is the label's file.
func sameFile(label, chain string) bool {
	return label == chain || strings.HasSuffix(label, "/"+chain)
}

// window is how far, in lines, a finding may be from a label's site and
// still be that site: a write spread over a statement, or a finding
// placed on the call of a helper that writes, lands a line or two away.
const window = 2

// A match ties a finding to the label it reports, or to none.
type match struct {
	Finding finding
	Label   *label // nil: no label explains the finding
	// BySymbol: no site of any label is near the finding, but its message
	// names the label's state. State of another package of the module is
	// reported at the call in each handler that reaches it, and a label
	// cannot list every handler's call.
	BySymbol bool
}

// candidate is how well one label explains a finding: labels whose Match
// the message contains come first, then the nearest site, then the
// label's own file and lines before the other hops of its chain.
type candidate struct {
	label    *label
	symbol   bool
	distance int
	hop      bool
}

func (c candidate) better(d candidate) bool {
	if c.symbol != d.symbol {
		return c.symbol
	}
	if c.distance != d.distance {
		return c.distance < d.distance
	}
	return !c.hop && d.hop
}

// assess reports whether l can explain f, and how well.
func assess(l *label, f finding) (candidate, bool) {
	if l.Match != "" && !strings.Contains(f.Message, l.Match) {
		return candidate{}, false
	}
	best, ok := candidate{label: l, symbol: l.Match != ""}, false
	hopOK := hopFits(l, f)
	// The label's own sites, as the finding's chain names them: the
	// write a finding at the composition root reports. Weaker than a
	// site of the finding's own, so counted as a hop.
	if hopOK {
		for i, s := range l.sites() {
			if i > len(l.Lines) {
				break
			}
			for _, c := range f.Chain {
				d := s.Line - c.Line
				if d < 0 {
					d = -d
				}
				if !sameFile(s.File, c.File) || d > window {
					continue
				}
				if cand := (candidate{label: l, symbol: best.symbol, distance: d, hop: true}); !ok || cand.better(best) {
					best, ok = cand, true
				}
			}
		}
	}
	for i, s := range l.sites() {
		if s.File != f.File || (i > len(l.Lines) && !hopOK) {
			continue
		}
		d := s.Line - f.Line
		if d < 0 {
			d = -d
		}
		if d > window {
			continue
		}
		c := candidate{label: l, symbol: best.symbol, distance: d, hop: i > len(l.Lines)}
		if !ok || c.better(best) {
			best, ok = c, true
		}
	}
	return best, ok
}

// matchFindings pairs each finding of a module with the label that best
// explains it. Findings of other modules are not matched.
func matchFindings(set *labelSet, fs []finding) []match {
	out := make([]match, 0, len(fs))
	for _, f := range fs {
		m := match{Finding: f}
		if f.Module == set.Module {
			var best candidate
			found := false
			for i := range set.Labels {
				c, ok := assess(&set.Labels[i], f)
				if ok && (!found || c.better(best)) {
					best, found = c, true
				}
			}
			if found {
				m.Label = sibling(set, best.label, f)
			} else if l := bySymbol(set, f); l != nil {
				m.Label, m.BySymbol = sibling(set, l, f), true
			}
		}
		out = append(out, m)
	}
	return out
}

// stateNames are the dotted names in a label's symbol ("Hub.clients",
// "envelopeCache.entries"), cut to their last two parts: the finding names
// the state by the path it is reached through ("storage.envelopeCache.entries").
func stateNames(symbol string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(symbol, func(r rune) bool {
		return r != '.' && r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		parts := strings.Split(strings.Trim(w, "."), ".")
		if len(parts) < 2 {
			continue
		}
		out = append(out, strings.Join(parts[len(parts)-2:], "."))
	}
	return out
}

// names reports whether msg names state n as the end of a path:
// "x.envelopeCache.entries is" names "envelopeCache.entries", but
// "envelopeCache.entriesCount" and "envelopeCache.entries.mu" do not.
func names(msg, n string) bool {
	for i := 0; ; {
		j := strings.Index(msg[i:], n)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(n)
		before := j == 0 || msg[j-1] == '.' || msg[j-1] == ' ' || msg[j-1] == '*'
		after := end == len(msg) || (!isIdent(rune(msg[end])) && msg[end] != '.')
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isIdent(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// bySymbol finds the first label of the set whose state the message
// names, preferring labels that expect a finding.
func bySymbol(set *labelSet, f finding) *label {
	var none *label
	for i := range set.Labels {
		l := &set.Labels[i]
		for _, n := range stateNames(l.Symbol) {
			if !names(f.Message, n) {
				continue
			}
			if l.finding() {
				return l
			}
			if none == nil {
				none = l
			}
		}
	}
	return none
}

// handlerWords are the names of the entry point a message says writes or
// reads the state: `by handler (*captchaHandler).ServeHTTP:` gives
// captchaHandler and ServeHTTP; `by handler for "/process":` gives /process.
func handlerWords(msg string) []string {
	i := strings.Index(msg, "handler ")
	if i < 0 {
		return nil
	}
	rest := msg[i+len("handler "):]
	for _, stop := range []string{":", " reads ", " keeps ", " also writes ", " through "} {
		if j := strings.Index(rest, stop); j >= 0 {
			rest = rest[:j]
		}
	}
	if m := rpcRoute.FindStringSubmatch(rest); m != nil {
		return []string{m[1]} // the method: the service and its package are every method's
	}
	var out []string
	for _, w := range strings.FieldsFunc(rest, func(r rune) bool {
		return r != '/' && r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len(w) >= 4 && !strings.HasPrefix(w, "func") && w != "main" && w != "reads" {
			out = append(out, w)
		}
	}
	return out
}

// rpcRoute is a gRPC method as a route: "/pkg.v1.Service/Method".
var rpcRoute = regexp.MustCompile(`^for "/[\w.]+/(\w+)"`)

func mentions(entry string, words []string) bool {
	for _, w := range words {
		if strings.Contains(entry, w) {
			return true
		}
	}
	return false
}

// sibling returns, instead of l, the label of the same state whose entry
// best names the handler the message names (the most of its words, by
// length), when that is another: a state written by several handlers is
// one label per handler, sharing the write.
func sibling(set *labelSet, l *label, f finding) *label {
	words := handlerWords(f.Message)
	if len(words) == 0 {
		return l
	}
	best, score := l, mentioned(l.Entry, words)
	own := stateNames(l.Symbol)
	for i := range set.Labels {
		o := &set.Labels[i]
		if o == l || o.Expect != l.Expect {
			continue
		}
		if n := mentioned(o.Entry, words); n > score && sameState(o, own) {
			best, score = o, n
		}
	}
	return best
}

// sameState reports whether label o is about a state named in own (the
// stateNames of another label).
func sameState(o *label, own []string) bool {
	return slices.ContainsFunc(stateNames(o.Symbol), func(n string) bool { return mentions(n, own) })
}

// mentioned is how much of words entry names: the length of those it
// contains.
func mentioned(entry string, words []string) int {
	n := 0
	for _, w := range words {
		if strings.Contains(entry, w) {
			n += len(w)
		}
	}
	return n
}

// alsoFound are the other labels of a matched finding's state whose
// entry names a handler the finding says also writes it.
func alsoFound(set *labelSet, m match) []*label {
	if m.Label == nil || !m.Label.finding() {
		return nil
	}
	own := stateNames(m.Label.Symbol)
	var out []*label
	for i := range set.Labels {
		o := &set.Labels[i]
		if o == m.Label || !o.finding() || !sameState(o, own) {
			continue
		}
		if slices.ContainsFunc(m.Finding.Writers, func(words []string) bool { return mentions(o.Entry, words) }) {
			out = append(out, o)
		}
	}
	return out
}

// hopFits reports whether a finding on a call of l's chain (an "also"
// site) can be about l's state: a call reaches many states, so the
// finding must at least be of l's check. It need not name l's state: a
// hub whose registry a goroutine writes is reported at the handler's send
// on the channel that feeds the goroutine, under the channel's name.
func hopFits(l *label, f finding) bool { return f.Check == l.Check }
