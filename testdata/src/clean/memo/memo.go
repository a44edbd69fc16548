// Package memo fills caches on request paths with values compiled or
// loaded from what the program ships: parsed templates, time zones. Every
// replica memoises the same values, so none of this is hidden state.
package memo

import (
	"fmt"
	"html/template"
	"net/http"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"time"
)

var tmplCache sync.Map

func render(w http.ResponseWriter, name string, data any) {
	if t, ok := tmplCache.Load(name); ok {
		t.(*template.Template).Execute(w, data)
		return
	}
	t := template.Must(template.ParseFiles(filepath.Join("templates", name)))
	tmplCache.Store(name, t)
	t.Execute(w, data)
}

var (
	locMu sync.Mutex
	locs  = map[string]*time.Location{}
)

func location(name string) *time.Location {
	locMu.Lock()
	defer locMu.Unlock()
	if l, ok := locs[name]; ok {
		return l
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		return time.UTC
	}
	locs[name] = l
	return l
}

// A registry keyed by type name, filled as backends are first used:
// program metadata, the same on every replica.
type backend interface{ Name() string }

type disk struct{}

func (disk) Name() string { return "disk" }

var (
	infoMu     sync.Mutex
	typeToInfo = map[string]string{}
)

func typeKey(b backend) string { return strings.TrimPrefix(fmt.Sprintf("%T", b), "*") }

func register(b backend) {
	infoMu.Lock()
	defer infoMu.Unlock()
	typeToInfo[typeKey(b)] = b.Name()
}

// A table of handler names, keyed by a name the caller picks and filled
// from the runtime's function metadata (gitea's funcInfoNameMap).
type funcInfo struct{ name, file string }

var funcInfoByName = map[string]*funcInfo{}

func describe(f *runtime.Func) *funcInfo {
	file, _ := f.FileLine(f.Entry())
	return &funcInfo{name: f.Name(), file: file}
}

func funcInfoOf(fn any, friendly string) *funcInfo {
	info := describe(runtime.FuncForPC(reflect.ValueOf(fn).Pointer()))
	infoMu.Lock()
	funcInfoByName[friendly] = info
	infoMu.Unlock()
	return info
}

func home(w http.ResponseWriter, r *http.Request) {
	_ = funcInfoOf(home, r.URL.Path)
	register(disk{})
	render(w, "home.html", location(r.URL.Query().Get("tz")).String())
}

func main() {
	http.HandleFunc("/", home)
	http.ListenAndServe(":8080", nil)
}
