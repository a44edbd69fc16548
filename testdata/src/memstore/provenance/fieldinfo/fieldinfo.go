// Package fieldinfo keeps what reflection says about the structs that
// requests are bound to, one table per tag, as fiber's binder does: the
// entry is computed from the type it is keyed by (through reflect.Type's
// methods) and the tag that picks the table, so every replica computes
// the same one. Silent. The same tables filled with the names a request
// sends are records of the requests.
package fieldinfo

import (
	"net/http"
	"reflect"
	"sync"
)

type fieldInfo struct {
	names map[string]reflect.Kind
}

var (
	headerFields sync.Map
	queryFields  sync.Map
	seenFields   sync.Map
)

func tableFor(tag string) *sync.Map {
	switch tag {
	case "header":
		return &headerFields
	case "query":
		return &queryFields
	}
	panic("unknown tag " + tag)
}

func build(t reflect.Type, tag string) fieldInfo {
	info := fieldInfo{names: map[string]reflect.Kind{}}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		info.names[f.Tag.Get(tag)] = f.Type.Kind()
	}
	return info
}

func fields(out any, tag string) fieldInfo {
	typ := reflect.TypeOf(out).Elem()
	table := tableFor(tag)
	if v, ok := table.Load(typ); ok {
		return v.(fieldInfo)
	}
	v, _ := table.LoadOrStore(typ, build(typ, tag))
	return v.(fieldInfo)
}

// seen records the query names each bound type was sent with.
func seen(out any, r *http.Request) fieldInfo {
	typ := reflect.TypeOf(out).Elem()
	if v, ok := seenFields.Load(typ); ok {
		return v.(fieldInfo)
	}
	info := fieldInfo{names: map[string]reflect.Kind{}}
	for name := range r.URL.Query() {
		info.names[name] = reflect.String
	}
	v, _ := seenFields.LoadOrStore(typ, info) // want `seenFields is written by handler for "GET /search"`
	return v.(fieldInfo)
}

type search struct {
	Q    string `query:"q"`
	Page int    `query:"page"`
}

func handle(w http.ResponseWriter, r *http.Request) {
	var s search
	if len(fields(&s, "query").names) == 0 || len(seen(&s, r).names) == 0 {
		w.WriteHeader(http.StatusBadRequest)
	}
}

func main() {
	http.HandleFunc("GET /search", handle)
}
