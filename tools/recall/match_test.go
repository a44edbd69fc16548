package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func testSet() *labelSet {
	return &labelSet{
		Module: "example.com/m",
		Labels: []label{
			{ID: "hub", File: "hub.go", Line: 40, Lines: []int{52}, Also: []site{{"client.go", 10}},
				Symbol: "Hub.clients", Kind: "websocket", Check: "memstore", Expect: "finding"},
			{ID: "count", File: "hub.go", Line: 44, Symbol: "hits", Match: "hits",
				Kind: "counter", Check: "globalstate", Expect: "finding"},
			{ID: "pool", File: "pool.go", Line: 7, Symbol: "bufPool",
				Kind: "value", Check: "globalstate", Expect: "none"},
		},
	}
}

func TestChainSites(t *testing.T) {
	got := chainSites("os.OpenFile by filestore.FileStore at filestore/filestore.go:324:26")
	if len(got) != 1 || got[0] != (site{"filestore/filestore.go", 324}) {
		t.Errorf("chainSites = %v", got)
	}
	if got := chainSites("handler is on the request path"); len(got) != 0 {
		t.Errorf("chainSites of no position = %v", got)
	}
}

func TestMatchFindings(t *testing.T) {
	tests := []struct {
		name string
		f    finding
		want string // label ID, "" for unmatched
	}{
		{"primary line", finding{Module: "example.com/m", File: "hub.go", Line: 40}, "hub"},
		{"within window", finding{Module: "example.com/m", File: "hub.go", Line: 38}, "hub"},
		{"outside window", finding{Module: "example.com/m", File: "hub.go", Line: 47}, ""},
		{"extra line", finding{Module: "example.com/m", File: "hub.go", Line: 53}, "hub"},
		{"hop on the chain", finding{Module: "example.com/m", Check: "memstore", File: "client.go", Line: 11, Message: "registry s.hub.clients is written"}, "hub"},
		{"hop of another check", finding{Module: "example.com/m", Check: "globalstate", File: "client.go", Line: 11, Message: "counter s.hub.clients is written"}, ""},
		{"hop through a channel", finding{Module: "example.com/m", Check: "memstore", File: "client.go", Line: 11, Message: "queue h.register is written"}, "hub"},
		{"symbol is a prefix of the path", finding{Module: "example.com/m", File: "api/h.go", Line: 9, Message: "queue srv.Hub.clients.mu is written"}, ""},
		{"other file", finding{Module: "example.com/m", File: "other.go", Line: 40}, ""},
		{"other module", finding{Module: "example.com/n", File: "hub.go", Line: 40}, ""},
		{"symbol wins over distance", finding{Module: "example.com/m", File: "hub.go", Line: 42, Message: "counter hits is written"}, "count"},
		{"match string required", finding{Module: "example.com/m", File: "hub.go", Line: 42, Message: "Hub.clients"}, "hub"},
		{"nearest label", finding{Module: "example.com/m", File: "hub.go", Line: 41}, "hub"},
		{"none label", finding{Module: "example.com/m", File: "pool.go", Line: 8}, "pool"},
		{"by symbol elsewhere", finding{Module: "example.com/m", File: "api/h.go", Line: 9, Message: "registry srv.Hub.clients (with x) is written"}, "hub"},
		{"symbol must be a whole name", finding{Module: "example.com/m", File: "api/h.go", Line: 9, Message: "registry srv.Hub.clientsCount is written"}, ""},
		{"write named by the chain", finding{Module: "example.com/m", Check: "memstore", File: "cmd/main.go", Line: 9, Message: "store x.New() is written", Chain: []site{{"hub.go", 51}}}, "hub"},
		{"chain under a cut path", finding{Module: "example.com/m", Check: "memstore", File: "cmd/main.go", Line: 9, Message: "store x.New() is written", Chain: []site{{"m/hub.go", 40}}}, ""},
		{"chain of another check", finding{Module: "example.com/m", Check: "fswrite", File: "cmd/main.go", Line: 9, Message: "store x.New() is written", Chain: []site{{"hub.go", 40}}}, ""},
		{"chain names no label's own site", finding{Module: "example.com/m", Check: "memstore", File: "cmd/main.go", Line: 9, Message: "store x.New() is written", Chain: []site{{"client.go", 10}}}, ""},
		{"position beats symbol", finding{Module: "example.com/m", File: "pool.go", Line: 7, Message: "Hub.clients"}, "pool"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := matchFindings(testSet(), []finding{tt.f})
			got := ""
			if ms[0].Label != nil {
				got = ms[0].Label.ID
			}
			if got != tt.want {
				t.Errorf("matched %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPrimaryBeforeHop(t *testing.T) {
	set := &labelSet{Module: "m", Labels: []label{
		{ID: "a", File: "x.go", Line: 20, Also: []site{{"y.go", 5}}, Kind: "cache", Check: "memstore", Expect: "finding"},
		{ID: "b", File: "y.go", Line: 5, Kind: "cache", Check: "memstore", Expect: "finding"},
	}}
	ms := matchFindings(set, []finding{{Module: "m", Check: "memstore", File: "y.go", Line: 5}})
	if ms[0].Label == nil || ms[0].Label.ID != "b" {
		t.Fatalf("a label's own site should beat another label's hop, got %+v", ms[0].Label)
	}
}

func TestReport(t *testing.T) {
	set := testSet()
	fs := []finding{
		{Module: "example.com/m", Check: "memstore", Category: "websocket", File: "hub.go", Line: 40},
		{Module: "example.com/m", Check: "memstore", Category: "cache", File: "client.go", Line: 10, Message: "cache h.clients is written"},
		{Module: "example.com/m", Check: "globalstate", Category: "value", File: "pool.go", Line: 7},
		{Module: "example.com/m", Check: "fswrite", Category: "file", File: "up.go", Line: 3},
	}
	r := newReport()
	r.add(set, matchFindings(set, fs))
	tot := r.total
	checks := []struct {
		name      string
		got, want string
	}{
		{"recall", tot.recall(), "0.50"},       // hub found, count missed
		{"precision", tot.precision(), "0.50"}, // 2 of 4 findings on finding labels
		{"kind", tot.kindAgreement(), "0.50"},  // one of the two hub findings says websocket
		{"per state", tot.perState(), "2.00"},  // two diagnostics for the one state found
		{"memstore recall", r.byCheck["memstore"].recall(), "1.00"},
		{"globalstate precision", r.byCheck["globalstate"].precision(), "0.00"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %s, want %s", c.name, c.got, c.want)
		}
	}
	if len(r.misses) != 1 || r.misses[0].label.ID != "count" {
		t.Errorf("misses = %+v, want count", r.misses)
	}
	if len(r.wrong) != 1 || len(r.unmatched) != 1 {
		t.Errorf("wrong = %d, unmatched = %d, want 1 and 1", len(r.wrong), len(r.unmatched))
	}
	var buf bytes.Buffer
	r.write(&buf)
	for _, want := range []string{"| example.com/m | 2/1 | 1 | 0.50 | 4 | 2 | 1 | 1 | 0.50 | 0.50 | 2.00 |", "up.go:3", "hub.go:44 hits"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestBySymbolSibling(t *testing.T) {
	set := &labelSet{Module: "example.com/q", Labels: []label{
		{ID: "create", File: "q.go", Line: 10, Symbol: "SyncQueues.Queues", Kind: "queue", Check: "memstore", Entry: "CreateQueue", Expect: "finding"},
		{ID: "send", File: "q.go", Line: 50, Symbol: "SyncQueues.Queues", Kind: "queue", Check: "memstore", Entry: "SendMessage", Expect: "finding"},
	}}
	f := finding{Module: "example.com/q", Check: "memstore", File: "q.go", Line: 30,
		Message: "in-process queue app.SyncQueues.Queues is written by handler SendMessage: work queued"}
	ms := matchFindings(set, []finding{f})
	if ms[0].Label == nil || ms[0].Label.ID != "send" || !ms[0].BySymbol {
		t.Errorf("matched %+v, want send by symbol", ms[0].Label)
	}
}

func TestCleanModule(t *testing.T) {
	set := &labelSet{Module: "example.com/c", Clean: true, Labels: []label{
		{ID: "db", File: "store.go", Line: 20, Symbol: "Store.db", Kind: "records", Check: "memstore", Expect: "none"},
	}}
	fs := []finding{
		{Module: "example.com/c", Check: "memstore", Category: "records", File: "store.go", Line: 21},
		{Module: "example.com/c", Check: "globalstate", Category: "value", File: "main.go", Line: 3},
	}
	r := newReport()
	r.add(testSet(), matchFindings(testSet(), nil))
	r.add(set, matchFindings(set, fs))
	if got := r.byModule["example.com/c"].recall(); got != "-" {
		t.Errorf("clean recall = %s, want -", got)
	}
	if got := r.byModule["example.com/c"].precision(); got != "0.00" {
		t.Errorf("clean precision = %s, want 0.00", got)
	}
	var buf bytes.Buffer
	r.write(&buf)
	for _, want := range []string{"## Clean modules", "| example.com/c | 0/1 | 0 | - | 2 | 0 | 1 | 1 | 0.00 | - | - |", "| **1 clean** | 0/1 |"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, buf.String())
		}
	}
	if strings.Contains(buf.String(), "| example.com/m | 2/1 | 0 | 0.00 | 0 | 0 | 0 | 0 | - | - | - |\n| **1 clean**") {
		t.Errorf("a module not labelled clean is in the clean table:\n%s", buf.String())
	}
}

func TestCleanSetRejectsFindings(t *testing.T) {
	s := labelSet{Module: "m", Version: "v1", Clean: true, Labels: []label{
		{ID: "x", File: "a.go", Line: 1, Symbol: "s", Entry: "e", Reason: "r", Kind: "cache", Check: "memstore", Expect: "finding"},
	}}
	if err := s.validate(); err == nil || !strings.Contains(err.Error(), "clean") {
		t.Errorf("validate = %v, want an error about a clean module", err)
	}
	s.Labels[0].Expect = "none"
	if err := s.validate(); err != nil {
		t.Errorf("validate = %v, want nil", err)
	}
}

func TestValidate(t *testing.T) {
	bad := []label{
		{ID: "x", File: "a.go", Line: 1, Symbol: "s", Entry: "e", Reason: "r", Kind: "cache", Check: "globalstate", Expect: "finding"},
		{ID: "x", File: "a.go", Line: 1, Symbol: "s", Entry: "e", Reason: "r", Kind: "nope", Check: "memstore", Expect: "finding"},
		{ID: "y", File: "a.go", Line: 0, Symbol: "s", Entry: "e", Reason: "r", Kind: "cache", Check: "memstore", Expect: "maybe"},
	}
	for i, l := range bad {
		s := labelSet{Module: "m", Version: "v1", Labels: []label{{ID: "ok", File: "a.go", Line: 1, Symbol: "s", Entry: "e", Reason: "r", Kind: "cache", Check: "memstore", Expect: "none"}, l}}
		if err := s.validate(); err == nil {
			t.Errorf("label %d: want an error", i)
		}
	}
}

func TestSplitPosn(t *testing.T) {
	file, line := splitPosn("/tmp/x/mod@v1/pkg/a.go:12:5", "/tmp/x/mod@v1")
	if file != "pkg/a.go" || line != 12 {
		t.Errorf("got %s:%d", file, line)
	}
}

func TestStateNames(t *testing.T) {
	got := strings.Join(stateNames("Server.channels / Channel.clients (x.y.z), plain"), ",")
	if want := "Server.channels,Channel.clients,y.z"; got != want {
		t.Errorf("stateNames = %s, want %s", got, want)
	}
}

func TestSibling(t *testing.T) {
	set := &labelSet{Module: "m", Labels: []label{
		{ID: "new", File: "store.go", Line: 64, Symbol: "memoryStore.digits (New)", Entry: "showForm (GET /) -> New", Kind: "session", Check: "memstore", Expect: "finding"},
		{ID: "reload", File: "captcha.go", Line: 102, Symbol: "memoryStore.digits (Reload)", Entry: "captchaHandler.ServeHTTP -> Reload", Kind: "session", Check: "memstore", Expect: "finding"},
		{ID: "other", File: "x.go", Line: 1, Symbol: "cache.items", Entry: "captchaHandler.ServeHTTP", Kind: "cache", Check: "memstore", Expect: "finding"},
	}}
	tests := []struct{ msg, want string }{
		{"table globalStore.digits is written by handler (*captchaHandler).ServeHTTP: a client", "reload"},
		{"table globalStore.digits is written by handler showForm: a client", "new"},
		{"table globalStore.digits is written by handler for \"/x\": a client", "new"},
	}
	for _, tt := range tests {
		ms := matchFindings(set, []finding{{Module: "m", File: "store.go", Line: 64, Message: tt.msg}})
		if ms[0].Label == nil || ms[0].Label.ID != tt.want {
			t.Errorf("%q: matched %+v, want %s", tt.msg, ms[0].Label, tt.want)
		}
	}
	if got := strings.Join(handlerWords(`x is written by handler (*captchaHandler).ServeHTTP: y`), ","); got != "captchaHandler,ServeHTTP" {
		t.Errorf("handlerWords = %s", got)
	}
	if got := strings.Join(handlerWords(`x is written by handler for "/pkg.v1.NotesService/Custom": y`), ","); got != "Custom" {
		t.Errorf("handlerWords = %s", got)
	}
	if got := strings.Join(handlerWords(`handler for "/process" reads captcha.store that handler for "/" keeps in memory: x`), ","); got != "/process" {
		t.Errorf("handlerWords = %s", got)
	}
}

func TestAlsoFound(t *testing.T) {
	set := &labelSet{Module: "example.com/m", Labels: []label{
		{ID: "create", File: "s.go", Line: 61, Symbol: "Server.v", Kind: "records", Check: "memstore", Expect: "finding", Entry: "gRPC Create"},
		{ID: "body", File: "s.go", Line: 61, Symbol: "Server.v", Kind: "records", Check: "memstore", Expect: "finding", Entry: "gRPC CreateBody -> Create"},
		{ID: "other", File: "s.go", Line: 90, Symbol: "Server.w", Kind: "records", Check: "memstore", Expect: "finding", Entry: "gRPC CreateBody"},
	}}
	f := finding{Module: "example.com/m", Check: "memstore", Category: "records", File: "s.go", Line: 61,
		Message: `in-memory records table Server.v is written by handler for "/pkg.S/Create": x`,
		Writers: [][]string{handlerWords(`handler for "/pkg.S/CreateBody" also writes Server.v through these sites`)}}
	ms := matchFindings(set, []finding{f})
	if ms[0].Label == nil || ms[0].Label.ID != "create" {
		t.Fatalf("matched %v, want create", ms[0].Label)
	}
	got := alsoFound(set, ms[0])
	if len(got) != 1 || got[0].ID != "body" {
		t.Errorf("alsoFound = %v, want [body]: the other writer of the same state, not another state's label", got)
	}
	f.Writers = nil
	if got := alsoFound(set, matchFindings(set, []finding{f})[0]); len(got) != 0 {
		t.Errorf("alsoFound without writers = %v", got)
	}
}

// TestFurtherWriters reads the handlers a finding names on its further
// sites ("also ... by handler X") as writers, as it does the "X also
// writes" lines.
func TestFurtherWriters(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "m.json")
	vet := `{"pkg": {"memstore": [{"category": "queue", "posn": "` + dir + `/q.go:10:2", "message": "in-process queue q is written by handler Send [memstore/queue]",
		"related": [{"message": "also append of q by handler SendBatch"}, {"message": "handler Purge also writes q through these sites"}]}]}}`
	if err := os.WriteFile(file, []byte(vet), 0o600); err != nil {
		t.Fatal(err)
	}
	fs, err := readFindings(file, "m", dir)
	if err != nil || len(fs) != 1 {
		t.Fatalf("readFindings = %v, %v", fs, err)
	}
	if got := fs[0].Writers; len(got) != 2 || !slices.Contains(got[0], "SendBatch") || !slices.Contains(got[1], "Purge") {
		t.Errorf("writers = %q, want SendBatch then Purge", got)
	}
}
