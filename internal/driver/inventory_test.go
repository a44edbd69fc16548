package driver_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/xeipuuv/gojsonschema"
)

var update = flag.Bool("update", false, "rewrite the inventory golden files")

// inventories holds the reports inventoryOf made, by module and flags:
// the real passes take seconds on the shop.
var inventories sync.Map

// inventoryOf returns the real statelint's -inventory of a testdata module.
func inventoryOf(t *testing.T, module string, args ...string) string {
	t.Helper()
	key := module + " " + strings.Join(args, " ")
	if s, ok := inventories.Load(key); ok {
		return s.(string)
	}
	s := runInventory(t, module, args...)
	inventories.Store(key, s)
	return s
}

// runInventory runs the real statelint's -inventory on a testdata module.
func runInventory(t *testing.T, module string, args ...string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("../../testdata", module))
	if err != nil {
		t.Fatal(err)
	}
	res := realTool.run(t, dir, append([]string{"-inventory"}, append(args, "./...")...)...)
	if res.code != 0 {
		t.Fatalf("statelint -inventory %v on %s: exit %d, stderr:\n%s", args, module, res.code, res.stderr)
	}
	return res.stdout
}

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	file := filepath.Join("testdata", "inventory", name)
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test ./internal/driver -run Inventory -update rewrites it); got:\n%s", name, got)
	}
}

// TestInventoryGolden checks the report on the example shop and on its
// clean twin, which must list no state and call every route stateless,
// and that two runs are byte-identical.
func TestInventoryGolden(t *testing.T) {
	shop := inventoryOf(t, "shop")
	golden(t, "shop.md", shop)
	if again := runInventory(t, "shop"); again != shop {
		t.Errorf("two runs differ:\n%s\n---\n%s", shop, again)
	}
	golden(t, "shop.json", inventoryOf(t, "shop", "-format=json"))
	// docs/inventory.md shows the same report, one heading level down.
	doc, err := os.ReadFile("../../docs/inventory.md")
	if err != nil {
		t.Fatal(err)
	}
	demoted := strings.ReplaceAll("\n"+shop, "\n#", "\n##")[1:]
	if !strings.Contains(string(doc), demoted) {
		t.Error("docs/inventory.md does not show the shop's current inventory; paste it again (headings one level down)")
	}
	twin := inventoryOf(t, "shop-redis")
	golden(t, "shop-redis.md", twin)
	if !strings.Contains(twin, "**0 pieces of per-instance state; 6 of 6 routes stateless.**") ||
		strings.Contains(twin, "### S") || strings.Contains(twin, "pinned") {
		t.Errorf("the Redis shop's inventory lists state:\n%s", twin)
	}
}

type invJSON struct {
	Counts struct{ States, Accepted, Routes, Stateless int }
	Routes []struct {
		Route, Handler string
		Writes, Reads  []string
		Stateless      bool
	}
	States, Accepted []struct {
		ID, Name, Kind string
		Findings       []struct {
			Check, Kind, Message, Accepted string
			Pos                            struct {
				File         string
				Line, Column int
			}
		}
	}
}

