# The two commands a newcomer needs: `make site` and `make test`. Everything else is optional.
# Only python3 (3.11+), make and git are assumed; dependencies install into .venv from requirements.lock.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
PIP    := $(BIN)/python -m pip --disable-pip-version-check --quiet

export NO_MKDOCS_2_WARNING := 1

# Self-hosted Mermaid (Material would otherwise load it from a CDN); `make vendor` refreshes it from npm.
MERMAID_VERSION := 11.12.3
MERMAID_SHA256  := 71dc54e481779b526de5e615c2eb00c99fa5acb75da9c5524d02e333d2fda89a
MERMAID_DIR     := overrides/assets/javascripts/vendor
IFRAME_WORKER_VERSION := 1.0.4
IFRAME_WORKER_SHA256  := e8e412dbcfea9b7e31b5ffa288d7b6035915e714c542f4176a0cdbe262fc9609

.PHONY: site test test-fast examples serve check docs links lock vendor bench clean help
.DEFAULT_GOAL := help

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 10

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing pinned dependencies into $(VENV)/ (first run only)..."
	$(PIP) install --require-hashes -r requirements.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-* && touch $@

docs: $(STAMP) ## generate the Markdown pages from content/ into docs/ (for builders that ignore MkDocs hooks)
	$(BIN)/python -m generator build --content content --out docs

# One process: MkDocs' hook generates the pages in memory first (same checks and errors as `check`; on bad
# content nothing is built), sharing the interpreter and the Jinja and YAML imports with MkDocs.
site: $(STAMP) ## generate the Markdown and build the static site into site/
	$(BIN)/mkdocs build --strict --site-dir site
	$(BIN)/python -m generator pdf --site site
	$(BIN)/python -m generator anki --site site
	@echo "Site built in site/: open site/index.html in a browser, or run 'make serve' for a live preview."

test: $(STAMP) ## run the whole test suite (unit, golden, end-to-end, browser)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The unit tier: rules, golden files, schema, robustness, output. No MkDocs build and no browser: LG_CHROMIUM
# names no browser, so a test that would draw or print without saying so fails here instead of running slowly.
test-fast: $(STAMP) ## run the unit tier only (no site build, no browser; under a minute)
	LG_CHROMIUM=/nonexistent LG_CACHE_DIR=$$(mktemp -d) $(BIN)/python -m pytest -m "not site and not browser and not examples" $(PYTEST_ARGS)

examples: $(STAMP) ## run or check every code example in content/ (moto, AWS CLI models, cfn-lint); `make test` includes it
	$(BIN)/python -m tests.examples content

serve: $(STAMP) ## live preview on http://127.0.0.1:8000/aws-lambda-interview-guide/, reloads when content/ changes
	$(BIN)/mkdocs serve

check: $(STAMP) ## validate every content file (CHECK_FLAGS=--github adds GitHub annotations)
	$(BIN)/python -m generator check content $(CHECK_FLAGS)

links: $(STAMP) ## check that every external source URL still answers (needs the internet)
	$(BIN)/python -m generator links --content content

bench: site ## synthetic guides of 100, 1,000 and 5,000 questions + Lighthouse (npm) on site/; writes bench-results.json
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m tests.bench $(SIZES) --lighthouse

lock: ## recompile requirements.lock from pyproject.toml and requirements.in
	$(PIP) install pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --extra site --extra test --no-emit-index-url --output-file requirements.lock pyproject.toml requirements.in

vendor: ## re-download the pinned Mermaid and iframe-worker shim from the npm registry, verify checksums (needs npm)
	@tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent mermaid@$(MERMAID_VERSION) >/dev/null \
	  && tar xzf mermaid-$(MERMAID_VERSION).tgz package/dist/mermaid.min.js package/LICENSE \
	  && cp package/dist/mermaid.min.js $(CURDIR)/$(MERMAID_DIR)/mermaid.min.js \
	  && cp package/LICENSE $(CURDIR)/$(MERMAID_DIR)/mermaid.LICENSE && rm -rf $$tmp
	@tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent iframe-worker@$(IFRAME_WORKER_VERSION) >/dev/null \
	  && tar xzf iframe-worker-$(IFRAME_WORKER_VERSION).tgz package/shim/index.js package/LICENSE \
	  && cp package/shim/index.js $(CURDIR)/$(MERMAID_DIR)/iframe-worker-shim.js \
	  && cp package/LICENSE $(CURDIR)/$(MERMAID_DIR)/iframe-worker.LICENSE && rm -rf $$tmp
	echo "$(MERMAID_SHA256)  $(MERMAID_DIR)/mermaid.min.js" | sha256sum -c
	echo "$(IFRAME_WORKER_SHA256)  $(MERMAID_DIR)/iframe-worker-shim.js" | sha256sum -c

clean: ## remove generated pages, the built site and caches (keeps .venv)
	rm -rf site .pytest_cache .cache
	@test ! -x $(BIN)/python || $(BIN)/python -m generator clean --out docs
