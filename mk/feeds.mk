# Feeds (issue 15): import at scale. `make feed-bench` measures `factcheck
# index` on a generated Data Commons-style DataFeed (written to $(FEED_DIR),
# never committed): peak RSS and time as /usr/bin/time -v reports them.
FEED_ITEMS ?= 200000
FEED_DIR ?= /tmp/factcheck-feed-bench

.PHONY: feed-bench

feed-bench: build ## peak RSS and time of factcheck index on FEED_ITEMS generated DataFeed items
	@mkdir -p $(FEED_DIR)
	$(GO) run ./cmd/feedgen -n $(FEED_ITEMS) -o $(FEED_DIR)/feed.jsonld
	@/usr/bin/time -v $(BIN) index -o $(FEED_DIR)/feed.fcx $(FEED_DIR)/feed.jsonld 2>&1 \
		| grep -E '^(indexed|wrote)|Maximum resident|Elapsed' | cut -c1-200
