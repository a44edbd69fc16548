// Package vfs reads files and accounts for them.
package vfs

import "clean/deepstats/acct"

// Read reads name and records the transfer.
func Read(name string) []byte {
	acct.Record("read", int64(len(name)))
	return nil
}
