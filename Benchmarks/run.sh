#!/usr/bin/env bash
# mignet's benchmark: builds mignet and the floor executable in release mode, generates its own
# inputs, runs Benchmarks/bench.py and writes docs/performance.md.
# MIGNET_BENCH_QUICK=1 runs fewer repeats and leaves out the 50,000-spec repository.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product mignet
swift build -c release --package-path Benchmarks/Floor
python3 -c "import yaml" 2>/dev/null || python3 -m pip install -q pyyaml
exec python3 Benchmarks/bench.py
