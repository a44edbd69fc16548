package driver

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"

	"github.com/statelint/statelint/internal/scope"
)

// A unit is the part of go vet's configuration of one package (the JSON
// of unitchecker.Config) that typesOnly reads.
type unit struct {
	ImportPath    string
	ModulePath    string
	ModuleVersion string
	GoVersion     string
	GoFiles       []string
	ImportMap     map[string]string // import path in source -> package path
	PackageVetx   map[string]string // package path -> its vet output
	VetxOnly      bool
	VetxOutput    string
}

// readUnit reads go vet's configuration of a unit.
func readUnit(cfgFile string) (*unit, bool) {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return nil, false
	}
	u := new(unit)
	return u, json.Unmarshal(data, u) == nil
}

// factAnalyzers are the analyzers, among those given and those they
// require, that export facts: all that a unit run only for its facts
// needs (unitchecker runs what they require).
func factAnalyzers(roots []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		if len(a.FactTypes) > 0 {
			out = append(out, a)
		}
	}
	for _, a := range roots {
		visit(a)
	}
	return out
}

// vetxMagic starts a vet output file: then the lengths of its types and
// facts sections, little-endian uint32s, and the sections. It is
// unitchecker's format (x/tools v0.52), which reads the types of a unit's
// imports from their vet output.
const vetxMagic = "vetx"

// typesOnly runs a unit that go vet asks for only so that its importers
// can be vetted (VetxOnly), when statelint does nothing in it: a package
// of the standard library or of a versioned dependency, which get no SSA
// and export no facts (internal/scope). The importers need its types and
// nothing else, so it type-checks the declarations only, skipping every
// function body, and writes the types with no facts. On a module like
// Gitea these are most of the units go vet runs.
//
// It reports false, having written nothing, for any other unit, for a
// package whose files carry a statelint directive (the directives pass
// exports those), and on any error, leaving the unit to unitchecker.
func typesOnly(u *unit) bool {
	if !u.VetxOnly || u.VetxOutput == "" || len(u.GoFiles) == 0 {
		return false
	}
	// The test of passes/internal/ssabuild, on the module unitchecker
	// would give the pass.
	if !scope.IsStd(u.ImportPath) && !scope.IsDependency(&analysis.Module{Path: u.ModulePath, Version: u.ModuleVersion}) {
		return false
	}
	out, err := u.exportTypes(false)
	if err != nil {
		return false
	}
	return os.WriteFile(u.VetxOutput, out, 0o666) == nil
}

// exportTypes type-checks the unit's declarations, and with bodies its
// function bodies too, and returns its vet output: the types, and an
// empty facts section. The bodies change nothing in the types.
func (u *unit) exportTypes(bodies bool) ([]byte, error) {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range u.GoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if bytes.Contains(src, []byte("statelint:")) {
			return nil, fmt.Errorf("%s may hold a directive", name)
		}
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	imports := map[string]*types.Package{}
	tc := &types.Config{
		Importer:         importerFunc(func(path string) (*types.Package, error) { return u.importTypes(fset, imports, path) }),
		Sizes:            types.SizesFor("gc", build.Default.GOARCH),
		GoVersion:        u.GoVersion,
		IgnoreFuncBodies: !bodies,
	}
	pkg, err := tc.Check(u.ImportPath, fset, files, nil)
	if err != nil {
		return nil, err
	}
	var typ bytes.Buffer
	if err := gcexportdata.Write(&typ, fset, pkg); err != nil {
		return nil, err
	}
	body := typ.Bytes()[1:] // the section holds the indexed format without Write's leading 'i'
	out := make([]byte, 12, 12+len(body))
	copy(out, vetxMagic)
	binary.LittleEndian.PutUint32(out[4:8], uint32(len(body)))
	binary.LittleEndian.PutUint32(out[8:12], 0)
	return append(out, body...), nil
}

// importTypes reads the types of an import from its vet output.
func (u *unit) importTypes(fset *token.FileSet, imports map[string]*types.Package, importPath string) (*types.Package, error) {
	path, ok := u.ImportMap[importPath]
	if !ok {
		return nil, fmt.Errorf("can't resolve import %q", importPath)
	}
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if pkg, ok := imports[path]; ok && pkg.Complete() {
		return pkg, nil
	}
	file, ok := u.PackageVetx[path]
	if !ok {
		return nil, fmt.Errorf("no vet output for %q", path)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	if len(data) < 12 || string(data[:4]) != vetxMagic {
		return nil, fmt.Errorf("%s is no vet output", file)
	}
	n := uint64(binary.LittleEndian.Uint32(data[4:8]))
	if 12+n > uint64(len(data)) {
		return nil, fmt.Errorf("%s is truncated", file)
	}
	return gcexportdata.Read(io.MultiReader(strings.NewReader("i"), bytes.NewReader(data[12:12+n])), fset, imports, path)
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
