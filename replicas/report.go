package replicas

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Report is the outcome of a run.
type Report struct {
	Replicas int          `json:"replicas"`
	Steps    []string     `json:"steps"`
	Match    bool         `json:"match"` // every pass answered as the reference
	Passes   []PassResult `json:"passes"`
	Noise    []StepNoise  `json:"noise,omitempty"`
	Findings bool         `json:"findings_given"`

	journey *Journey
}

// PassResult is one compared pass. Replicas are counted from 1; 0 in
// Restarted means none.
type PassResult struct {
	Pass      Pass        `json:"pass"`
	Instances int         `json:"instances"`
	Match     bool        `json:"match"`
	Served    []int       `json:"served_by"`
	Restarted []int       `json:"restarted_before,omitempty"`
	Differing []int       `json:"differing_steps,omitempty"`
	First     *Difference `json:"first_difference,omitempty"`
}

// Difference is the first step of a pass that answered otherwise than the
// reference.
type Difference struct {
	Step      int       `json:"step"`
	Label     string    `json:"label"`
	Replica   int       `json:"replica"`
	Restarted int       `json:"restarted_before,omitempty"`
	Earlier   []int     `json:"earlier_served_by"` // the replica of each earlier step
	What      []string  `json:"what"`
	Reference Excerpt   `json:"reference"`
	Got       Excerpt   `json:"got"`
	Findings  []Finding `json:"findings,omitempty"`
}

// Excerpt is a response, trimmed for reading.
type Excerpt struct {
	Status   int    `json:"status,omitempty"`
	Location string `json:"location,omitempty"`
	Bytes    int    `json:"bytes"`
	Body     string `json:"body"`
	Error    string `json:"error,omitempty"`
}

// StepNoise is what differed between the reference and the control pass
// at one step, and was therefore not compared.
type StepNoise struct {
	Step    int    `json:"step"`
	Label   string `json:"label"`
	Ignored string `json:"ignored"`
}

func newReport(cfg Config, results map[Pass][]stepResult) *Report {
	j := cfg.Journey
	rep := &Report{Replicas: cfg.Replicas, Match: true, journey: j}
	for i, s := range j.Steps {
		rep.Steps = append(rep.Steps, s.Label(i))
	}
	refViews := views(j, results[Reference])
	noises := make([]noise, len(j.Steps))
	if ctl, ok := results[Control]; ok {
		for i, v := range views(j, ctl) {
			noises[i] = learnNoise(refViews[i], v)
			if !noises[i].empty() {
				rep.Noise = append(rep.Noise, StepNoise{Step: i + 1, Label: rep.Steps[i], Ignored: noises[i].String()})
			}
		}
	}
	for _, pass := range []Pass{RoundRobin, Restart} {
		pr := comparePass(cfg, pass, results, refViews, noises)
		rep.Match = rep.Match && pr.Match
		rep.Passes = append(rep.Passes, pr)
	}
	if cfg.Findings != nil {
		rep.NameFindings(cfg.Findings)
	}
	return rep
}

// NameFindings names, at each first difference, the statelint findings
// whose routes serve the steps up to it. Run does this with
// Config.Findings; a caller that gets the findings only when a pass
// differs (running statelint takes a while) does it afterwards.
func (r *Report) NameFindings(findings []Finding) {
	r.Findings = true
	for _, p := range r.Passes {
		if d := p.First; d != nil {
			d.Findings = involved(findings, r.journey.Steps[:d.Step])
		}
	}
}

func views(j *Journey, res []stepResult) []view {
	global, _ := parseRules(j.Ignore)
	out := make([]view, len(res))
	for i, r := range res {
		own, _ := parseRules(j.Steps[i].Ignore)
		out[i] = makeView(r.resp, append(own, global...))
	}
	return out
}

func comparePass(cfg Config, pass Pass, results map[Pass][]stepResult, ref []view, noises []noise) PassResult {
	res := results[pass]
	pr := PassResult{Pass: pass, Instances: instances(pass, cfg.Replicas), Match: true}
	for i, got := range views(cfg.Journey, res) {
		pr.Served = append(pr.Served, res[i].served+1)
		if pass == Restart {
			pr.Restarted = append(pr.Restarted, res[i].restarted+1)
		}
		what := differences(ref[i], got, noises[i])
		if len(res[i].missing) > 0 {
			what = append(what, "capture "+strings.Join(res[i].missing, ", ")+" found nothing")
		}
		if len(what) == 0 {
			continue
		}
		pr.Match = false
		pr.Differing = append(pr.Differing, i+1)
		if pr.First == nil {
			pr.First = newDifference(cfg, i, results[Reference][i], res, what)
		}
	}
	return pr
}

