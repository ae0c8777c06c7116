# The two commands a newcomer needs: `make serve` and `make test`.
# Both install what is missing: the wasm target, wasm-pack, the Node dev
# dependencies (esbuild, binaryen's wasm-opt, playwright-core) and Chromium.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
WASM_PACK_FLAGS := --release --target web --out-dir target/wasm-bindgen --out-name loyalty_score --no-pack

.PHONY: all build serve test test-rust test-js package bench tools chromium firefox webkit clean fuzz

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

firefox:
	@command -v firefox-esr >/dev/null \
	  || { $(SUDO) apt-get update && $(SUDO) apt-get install -y firefox-esr; }

webkit:
	@command -v WebKitWebDriver >/dev/null && command -v xvfb-run >/dev/null && command -v xauth >/dev/null \
	  || { $(SUDO) apt-get update && $(SUDO) apt-get install -y webkit2gtk-driver xvfb xauth; }

## build: the wasm core, the npm package in pkg/ and the site in dist/
## (with the core for dist/loyalty-calculator.nowasm.js: no reference types, for wasm2js)
build: tools
	wasm-pack build $(WASM_PACK_FLAGS)
	RUSTFLAGS="-C target-feature=-reference-types" cargo build --lib --release --target wasm32-unknown-unknown --target-dir target/nowasm
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

test-js: build chromium firefox webkit
	node --test tests/js/*.test.mjs tests/js/*.test.cjs

bench: build chromium
	node tests/bench/bench.mjs

## fuzz: every cargo-fuzz target in fuzz/ on nightly, one after another, each
## up to FUZZ_RUNS inputs or FUZZ_SECONDS (so it ends by itself); not part of
## `make test`. New inputs go to fuzz/target/corpus, crashes to fuzz/artifacts.
FUZZ_TARGETS := reader_chunks analyze_nps analyze_sci analyze_likert options breakdown
FUZZ_RUNS ?= 10000000
FUZZ_SECONDS ?= 600
fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && cargo +nightly fuzz build -s none --no-trace-compares
	cd fuzz && for t in $(FUZZ_TARGETS); do \
	  mkdir -p target/corpus/$$t artifacts/$$t && \
	  nice -n 10 target/x86_64-unknown-linux-gnu/release/$$t -runs=$(FUZZ_RUNS) -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=$$(case $$t in options) echo 512;; breakdown) echo 1024;; *) echo 4096;; esac) -print_final_stats=1 \
	    -artifact_prefix=artifacts/$$t/ target/corpus/$$t corpus/$$t || exit 1; \
	done

clean:
	rm -rf target pkg dist .build node_modules
