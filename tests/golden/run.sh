#!/usr/bin/env bash
# tests/golden/run.sh BUILD_DIR [--update] — golden end-to-end tests through
# the CLI: each case is a set of articles and the exact events veille must
# write for them (tests/golden/*.expected.jsonl).  The same cases run through
# the library in tests/unit/test_golden.c.
#
#   examples   the bundled examples/ folder, with the shipped dictionaries
#
# --update rewrites the expected files from the current output: review the
# diff before committing it.
set -euo pipefail
B=${1:-build}
update=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

check() { # NAME INPUT…
  local name=$1; shift
  local want=tests/golden/$name.expected.jsonl
  "$B/veille" code -q "$@" > "$tmp/$name.jsonl"
  if [ "$update" = --update ]; then
    cp "$tmp/$name.jsonl" "$want"
    echo "  updated $want ($(wc -l < "$want") events)"
    return
  fi
  if diff -u "$want" "$tmp/$name.jsonl" > "$tmp/$name.diff"; then
    pass=$((pass + 1)); echo "  ok    $name ($(wc -l < "$want") events)"
  else
    fail=$((fail + 1)); echo "  FAIL  $name"; head -n 40 "$tmp/$name.diff"
  fi
}

echo "golden (CLI):"
check examples examples/
echo "golden (CLI): $pass passed, $fail failed"
[ "$fail" = 0 ]
