#!/usr/bin/env bash
# Builds the libFuzzer target (Fuzz/) with the fuzzer and address sanitizers and runs it for
# SECONDS (default 600) over a corpus seeded from examples/, templates/, the hostile corpus and
# every kept regression. A crashing input is written to Tests/Corpus/fuzz-regressions/: keep it
# there (`swift test` replays every file in that folder) and fix the cause.
# Usage: scripts/fuzz.sh [SECONDS] [JOBS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
jobs="${2:-1}"
# libFuzzer's own main and the one SwiftPM gives every executable both exist; either starts the
# same fuzzer (see Fuzz/Sources/MigNetFuzz/main.swift).
swift build --package-path Fuzz -c release --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xlinker --allow-multiple-definition
corpus=.build-fuzz/corpus
mkdir -p "$corpus" Tests/Corpus/fuzz-regressions
cp examples/*.yaml examples/gitops-repo/clusters/*.yaml examples/gitops-repo/site-defaults.yaml templates/spec.yaml "$corpus"/
cp Tests/Corpus/hostile/*.yaml "$corpus"/
find Tests/Corpus/fuzz-regressions -type f -exec cp {} "$corpus"/ \;
# Swift's runtime keeps its metadata caches for the life of the process, which LeakSanitizer
# would report as leaks at exit: leak detection is off, the other ASan checks stay on.
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
parallel=()
# With more than one job libFuzzer runs workers and writes their logs to fuzz-N.log in .build-fuzz.
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); cd .build-fuzz; corpus=corpus; prefix=../Tests/Corpus/fuzz-regressions/; dict=../scripts/fuzz.dict; binary=release/MigNetFuzz
else prefix=Tests/Corpus/fuzz-regressions/; dict=scripts/fuzz.dict; binary=.build-fuzz/release/MigNetFuzz; fi
exec "$binary" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -detect_leaks=0 "${parallel[@]}" -dict="$dict" -artifact_prefix="$prefix"
