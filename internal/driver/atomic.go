package driver

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/statelint/statelint/internal/report"
)

// An atomicFile is written under a temporary name in the directory of its
// target and renamed over it when complete, so that a reader never sees a
// half-written file and a failed run leaves the old one in place.
type atomicFile struct {
	*os.File
	target string
	mode   fs.FileMode
	done   bool // committed or aborted
}

// errRefused is a -write-baseline target that must not be overwritten: a
// usage error, not a failed write.
var errRefused = errors.New("refusing to overwrite")

// createBaseline opens the temporary file for a baseline at target, before
// the analysis runs, so that an unwritable directory fails at once rather
// than after minutes of work. An existing target must be a baseline.
func createBaseline(target string) (*atomicFile, error) {
	mode := fs.FileMode(0o644)
	switch info, err := os.Stat(target); {
	case err == nil && !info.Mode().IsRegular():
		return nil, fmt.Errorf("%w %s: it is not a regular file", errRefused, target)
	case err == nil:
		data, err := os.ReadFile(target)
		if err != nil {
			return nil, err
		}
		if !report.IsBaseline(data) {
			return nil, fmt.Errorf("%w %s: it exists and is not a statelint baseline", errRefused, target)
		}
		mode = info.Mode().Perm()
	case !os.IsNotExist(err):
		return nil, err
	}
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".tmp*")
	if err != nil {
		return nil, fmt.Errorf("cannot write baseline %s: %w", target, err)
	}
	return &atomicFile{File: f, target: target, mode: mode}, nil
}

// commit closes the file and renames it over its target.
func (f *atomicFile) commit() error {
	f.done = true
	err := f.Chmod(f.mode)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), f.target)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// abort removes the temporary file and leaves the target as it was.
// It does nothing after commit.
func (f *atomicFile) abort() {
	if f.done {
		return
	}
	f.done = true
	f.Close()
	os.Remove(f.Name())
}
