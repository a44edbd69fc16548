// Package wsutil is a stub of github.com/gobwas/ws/wsutil@v1.5.0 for statelint's tests: only the signatures the tests use.
package wsutil

import (
	"io"

	"github.com/gobwas/ws"
)

func ReadClientData(rw io.ReadWriter) ([]byte, ws.OpCode, error) { return nil, 0, nil }

func WriteServerMessage(w io.Writer, op ws.OpCode, p []byte) error { return nil }
