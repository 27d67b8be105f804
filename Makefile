# t3kit: two commands set up a fresh Debian 12 machine with Node 20.
#   make run   installs what is missing, runs every notebook headless into out/, writes out/index.html
#   make test  installs what is missing, then type-checks, lints and runs every test
SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -eu -o pipefail -c

DEBIAN_PACKAGES := jupyter-nbconvert jupyter-client python3-nbclient jupyter-notebook python3-yaml python3-av python3-pil python3-numpy python3-mpmath python3-urllib3 python3-torch ffmpeg chromium clang lld
export JUPYTER_PATH := $(CURDIR)/.jupyter-kernels
NODE_STAMP := node_modules/.t3kit-installed

.PHONY: run class test deps debian-deps kernelspec typecheck lint bench clean wasm

run: deps typecheck
	node scripts/t3kit.cjs notebooks

# Every lesson at class size (the tiny probing study), then the students' copies in
# out/class/release/ (see README, "Running a class").
class: deps typecheck
	T3KIT_PROBE_STUDY=tiny node scripts/t3kit.cjs notebooks
	node scripts/t3kit.cjs class release --force

test: deps typecheck lint
	node scripts/run-tests.cjs

deps: debian-deps $(NODE_STAMP) kernelspec wasm

# lib/json's scanner and re-indenter in WebAssembly with 128-bit SIMD, from its C source
# with Debian's clang and lld (no libc). Build output, not in git; lib/json falls back to
# its JavaScript walkers without it (tests assert that the module is the one in use).
JSON_SCAN_WASM := lib/json/wasm/json-scan.wasm
wasm: $(JSON_SCAN_WASM)

$(JSON_SCAN_WASM): lib/json/wasm/json-scan.c | debian-deps
	clang --target=wasm32 -O3 -msimd128 -mbulk-memory -nostdlib -ffreestanding -Wall -Wextra -Werror \
	  -Wl,--no-entry -Wl,-z,stack-size=1048576 -Wl,--import-undefined -o $@.tmp $<
	mv $@.tmp $@

# Debian's Jupyter, ffmpeg and Chromium, installed only when one is missing.
debian-deps:
	missing=""
	for p in $(DEBIAN_PACKAGES); do
	  status="$$(dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null || true)"
	  [[ "$$status" == *"ok installed"* ]] || missing="$$missing $$p"
	done
	if [ -n "$$missing" ]; then
	  echo "installing Debian packages:$$missing"
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo"
	  $$SUDO apt-get update -qq
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing
	fi

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The kernelspec is part of the repository (.jupyter-kernels/); this checks that Jupyter
# sees it through JUPYTER_PATH.
# (The list is read whole first: `| grep -q` would stop reading early, and under pipefail the
# writer's broken pipe failed this check once Debian's python3 kernel joined the list.)
kernelspec:
	specs="$$(/usr/bin/python3 -m jupyter kernelspec list 2>/dev/null)"
	[[ "$$specs" == *tslab* ]] || {
	  echo "Jupyter does not see the tslab kernelspec in $(JUPYTER_PATH)" >&2; exit 1; }

typecheck:
	node node_modules/typescript/bin/tsc --noEmit -p tsconfig.json

lint:
	node_modules/.bin/biome check lib scripts test bench

bench: deps
	npm run bench

clean:
	rm -rf out
