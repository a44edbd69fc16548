package lazyfact_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"reflect"
	"testing"

	"github.com/statelint/statelint/passes/internal/lazyfact"
)

// fact is a fact type built on lazyfact, like the summaries.
type fact struct {
	Names []string
	N     int
	raw   lazyfact.Raw
}

type plain fact

func (f *fact) GobEncode() ([]byte, error) { return lazyfact.Encode(f.raw, (*plain)(f)) }
func (f *fact) GobDecode(data []byte) error {
	*f = fact{raw: lazyfact.Keep(data)}
	return nil
}
func (f *fact) load() *fact { lazyfact.Load(&f.raw, (*plain)(f)); return f }

func roundTrip(t *testing.T, in *fact) (*fact, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(in); err != nil {
		t.Fatal(err)
	}
	enc := bytes.Clone(buf.Bytes())
	out := new(fact)
	if err := gob.NewDecoder(&buf).Decode(out); err != nil {
		t.Fatal(err)
	}
	return out, enc
}

// TestRoundTrip checks that a fact read back decodes to what was written,
// and that one read and never used is written again byte for byte, as a
// package re-exporting it does.
func TestRoundTrip(t *testing.T) {
	small := &fact{Names: []string{"pkg.Var", "pkg.Var", "(*pkg.T).M"}, N: 7}
	large := &fact{N: 8}
	for i := range 200 {
		large.Names = append(large.Names, fmt.Sprintf("dir/file.go:%d:3", i))
	}
	for _, in := range []*fact{small, large} {
		roundTripOne(t, in)
	}
}

func roundTripOne(t *testing.T, in *fact) {
	got, enc := roundTrip(t, in)
	if got.Names != nil || got.raw == nil {
		t.Fatalf("decoded eagerly: %+v", got)
	}
	again, enc2 := roundTrip(t, got)
	if !bytes.Equal(enc, enc2) {
		t.Errorf("re-encoding an unused fact changed its bytes")
	}
	want := &fact{Names: in.Names, N: in.N}
	if l := again.load(); !reflect.DeepEqual(l, want) {
		t.Errorf("loaded %+v, want %+v", l, want)
	}
	if l := got.load(); !reflect.DeepEqual(l, want) || got.raw != nil {
		t.Errorf("loaded %+v, want %+v", l, want)
	}
}
