package inventory

import (
	"bytes"
	"strings"
	"testing"
)

func at(file string, line int) Position { return Position{File: "/m/" + file, Line: line, Column: 2} }

// shopParts is a service of two packages as the inventory pass sees it:
// a login that writes sessions read by a profile page, an accepted
// counter, a store the library writes, a schedule, and a stateless
// health route; the package's test variant repeats the first part.
func shopParts() []*Part {
	login := Entry{Func: "api.login", Pos: at("api/api.go", 10), Framework: "net/http", Routes: []string{"POST /login"}}
	profile := Entry{Func: "api.profile", Pos: at("api/api.go", 20), Framework: "net/http", Routes: []string{"GET /profile"}}
	health := Entry{Func: "api.health", Pos: at("api/api.go", 30), Framework: "net/http", Routes: []string{"GET /healthz"}}
	home := Entry{Func: "api.home", Pos: at("api/api.go", 40), Framework: "net/http", Routes: []string{"GET /"}}
	api := &Part{
		Package: "m/api",
		Entries: []Entry{login, profile, health, home},
		Records: []Record{
			{Check: "memstore", Kind: "session", State: "g:m/api.sessions", Name: "sessions", Decl: at("api/api.go", 5),
				Pos: at("api/api.go", 12), Entry: &login, Access: "writes", Message: "in-memory session store sessions is written"},
			{Check: "requestorder", Kind: "order", State: "g:m/api.sessions", Name: "sessions", Decl: at("api/api.go", 5),
				Pos: at("api/api.go", 22), Entry: &profile, Access: "reads", Message: "profile reads sessions"},
			{Check: "globalstate", Kind: "counter", State: "g:m/api.visits", Name: "visits", Decl: at("api/api.go", 6),
				Pos: at("api/api.go", 42), Entry: &home, Access: "writes", Message: "in-process counter visits", Accepted: "approximate"},
			{Check: "memstore", Kind: "ratelimit", State: "store@/m/api/api.go:50:3", Name: "limiter.NewMemory",
				Pos: at("api/api.go", 50), Access: "serves", Message: "in-memory rate limiter"},
			{Check: "singlereplica", Kind: "schedule", State: "schedule@/m/cmd/main.go:9:2", Name: "digest",
				Pos: at("cmd/main.go", 9), Access: "schedules", Message: "cron job digest runs on every replica"},
		},
		Accesses: []Access{
			{State: "g:m/api.sessions", Entry: login, Op: "writes", Chain: []Step{{at("api/api.go", 10), "on the request path"}, {at("api/api.go", 12), "map store"}}},
			{State: "g:m/api.sessions", Entry: profile, Op: "reads", Chain: []Step{{at("api/api.go", 20), "on the request path"}, {at("api/api.go", 22), "lookup"}}},
			{State: "g:m/api.unreported", Entry: health, Op: "reads"},
		},
	}
	variant := *api
	variant.Package = "m/api [m/api.test]"
	return []*Part{api, &variant}
}

func build(t *testing.T, requires ...Client) *Inventory {
	t.Helper()
	return Build(shopParts(), Options{Rel: func(s string) string { return strings.TrimPrefix(s, "/m/") }, Requires: requires})
}

func TestBuild(t *testing.T) {
	inv := build(t, Client{Module: "github.com/redis/go-redis/v9", Version: "v9.5.1"}, Client{Module: "github.com/lib/pq", Version: "v1.10.9", Indirect: true})
	if want := "3 pieces of per-instance state (and 1 accepted); 1 of 4 routes stateless"; inv.Summary != want {
		t.Errorf("summary %q, want %q", inv.Summary, want)
	}
	var names []string
	for _, st := range inv.States {
		names = append(names, st.ID+"="+st.Name+"/"+st.Kind)
	}
	if got, want := strings.Join(names, " "), "S1=sessions/session S2=limiter.NewMemory/ratelimit S3=digest/schedule"; got != want {
		t.Errorf("states %s, want %s", got, want)
	}
	s1 := inv.States[0]
	if len(s1.Findings) != 2 || len(s1.Writers) != 1 || len(s1.Readers) != 1 || s1.Readers[0].Route != "GET /profile" {
		t.Errorf("sessions: %d findings, writers %+v, readers %+v; want 2 findings (test variant counted once), login writing and profile reading", len(s1.Findings), s1.Writers, s1.Readers)
	}
	if len(s1.Readers) == 1 && (len(s1.Readers[0].Chain) != 2 || s1.Readers[0].Chain[1].Message != "lookup") {
		t.Errorf("profile's chain to sessions %+v; want the state pass's own chain", s1.Readers[0].Chain)
	}
	if s1.Checks[0] != "memstore" || s1.Checks[1] != "requestorder" || s1.Decl == nil || s1.Decl.File != "api/api.go" {
		t.Errorf("sessions: checks %v, decl %v", s1.Checks, s1.Decl)
	}
	if inv.States[1].Background == "" || inv.States[2].Background == "" {
		t.Errorf("a store and a schedule without routes need a background: %+v", inv.States[1:])
	}
	if len(inv.Accepted) != 1 || inv.Accepted[0].ID != "A1" || inv.Accepted[0].Reason != "approximate" {
		t.Errorf("accepted %+v, want visits as A1 with its reason", inv.Accepted)
	}
	verdict := map[string]string{}
	for _, rt := range inv.Routes {
		verdict[rt.Name()] = strings.Join(append(append([]string{}, rt.Writes...), rt.Reads...), ",")
	}
	if verdict["GET /healthz"] != "" || verdict["POST /login"] != "S1" || verdict["GET /profile"] != "S1" || verdict["GET /"] != "A1" {
		t.Errorf("route verdicts %v: a state no check reports must not pin /healthz; accepted state still pins /", verdict)
	}
	targets := map[string]Target{}
	for _, tg := range inv.Targets {
		targets[tg.Name] = tg
	}
	if r := targets["Redis"]; len(r.Clients) != 1 || r.Clients[0].Module != "github.com/redis/go-redis/v9" || r.Suggest != "" {
		t.Errorf("Redis target %+v: want the go-redis client from go.mod and no suggestion", r)
	}
	if d := targets["a database"]; len(d.Clients) != 1 || !d.Clients[0].Indirect {
		t.Errorf("database target %+v: want lib/pq, indirect", d)
	}
	if _, ok := targets["object storage"]; ok {
		t.Error("no state here needs object storage")
	}
	if l := targets["leader election"]; l.Suggest == "" || len(l.Clients) != 0 {
		t.Errorf("leader election target %+v: want a suggestion, no client", l)
	}
}

