# The two commands of the README: `make run` and `make test`.
# Everything else here is a step of theirs, or `make bench` / `make static`.

GO      ?= go
ADDR    ?= :8000
COMMIT  := $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo dev)
# Each fuzz target runs a fixed number of inputs, about 10 s each on a
# 2-core machine. A count, not a duration: with a duration, Go 1.26's fuzzing
# coordinator can race a worker at the deadline and fail with "context
# deadline exceeded" and no failing input (go.dev/issue/75804, fixed in Go
# 1.27); it did once in make test. FUZZTIME=30s (a duration) overrides all.
FUZZTIME ?=
fuzzbudget = $(if $(FUZZTIME),$(FUZZTIME),$(1))
PREFIX  ?= /
PUBLIC_URL ?=
# DATA is another story's dataset file (empty: the shipped data/dataset.json),
# for `make check`, and for `make build`, `make run` and `make static`, which
# then compile it into both binaries: it is generated into bin/ and swapped in
# for data/dataset_gen.go with `go build -overlay`, so the committed file never
# changes. SOURCES is the directory of its articles' texts (default for the
# shipped one: ../shared/seeds).
DATA    ?=
SOURCES ?= $(if $(DATA),,$(wildcard ../shared/seeds))
ifneq ($(DATA),)
GEN_OUT     := bin/.gen/dataset_gen.go
OVERLAY     := bin/.gen/overlay.json
OVERLAYFLAG := -overlay $(CURDIR)/$(OVERLAY)
else
GEN_OUT     := data/dataset_gen.go
OVERLAYFLAG :=
endif
export GOFLAGS := -buildvcs=false
SHELL   := /bin/bash

.PHONY: all build generate wasm server run check test deps lint unit race fuzz static bench clean

all: build

## build: the client web/app.wasm (+ .br, .gz, version.txt; built against bin/client.mod) and the server bin/amzwidget
build: wasm server

## generate: data/dataset_gen.go, the dataset compiled into both binaries, from data/dataset.json
## (or bin/.gen/dataset_gen.go from DATA=file.json, with bin/.gen/overlay.json); refused if it has problems
generate:
	@mkdir -p bin/.gen
	$(GO) run -tags gendata ./internal/cmd/gendata -in $(or $(DATA),data/dataset.json) -out $(GEN_OUT)
ifneq ($(DATA),)
	printf '{"Replace":{"%s":"%s"}}\n' "$(CURDIR)/data/dataset_gen.go" "$(CURDIR)/$(GEN_OUT)" > $(OVERLAY)
endif

# The client is built with go-app's server half (net/http, and crypto/tls
# with it) left out: bin/client.mod replaces go-app by the copy that
# internal/cmd/clientgoapp writes (app.wasm 8.76 MB → 7.42 MB raw).
wasm: generate
	$(GO) run ./internal/cmd/clientgoapp -out bin/goapp-client -modfile bin/client.mod
	GOOS=js GOARCH=wasm $(GO) build -modfile=bin/client.mod $(OVERLAYFLAG) -trimpath -ldflags='-s -w' -o web/app.wasm ./wasm
	$(GO) run ./internal/cmd/compress -dir web -commit $(COMMIT)

server: generate
	$(GO) build $(OVERLAYFLAG) -trimpath -o bin/amzwidget .

## run: build everything and serve on http://localhost:8000
run: build
	./bin/amzwidget -addr $(ADDR)

## check: every problem of a dataset (DATA=file.json), one per line with its place and what is accepted; quotes checked against SOURCES=dir
## (the checker is built with the shipped dataset, so that a file with problems is reported whole,
## quotes included, and bin/amzwidget is left as it was)
check:
	@mkdir -p bin/.gen
	$(GO) build -trimpath -o bin/.gen/amzwidget-check .
	bin/.gen/amzwidget-check -check $(or $(DATA),data/dataset.json)$(if $(SOURCES), -sources $(SOURCES))

## static: the site as static files in dist/ for any static host or CDN (PREFIX=/sub/path/;
## PUBLIC_URL=https://host/sub/path/ makes the social previews' og:url and og:image absolute)
static: build
	$(GO) run $(OVERLAYFLAG) ./internal/cmd/static -out dist -prefix $(PREFIX)$(if $(PUBLIC_URL), -public-url $(PUBLIC_URL))

## deps: install what the tests need (Chromium, nginx, npm packages), or stop and say why
deps:
	bash scripts/deps.sh

## lint: gofmt, go vet (host and GOOS=js), staticcheck, and data/dataset_gen.go up to date
## (checked before `build` regenerates it, so that make test fails on a stale committed file)
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi; echo "gofmt: ok"
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./wasm ./pages ./widget ./calc ./data ./scenario ./export ./chart
	$(GO) tool staticcheck ./...
	$(GO) test -count=1 -run '^TestGeneratedUpToDate$$' ./data

## unit: every Go test, browser tests included (they need `make build` and `make deps`;
## the root package's take over 10 minutes, go test's default limit, on a busy machine)
unit:
	set -o pipefail; $(GO) test -count=1 -timeout 30m -json ./... | $(GO) run ./internal/cmd/testsummary -min-browser 1

## race: the server's own tests, the page cache under concurrent readers and TestLoad, under the race detector
race:
	$(GO) test -race -count=1 -run '^(TestServer|TestHostile|TestOEmbedAnswers|TestPrerendered|TestWasm|TestPageCache|TestLoad)' .

## fuzz: each fuzz target for a fixed number of inputs (or for $(FUZZTIME))
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParseNumber$$' -fuzztime $(call fuzzbudget,400000x) ./scenario
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(call fuzzbudget,300000x) ./scenario
	$(GO) test -run '^$$' -fuzz '^FuzzEvaluate$$' -fuzztime $(call fuzzbudget,5000x) ./calc
	$(GO) test -run '^$$' -fuzz '^FuzzFormatLocale$$' -fuzztime $(call fuzzbudget,100000x) ./calc
	$(GO) test -run '^$$' -fuzz '^FuzzPlainFastPath$$' -fuzztime $(call fuzzbudget,100000x) ./calc
	$(GO) test -run '^$$' -fuzz '^FuzzParseNumberIn$$' -fuzztime $(call fuzzbudget,300000x) ./scenario
	$(GO) test -run '^$$' -fuzz '^FuzzSyntax$$' -fuzztime $(call fuzzbudget,200000x) ./data

## test: everything that proves it works
test: deps lint build unit race fuzz
	@echo "make test: all passed"

clean:
	rm -rf bin dist web/app.wasm web/app.wasm.br web/app.wasm.gz web/app.wasm.sha256 web/version.txt

## bench: the widget against a bare go-app baseline and nginx, in one run (not part of make test)
bench: deps
	$(GO) test -tags bench -count=1 -timeout 30m -run TestBench -v ./bench | tee /tmp/amzwidget-bench.log | grep -v '^=== \|screenshot'
	$(GO) test -run '^$$' -bench '^BenchmarkChartPNG$$' -benchtime 100x ./chartimg | grep Benchmark
