#!/usr/bin/env bash
# tests/pg/run.sh BUILD_DIR — the PostgreSQL store against a real server.
#
# Starts a throwaway server (scripts/pg-test-server) in a temporary folder,
# stopped again however this script ends, then:
#
#   1. BUILD_DIR/tests/test_store_pg with VEILLE_TEST_PG set to it (the
#      backend's unit tests, which skip when run without a server);
#   2. end to end, when BUILD_DIR/veille has `ingest` and `events`:
#      - examples/ ingested into PostgreSQL and into SQLite give the same
#        `veille events --format jsonl`, unfiltered and with each filter
#        (store ids and times aside);
#      - two `veille ingest` processes started at once on the same files
#        into one database store what one process stores: every article
#        once, the same events, no duplicate;
#      - ingesting the same files again changes nothing.
#
# Needs the PostgreSQL server binaries (scripts/setup installs them); set
# VEILLE_SKIP_PG=1 to skip everything on a machine without them.
#
# Exit status: 0 all passed (or skipped), 1 a failure, 2 misuse.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: tests/pg/run.sh BUILD_DIR" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
say() { printf 'pg: %s\n' "$*"; }

if [ "${VEILLE_SKIP_PG:-}" = 1 ]; then
    say "skipped (VEILLE_SKIP_PG=1)"
    exit 0
