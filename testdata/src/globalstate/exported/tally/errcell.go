package tally

import (
	"errors"
	"net/http"
	"strings"
)

// ErrBadList is a sentinel error: returning it, or assigning it to a
// result the loop body's closure also assigns, writes no package state.
var ErrBadList = errors.New("bad list")

func parseList(header string) (ids []string, err error) {
	for v := range strings.SplitSeq(header, ",") {
		if v == "" {
			err = errors.New("empty id")
			return
		}
		ids = append(ids, v)
	}
	if len(ids) == 0 {
		err = ErrBadList
	}
	return
}

// List parses the request's list: silent.
func List(w http.ResponseWriter, r *http.Request) {
	if _, err := parseList(r.Header.Get("X-List")); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
}
