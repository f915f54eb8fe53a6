# Cloudflare Worker (issue 6): the API on syumai/workers under wasm/worker.
#
# The Worker builds into build/worker/, not build/: workers-assets-gen wipes
# its output dir, and build/web/ belongs to `make wasm`. wrangler.toml points
# its main at build/worker/worker.mjs.
WORKER_OUT := build/worker
# WORKER_CORPUS names a compiled index (.fcx) to serve instead of the default corpus.
WORKER_CORPUS ?=
WORKER_PORT ?= 8787
WRANGLER := node_modules/.bin/wrangler
WRANGLER_ENV := WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false

.PHONY: worker worker-dev worker-bench worker-size worker-test-deps worker-vet worker-corpus

# The integration test (wasm/worker/workertest) builds the Worker itself and
# needs wrangler; without npm it skips itself.
TEST_DEPS += worker-test-deps
# go vet skips the js/wasm entry on the host; vet it for its real target.
CI_CHECKS += worker-vet

# npm ci again whenever package-lock.json is newer than the install.
node_modules: package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm not found: install Node 20 and npm (needed for wrangler)"; exit 1; }
	npm ci --no-audit --no-fund
	@touch node_modules

worker-test-deps:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory node_modules; \
	else echo "npm not found: the Worker integration test will be skipped"; fi

# The index the Worker embeds (gitignored): default corpus or WORKER_CORPUS.
worker-corpus:
	$(GO) run ./wasm/worker/corpusgen -o wasm/worker/corpus.fcx $(if $(WORKER_CORPUS),-from $(WORKER_CORPUS))

worker-vet: worker-corpus ## go vet the Worker entry as GOOS=js GOARCH=wasm
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/worker

# syumai/workers' generator is run at the version go.mod pins (v0.32.0). It
# writes wasm_exec.js, runtime.mjs and a worker.mjs that starts a Go instance
# per request; our glue/worker.mjs replaces the latter (one instance per isolate).
# The build goes to a staging dir and each file is moved into place (renames
# are atomic), so a running wrangler dev never loads a half-built Worker.
worker: worker-corpus ## build the Cloudflare Worker into build/worker (WORKER_CORPUS=FILE.fcx serves another index)
	$(GO) run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o $(WORKER_OUT).stage
	cp wasm/worker/glue/worker.mjs $(WORKER_OUT).stage/worker.mjs
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $(WORKER_OUT).stage/app.wasm ./wasm/worker
	@mkdir -p $(WORKER_OUT) && mv -f $(WORKER_OUT).stage/* $(WORKER_OUT)/ && rmdir $(WORKER_OUT).stage

worker-dev: worker node_modules ## serve the Worker with wrangler dev on 127.0.0.1:8787
	$(WRANGLER_ENV) $(WRANGLER) dev --local --ip 127.0.0.1 --port $(WORKER_PORT) --show-interactive-dev-session=false

worker-bench: worker node_modules ## start wrangler dev, time 2,000 API requests, print p50/p95/p99
	$(GO) run ./wasm/worker/bench -n 2000

worker-size: worker node_modules ## bundle as for deploy (dry run) and print the size wrangler reports
	@rm -rf build/worker-dist
	@$(WRANGLER_ENV) $(WRANGLER) deploy --dry-run --outdir build/worker-dist 2>&1 | tee build/worker-size.log | grep -E 'Total Upload|gzip' \
		|| { cat build/worker-size.log; exit 1; }
	@echo "(Cloudflare's limit is on the gzip size: 3 MiB on the Free plan, 10 MiB on Paid)"
