package report

import (
	"encoding/json"
	"io"
)

// The JSON output mirrors the shape of go vet -json and the go/analysis
// drivers (x/tools internal/analysis/driverutil.JSONTree), so tools that
// already read that shape read statelint's too:
//
//	{"pkgpath": {"analyzer": [{"posn": "file:line:col", "message": ...}]}}
//
// Unlike go vet, positions are relative to the root the driver ran from.
type (
	jsonTree map[string]map[string][]jsonDiagnostic

	jsonDiagnostic struct {
		Category string        `json:"category,omitempty"`
		Posn     string        `json:"posn"`
		End      string        `json:"end"`
		Message  string        `json:"message"`
		URL      string        `json:"url,omitempty"` // the section of the kind on the check's page
		Related  []jsonRelated `json:"related,omitempty"`
	}

	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
)

// WriteJSON writes findings grouped by package and then by check. Maps are
// marshalled with sorted keys and each list keeps the order of findings,
// so the output is deterministic when findings are normalized.
func WriteJSON(w io.Writer, findings []Finding) error {
	tree := make(jsonTree)
	for _, f := range findings {
		byCheck, ok := tree[f.Package]
		if !ok {
			byCheck = make(map[string][]jsonDiagnostic)
			tree[f.Package] = byCheck
		}
		byCheck[f.Check] = append(byCheck[f.Check], toJSON(f))
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

func toJSON(f Finding) jsonDiagnostic {
	d := jsonDiagnostic{
		Category: f.Category,
		Posn:     f.Pos.String(),
		End:      endOrPos(f.End, f.Pos).String(),
		Message:  f.Message,
		URL:      f.URL,
	}
	for _, r := range f.Related {
		d.Related = append(d.Related, jsonRelated{
			Posn:    r.Pos.String(),
			End:     endOrPos(r.End, r.Pos).String(),
			Message: r.Message,
		})
	}
	return d
}

// endOrPos mirrors go/analysis, which prints the start as the end of a
// diagnostic that has no end.
func endOrPos(end, pos Position) Position {
	if end.Line == 0 {
		return pos
	}
	return end
}
