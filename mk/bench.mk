# Benchmarks (issue 8): Go core benchmarks, our wasm matcher vs MiniSearch
# on one page in headless Chromium, the widget's cold start and the asset
# sizes, printed as one table and written to bench/results/latest.json.
# A measurement (~5 min on 2 cores; the scale section, which builds a
# 300,000-claim sharded corpus of ~470,000 files, 15-30 more), so not part of `make test` or `make ci`:
# bench/bench_test.go skips itself unless FACTCHECK_BENCH=1.
BENCH_TIMEOUT ?= 60m

bench: chromium wasm build node_modules ## Go core + browser benchmarks vs MiniSearch, cold start, sizes -> bench/results/latest.json
	@mkdir -p bench/results
	set -o pipefail; cd bench && FACTCHECK_BENCH=1 FACTCHECK_REQUIRE_BROWSER=1 FACTCHECK_DATA=$(abspath $(DATA)) \
		FACTCHECK_WEB=$(abspath $(WEB_OUT)) FACTCHECK_BIN=$(abspath $(BIN)) \
		$(GO) test -count=1 -run '^TestBench$$' -timeout $(BENCH_TIMEOUT) -v . | grep --line-buffered -v -E '^(=== RUN|--- PASS|PASS|ok )'
