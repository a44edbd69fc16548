package guard_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"testing"

	"github.com/statelint/statelint/passes/internal/guard"
	"golang.org/x/tools/go/analysis"
)

type result struct{ n int }

func pass(a *analysis.Analyzer, report func(analysis.Diagnostic)) *analysis.Pass {
	return &analysis.Pass{Analyzer: a, Pkg: types.NewPackage("example.com/p", "p"), Fset: token.NewFileSet(), Report: report}
}

func TestHelperPanicIsAnError(t *testing.T) {
	a := &analysis.Analyzer{Name: "h", ResultType: reflect.TypeFor[*result]()}
	run := guard.Helper(func(*analysis.Pass) (any, error) { panic("boom") })
	res, err := run(pass(a, nil))
	if res != nil || err == nil {
		t.Fatalf("got %v, %v; want nil and an error", res, err)
	}
	for _, want := range []string{"statelint's h pass", "package example.com/p", "boom", "guard_test.TestHelperPanicIsAnError"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
}

func TestCheckPanicIsADiagnostic(t *testing.T) {
	a := &analysis.Analyzer{Name: "c", ResultType: reflect.TypeFor[map[string]bool]()}
	//lint:ignore SA5000 the assignment to a nil map is the runtime panic under test
	run := guard.Check(func(*analysis.Pass) (any, error) { var m map[int]int; m[0] = 1; return nil, nil })
	var got []analysis.Diagnostic
	p := pass(a, func(d analysis.Diagnostic) { got = append(got, d) })
	res, err := run(p)
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := res.(map[string]bool); !ok || m == nil {
		t.Errorf("result %#v, want an empty map", res)
	}
	// No files: nowhere to report, but no crash either.
	if len(got) != 0 {
		t.Errorf("diagnostics without files: %v", got)
	}
	f, err := parser.ParseFile(p.Fset, "p.go", "package p\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	p.Files = []*ast.File{f}
	if _, err := run(p); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Pos != f.Package || !strings.Contains(got[0].Message, "internal error in statelint's c pass on package example.com/p: assignment to entry in nil map") {
		t.Errorf("diagnostics: %v", got)
	}
}

func TestNoPanicPassesThrough(t *testing.T) {
	a := &analysis.Analyzer{Name: "h", ResultType: reflect.TypeFor[*result]()}
	want := &result{n: 1}
	res, err := guard.Helper(func(*analysis.Pass) (any, error) { return want, nil })(pass(a, nil))
	if res != want || err != nil {
		t.Fatalf("got %v, %v", res, err)
	}
}
