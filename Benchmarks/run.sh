#!/usr/bin/env bash
# mignet's benchmark: builds mignet and the floor executable in release mode with the Swift
# runtime linked in (as mignet is shipped), generates its own inputs, runs Benchmarks/bench.py
# and writes docs/performance.md. Run it on an otherwise idle machine.
# MIGNET_BENCH_QUICK=1 runs fewer repeats and leaves out the 50,000-spec repository.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --scratch-path .build-release --product mignet
swift build -c release --static-swift-stdlib --package-path Benchmarks/Floor --scratch-path Benchmarks/Floor/.build-release
python3 -c "import yaml" 2>/dev/null || python3 -m pip install -q pyyaml
exec python3 Benchmarks/bench.py
