# The two commands a newcomer needs: `make serve` and `make test`.
# Both install what is missing: the wasm target, wasm-pack, the Node dev
# dependencies (esbuild, binaryen's wasm-opt, playwright-core) and Chromium.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
WASM_PACK_FLAGS := --release --target web --out-dir target/wasm-bindgen --out-name loyalty_score --no-pack

.PHONY: all build serve test test-rust test-js package bench tools chromium clean

all: build

tools: node_modules/.package-lock.json
	@rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@command -v wasm-pack >/dev/null || cargo install wasm-pack --locked

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

chromium:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null \
	  || { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }

## build: the wasm core, the npm package in pkg/ and the site in dist/
build: tools
	wasm-pack build $(WASM_PACK_FLAGS)
	node scripts/build.mjs

package: build
	cd pkg && npm pack --pack-destination ../target

## serve: build, then serve dist/ at http://127.0.0.1:$(PORT)/
serve: build
	node scripts/serve.mjs dist $(PORT)

## test: every test (Rust, the built package from Node, the page and widget in Chromium)
test: test-rust test-js

test-rust:
	cargo test

test-js: build chromium
	node --test tests/js/*.test.mjs tests/js/*.test.cjs

bench: build
	node tests/bench/bench.mjs

clean:
	rm -rf target pkg dist .build node_modules
