# Fact-check widget: one Go core, thin adapters. `make help` lists targets.
# Feature areas add their own targets in mk/*.mk and hook into test/ci via
# TEST_DEPS (built or installed before `go test`) and CI_CHECKS (extra checks).
SHELL := /bin/bash
GO ?= go
DATA ?= ../shared/data
BIN := bin/factcheck
TEST_DEPS :=
CI_CHECKS :=
FUZZTIME ?= 60s

.DEFAULT_GOAL := help
-include mk/*.mk

.PHONY: help build test ci demo eval bench fuzz lint vet fmt-check core-lint tidy-check clean

help: ## list targets
	@grep -hE '^[a-z][a-zA-Z_-]*:.*## ' $(MAKEFILE_LIST) | sort | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

build: ## build the CLI into bin/factcheck
	$(GO) build -o $(BIN) ./cmd/factcheck

test: $(TEST_DEPS) ## all tests (unit, golden, browser, Worker)
	$(GO) test -count=1 ./...

ci: fmt-check vet core-lint tidy-check $(CI_CHECKS) test ## what CI runs: checks + make test

fmt-check: ## gofmt must have nothing to change
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v '_templ.go$$')); \
	if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi; echo "gofmt: ok"

vet:
	$(GO) vet ./...

# The matching path must link into a small wasm: no syscall/js, no net/http
# anywhere in internal/ except the HTTP adapter package internal/api.
core-lint: ## internal/ (but internal/api) imports neither syscall/js nor net/http
	@bad=$$($(GO) list -f '{{.ImportPath}}: {{join .Deps " "}}' $$($(GO) list ./internal/... | grep -v '/internal/api') \
		| grep -E '(^| )(syscall/js|net/http)( |$$)' | cut -d: -f1); \
	if [ -n "$$bad" ]; then echo "core-lint: these core packages depend on syscall/js or net/http: $$bad"; exit 1; fi; \
	echo "core-lint: ok (internal/ is free of syscall/js and net/http)"

# Compares in a private temp dir: parallel checkouts must not share files.
tidy-check: ## go.mod and go.sum are tidy
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; cp go.mod go.sum "$$tmp"/; $(GO) mod tidy; \
	if ! diff -q go.mod "$$tmp"/go.mod >/dev/null || ! diff -q go.sum "$$tmp"/go.sum >/dev/null; then \
		cp "$$tmp"/go.mod "$$tmp"/go.sum .; echo "go.mod/go.sum are not tidy: run go mod tidy"; exit 1; fi; echo "go mod tidy: ok"

eval: build ## MAP@k vs plain BM25, tiers, flags and (debates) whole-page figures on every dev set in ../shared/data
	@if [ ! -d "$(DATA)" ]; then echo "eval: $(DATA) not found; the CheckThat! data is needed (see README)"; exit 0; fi; \
	for d in $(DATA)/checkthat-*/; do \
		c=$$d/vclaims.jsonl; n=$$(basename $$d); echo "== $$n dev"; \
		t=; [ -d $$d/transcripts ] && t="--transcripts $$d/transcripts"; \
		$(BIN) eval --corpus $$c --queries $$d/dev.queries.tsv --qrels $$d/dev.qrels $$t || exit 1; \
	done

fuzz: ## run every fuzz target for FUZZTIME (default 60s)
	@for pkg in $$($(GO) list ./...); do \
		for t in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
			echo "== $$pkg $$t ($(FUZZTIME))"; $(GO) test $$pkg -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) || exit 1; \
		done; \
	done

clean:
	rm -rf bin build dist