func newDifference(cfg Config, i int, ref stepResult, res []stepResult, what []string) *Difference {
	d := &Difference{
		Step: i + 1, Label: cfg.Journey.Steps[i].Label(i), Replica: res[i].served + 1,
		Restarted: res[i].restarted + 1, What: what,
		Reference: excerptOf(ref.resp), Got: excerptOf(res[i].resp),
	}
	for _, r := range res[:i] {
		d.Earlier = append(d.Earlier, r.served+1)
	}
	return d
}

// involved lists the findings whose routes serve the steps, those of the
// last step first.
func involved(findings []Finding, steps []Step) []Finding {
	var out []Finding
	seen := map[int]bool{}
	for k := len(steps) - 1; k >= 0; k-- {
		s := steps[k]
		path, _, _ := strings.Cut(s.Path, "?")
		for fi, f := range findings {
			if !seen[fi] && f.matches(s.method(), path) {
				seen[fi] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// excerptLen bounds a body in reports.
const excerptLen = 160

func excerptOf(r *response) Excerpt {
	if r.err != "" {
		return Excerpt{Error: r.err}
	}
	return Excerpt{Status: r.status, Location: r.header.Get("Location"), Bytes: len(r.body), Body: excerpt(r.body)}
}

// excerpt is a body on one line, trimmed.
func excerpt(body []byte) string {
	s := strings.Join(strings.Fields(string(body)), " ")
	if len(s) <= excerptLen {
		return s
	}
	cut := excerptLen
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func (e Excerpt) String() string {
	if e.Error != "" {
		return "no response: " + e.Error
	}
	s := strconv.Itoa(e.Status)
	if e.Location != "" {
		s += " to " + e.Location
	}
	if e.Bytes == 0 {
		return s + " with an empty body"
	}
	return fmt.Sprintf("%s %q", s, e.Body)
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	data, err := json.MarshalIndent(r, "", "\t")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// title says what a compared pass did.
func title(p Pass) string {
	if p == Restart {
		return "each step on the next replica, the previous step's replica restarted first"
	}
	return "each step on the next replica"
}

// WriteText writes the report for people.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "journey of %d steps; reference on 1 instance, compared with %d replicas\n", len(r.Steps), r.Replicas)
	for _, n := range r.Noise {
		fmt.Fprintf(&b, "not compared, since it differs between two runs on one instance: %s: %s\n", n.Label, n.Ignored)
	}
	for _, p := range r.Passes {
		r.writePass(&b, p)
	}
	if r.Match {
		b.WriteString("every pass answered as the reference: no per-instance state showed\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *Report) writePass(b *strings.Builder, p PassResult) {
	fmt.Fprintf(b, "\n%s pass (%d replicas, %s): ", p.Pass, p.Instances, title(p.Pass))
	if p.Match {
		b.WriteString("every step matches the reference\n")
		return
	}
	d := p.First
	fmt.Fprintf(b, "differs first at step %d of %d (differing steps: %s)\n", d.Step, len(r.Steps), joinInts(p.Differing))
	fmt.Fprintf(b, "  %s: %s on one instance, %s when %s\n", d.Label, d.Reference, d.Got, route(d))
	fmt.Fprintf(b, "  what differs: %s\n", strings.Join(d.What, "; "))
	switch {
	case len(d.Findings) > 0:
		b.WriteString("  statelint findings on the routes of these steps:\n")
		for _, f := range d.Findings {
			fmt.Fprintf(b, "    %s\n", f.Summary())
		}
	case r.Findings:
		b.WriteString("  no statelint finding names the routes of these steps\n")
	}
}

// route says where the steps up to d went: "step 1 went to replica 1,
// step 2 to replica 2 and step 3 to replica 3 (replica 2 restarted before step 3)".
func route(d *Difference) string {
	var parts []string
	for i, rep := range append(append([]int(nil), d.Earlier...), d.Replica) {
		parts = append(parts, fmt.Sprintf("step %d to replica %d", i+1, rep))
	}
	parts[0] = strings.Replace(parts[0], " to ", " went to ", 1)
	if n := len(parts); n > 5 { // the middle of a long journey says nothing more
		parts = append(parts[:2:2], append([]string{"…"}, parts[n-2:]...)...)
	}
	s := parts[0]
	if n := len(parts); n > 1 {
		s = strings.Join(parts[:n-1], ", ") + " and " + parts[n-1]
	}
	if d.Restarted > 0 {
		s += fmt.Sprintf(" (replica %d restarted before step %d)", d.Restarted, d.Step)
	}
	return s
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ", ")
}
