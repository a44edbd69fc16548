// Package guard keeps a panic inside one of statelint's passes on one
// package from crashing the whole run (model: nilaway's WrapRun). A check
// that panics reports an internal-error diagnostic naming the package and
// where the panic happened, and returns an empty result; a helper pass
// returns an error instead, since only the checks' diagnostics are shown:
// the checks that need it are then skipped on that package with that
// error, and every other package is analysed as usual.
package guard

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A RunFunc is an analyzer's Run.
type RunFunc = func(*analysis.Pass) (any, error)

// Check wraps the Run of a user-facing check.
func Check(run RunFunc) RunFunc {
	return func(pass *analysis.Pass) (res any, err error) {
		defer func() {
			if r := recover(); r != nil {
				msg := describe(pass, r)
				if len(pass.Files) > 0 {
					pass.Report(analysis.Diagnostic{Pos: pass.Files[0].Package, Category: "internal", Message: msg})
				}
				res, err = zero(pass.Analyzer.ResultType), nil
			}
		}()
		return run(pass)
	}
}

// Helper wraps the Run of a helper pass.
func Helper(run RunFunc) RunFunc {
	return func(pass *analysis.Pass) (res any, err error) {
		defer func() {
			if r := recover(); r != nil {
				res, err = nil, fmt.Errorf("%s", describe(pass, r))
			}
		}()
		return run(pass)
	}
}

// describe says what panicked, on which package, and where: the
// innermost frame of statelint's own code.
func describe(pass *analysis.Pass, r any) string {
	where := ""
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)])
	for {
		f, more := frames.Next()
		if strings.Contains(f.Function, "github.com/statelint/statelint/") && !strings.Contains(f.Function, "/guard.") {
			where = fmt.Sprintf(" at %s (%s:%d)", f.Function[strings.LastIndex(f.Function, "/")+1:], f.File, f.Line)
			break
		}
		if !more {
			break
		}
	}
	return fmt.Sprintf("internal error in statelint's %s pass on package %s: %v%s; please report it with this line",
		pass.Analyzer.Name, pass.Pkg.Path(), r, where)
}

// zero is an empty result of type t, so that passes that read it see
// nothing rather than a nil they would have to check.
func zero(t reflect.Type) any {
	switch {
	case t == nil:
		return nil
	case t.Kind() == reflect.Pointer:
		return reflect.New(t.Elem()).Interface()
	case t.Kind() == reflect.Map:
		return reflect.MakeMap(t).Interface()
	}
	return reflect.Zero(t).Interface()
}
