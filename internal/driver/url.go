package driver

import (
	"net/url"

	"github.com/statelint/statelint/internal/knowledge"
	"golang.org/x/tools/go/analysis"
)

// docURL is the page that explains a diagnostic. The checker has already
// resolved Diagnostic.URL against Analyzer.URL; when that gives no absolute
// URL (a placeholder analyzer has none), the kind's section in the docs is
// the best page there is.
func docURL(a *analysis.Analyzer, d analysis.Diagnostic) string {
	if u, err := url.Parse(d.URL); err == nil && u.IsAbs() {
		return d.URL
	}
	if k, ok := knowledge.KindByName(knowledge.KindName(d.Category)); ok && k.Check == a.Name {
		return k.URL()
	}
	return a.URL
}
