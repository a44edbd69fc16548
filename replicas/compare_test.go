package replicas

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

func view200(body string) view { return makeView(&response{status: 200, body: []byte(body)}, nil) }

func TestNoiseJSON(t *testing.T) {
	a := view200(`{"id": "r1", "cart": ["book"], "at": {"t": 1}}`)
	b := view200(`{"id": "r2", "cart": ["book"], "at": {"t": 2}}`)
	n := learnNoise(a, b)
	if !slices.Equal(n.Paths, []string{"$.at.t", "$.id"}) || n.Body || n.Status {
		t.Fatalf("noise %+v", n)
	}
	if d := differences(a, view200(`{"id": "r3", "cart": ["book"], "at": {"t": 3}}`), n); len(d) > 0 {
		t.Errorf("noise compared: %v", d)
	}
	if d := differences(a, view200(`{"id": "r3", "cart": [], "at": {"t": 3}}`), n); !slices.Equal(d, []string{"body $.cart"}) {
		t.Errorf("differences %v, want the cart", d)
	}
}

func TestNoiseText(t *testing.T) {
	a := view200("<p>request r1a2</p><li>book</li>")
	n := learnNoise(a, view200("<p>request r7f9</p><li>book</li>"))
	if n.Body || len(n.Tokens) != 1 {
		t.Fatalf("noise %+v", n)
	}
	if d := differences(a, view200("<p>request 0000</p><li>book</li>"), n); len(d) > 0 {
		t.Errorf("noisy word compared: %v", d)
	}
	if d := differences(a, view200("<p>request 0000</p>"), n); len(d) == 0 {
		t.Error("a missing item matched")
	}
	if d := differences(a, view200("<p>request 0000</p><li>pen</li>"), n); len(d) == 0 {
		t.Error("another item matched")
	}
}

func TestNoiseStatus(t *testing.T) {
	created := makeView(&response{status: 201}, nil)
	conflict := makeView(&response{status: 409, body: []byte("exists")}, nil)
	n := learnNoise(created, conflict)
	if !n.Status || !n.Body {
		t.Fatalf("noise %+v", n)
	}
	if d := differences(created, makeView(&response{status: 500}, nil), n); len(d) > 0 {
		t.Errorf("a step whose status is noise compared: %v", d)
	}
}

func TestDifferences(t *testing.T) {
	ok := view200(`{"user": "ana"}`)
	for _, tc := range []struct {
		got  view
		want string
	}{
		{makeView(&response{status: 401, body: []byte(`{"error": "login"}`)}, nil), "status 200 → 401"},
		{makeView(&response{err: "EOF"}, nil), "request: ok → EOF"},
		{view200("ana"), "body: JSON on one side only"},
		{view200(`{"user": ""}`), "body $.user"},
		{view200(`{}`), "body $.user"},
	} {
		if d := differences(ok, tc.got, noise{}); len(d) != 1 || d[0] != tc.want {
			t.Errorf("got %v, want %q", d, tc.want)
		}
	}
	if d := differences(ok, view200(`{ "user":"ana" }`), noise{}); len(d) > 0 {
		t.Errorf("JSON compared as text: %v", d)
	}
}

func TestArrayOrder(t *testing.T) {
	a := view200(`{"items": [{"n": "book"}, {"n": "pen"}]}`)
	if d := differences(a, view200(`{"items": [{"n": "pen"}, {"n": "book"}]}`), noise{}); len(d) > 0 {
		t.Errorf("the same items in another order differ: %v", d)
	}
	if d := differences(a, view200(`{"items": [{"n": "pen"}, {"n": "pen"}]}`), noise{}); len(d) == 0 {
		t.Error("other items matched")
	}
}

func TestWords(t *testing.T) {
	// Random base64 values split into the same number of words.
	if _, whole := tokenDiff("token a+b/c= ok", "token xyz9 ok"); whole {
		t.Error("base64 values moved the words after them")
	}
}

func TestRouteText(t *testing.T) {
	d := &Difference{Step: 7, Replica: 1, Restarted: 3, Earlier: []int{1, 2, 3, 1, 2, 3}}
	want := "step 1 went to replica 1, step 2 to replica 2, …, step 6 to replica 3 and step 7 to replica 1 (replica 3 restarted before step 7)"
	if got := route(d); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := route(&Difference{Step: 1, Replica: 1}); got != "step 1 went to replica 1" {
		t.Errorf("got %s", got)
	}
}

// TestTimes: times differ from run to run whether or not the control pass
// saw them change, and are not compared.
func TestTimes(t *testing.T) {
	now := time.Now()
	a := view200(fmt.Sprintf(`{"at": %q, "unix": %d, "ms": %d, "n": 3, "items": ["book"]}`,
		now.Format(time.RFC3339), now.Unix(), now.UnixMilli()))
	later := now.Add(3 * time.Second)
	b := view200(fmt.Sprintf(`{"at": %q, "unix": %d, "ms": %d, "n": 3, "items": ["book"]}`,
		later.Format(time.RFC3339Nano), later.Unix(), later.UnixMilli()))
	if d := differences(a, b, noise{}); len(d) > 0 {
		t.Errorf("times compared: %v", d)
	}
	if d := differences(a, view200(`{"at": "x", "unix": 1, "ms": 2, "n": 3, "items": ["book"]}`), noise{}); len(d) != 3 {
		t.Errorf("values that are not times: %v", d)
	}
	text := func(at time.Time) view {
		return view200("<p>" + at.Format(time.RFC1123) + " " + at.Format("15:04:05") + "</p><li>book</li>")
	}
	if d := differences(text(now), text(later), noise{}); len(d) > 0 {
		t.Errorf("times in text compared: %v", d)
	}
}
