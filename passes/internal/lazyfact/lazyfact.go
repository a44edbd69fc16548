// Package lazyfact keeps a fact as it was read from an imported package's
// vet output, undecoded, until an analysis asks for it.
//
// Under go vet a package's facts file holds, besides the facts about its
// own objects, every fact about a method, field or type that it imported
// (x/tools' facts.Set.Encode re-exports them, so that a package calling a
// method of a type it reaches only through another package still sees
// it). Summaries are mostly about methods, so a package high in the import
// graph carries the summaries of most of the module, and each unit would
// gob-decode all of them for the few calls it makes. A fact type whose
// GobDecode keeps the bytes (Keep) and whose importers decode on use
// (Load) costs a copy per fact instead, and re-exporting it writes the
// same bytes back (Encode).
//
// The bytes are JSON of the fact's exported fields, deflated: a fact
// encoded alone carries no type description, unlike a gob stream of its
// own, and its positions, callee and type names repeat, so the volume each
// importer copies is a fraction of gob's.
package lazyfact

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
)

// Raw is a fact's encoding, nil once decoded or when the fact was made
// in this process.
type Raw []byte

// Encode returns the encoding of the fact whose exported fields v holds:
// raw itself when the fact was read and never decoded.
func Encode(raw Raw, v any) ([]byte, error) {
	if raw != nil {
		return raw, nil
	}
	js, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	if len(js) < minDeflate {
		return append([]byte{plainJSON}, js...), nil
	}
	buf := bytes.NewBuffer([]byte{deflated})
	zw, err := flate.NewWriter(buf, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(js); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// The first byte of an encoding says how the JSON follows: a small fact
// is cheaper to copy than to deflate, whose writer alone allocates more
// than the fact.
const (
	plainJSON  = 'j'
	deflated   = 'z'
	minDeflate = 1 << 10
)

// Keep returns a copy of data, which gob may reuse, to decode later.
func Keep(data []byte) Raw { return bytes.Clone(data) }

// Load decodes *raw into v, which must point at the exported fields of the
// fact holding raw, and clears raw; it does nothing once decoded. The
// bytes are this tool's own encoding, so an error is an internal one.
func Load(raw *Raw, v any) {
	if *raw == nil {
		return
	}
	data := *raw
	*raw = nil
	var err error
	switch {
	case len(data) > 0 && data[0] == plainJSON:
		err = json.Unmarshal(data[1:], v)
	case len(data) > 0 && data[0] == deflated:
		err = json.NewDecoder(flate.NewReader(bytes.NewReader(data[1:]))).Decode(v)
	default:
		err = fmt.Errorf("unknown encoding")
	}
	if err != nil {
		panic(fmt.Sprintf("internal error: decoding a %T fact: %v", v, err))
	}
}