fi
[ -x "$build/tests/test_store_pg" ] || {
    echo "pg: $build/tests/test_store_pg is missing (make builds it)" >&2
    exit 1
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/veille-pgtest.XXXXXX")
cleanup() {
    scripts/pg-test-server stop "$tmp/server" || true
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

uri=$(scripts/pg-test-server start "$tmp/server") || {
    echo "pg: could not start a test server (VEILLE_SKIP_PG=1 skips these tests)" >&2
    exit 1
}
say "server at $uri"

# 1. The backend's unit tests.
rc=0
out=$(VEILLE_TEST_PG=$uri CMOCKA_MESSAGE_OUTPUT=stdout \
    "$build/tests/test_store_pg" 2>&1) || rc=$?
if [ $rc -ne 0 ] || ! printf '%s\n' "$out" | grep -q '^\[  PASSED  \]'; then
    printf '%s\n' "$out"
    echo "pg: test_store_pg failed (exit status $rc)" >&2
    exit 1
fi
printf '%s\n' "$out" | grep -E '^\[(==========|  PASSED  )\]'

# 2. End to end, once the commands exist in this build.
veille=$build/veille
if ! "$veille" ingest --help >/dev/null 2>&1 ||
    ! "$veille" events --help >/dev/null 2>&1; then
    say "end-to-end checks skipped: this build has no 'veille ingest' and 'veille events'"
    exit 0
fi

# The server's binaries, for psql (as scripts/pg-test-server finds them).
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
psql=${PG_BINDIR:-$bindir}/psql
[ -x "$psql" ] || psql=$(command -v psql) || { echo "pg: psql not found" >&2; exit 1; }
sql() { "$psql" -X -q -At -v ON_ERROR_STOP=1 "$1" -c "$2"; }

# Another database on the same server.
db_uri() { printf '%s\n' "${uri%/veille}/$1"; }
sql "$uri" "CREATE DATABASE conc" >/dev/null
sql "$uri" "CREATE DATABASE again" >/dev/null

# Events as JSON lines, with what only one store knows (ids, times) taken
# out, keys sorted; --sort also sorts the lines (for runs whose store order
# of same-day events may differ).
norm() {
    python3 -c '
import json, sys
drop = {"id", "store_id", "ingested_at", "stored_at"}
def clean(v):
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items() if k not in drop}
    if isinstance(v, list):
        return [clean(x) for x in v]
    return v
lines = [json.dumps(clean(json.loads(l)), sort_keys=True, ensure_ascii=False)
         for l in sys.stdin if l.strip()]
if "--sort" in sys.argv:
    lines.sort()
print("\n".join(lines))
' "$@"
}
events() { local db=$1; shift; "$veille" events -q --db "$db" --format jsonl "$@"; }
failed=0
check() { # NAME FILE1 FILE2
    if cmp -s "$2" "$3"; then
        say "ok: $1"
    else
        say "FAIL: $1"
        diff "$2" "$3" | head -n 20
        failed=1
    fi
}

ingest() { "$veille" ingest "$@" 2>>"$tmp/ingest.log"; }
ingest --db "$uri" examples/ || { cat "$tmp/ingest.log" >&2; exit 1; }
ingest --db "$tmp/lite.db" examples/ || { cat "$tmp/ingest.log" >&2; exit 1; }
n=$(events "$uri" | wc -l)
[ "$n" -gt 0 ] || { say "FAIL: no event stored from examples/"; exit 1; }
say "examples/: $n events"

# PostgreSQL and SQLite, with each filter.
i=0
while IFS= read -r filter; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    events "$uri" $filter | norm >"$tmp/pg.$i"
    # shellcheck disable=SC2086
    events "$tmp/lite.db" $filter | norm >"$tmp/lite.$i"
    check "PostgreSQL = SQLite: ${filter:-(no filter)} ($(wc -l <"$tmp/pg.$i") events)" \
        "$tmp/pg.$i" "$tmp/lite.$i"
done <<'EOF'

--since 2023-11-05
--until 2023-11-05
--country Mali
--country Niger
--admin1 Gao
--type Battles
--sub-type Attack
--actor jnim
--actor CIVILIANS
--source rfi
--bbox -6,10,5,20
--since 2023-01-01 --until 2024-12-31 --country Mali --type Battles
EOF

# Two ingests at once into one database: every article once, the same
# events as one process gives (compared sorted: same-day events may be
# stored in another order).
db2=$(db_uri conc)
ingest --db "$db2" --batch 1 examples/ & p1=$!
ingest --db "$db2" --batch 1 examples/ & p2=$!
r1=0 r2=0
wait $p1 || r1=$?
wait $p2 || r2=$?
if [ $r1 -ne 0 ] || [ $r2 -ne 0 ]; then
    say "FAIL: concurrent ingests exited $r1 and $r2"
    tail -n 20 "$tmp/ingest.log"
    failed=1
fi
events "$uri" | norm --sort >"$tmp/one"
events "$db2" | norm --sort >"$tmp/two"
check "two concurrent ingests = one ingest" "$tmp/one" "$tmp/two"
dups=$(sql "$db2" "SELECT (SELECT count(*) - count(DISTINCT id) FROM articles)
    + (SELECT count(*) FROM (SELECT 1 FROM events GROUP BY event_id_cnty
       HAVING count(*) > 1) d)")
a1=$(sql "$uri" "SELECT count(*) FROM articles")
a2=$(sql "$db2" "SELECT count(*) FROM articles")
if [ "$dups" = 0 ] && [ "$a1" = "$a2" ]; then
    say "ok: concurrent ingests stored $a2 articles once each, no duplicate event"
else
    say "FAIL: concurrent ingests: $a2 articles (one process: $a1), $dups duplicates"
    failed=1
fi

# Ingesting again changes nothing (ids included).
db3=$(db_uri again)
ingest --db "$db3" examples/
events "$db3" >"$tmp/before"
c1=$(sql "$db3" "SELECT count(*) FROM articles")/$(sql "$db3" "SELECT count(*) FROM event_sources")
ingest --db "$db3" examples/
events "$db3" >"$tmp/after"
c2=$(sql "$db3" "SELECT count(*) FROM articles")/$(sql "$db3" "SELECT count(*) FROM event_sources")
check "ingesting twice changes nothing" "$tmp/before" "$tmp/after"
if [ "$c1" != "$c2" ]; then
    say "FAIL: ingesting twice: articles/sources $c1 then $c2"
    failed=1
fi

if [ $failed -ne 0 ]; then
    echo "pg: end-to-end checks failed (ingest log below)" >&2
    tail -n 20 "$tmp/ingest.log" >&2
    exit 1
fi
say "all checks passed"
