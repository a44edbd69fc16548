package inventory

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// WriteJSON writes the inventory as indented JSON (docs/inventory.schema.json).
func WriteJSON(w io.Writer, inv *Inventory) error {
	data, err := json.MarshalIndent(inv, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// WriteMarkdown writes the inventory as one Markdown page, which GitHub
// renders with its Mermaid graph in files, pull-request comments and
// Actions job summaries.
func WriteMarkdown(w io.Writer, inv *Inventory) error {
	var b bytes.Buffer
	m := &md{b: &b, inv: inv, byID: map[string]*State{}}
	for i := range inv.States {
		m.byID[inv.States[i].ID] = &inv.States[i]
	}
	for i := range inv.Accepted {
		m.byID[inv.Accepted[i].ID] = &inv.Accepted[i]
	}
	m.write()
	_, err := w.Write(b.Bytes())
	return err
}

type md struct {
	b    *bytes.Buffer
	inv  *Inventory
	byID map[string]*State
}

func (m *md) p(format string, args ...any) { fmt.Fprintf(m.b, format, args...) }

func (m *md) write() {
	inv := m.inv
	m.p("# State inventory\n\n**%s.**\n\n", inv.Summary)
	m.p("A route is stateless when it neither writes nor reads per-instance state: any replica can serve it " +
		"behind a round-robin load balancer. Every piece of state below pins the routes that touch it to the replica " +
		"that holds it, and is lost when that replica restarts.\n\n")
	m.routes()
	m.states("State", inv.States, "No per-instance state was found: every route can be served by any replica.")
	m.targets()
	if len(inv.Accepted) > 0 {
		m.p("## Accepted state\n\nState whose findings a `//statelint:ignore` directive accepts, with the reason it gives. " +
			"Accepted state is still state: it still pins the routes that touch it to one replica.\n\n")
		m.states("", inv.Accepted, "")
	}
	m.graph()
}

func (m *md) routes() {
	m.p("## Routes\n\n")
	if len(m.inv.Routes) == 0 {
		m.p("No request-path entry points were found.\n\n")
		return
	}
	m.p("| route | handler | writes | reads | verdict |\n|---|---|---|---|---|\n")
	for _, rt := range m.inv.Routes {
		route := "(route not known)"
		if rt.Route != "" {
			route = code(rt.Route)
		}
		verdict := "stateless"
		if !rt.Stateless {
			verdict = "pinned to one replica by " + strings.Join(union(rt.Writes, rt.Reads), ", ")
		}
		m.p("| %s | %s | %s | %s | %s |\n", route, code(rt.Handler), m.refs(rt.Writes), m.refs(rt.Reads), verdict)
	}
	m.p("\n")
}

func (m *md) refs(ids []string) string {
	var out []string
	for _, id := range ids {
		out = append(out, id+" "+code(m.byID[id].Name))
	}
	return strings.Join(out, ", ")
}

func (m *md) states(title string, states []State, none string) {
	if title != "" {
		m.p("## %s\n\n", title)
	}
	if len(states) == 0 {
		m.p("%s\n\n", none)
		return
	}
	for _, st := range states {
		m.p("### %s. %s: %s\n\n", st.ID, cell(st.Name), cell(st.Title))
		if st.New {
			m.p("**Added by this change.**\n\n")
		}
		if st.Reason != "" {
			m.p("- **accepted:** %s\n", cell(st.Reason))
		}
		if st.Decl != nil {
			m.p("- declared at %s\n", pos(*st.Decl))
		}
		m.p("- kind `%s`, found by %s\n", st.Kind, strings.Join(st.Checks, ", "))
		if st.Background != "" {
			m.p("- %s\n", cell(st.Background))
		}
		m.uses("written by", st.Writers)
		m.uses("read by", st.Readers)
		m.p("- with a second replica: %s\n", cell(st.Breaks))
		m.p("- where it should live: %s", cell(st.Advice))
		if len(st.Targets) > 0 {
			m.p(" (see %s below)", strings.Join(st.Targets, ", "))
		}
		m.p("\n- findings:\n")
		for _, f := range st.Findings {
			suffix := ""
			if f.Accepted != "" {
				suffix = " (accepted)"
			} else if f.New {
				suffix = " (new)"
			}
			m.p("  - %s `%s/%s`%s: %s\n", pos(f.Pos), f.Check, f.Kind, suffix, cell(f.Message))
		}
		m.p("\n")
	}
}

func (m *md) uses(verb string, uses []Use) {
	for _, u := range uses {
		what := verb
		if u.Access == "locks" {
			what = "locked by"
		}
		m.p("- %s %s (%s)\n", what, code(u.Route), code(u.Handler))
		for _, s := range u.Chain {
			m.p("  - %s %s\n", pos(s.Pos), cell(s.Message))
		}
	}
}

func (m *md) targets() {
	if len(m.inv.Targets) == 0 {
		return
	}
	m.p("## Target stores\n\n")
	m.p("Where the state above should live, and whether this module already requires a client for it (read from go.mod).\n\n")
	m.p("| target | for | in go.mod |\n|---|---|---|\n")
	for _, t := range m.inv.Targets {
		var have []string
		for _, c := range t.Clients {
			s := code(c.Module + " " + c.Version)
			if c.Indirect {
				s += " (indirect)"
			}
			have = append(have, s)
		}
		in := strings.Join(have, ", ")
		if in == "" {
			in = "no client yet; start from " + cell(t.Suggest)
		}
		m.p("| %s: %s | %s | %s |\n", cell(t.Name), cell(t.Holds), strings.Join(t.For, ", "), in)
	}
	m.p("\n")
}

// maxEdges bounds the graph, which GitHub stops rendering beyond a size.
const maxEdges = 200

func (m *md) graph() {
	all := append(slices.Clone(m.inv.States), m.inv.Accepted...)
	if len(all) == 0 {
		return
	}
	var g bytes.Buffer
	g.WriteString("flowchart LR\n")
	edges := 0
	routeID := map[string]string{}
	targetID := map[string]string{}
	shown := 0
	for _, st := range all {
		need := len(st.Writers) + len(st.Readers) + len(st.Targets) + 1
		if edges+need > maxEdges && shown > 0 {
			break
		}
		shown++
		label := mermaidText(st.ID+". "+st.Name) + "<br/>" + mermaidText(st.Title)
		if st.Reason != "" {
			label += " (accepted)"
		}
		fmt.Fprintf(&g, "  %s[(\"%s\")]\n", st.ID, label)
		if st.Background != "" {
			bg := "bg_" + st.ID
			fmt.Fprintf(&g, "  %s([\"%s\"]) --> %s\n", bg, mermaidText(st.Background), st.ID)
			edges++
		}
		for _, group := range []struct {
			uses  []Use
			arrow string
		}{{st.Writers, "-->|writes|"}, {st.Readers, "-.->|reads|"}} {
			for _, u := range group.uses {
				id, ok := routeID[u.Route+"\x00"+u.Handler]
				if !ok {
					id = fmt.Sprintf("R%d", len(routeID)+1)
					routeID[u.Route+"\x00"+u.Handler] = id
					fmt.Fprintf(&g, "  %s[\"%s\"]\n", id, mermaidText(u.Route))
				}
				arrow := group.arrow
				if u.Access == "locks" {
					arrow = "-->|locks|"
				}
				fmt.Fprintf(&g, "  %s %s %s\n", id, arrow, st.ID)
				edges++
			}
		}
		for _, t := range st.Targets {
			id, ok := targetID[t]
			if !ok {
				id = fmt.Sprintf("T%d", len(targetID)+1)
				targetID[t] = id
				fmt.Fprintf(&g, "  %s{{\"%s\"}}\n", id, mermaidText(t))
			}
			fmt.Fprintf(&g, "  %s -.->|move to| %s\n", st.ID, id)
			edges++
		}
	}
	m.p("## Graph\n\nRoutes, the state they write and read, and where it should live.")
	if shown < len(all) {
		m.p(" The graph shows the first %d of %d pieces of state.", shown, len(all))
	}
	m.p("\n\n```mermaid\n%s```\n", g.String())
}

// Mermaid returns the Mermaid source of the inventory's graph, or "" when
// it has none, for validation.
func Mermaid(markdown []byte) string {
	_, rest, ok := bytes.Cut(markdown, []byte("```mermaid\n"))
	if !ok {
		return ""
	}
	src, _, _ := bytes.Cut(rest, []byte("```"))
	return string(src)
}

// mermaidText escapes a label for a quoted Mermaid node: quotes, angle
// brackets (HTML in labels) and the entity character as entities, and
// backquotes, which start Markdown strings, as quotes.
func mermaidText(s string) string {
	return strings.NewReplacer("#", "#35;", `"`, "#quot;", "<", "#lt;", ">", "#gt;", "`", "'").Replace(s)
}

func pos(p Position) string {
	if !p.Valid() {
		return "(elsewhere)"
	}
	return cell(fmt.Sprintf("%s:%d", p.File, p.Line))
}

// code renders s as inline code in a table cell, fenced with two
// backquotes when it holds one.
func code(s string) string {
	if s == "" {
		return ""
	}
	s = strings.ReplaceAll(s, "|", `\|`)
	if strings.Contains(s, "`") {
		return "`` " + s + " ``"
	}
	return "`" + s + "`"
}

// cell makes text safe in a table cell and on one list line: no HTML, no
// emphasis, no line break. GitHub's Markdown takes no underscore within a
// word for emphasis, so file names keep theirs.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "<", "&lt;", ">", "&gt;", "*", `\*`, "`", "\\`").Replace(s)
}

func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, x := range b {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	slices.SortFunc(out, compareIDs)
	return out
}
