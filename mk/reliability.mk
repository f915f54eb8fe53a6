# Reliability (issue 9): fuzzing, hostile corpora, privacy, load. The fuzz
# targets run with `make fuzz` (top Makefile); the hostile-corpus and privacy
# browser tests live in test/ and run with `make test`. The load test is a
# measurement, so it is not part of `make test` (only its ~5 s smoke test is).
LOADTEST_DURATION ?= 30s
LOADTEST_CONCURRENCY ?= 8
LOADTEST_SEARCH ?= 0.5

.PHONY: loadtest

loadtest: build ## load factcheck serve on loopback: /v1/check + claims:search (LOADTEST_DURATION<=60s, LOADTEST_CONCURRENCY)
	$(GO) run ./cmd/loadtest -bin $(BIN) -duration $(LOADTEST_DURATION) -c $(LOADTEST_CONCURRENCY) \
		-search $(LOADTEST_SEARCH) $(if $(CORPUS),-corpus $(CORPUS))
