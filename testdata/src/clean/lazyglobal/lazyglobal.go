// Package lazyglobal initialises process-wide values on first use, guarded
// by another variable or by an atomic pointer, as gitea does; and memoises
// metadata keyed by reflection. None of it is per-request state.
package lazyglobal

import (
	"net/http"
	"reflect"
	"sync"
	"sync/atomic"
)

var (
	features   *struct{ on bool }
	executable string
	devMode    atomic.Pointer[bool]
	mu         sync.Mutex
	typeInfo         = map[reflect.Type]string{}
	blockSize  int64 = 32 << 10
)

func setExecutable(p string) { executable = p }

func defaultFeatures() *struct{ on bool } {
	if features == nil {
		setExecutable("/usr/bin/git")
		features = &struct{ on bool }{on: true}
	}
	return features
}

func isDev() bool {
	if v := devMode.Load(); v != nil {
		return *v
	}
	dev := false
	devMode.Store(&dev)
	return dev
}

func describe(v any) string {
	t := reflect.TypeOf(v)
	mu.Lock()
	defer mu.Unlock()
	if s, ok := typeInfo[t]; ok {
		return s
	}
	typeInfo[t] = t.String()
	return typeInfo[t]
}

type file struct{ blockSize int64 }

func (f *file) load() { f.blockSize = 4096 }

func newFile() *file {
	f := &file{blockSize: blockSize}
	f.load()
	return f
}

// loadConfig reads the configuration on first use, as rclone's
// config.LoadedData does: the flag is set once per process.
var (
	configLoaded bool
	configData   map[string]string
)

func loadConfig() map[string]string {
	if !configLoaded {
		configData = map[string]string{"remote": "s3"}
		configLoaded = true
	}
	return configData
}

func handle(w http.ResponseWriter, r *http.Request) {
	defaultFeatures()
	_ = loadConfig()
	if isDev() {
		return
	}
	b := []byte(r.URL.Path)
	copy(b, "x")
	_ = newFile()
	w.Write([]byte(describe(w)))
}

func main() { http.HandleFunc("/", handle) }
