# statelint's build. The two commands a newcomer needs:
#
#	make example   install statelint and run it on the example service
#	make test      run every test (what CI runs, through .ci/run)
#	make recall    recall on labelled public modules (needs the module proxy; not part of test)

GO      ?= go
GOBIN   ?= $(shell $(GO) env GOPATH)/bin

.PHONY: all build install example test lint docs clean

all: build

build:
	$(GO) build -o bin/statelint ./cmd/statelint

install:
	$(GO) install ./cmd/statelint

# example installs statelint and runs it through go vet on the example
# shop. go vet exits 1 when a vet tool reports findings, which here is the
# point; the target fails only if statelint reports nothing or crashes.
example: install
	@cd testdata/shop && $(GO) vet -vettool="$(GOBIN)/statelint" ./... ; \
	status=$$?; \
	if [ $$status -ne 1 ]; then echo "make example: go vet exited $$status, expected 1 (findings)"; exit 1; fi; \
	echo; echo "statelint reported the findings above on testdata/shop (go vet exits 1 when there are findings)."

test: lint
	$(GO) test -count=1 ./...
	$(MAKE) -s golangci-e2e
	scripts/validate-sarif.sh
	scripts/validate-mermaid.sh

# lint keeps the tree gofmt-, go vet- and staticcheck-clean.
lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' | grep -v '^testdata/'))" || { gofmt -l $$(git ls-files '*.go' | grep -v '^testdata/'); echo "gofmt needed"; exit 1; }
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

clean:
	rm -rf bin build

include mk/golangci.mk
-include mk/realworld.mk
-include mk/recall.mk
