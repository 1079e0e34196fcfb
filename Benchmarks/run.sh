#!/usr/bin/env bash
# mignet's benchmark: builds mignet as it is shipped (scripts/release.sh: release mode, the Swift
# runtime, libyaml and the C++ runtime linked in) and the floor executables the same way,
# generates its own inputs, runs Benchmarks/bench.py and writes docs/performance.md. Run it on an
# otherwise idle machine.
# MIGNET_BENCH_QUICK=1 runs fewer repeats and leaves out the 50,000-spec repository.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scripts/release.sh "$work/dist" >/dev/null
PKG_CONFIG_PATH=$(scripts/static-libs.sh "$work/static") swift build -c release --static-swift-stdlib --disable-local-rpath \
    --package-path Benchmarks/Floor --scratch-path Benchmarks/Floor/.build-release -Xswiftc -Xclang-linker -Xswiftc -static-libgcc
python3 -c "import yaml" 2>/dev/null || python3 -m pip install -q pyyaml
python3 Benchmarks/bench.py
