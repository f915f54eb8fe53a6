# The site and local server (issue 5): templ pages in web/site, served with
# the API by `factcheck serve`. Generated *_templ.go files are committed;
# templ-check (run by CI) fails when they are stale.
TEMPL := $(GO) run github.com/a-h/templ/cmd/templ@v0.3.1100
ADDR ?= 127.0.0.1:8080
SITE_DIR ?= build/site

.PHONY: templ-generate templ-check serve site

CI_CHECKS += templ-check

templ-generate: ## regenerate web/site/*_templ.go from the .templ files
	$(TEMPL) generate -path web/site

# Generates into a temporary copy, so a dirty tree is never touched.
templ-check: ## generated templ code is up to date
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; cp -r web/site/. "$$tmp"/; \
	$(TEMPL) generate -path "$$tmp" >/dev/null 2>&1 || { echo "templ-check: templ generate failed"; exit 1; }; \
	bad=; for f in "$$tmp"/*_templ.go; do n=web/site/$$(basename "$$f"); \
		cmp -s "$$f" "$$n" || bad="$$bad $$n"; done; \
	for f in web/site/*_templ.go; do [ -e "$$tmp/$$(basename "$$f" _templ.go).templ" ] || bad="$$bad $$f(orphan)"; done; \
	if [ -n "$$bad" ]; then echo "templ-check: stale generated code:$$bad (run make templ-generate)"; exit 1; fi; \
	echo "templ-check: ok"

demo: build wasm ## build everything and serve the site with the demo on http://127.0.0.1:8080
	@echo "factcheck: open http://$(ADDR)/demo/"
	$(BIN) serve --addr $(ADDR)

serve: build ## serve the site and API (ADDR=host:port, CORPUS=FILE)
	@echo "factcheck: open http://$(ADDR)/"
	$(BIN) serve --addr $(ADDR) $(if $(CORPUS),--corpus $(CORPUS))

site: build ## write the static site into build/site (SITE_DIR=DIR)
	$(BIN) site -o $(SITE_DIR) $(if $(CORPUS),--corpus $(CORPUS))
