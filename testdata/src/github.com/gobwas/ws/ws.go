// Package ws is a stub of github.com/gobwas/ws@v1.5.0 for statelint's tests: only the signatures the tests use.
package ws

import (
	"bufio"
	"net"
	"net/http"
)

type OpCode byte

type Handshake struct{}

func UpgradeHTTP(r *http.Request, w http.ResponseWriter) (net.Conn, *bufio.ReadWriter, Handshake, error) {
	return nil, nil, Handshake{}, nil
}
