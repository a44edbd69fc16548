// Package handles keeps files open for the whole process and writes them
// on every request: an events log and an audit file are local data
// stores, whatever writes them. Scratch files of one request, and writes
// to the process's own output, are not.
package handles

import (
	"net/http"
	"os"
)

var events *os.File

type Server struct {
	audit *os.File
}

func (s *Server) record(w http.ResponseWriter, r *http.Request) {
	events.WriteString(r.URL.Path + "\n") // want `handler for "POST /record" writes the local file events with \(\*os.File\).WriteString`
	s.audit.Write([]byte(r.RemoteAddr))   // want `handler for "POST /record" writes the local file Server.audit with \(\*os.File\).Write`
}

// The clean twins: the process's own output, and a scratch file removed
// before the request ends.
func (s *Server) scratch(w http.ResponseWriter, r *http.Request) {
	os.Stdout.WriteString(r.URL.Path + "\n")
	f, err := os.CreateTemp("", "scratch-*")
	if err != nil {
		return
	}
	defer os.Remove(f.Name())
	f.WriteString(r.FormValue("body"))
	f.Close()
}

func main() {
	events, _ = os.OpenFile("events.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	audit, _ := os.OpenFile("audit.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	s := &Server{audit: audit}
	http.HandleFunc("POST /record", s.record)
	http.HandleFunc("POST /scratch", s.scratch)
	http.ListenAndServe(":8080", nil)
}
