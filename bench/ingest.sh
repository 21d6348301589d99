#!/usr/bin/env bash
# bench/ingest.sh [BIN] — ingest throughput, articles per second, of
# `BIN ingest` into SQLite and into PostgreSQL (default BIN: build/veille).
#
# Corpus: the ACLED dev notes turned into articles by the shared scorer
# (score.py articles-from-acled ../shared/eval/acled/sahel_dev.csv, or the
# same under /work/shared), built once into build/bench/ingest-acled.jsonl;
# without the shared folder, examples/articles.jsonl (and the figures say
# so).  Nothing from the shared folder is kept in the repository.
#
# Each store gets 3 runs into a new, empty database (a new SQLite file; a
# new database on a throwaway server started with scripts/pg-test-server
# and stopped at the end), wall time of the whole `BIN ingest -q --db DB
# corpus`; the median run gives articles/s.  Prints one line per store:
#
#   sqlite      N articles  median S s  R articles/s   (runs: a b c)
#   postgresql  N articles  median S s  R articles/s   (runs: a b c)
#
# Exit status: 0 ok, 1 a failure, 2 misuse.
set -euo pipefail

[ $# -le 1 ] || { echo "usage: bench/ingest.sh [BIN]" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/veille}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
cd "$root"
[ -x "$bin" ] || { echo "bench/ingest.sh: $bin is not an executable (make builds it)" >&2; exit 2; }
command -v python3 >/dev/null 2>&1 || { echo "bench/ingest.sh: python3 is needed" >&2; exit 2; }
say() { printf 'bench: %s\n' "$*" >&2; }

out=build/bench
mkdir -p "$out"
eval_dir=
for d in ../shared/eval /work/shared/eval; do
    if [ -f "$d/score.py" ] && [ -f "$d/acled/sahel_dev.csv" ]; then
        eval_dir=$d
        break
    fi
done
if [ -n "$eval_dir" ]; then
    corpus=$out/ingest-acled.jsonl
    if [ ! -s "$corpus" ] || [ "$eval_dir/acled/sahel_dev.csv" -nt "$corpus" ]; then
        say "building $corpus from $eval_dir/acled/sahel_dev.csv"
        python3 "$eval_dir/score.py" articles-from-acled \
            "$eval_dir/acled/sahel_dev.csv" >"$corpus.tmp"
        mv "$corpus.tmp" "$corpus"
    fi
    what="ACLED dev notes"
else
    corpus=examples/articles.jsonl
    what="examples only (no shared eval folder)"
fi
n=$(grep -c . "$corpus")
say "corpus: $corpus, $n articles ($what)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/veille-bench.XXXXXX")
cleanup() {
    scripts/pg-test-server stop "$tmp/server" >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Wall time of one command, in seconds.
timed() {
    local t0 t1
    t0=$(date +%s.%N)
    "$@"
    t1=$(date +%s.%N)
    python3 -c "print('%.3f' % ($t1 - $t0))"
}

report() { # NAME TIMES…
    local name=$1
    shift
    python3 - "$name" "$n" "$@" <<'PY'
import statistics, sys
name, n, times = sys.argv[1], int(sys.argv[2]), [float(t) for t in sys.argv[3:]]
m = statistics.median(times)
print("%-11s %d articles  median %.2f s  %.0f articles/s   (runs: %s)"
      % (name, n, m, n / m if m else 0, " ".join("%.2f" % t for t in times)))
PY
}

ingest() { # DB
    "$bin" ingest -q --db "$1" "$corpus" 2>>"$tmp/ingest.log" || {
        local rc=$?
        # 1 = some article rejected: the run still counts.
        [ $rc -eq 1 ] || { tail -n 5 "$tmp/ingest.log" >&2; exit 1; }
    }
}

times=()
for i in 1 2 3; do
    times+=("$(timed ingest "$tmp/run$i.db")")
done
report sqlite "${times[@]}"

uri=$(scripts/pg-test-server start "$tmp/server")
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
psql=${PG_BINDIR:-$bindir}/psql
[ -x "$psql" ] || psql=$(command -v psql)
times=()
for i in 1 2 3; do
    "$psql" -X -q -v ON_ERROR_STOP=1 "$uri" -c "CREATE DATABASE run$i" >/dev/null
    times+=("$(timed ingest "${uri%/veille}/run$i")")
done
report postgresql "${times[@]}"