// TestInventoryFindings checks that every finding of the checks appears
// in the inventory under its state, and that no state appears that no
// check reports: the inventory is the findings, grouped.
func TestInventoryFindings(t *testing.T) {
	dir, _ := filepath.Abs("../../testdata/shop")
	res := realTool.run(t, dir, "-format=json", "./...")
	if res.code != 3 {
		t.Fatalf("statelint on the shop: exit %d, stderr:\n%s", res.code, res.stderr)
	}
	// go vet's JSON: package, then check, then its diagnostics.
	var byPkg map[string]map[string][]struct{ Category, Posn, Message string }
	if err := json.Unmarshal([]byte(res.stdout), &byPkg); err != nil {
		t.Fatal(err)
	}
	var inv invJSON
	if err := json.Unmarshal([]byte(inventoryOf(t, "shop", "-format=json")), &inv); err != nil {
		t.Fatal(err)
	}
	type key struct{ check, kind, message, pos string }
	listed := map[key]string{}
	for _, st := range inv.States {
		if len(st.Findings) == 0 {
			t.Errorf("state %s %s has no finding", st.ID, st.Name)
		}
		reported := false
		for _, f := range st.Findings {
			if f.Accepted == "" {
				reported = true
				listed[key{f.Check, f.Kind, f.Message, fmt.Sprintf("%s:%d:%d", f.Pos.File, f.Pos.Line, f.Pos.Column)}] = st.ID
			}
		}
		if !reported {
			t.Errorf("state %s %s is listed as reported but every finding of it is accepted", st.ID, st.Name)
		}
	}
	for _, st := range inv.Accepted {
		for _, f := range st.Findings {
			if f.Accepted == "" {
				t.Errorf("accepted state %s %s has a reported finding: %s", st.ID, st.Name, f.Message)
			}
		}
	}
	if len(inv.Accepted) == 0 {
		t.Error("the shop's accepted counter is not listed as accepted state")
	}
	n := 0
	for _, checks := range byPkg {
		for check, findings := range checks {
			if check == "suppress" {
				continue
			}
			for _, f := range findings {
				n++
				if _, ok := listed[key{check, f.Category, f.Message, f.Posn}]; !ok {
					t.Errorf("finding not in the inventory: %s %s: %s", f.Posn, check, f.Message)
				}
			}
		}
	}
	if n != len(listed) {
		t.Errorf("the inventory lists %d reported findings, the checks report %d", len(listed), n)
	}
	if inv.Counts.States != len(inv.States) || inv.Counts.Routes != len(inv.Routes) {
		t.Errorf("counts %+v disagree with %d states and %d routes", inv.Counts, len(inv.States), len(inv.Routes))
	}
	for _, rt := range inv.Routes {
		if rt.Stateless != (len(rt.Writes) == 0 && len(rt.Reads) == 0) {
			t.Errorf("route %s %s: stateless %v with writes %v and reads %v", rt.Route, rt.Handler, rt.Stateless, rt.Writes, rt.Reads)
		}
	}
}

// TestInventorySchema validates the JSON form against the schema kept in
// docs, on the shop and on its clean twin.
func TestInventorySchema(t *testing.T) {
	schema, err := filepath.Abs("../../docs/inventory.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, module := range []string{"shop", "shop-redis"} {
		res, err := gojsonschema.Validate(gojsonschema.NewReferenceLoader("file://"+schema),
			gojsonschema.NewStringLoader(inventoryOf(t, module, "-format=json")))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Errors() {
			t.Errorf("%s: %s", module, e)
		}
	}
}

// TestInventoryBaseline checks that with a baseline the state a change
// adds is marked, and only that state.
func TestInventoryBaseline(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../testdata/shop")); err != nil {
		t.Fatal(err)
	}
	if res := realTool.run(t, dir, "-write-baseline=base.json", "./..."); res.code != 0 {
		t.Fatalf("-write-baseline: exit %d, stderr:\n%s", res.code, res.stderr)
	}
	appendFile(t, filepath.Join(dir, "api", "server.go"), `
var lastUser string

func (s *Server) remember(w http.ResponseWriter, r *http.Request) { lastUser = r.FormValue("user") }

func (s *Server) more(mux *http.ServeMux) { mux.HandleFunc("POST /remember", s.remember) }
`)
	res := realTool.run(t, dir, "-inventory", "-baseline=base.json", "-format=json", "./...")
	if res.code != 0 {
		t.Fatalf("-inventory -baseline: exit %d, stderr:\n%s", res.code, res.stderr)
	}
	var inv struct {
		Counts struct{ New int }
		States []struct {
			Name string
			New  bool
		}
	}
	if err := json.Unmarshal([]byte(res.stdout), &inv); err != nil {
		t.Fatal(err)
	}
	var added []string
	for _, st := range inv.States {
		if st.New {
			added = append(added, st.Name)
		}
	}
	if inv.Counts.New != 1 || len(added) != 1 || added[0] != "lastUser" {
		t.Errorf("state marked as added: %v (count %d); want only lastUser", added, inv.Counts.New)
	}
}

// TestInventoryUsage checks the flags -inventory cannot be combined with.
func TestInventoryUsage(t *testing.T) {
	for _, args := range [][]string{
		{"-inventory", "-format=sarif", "./..."},
		{"-inventory", "-checks=memstore", "./..."},
		{"-inventory", "-write-baseline=b.json", "./..."},
	} {
		if res := realTool.run(t, t.TempDir(), args...); res.code != 2 || !strings.Contains(res.stderr, "-inventory") {
			t.Errorf("statelint %v: exit %d, stderr %q; want a usage error naming -inventory", args, res.code, res.stderr)
		}
	}
}
