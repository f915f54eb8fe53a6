# The browser extension (issue 7): a Manifest V3 extension around the same
# wasm, worker, loader and corpus as the widget (copied from build/web).
EXT_OUT := dist/extension
EXT_ZIP := dist/factcheck-extension.zip

.PHONY: extension

extension: wasm ## build the browser extension into dist/extension and dist/factcheck-extension.zip; print its packed size
	$(GO) run ./cmd/extension -assets $(WEB_OUT) -o $(EXT_OUT) -zip $(EXT_ZIP)
	@$(GO) run ./cmd/assetsizes $(EXT_ZIP)
