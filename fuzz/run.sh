#!/usr/bin/env bash
# fuzz/run.sh SECONDS BIN… — runs each libFuzzer binary for SECONDS.
#
# Run from the repository root (fuzz_code loads tests/fixtures/dict from
# there); `make fuzz-short` and `make fuzz` do.  For each BIN, named after
# its target (build/fuzz/fuzz_text → fuzz_text):
#   - the seeds in fuzz/corpus/<target>/ are copied into a scratch corpus,
#     build/fuzz/work/<target>/, which is where libFuzzer writes the new
#     inputs it finds (fuzz/corpus/ is never written to; the scratch corpus
#     is kept between runs, so that a longer run starts where the last
#     stopped, and an input that a change to src/ now crashes on fails the
#     next run at once; `make clean` removes it);
#   - libFuzzer runs with -max_total_time=SECONDS -max_len=65536
#     -rss_limit_mb=2048 -timeout=30; crash, leak, timeout and out-of-memory
#     inputs go to build/fuzz/crashes/<target>-*, the log to
#     build/fuzz/logs/<target>.log;
#   - one summary line is printed: runs, coverage, corpus, peak RSS; on a
#     failure, the kind of error, the input that caused it and the log.
# Exit status: 0 when no fuzzer found anything, 1 otherwise (the stack is at
# the end of the target's log), 2 on a usage error.
#
# To replay a crash: build/fuzz/<target> build/fuzz/crashes/<file>
set -euo pipefail

usage() { echo "usage: fuzz/run.sh SECONDS BIN..." >&2; exit 2; }
[ $# -ge 2 ] || usage
secs=$1
shift
case $secs in
  '' | *[!0-9]*) echo "fuzz/run.sh: SECONDS must be a whole number, not '$secs'" >&2; exit 2 ;;
esac

if [ ! -f Makefile ] || [ ! -d fuzz/corpus ] || [ ! -f include/veille.h ]; then
  echo "fuzz/run.sh: run from the repository root (the folder with the Makefile)" >&2
  exit 2
fi

crashes=build/fuzz/crashes
logs=build/fuzz/logs
mkdir -p "$crashes" "$logs"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# final_stat NAME LOG: the value of libFuzzer's "stat::NAME: N" line.
final_stat() { sed -n "s/^stat::$1: *\([0-9]*\).*/\1/p" "$2" | tail -n 1; }

failed=0
for bin in "$@"; do
  name=$(basename "$bin")
  if [ ! -x "$bin" ]; then
    printf '%-12s MISSING  %s is not built (make %s)\n' "$name" "$bin" "$bin"
    failed=1
    continue
  fi
  seeds=fuzz/corpus/$name
  work=build/fuzz/work/$name
  log=$logs/$name.log
  mkdir -p "$work"
  if [ -d "$seeds" ]; then
    cp -pR "$seeds"/. "$work"/
  else
    echo "fuzz/run.sh: warning: no seed corpus $seeds, starting from nothing" >&2
  fi

  t0=$SECONDS
  set +e
  "$bin" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 \
    -timeout=30 -print_final_stats=1 \
    -artifact_prefix="$crashes/$name-" "$work" >"$log" 2>&1
  rc=$?
  set -e
  elapsed=$((SECONDS - t0))

  # The input that failed, as libFuzzer names it (crash-, leak-, timeout-,
  # oom- followed by its SHA-1: the same input found twice is one file).
  found=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)

  runs=$(final_stat number_of_executed_units "$log")
  rss=$(final_stat peak_rss_mb "$log")
  added=$(final_stat new_units_added "$log")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | sed 's/cov: //' || true)
  ncorp=$(find "$work" -type f | wc -l | tr -d ' ')
  figures="${runs:-?} runs in ${elapsed}s, cov ${cov:-?}, corpus $ncorp (+${added:-0}), peak RSS ${rss:-?} MB"

  if [ "$rc" = 0 ] && [ -z "$found" ]; then
    printf '%-12s ok       %s\n' "$name" "$figures"
  else
    failed=1
    kind=$(grep -o -m 1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer): [a-zA-Z0-9 -]+|runtime error: .*' "$log" | sed 's/ *$//' || true)
    printf '%-12s FAILED   exit %s, %s; %s\n' "$name" "$rc" "${kind:-see the log}" "$figures"
    if [ -n "$found" ]; then
      printf '             input:  %s (replay: %s %s)\n' "$found" "$bin" "$found"
    fi
    printf '             log:    %s\n' "$log"
  fi
done

exit "$failed"
