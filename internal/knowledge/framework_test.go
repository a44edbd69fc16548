package knowledge

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestFrameworkPathsInOneFile checks that the import paths a framework's
// file names appear in no other file of this package: adding or changing
// a framework means editing its file alone.
func TestFrameworkPathsInOneFile(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	paths := map[string]map[string]bool{} // file -> package paths its literals name
	var frameworkFiles []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		paths[name] = map[string]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if s, err := strconv.Unquote(n.Value); err == nil && n.Kind == token.STRING {
					if p := packagePath(s); p != "" {
						paths[name][p] = true
					}
				}
			case *ast.CompositeLit:
				if isTarget(n.Type) {
					return false // module paths of clients, for go.mod, not a framework's packages
				}
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "Framework" && !slices.Contains(frameworkFiles, name) {
					frameworkFiles = append(frameworkFiles, name)
				}
			}
			return true
		})
	}
	if len(frameworkFiles) < len(Frameworks)/2 {
		t.Fatalf("found Framework values in only %v", frameworkFiles)
	}
	for _, fw := range frameworkFiles {
		for p := range paths[fw] {
			for other, ps := range paths {
				if other != fw && ps[p] {
					t.Errorf("%s names %s, which belongs to %s", other, p, fw)
				}
			}
		}
	}
}

// packagePath returns the package path of a table entry: the part before
// the name of "github.com/gin-gonic/gin.Context.Cookie" or
// "*net/http.Request", when the entry names one.
func packagePath(s string) string {
	s = strings.TrimLeft(s, "*[]")
	slash := strings.LastIndex(s, "/")
	if slash < 0 || strings.ContainsAny(s, " {}%") {
		return ""
	}
	if dot := strings.Index(s[slash:], "."); dot > 0 {
		return s[:slash+dot]
	}
	return s
}

// TestNoDuplicateRows checks that no modelled call is listed twice, since
// lookups by name take the first row.
func TestNoDuplicateRows(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range append(collect(func(f *Framework) []CallEffect { return f.Calls }), CallEffects...) {
		if seen[c.Func] {
			t.Errorf("%s is modelled twice", c.Func)
		}
		seen[c.Func] = true
	}
}

// TestLookups checks each index against a scan of its table.
func TestLookups(t *testing.T) {
	for _, ss := range SessionStores {
		if !slices.ContainsFunc(SessionStoresFor(ss.Func), func(r SessionStore) bool { return r.Func == ss.Func && r.Kind == ss.Kind }) {
			t.Errorf("SessionStoresFor(%q) misses its row", ss.Func)
		}
	}
	for _, rc := range RouteCalls {
		owner := rc.Pkg
		if rc.Recv != "" {
			owner = strings.TrimPrefix(rc.Recv, "*")
		}
		for _, n := range rc.Names {
			if len(RouteCallsFor(owner+"."+n)) == 0 {
				t.Errorf("RouteCallsFor(%q) is empty", owner+"."+n)
			}
		}
	}
	for _, gc := range GroupCalls {
		for _, n := range gc.Names {
			if len(GroupCallsFor(strings.TrimPrefix(gc.Recv, "*")+"."+n)) == 0 {
				t.Errorf("GroupCallsFor(%q) is empty", gc.Recv+"."+n)
			}
		}
	}
	for _, ks := range KeySources {
		if h, ok := KeySourceHint(ks.Func); !ok || h != ks.Hint {
			t.Errorf("KeySourceHint(%q) = %q, %v", ks.Func, h, ok)
		}
	}
	for _, c := range CallEffects {
		if got, ok := CallEffectFor(c.Func); !ok || got != c {
			t.Errorf("CallEffectFor(%q) = %v, %v", c.Func, got, ok)
		}
	}
	for _, name := range SafeTypes {
		if !IsSafeType(name) {
			t.Errorf("IsSafeType(%q) is false", name)
		}
	}
	if !IsRouterType("github.com/gofiber/fiber/v3.App") || !IsRouterType("github.com/go-chi/chi/v5.Router") {
		t.Error("IsRouterType misses a receiver of RouteCalls or GroupCalls")
	}
	if IsRouterType("") {
		t.Error(`IsRouterType("") is true: a package-level route function made every unnamed type a router`)
	}
	if IsSafeType("example.com/x.T") || len(SessionStoresFor("example.com/x.New")) > 0 {
		t.Error("lookups find what no table lists")
	}
}

// isTarget reports whether t is Target or []Target.
func isTarget(t ast.Expr) bool {
	if a, ok := t.(*ast.ArrayType); ok {
		t = a.Elt
	}
	id, ok := t.(*ast.Ident)
	return ok && id.Name == "Target"
}
