// Package ssabuild builds SSA for the packages in which statelint can find
// anything. It is buildssa without the cost where nothing can matter: the
// standard library and third-party modules (frameworks, caches, clients)
// are described by statelint's knowledge tables instead of being analysed,
// so their packages get no SSA at all. Under go vet a fact-carrying
// analyzer runs on every dependency, so this is most packages.
package ssabuild

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"github.com/statelint/statelint/internal/scope"
	"github.com/statelint/statelint/passes/internal/guard"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Analyzer builds SSA for non-standard-library packages.
var Analyzer = &analysis.Analyzer{
	Name:       "statelintssa",
	Doc:        "build SSA for packages outside the standard library",
	Run:        guard.Helper(run),
	ResultType: reflect.TypeFor[*SSA](),
}

// SSA is the result: Pkg is nil for standard-library packages.
type SSA struct {
	Pkg      *ssa.Package
	SrcFuncs []*ssa.Function // declared functions and their literals, in source order
}

func run(pass *analysis.Pass) (any, error) {
	if scope.IsStd(pass.Pkg.Path()) || scope.IsDependency(pass.Module) {
		return &SSA{}, nil
	}
	prog := ssa.NewProgram(pass.Fset, ssa.BuilderMode(0))
	for _, p := range pass.Pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	// Tests are not request paths (handlers.inTest): build SSA for the
	// package's own files only. Code outside _test.go files cannot refer
	// to what they declare, so nothing is missing.
	files := productionFiles(pass)
	if len(files) == 0 {
		return &SSA{}, nil // an external test package
	}
	pkg := prog.CreatePackage(pass.Pkg, files, productionInfo(pass), false)
	pkg.Build()

	var funcs []*ssa.Function
	var add func(f *ssa.Function)
	add = func(f *ssa.Function) {
		funcs = append(funcs, f)
		for _, anon := range f.AnonFuncs {
			add(anon)
		}
	}
	for _, file := range files {
		for _, decl := range file.Decls {
			if decl, ok := decl.(*ast.FuncDecl); ok {
				obj := pass.TypesInfo.Defs[decl.Name].(*types.Func)
				if f := prog.FuncValue(obj); f != nil {
					add(f)
				}
			}
		}
	}
	// Package initializers hold the literals of package-level var decls.
	if init := pkg.Func("init"); init != nil {
		add(init)
	}
	return &SSA{Pkg: pkg, SrcFuncs: funcs}, nil
}

// productionInfo is the type information with the package initialisers
// of _test.go files left out, as SSA builds the package's init from it.
func productionInfo(pass *analysis.Pass) *types.Info {
	info := *pass.TypesInfo
	info.InitOrder = nil
	for _, init := range pass.TypesInfo.InitOrder {
		if len(init.Lhs) > 0 && !isTestFile(pass, init.Lhs[0].Pos()) {
			info.InitOrder = append(info.InitOrder, init)
		}
	}
	return &info
}

func isTestFile(pass *analysis.Pass, pos token.Pos) bool {
	return strings.HasSuffix(pass.Fset.Position(pos).Filename, "_test.go")
}

// productionFiles returns the package's files that are not _test.go files.
func productionFiles(pass *analysis.Pass) []*ast.File {
	var out []*ast.File
	for _, f := range pass.Files {
		if !isTestFile(pass, f.FileStart) {
			out = append(out, f)
		}
	}
	return out
}

// ProductionImports are the paths the package's files other than its
// _test.go files import. A test variant of a package also imports what
// its tests do (a package of mocks); the program's wiring is only what
// the production files import.
func ProductionImports(pass *analysis.Pass) map[string]bool {
	out := map[string]bool{}
	for _, f := range productionFiles(pass) {
		for _, spec := range f.Imports {
			if p, err := strconv.Unquote(spec.Path.Value); err == nil {
				out[p] = true
			}
		}
	}
	return out
}
