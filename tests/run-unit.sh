#!/usr/bin/env bash
# run-unit.sh BUILD_DIR — runs every unit test executable BUILD_DIR/tests/test_*
# (cmocka, one per module, built by `make`) from the repository root, where
# the tests find their fixtures.  Prints each executable's cmocka summary (its
# whole output when it failed), then one last line, exactly:
#
#   N passed, M failed
#
# counting individual tests: the sum of cmocka's "[  PASSED  ] N test(s)." and
# "[  FAILED  ] N test(s)," lines.  An executable that exits non-zero without
# reporting a failed test (a crash, a sanitizer report) counts as one failed
# test, so that a broken run never ends on "0 failed".
#
# Exit status: 0 when every test passed, 1 when one failed or there was no
# test executable at all, 2 on misuse.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: tests/run-unit.sh BUILD_DIR" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# Sums the N of every line "[  WORD  ] N test(s)<sep>" in $2.
sum_of() {
    printf '%s\n' "$2" | awk -v word="$1" '
        $1 == "[" && $2 == word && $3 == "]" && $4 ~ /^[0-9]+$/ &&
        $5 ~ /^test\(s\)[.,]/ { n += $4 }
        END { print n + 0 }'
}

passed=0
failed=0
ran=0
for t in "$build"/tests/test_*; do
    if [ ! -f "$t" ] || [ ! -x "$t" ]; then
        continue
    fi
    ran=$((ran + 1))
    name=${t##*/}
    rc=0
    # cmocka writes its summary partly to stderr; keep its plain format
    # whatever the caller's environment asks for.
    out=$(CMOCKA_MESSAGE_OUTPUT=stdout "$t" 2>&1) || rc=$?
    p=$(sum_of PASSED "$out")
    f=$(sum_of FAILED "$out")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$f" -eq 0 ]; then
        echo "== $name"
        printf '%s\n' "$out" | grep -E '^\[(==========|  PASSED  )\]' || true
    else
        echo "== $name (exit status $rc)"
        printf '%s\n' "$out"
    fi
done

if [ "$ran" -eq 0 ]; then
    echo "run-unit.sh: no test executables in $build/tests" >&2
fi
echo "$passed passed, $failed failed"
[ "$ran" -gt 0 ] && [ "$failed" -eq 0 ]