func TestBuildNew(t *testing.T) {
	inv := Build(shopParts(), Options{New: func(check string, pos Position, msg string) bool { return check == "singlereplica" }})
	if inv.Counts.New != 1 || !inv.States[2].New || inv.States[0].New || !strings.HasSuffix(inv.Summary, "; 1 added by this change") {
		t.Errorf("with the schedule new: counts %+v, summary %q", inv.Counts, inv.Summary)
	}
}

func TestMarkdown(t *testing.T) {
	var first, second bytes.Buffer
	if err := WriteMarkdown(&first, build(t)); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdown(&second, build(t)); err != nil {
		t.Fatal(err)
	}
	md := first.String()
	if md != second.String() {
		t.Error("two renderings differ")
	}
	for _, want := range []string{
		"**3 pieces of per-instance state (and 1 accepted); 1 of 4 routes stateless.**",
		"| `GET /healthz` | `api.health` |  |  | stateless |",
		"| `POST /login` | `api.login` | S1 `sessions` |  | pinned to one replica by S1 |",
		"## Accepted state",
		"- **accepted:** approximate",
		"no client yet; start from github.com/redis/go-redis/v9",
		"```mermaid\nflowchart LR\n",
		"R1 -->|writes| S1",
		"-.->|reads| S1",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if Mermaid(first.Bytes()) == "" {
		t.Error("Mermaid found no graph")
	}
}

func TestEscaping(t *testing.T) {
	if got := mermaidText("a \"b\" #c <d> `e`"); got != "a #quot;b#quot; #35;c #lt;d#gt; 'e'" {
		t.Errorf("mermaidText: %q", got)
	}
	if got := code("a`b|c"); got != "`` a`b\\|c ``" {
		t.Errorf("code: %q", got)
	}
	if got := cell("(*T).f_x <b>"); got != `(\*T).f_x &lt;b&gt;` {
		t.Errorf("cell: %q", got)
	}
}

func TestEmpty(t *testing.T) {
	inv := Build([]*Part{{Entries: []Entry{{Func: "api.health", Routes: []string{"GET /healthz"}}}}}, Options{})
	var b bytes.Buffer
	if err := WriteMarkdown(&b, inv); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	if !strings.Contains(md, "0 pieces of per-instance state; 1 of 1 route stateless") || strings.Contains(md, "mermaid") || strings.Contains(md, "Target stores") {
		t.Errorf("a stateless service's report:\n%s", md)
	}
}

// TestWired checks that a store chosen at the composition root, written
// by a handler of another package, is linked to that handler's route, or
// to a row of its own when no analysed package registers the route.
func TestWired(t *testing.T) {
	parts := shopParts()[:1]
	parts[0].Records = append(parts[0].Records,
		Record{Check: "memstore", Kind: "session", State: "store@/m/cmd/main.go:12:5", Name: "memory.New()",
			Pos: at("cmd/main.go", 12), Access: "serves", Message: "in-memory session store memory.New()",
			Via: `handler for "POST /login" through Store.Save`, Route: "POST /login"},
		Record{Check: "fswrite", Kind: "file", State: "store@/m/cmd/main.go:14:5", Name: "disk.New()",
			Pos: at("cmd/main.go", 14), Access: "serves", Message: "store disk.New() writes a local file",
			Via: `handler for "PATCH /files/{id}" through Files.Write`, Route: "PATCH /files/{id}"})
	inv := Build(parts, Options{})
	rows := map[string][]string{}
	for _, rt := range inv.Routes {
		rows[rt.Name()+" "+rt.Handler] = rt.Writes
	}
	var mem, disk State
	for _, st := range inv.States {
		switch st.Name {
		case "memory.New()":
			mem = st
		case "disk.New()":
			disk = st
		}
	}
	if mem.ID == "" || !strings.Contains(strings.Join(rows["POST /login api.login"], ","), mem.ID) ||
		!strings.HasPrefix(mem.Background, "chosen here and written by handler for \"POST /login\"") {
		t.Errorf("the wired session store is not linked to POST /login: rows %v, state %+v", rows, mem)
	}
	if disk.ID == "" || len(rows["PATCH /files/{id} (in another package)"]) != 1 {
		t.Errorf("the wired file store has no row for its route: rows %v", rows)
	}
}
