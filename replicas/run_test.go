package replicas_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/statelint/statelint/replicas"
)

// serverEnv makes the test binary a toy service instead of running tests:
// "memory" keeps login tokens in process memory, "tmpfiles" in files under
// os.TempDir(), "signed" hands out tokens
// that carry the user, as a signed token would. Both add a random request
// ID to every answer, which the control pass learns to leave out.
const serverEnv = "REPLICAS_TEST_SERVER"

func TestMain(m *testing.M) {
	if mode := os.Getenv(serverEnv); mode != "" {
		serveToy(mode)
		return
	}
	os.Exit(m.Run())
}

func serveToy(mode string) {
	var mu sync.Mutex
	tokens := map[string]string{}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", func(w http.ResponseWriter, r *http.Request) {
		user := r.FormValue("user")
		tok := "signed." + user
		switch mode {
		case "memory":
			tok = randomID()
			mu.Lock()
			tokens[tok] = user
			mu.Unlock()
		case "tmpfiles":
			tok = randomID()
			os.WriteFile(filepath.Join(os.TempDir(), tok), []byte(user), 0o600)
		}
		answer(w, http.StatusOK, map[string]string{"token": tok})
	})
	mux.HandleFunc("GET /me", func(w http.ResponseWriter, r *http.Request) {
		tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		user, ok := strings.CutPrefix(tok, "signed.")
		switch mode {
		case "memory":
			mu.Lock()
			user, ok = tokens[tok]
			mu.Unlock()
		case "tmpfiles":
			data, err := os.ReadFile(filepath.Join(os.TempDir(), filepath.Base(tok)))
			user, ok = string(data), err == nil
		}
		if !ok {
			answer(w, http.StatusUnauthorized, map[string]string{"error": "log in first"})
			return
		}
		answer(w, http.StatusOK, map[string]string{"user": user})
	})
	srv := &http.Server{Addr: "127.0.0.1:" + os.Getenv("PORT"), Handler: mux}
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		<-c
		srv.Shutdown(context.Background())
	}()
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func answer(w http.ResponseWriter, status int, v map[string]string) {
	v["request_id"] = randomID()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func randomID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// toyJourney logs in and asks who it is steps-1 times.
func toyJourney(steps int) *replicas.Journey {
	j := &replicas.Journey{Steps: []replicas.Step{{
		Name: "login", Method: "POST", Path: "/login", Form: map[string]string{"user": "ana"},
		Capture: map[string]string{"token": "json:$.token"},
	}}}
	for range steps - 1 {
		j.Steps = append(j.Steps, replicas.Step{Name: "me", Path: "/me",
			Headers: map[string]string{"Authorization": "Bearer {{token}}"}})
	}
	return j
}

func toy(mode string, j *replicas.Journey) replicas.Config {
	return replicas.Config{
		Journey:  j,
		Command:  replicas.Command{Path: os.Args[0], Env: []string{serverEnv + "=" + mode}},
		Replicas: 3,
	}
}

func TestMemoryTokensDiffer(t *testing.T) {
	rep, err := replicas.Run(context.Background(), toy("memory", toyJourney(4)))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Passes {
		d := p.First
		if d == nil || d.Step != 2 || d.Replica != 2 || d.Reference.Status != 200 || d.Got.Status != 401 {
			t.Errorf("%s: first difference %+v, want step 2 on replica 2, 200 → 401", p.Pass, d)
		}
	}
	// Replica 1 served the login: in the replicas pass step 4 is back
	// there and matches; in the restart pass replica 1 was restarted.
	if got := fmt.Sprint(rep.Passes[0].Differing, rep.Passes[1].Differing); got != "[2 3] [2 3 4]" {
		t.Errorf("differing steps %s, want [2 3] [2 3 4]", got)
	}
}

// TestTempFilesDiffer: each replica has a TMPDIR of its own, as each
// container has, so sessions kept in temporary files are not shared.
func TestTempFilesDiffer(t *testing.T) {
	rep, err := replicas.Run(context.Background(), toy("tmpfiles", toyJourney(3)))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Match || rep.Passes[0].First.Step != 2 {
		t.Errorf("sessions in temporary files: %+v", rep.Passes[0])
	}
}

func TestSignedTokensMatch(t *testing.T) {
	rep, err := replicas.Run(context.Background(), toy("signed", toyJourney(4)))
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	rep.WriteText(&text)
	if !rep.Match {
		t.Errorf("stateless toy differs:\n%s", text.String())
	}
	// The random request ID differs between two runs on one instance.
	if len(rep.Noise) != 4 || rep.Noise[0].Ignored != "$.request_id" {
		t.Errorf("noise %+v", rep.Noise)
	}
}

// TestIgnoreWithoutControl: without the control pass the request ID
// differs, unless an ignore rule leaves it out.
func TestIgnoreWithoutControl(t *testing.T) {
	cfg := toy("signed", toyJourney(2))
	cfg.NoControl = true
	rep, err := replicas.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Match {
		t.Error("random request IDs matched without control or ignore rule")
	}
	cfg.Journey.Ignore = []string{"json:$.request_id"}
	if rep, err = replicas.Run(context.Background(), cfg); err != nil || !rep.Match {
		t.Errorf("with the ignore rule: %+v, %v", rep, err)
	}
}

// TestReferenceMustFit: a step whose expected status the reference does
// not answer, or whose capture finds nothing there, is an error, not a
// match.
func TestReferenceMustFit(t *testing.T) {
	j := toyJourney(2)
	j.Steps[1].Status = 204
	if _, err := replicas.Run(context.Background(), toy("signed", j)); err == nil || !strings.Contains(err.Error(), "the journey expects 204") {
		t.Errorf("error %v", err)
	}
	j = toyJourney(2)
	j.Steps[0].Capture["token"] = "json:$.nothing"
	if _, err := replicas.Run(context.Background(), toy("signed", j)); err == nil || !strings.Contains(err.Error(), "capture token found nothing") {
		t.Errorf("error %v", err)
	}
}

// BenchmarkJourney runs a 20-step journey through every pass on three
// replicas of a stateless toy service, 19 restarts included.
func BenchmarkJourney(b *testing.B) {
	cfg := toy("signed", toyJourney(20))
	for b.Loop() {
		rep, err := replicas.Run(context.Background(), cfg)
		if err != nil || !rep.Match {
			b.Fatalf("%+v %v", rep, err)
		}
	}
}
