#!/usr/bin/env bash
# tests/badinput/run.sh BUILD_DIR — bad input gets a clear error or a correct
# result, and the run goes on: invalid UTF-8, a truncated JSON line, empty
# files, a binary file, one 50 MB article, a 10 MB line without a newline.
# Inputs are generated here (nothing large is committed).
set -euo pipefail
B=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
V="$B/veille"
D=tests/fixtures/dict
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); printf '  ok    %s\n' "$1"; }
ko() { fail=$((fail + 1)); printf '  FAIL  %s\n' "$1"; shift; for l in "$@"; do printf '        %s\n' "$l"; done; }

# run NAME EXPECTED_EXIT ARGS… : runs veille code, keeps out/err/rc
run() {
  local name=$1 want=$2; shift 2
  set +e
  timeout 600 "$V" code --dict "$D" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
  rc=$?
  set -e
  if [ "$rc" != "$want" ]; then
    ko "$name: exit $rc, expected $want" "$(head -c 600 "$tmp/$name.err")"
    return 1
  fi
  return 0
}
has() { grep -q -- "$2" "$tmp/$1.$3"; }   # has NAME PATTERN out|err
nevents() { wc -l < "$tmp/$1.out" | tr -d ' '; }

good='{"id":"good","lang":"fr","text":"Des frappes aériennes ont visé Kidal hier."}'

echo "bad input:"

# 1. invalid UTF-8 inside a JSON string and in a text file
printf '{"id":"bad-utf8","lang":"fr","text":"Une embuscade \xff\xfe a eu lieu pr\xe8s de Gao."}\n%s\n' "$good" > "$tmp/utf8.jsonl"
if run utf8 0 "$tmp/utf8.jsonl"; then
  if has utf8 'invalid UTF-8 byte 0xFF' err && has utf8 'bad-utf8' err && [ "$(nevents utf8)" = 2 ]; then
    ok "invalid UTF-8 in JSONL: replaced, reported with the article, both articles coded"
  else ko "invalid UTF-8 in JSONL" "$(cat "$tmp/utf8.err")"; fi
fi
printf 'Une embuscade \xc3\x28 tendue pr\xe8s de Gao.\n' > "$tmp/latin1.txt"
if run latin1 0 "$tmp/latin1.txt"; then
  if has latin1 'article latin1.txt: invalid UTF-8 byte 0xC3 at text offset 14' err && [ "$(nevents latin1)" = 1 ]; then
    ok "invalid UTF-8 in a text file: offset named, article coded"
  else ko "invalid UTF-8 in a text file" "$(cat "$tmp/latin1.err")"; fi
fi

# 2. a truncated JSON line in the middle, and one at the very end
{ echo "$good"; echo '{"id":"cut","text":"Des frappes'; echo "${good//good/good2}"; printf '{"id":"tail","te'; } > "$tmp/trunc.jsonl"
if run trunc 1 "$tmp/trunc.jsonl"; then
  if has trunc "trunc.jsonl:2: malformed JSON" err && has trunc "trunc.jsonl:4: malformed JSON" err &&
     [ "$(nevents trunc)" = 2 ] && has trunc '2 skipped' err; then
    ok "truncated JSON lines: file:line named, skipped, the others coded, exit 1"
  else ko "truncated JSON lines" "$(cat "$tmp/trunc.err")"; fi
fi

# 3. empty files
: > "$tmp/empty.jsonl"
: > "$tmp/empty.txt"
if run empty 0 "$tmp/empty.jsonl" "$tmp/empty.txt"; then
  if has empty 'empty.jsonl: no articles' err && has empty 'article empty.txt: no text' err && [ "$(nevents empty)" = 0 ]; then
    ok "empty files: a warning each, no events, exit 0"
  else ko "empty files" "$(cat "$tmp/empty.err")"; fi
fi

# 4. a binary file, then a good file: the run goes on
head -c 200000 "$V" > "$tmp/blob.bin"
echo "$good" > "$tmp/after.jsonl"
if run binary 1 "$tmp/blob.bin" "$tmp/after.jsonl"; then
  if has binary 'blob.bin: a NUL byte at offset' err && [ "$(nevents binary)" = 1 ]; then
    ok "binary file: refused with a reason, the next file coded"
  else ko "binary file" "$(cat "$tmp/binary.err")"; fi
fi
# a binary file named .jsonl: every line is malformed, counted, the run goes on
head -c 200000 "$V" > "$tmp/blob.jsonl"
if run binjsonl 1 "$tmp/blob.jsonl" "$tmp/after.jsonl"; then
  if has binjsonl 'blob.jsonl:1: malformed JSON' err && has binjsonl 'articles skipped in all' err && [ "$(nevents binjsonl)" = 1 ]; then
    ok "binary .jsonl: errors capped then counted, the next file coded"
  else ko "binary .jsonl" "$(head -c 2000 "$tmp/binjsonl.err")"; fi
fi

# 5. one 50 MB article (a JSONL line), coded in one piece
python3 - "$tmp/big.jsonl" <<'PY'
import json, sys
s = "Des hommes armés ont tendu une embuscade près de Gao, au nord du pays. "
reps = 50 * 1024 * 1024 // len(s.encode()) + 1
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(json.dumps({"id": "big", "lang": "fr", "text": s * reps}, ensure_ascii=False) + "\n")
PY
if run big 0 "$tmp/big.jsonl"; then
  if [ "$(nevents big)" = 1 ] && has big '"sub_event_type":"Armed clash"' out; then
    ok "a 50 MB article: one event"
  else ko "a 50 MB article" "$(head -c 600 "$tmp/big.err")"; fi
fi

# 6. a 10 MB line without a trailing newline: valid JSON is coded, garbage is
#    one clear error
python3 - "$tmp/long.jsonl" "$tmp/longbad.jsonl" <<'PY'
import json, sys
s = "Militants ambushed a patrol near Gao. " * (10 * 1024 * 1024 // 38 + 1)
open(sys.argv[1], "w").write(json.dumps({"id": "long", "lang": "en", "text": s}))
open(sys.argv[2], "w").write('{"id":"x","text":"' + "a" * (10 * 1024 * 1024))
PY
if run long 0 "$tmp/long.jsonl"; then
  if [ "$(nevents long)" = 1 ]; then ok "a 10 MB line without a newline: coded"
  else ko "a 10 MB line without a newline" "$(head -c 600 "$tmp/long.err")"; fi
fi
if run longbad 1 "$tmp/longbad.jsonl" "$tmp/after.jsonl"; then
  if has longbad 'longbad.jsonl:1: malformed JSON' err && [ "$(nevents longbad)" = 1 ]; then
    ok "a 10 MB unterminated JSON line: one error, the next file coded"
  else ko "a 10 MB unterminated JSON line" "$(head -c 600 "$tmp/longbad.err")"; fi
fi

# 7. a missing file and a non-object line
printf '[1,2]\n"text"\n%s\n' "$good" > "$tmp/nonobj.jsonl"
if run nonobj 1 "$tmp/missing.jsonl" "$tmp/nonobj.jsonl"; then
  if has nonobj 'missing.jsonl: cannot open' err && has nonobj 'nonobj.jsonl:1: expected a JSON object' err && [ "$(nevents nonobj)" = 1 ]; then
    ok "a missing file and non-object lines: named, the rest coded"
  else ko "missing file / non-object" "$(cat "$tmp/nonobj.err")"; fi
fi

echo "bad input: $pass passed, $fail failed"
[ "$fail" = 0 ]
