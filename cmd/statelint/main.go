// Command statelint finds hidden server state in Go web services: the
// in-process counters, sessions, caches and local files that break when a
// second replica starts. Run it on its own (statelint ./...) or through
// go vet -vettool="$(go env GOPATH)/bin/statelint" ./...
package main

import (
	"github.com/statelint/statelint/internal/driver"
	"github.com/statelint/statelint/passes"
)

func main() { driver.Main(passes.All) }
