// Command cmd wires the upload server: the store is chosen by a flag, the
// locker is always in memory.
package main

import (
	"flag"
	"net/http"

	"wiring/files/filestore"
	"wiring/files/handler"
	"wiring/files/memlocker"
	"wiring/files/s3store"
)

func main() {
	backend := flag.String("store", "disk", "upload store")
	flag.Parse()
	composer := handler.NewStoreComposer()
	switch *backend {
	case "disk":
		store := filestore.New("/srv/uploads") // want `store filestore.New\(...\), chosen by case "disk", writes a local file with os.WriteFile for handler \(\*handler.Handler\).PostFile through DataStore.NewUpload: .*object storage` `store filestore.New\(...\), chosen by case "disk", writes a local file with os.OpenFile for handler \(\*handler.Handler\).PatchFile through DataStore.GetUpload\(\).WriteChunk: ` `store filestore.New\(...\), chosen by case "disk", writes a local file with os.Remove for handler \(\*handler.Handler\).DelFile through TerminaterDataStore.Terminate: `
		store.Perm = 0o600
		store.UseIn(composer)
	case "s3":
		s3store.New("uploads").UseIn(composer)
	}
	locker := memlocker.New() // want `in-(memory|process) [a-z ]+ MemoryLocker.locks of memlocker.New\(\) is written by handler \(\*handler.Handler\).PostFile through Locker.NewLock\(\).Lock \(and 1 other handler\): `
	locker.UseIn(composer)
	h := handler.NewHandler(handler.Config{StoreComposer: composer})
	http.HandleFunc("POST /files", h.PostFile)
	http.HandleFunc("PATCH /files", h.PatchFile)
	http.HandleFunc("DELETE /files", h.DelFile)
	http.ListenAndServe(":8080", nil)
}
