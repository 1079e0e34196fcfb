#!/bin/sh
# Regenerates the references under docs/reference/ from the code (the spec's schema tables, the
# diagnostic codes' registry, the argument parser's command tree): ReferenceDocsTests writes them
# with RECORD_GOLDENS=1, and fails without it when a committed one is stale.
set -eu
cd "$(dirname "$0")/.."
RECORD_GOLDENS=1 swift test --filter "ReferenceDocsTests|DiagnosticsReferenceTests"
