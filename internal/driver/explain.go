package driver

import (
	"fmt"
	"io"
	"strings"

	"github.com/statelint/statelint/internal/driver/checks"
	"github.com/statelint/statelint/internal/knowledge"
	"golang.org/x/tools/go/analysis"
)

// explain writes the documentation of a check (memstore), of one of its
// kinds (memstore/session), or of a kind named alone (session): what it
// finds, why that breaks scaling, a wrong and a right example, and how to
// suppress it, as staticcheck -explain does.
func explain(w io.Writer, analyzers []*analysis.Analyzer, name string) error {
	check, kind, _ := strings.Cut(name, "/")
	if k, ok := knowledge.KindByName(knowledge.KindName(check)); ok && kind == "" && !hasCheck(analyzers, check) {
		check, kind = k.Check, string(k.Name)
	}
	var a *analysis.Analyzer
	for _, c := range analyzers {
		if c.Name == check {
			a = c
		}
	}
	if a == nil {
		return fmt.Errorf("-explain: unknown check %q (known: %s)", check, strings.Join(checks.Names(analyzers), ", "))
	}
	kinds := kindsOf(check)
	if kind != "" {
		k, ok := knowledge.KindByName(knowledge.KindName(kind))
		if !ok || k.Check != check {
			return fmt.Errorf("-explain: %s has no kind %q (its kinds: %s)", check, kind, strings.Join(kindNames(kinds), ", "))
		}
		kinds = []knowledge.Kind{k}
		fmt.Fprintf(w, "%s/%s: %s\n\n", check, k.Name, k.Title)
		writeKind(w, k)
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%s\n", a.Doc)
	if kind == "" && len(kinds) > 0 {
		fmt.Fprintf(w, "\nKinds (the category in [%s/KIND]):\n", check)
		for _, k := range kinds {
			fmt.Fprintf(w, "\n%s: %s\n", k.Name, k.Title)
			writeKind(w, k)
		}
	}
	if a.URL != "" {
		fmt.Fprintf(w, "\nOnline: %s\n", a.URL)
	}
	return nil
}

func writeKind(w io.Writer, k knowledge.Kind) {
	fmt.Fprintf(w, "\tWhat breaks: %s.\n\tInstead: %s.\n\t%s\n", k.Breaks, k.Advice, k.URL())
}

func hasCheck(analyzers []*analysis.Analyzer, name string) bool {
	for _, a := range analyzers {
		if a.Name == name {
			return true
		}
	}
	return false
}

func kindsOf(check string) []knowledge.Kind {
	var ks []knowledge.Kind
	for _, k := range knowledge.Kinds {
		if k.Check == check {
			ks = append(ks, k)
		}
	}
	return ks
}

func kindNames(ks []knowledge.Kind) []string {
	var ns []string
	for _, k := range ks {
		ns = append(ns, string(k.Name))
	}
	return ns
}
