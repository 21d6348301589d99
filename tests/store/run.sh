#!/usr/bin/env bash
# tests/store/run.sh BUILD_DIR — `veille ingest` end to end, into SQLite
# files in a temporary folder:
#
#   - examples/ ingested gives the events `veille code` gives (each coded
#     event is a source of exactly one stored event; unmerged events keep
#     their fields); a second report of an event is merged into it;
#   - ingesting the same files again changes nothing;
#   - a malformed JSON line lands in rejects with file:line, the run goes
#     on, the exit status is 1;
#   - the file is a plain SQLite database: the sqlite3 shell reads it and
#     .schema shows the comments;
#   - a run killed (SIGKILL) at random moments, then run to completion,
#     stores each article once, never two sources of one article for an
#     event, and the same events as one uninterrupted run (which commits
#     in batches of another size).
#
# Prints "store: N passed, M failed"; exit status 1 when one failed.
set -uo pipefail
B=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
V="$B/veille"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); printf '  ok    %s\n' "$1"; }
ko() { fail=$((fail + 1)); printf '  FAIL  %s\n' "$1"; shift; for l in "$@"; do printf '        %s\n' "$l"; done; }
q() { sqlite3 -batch -noheader "$@"; }   # q DB SQL

# The stored state, without the times it was stored at.
dump() {
  q "$1" "SELECT * FROM events ORDER BY id;
          SELECT * FROM event_sources ORDER BY event_id, seq;
          SELECT id, hash, url, outlet, published, lang, title, origin, nevents FROM articles ORDER BY id;
          SELECT article_id, origin, reason FROM rejects ORDER BY origin;"
}

if ! command -v sqlite3 >/dev/null; then
  echo "store: the sqlite3 shell is missing (apt-get install sqlite3)"
  echo "store: 0 passed, 1 failed"
  exit 1
fi

echo "store:"

# --- 1. examples: the events veille code gives -----------------------------
db=$tmp/ex.db
"$V" code -q examples/ > "$tmp/code.jsonl"
if "$V" ingest -q --db "$db" examples/ 2> "$tmp/ex.err"; then
  ncode=$(wc -l < "$tmp/code.jsonl" | tr -d ' ')
  nsrc=$(q "$db" 'SELECT count(*) FROM event_sources')
  nev=$(q "$db" 'SELECT count(*) FROM events')
  narts=$(q "$db" 'SELECT count(*) FROM articles')
  line=$(tail -n 1 "$tmp/ex.err")
  if [ "$nsrc" = "$ncode" ] && grep -q "ingest: 16 articles read, 16 coded, 0 skipped (already stored), 0 rejected; $nev events new, $((ncode - nev)) merged" <<< "$line" &&
     [ "$narts" = 16 ]; then
    ok "examples: $ncode coded events stored as $nev events ($narts articles)"
  else
    ko "examples: counts" "code: $ncode events; db: $nev events, $nsrc sources, $narts articles" "$line"
  fi
  # each coded event is one source of one stored event, and an event that
  # nothing merged into keeps the coder's fields
  if python3 - "$db" "$tmp/code.jsonl" > "$tmp/cmp.out" 2>&1 <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.row_factory = sqlite3.Row
code = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
srcs = {}
for r in db.execute("SELECT s.*, e.corroboration FROM event_sources s JOIN events e ON e.id = s.event_id"):
    key = (r["article_id"], r["span_start"], r["span_end"])
    if key in srcs:
        sys.exit("two sources for %r" % (key,))
    srcs[key] = r
bad = 0
for e in code:
    s = e["evidence"]["sentence"]
    key = (e["article_id"], s["start"], s["end"])
    r = srcs.pop(key, None)
    if r is None:
        print("not stored:", key); bad += 1; continue
    if r["corroboration"] != 1:
        continue
    ev = db.execute("SELECT * FROM events WHERE id = ?", (r["event_id"],)).fetchone()
    for k in e:
        if k in ("sources", "evidence"):
            continue
        want, got = e[k], ev[k]
        if want in ("", None):
            ok = got in ("", None)
        elif isinstance(want, (int, float)):
            ok = got is not None and abs(float(got) - want) < 1e-6
        else:
            ok = got == want
        if not ok:
            print("%s: %s is %r, coded %r" % (key, k, got, want)); bad += 1
if srcs:
    print("stored but not coded:", list(srcs)); bad += 1
sys.exit(1 if bad else 0)
PY
  then ok "examples: every coded event is stored with its fields"
  else ko "examples: stored events differ from veille code" "$(head -n 8 "$tmp/cmp.out")"; fi
else
  ko "examples: veille ingest failed" "$(cat "$tmp/ex.err")"
fi

# --- 2. twice: nothing changes ---------------------------------------------
dump "$db" > "$tmp/before"
if "$V" ingest -q --db "$db" examples/ examples/articles.jsonl 2> "$tmp/twice.err" &&
   grep -q 'ingest: 30 articles read, 0 coded, 30 skipped (already stored), 0 rejected; 0 events new, 0 merged' "$tmp/twice.err"; then
  dump "$db" > "$tmp/after"
  if cmp -s "$tmp/before" "$tmp/after"; then ok "ingesting the same files again changes nothing"
  else ko "ingesting twice changed the store" "$(diff "$tmp/before" "$tmp/after" | head -n 6)"; fi
else
  ko "ingesting twice" "$(tail -n 3 "$tmp/twice.err")"
fi
# the same text under another id is the same article
sed -n 1p examples/articles.jsonl | sed 's/"id": "ex-fr-01"/"id": "copy-of-01"/' > "$tmp/copy.jsonl"
if "$V" ingest -q --db "$db" "$tmp/copy.jsonl" 2> "$tmp/copy.err" &&
   grep -q '1 skipped (already stored)' "$tmp/copy.err"; then
  ok "an article's text under another id is skipped"
else ko "same text, another id" "$(tail -n 2 "$tmp/copy.err")"; fi

# --- 3. a second report merges ---------------------------------------------
if "$V" ingest -q --db "$db" tests/fixtures/store/second-report.jsonl 2> "$tmp/second.err" &&
   grep -q '0 events new, 1 merged' "$tmp/second.err"; then
  row=$(q "$db" "SELECT corroboration, fatalities, source FROM events WHERE id = (SELECT event_id FROM event_sources WHERE article_id = 'second-01')")
  srcf=$(q "$db" "SELECT group_concat(article_id || '=' || ifnull(fatalities, ''), ',') FROM (SELECT * FROM event_sources WHERE event_id = (SELECT event_id FROM event_sources WHERE article_id = 'second-01') ORDER BY seq)")
  if [ "$row" = "2|12|Le Courrier du Sahel; Radio Gao Info" ] && [ "$srcf" = "ex-fr-01=18,second-01=12" ]; then
    ok "a second report of the Ansongo ambush is merged (2 articles, the lower toll)"
  else ko "second report" "$row" "$srcf"; fi
else ko "second report not merged" "$(tail -n 2 "$tmp/second.err")"; fi

# --- 4. a malformed line: rejected, the run goes on --------------------------
db2=$tmp/bad.db
{ sed -n 1p examples/articles.jsonl; echo '{"id":"cut","text":"Des frappes'; sed -n 2p examples/articles.jsonl; } > "$tmp/bad.jsonl"
"$V" ingest -q --db "$db2" "$tmp/bad.jsonl" 2> "$tmp/bad.err"; rc=$?
rej=$(q "$db2" "SELECT ifnull(article_id, 'NULL') || '|' || origin FROM rejects")
if [ "$rc" = 1 ] && [ "$rej" = "NULL|$tmp/bad.jsonl:2" ] &&
   [ "$(q "$db2" 'SELECT count(*) FROM articles')" = 2 ] &&
   grep -q "bad.jsonl:2" "$tmp/bad.err" &&
   grep -q 'ingest: 3 articles read, 2 coded, 0 skipped (already stored), 1 rejected' "$tmp/bad.err"; then
  ok "a malformed JSON line is kept in rejects with file:line; the others are stored; exit 1"
else
  ko "malformed line (exit $rc)" "rejects: $rej" "$(cat "$tmp/bad.err")"
fi
"$V" ingest -q --db "$db2" "$tmp/bad.jsonl" 2> /dev/null
if [ "$(q "$db2" 'SELECT count(*) FROM rejects')" = 1 ]; then
  ok "the same reject again replaces the first"
else ko "reject twice" "$(q "$db2" 'SELECT * FROM rejects')"; fi

# --- 5. a plain SQLite file ---------------------------------------------------
schema=$(q "$db" .schema)
if grep -q -- '-- One row per event after resolution' <<< "$schema" &&
   grep -q -- 'corroboration INTEGER NOT NULL DEFAULT 1 -- number of distinct articles' <<< "$schema" &&
   [ "$(q "$db" 'PRAGMA integrity_check')" = ok ] &&
   [ "$(q "$db" 'PRAGMA journal_mode')" = wal ] &&
   [ "$(q "$db" 'SELECT max(version) FROM schema_migrations')" -ge 1 ]; then
  ok "the sqlite3 shell reads it; .schema shows the comments; WAL; intact"
else
  ko "sqlite3 shell" "$(head -n 5 <<< "$schema")"
fi

# --- 6. the command line ------------------------------------------------------
"$V" ingest --help > "$tmp/help.out" 2>&1; rc1=$?
"$V" ingest --batch 0 examples/ > /dev/null 2>&1; rc2=$?
"$V" ingest --no-such-option > /dev/null 2>&1; rc3=$?
( cd "$tmp" && "$root/$V" ingest -q < "$root/examples/articles.jsonl" 2> /dev/null ); rc4=$?
if [ "$rc1" = 0 ] && grep -q '^Usage: veille ingest' "$tmp/help.out" && [ "$rc2" = 2 ] && [ "$rc3" = 2 ] &&
   [ "$rc4" = 0 ] && [ "$(q "$tmp/veille.db" 'SELECT count(*) FROM articles')" = 14 ]; then
  ok "--help exits 0, misuse 2; stdin into ./veille.db by default"
else ko "command line" "help $rc1, --batch 0 $rc2, bad option $rc3, stdin $rc4"; fi

# --- 7. killed at random moments ----------------------------------------------
# The example articles many times over, each copy its own article (id and
# title differ, so the content hash too): each event gets one source per
# copy, and resolution works on every one.
big=$tmp/big.jsonl
python3 - examples/articles.jsonl "$big" <<'PY'
import json, sys
src = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for k in range(100):
        for a in src:
            b = dict(a, id="%s-r%02d" % (a["id"], k), title="%s (%d)" % (a["title"], k),
                     source="%s %d" % (a["source"], k % 7))
            out.write(json.dumps(b, ensure_ascii=False) + "\n")
PY
total=$(wc -l < "$big" | tr -d ' ')
ref=$tmp/ref.db
start=$(date +%s.%N)
"$V" ingest -q --db "$ref" "$big" 2> "$tmp/ref.err"
secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
kdb=$tmp/killed.db
interrupted=0
for round in 1 2 3 4 5; do
  "$V" ingest -q --batch 3 --db "$kdb" "$big" 2> /dev/null &
  pid=$!
  # a random moment within the first quarter of a whole run's length, so
  # that each of the five rounds is likely to stop one midway
  sleep "$(awk -v s="$secs" -v r="$RANDOM" 'BEGIN { printf "%.3f", 0.02 + s / 4 * r / 32768 }')"
  kill -KILL "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  if [ $? = 137 ]; then interrupted=$((interrupted + 1)); fi   # 128 + SIGKILL
done
before=$(q "$kdb" 'SELECT count(*) FROM articles' 2> /dev/null || echo 0)
"$V" ingest -q --batch 3 --db "$kdb" "$big" 2> "$tmp/resume.err"; rc=$?
stored=$(q "$kdb" 'SELECT count(*), count(DISTINCT id), count(DISTINCT hash) FROM articles')
twice=$(q "$kdb" 'SELECT count(*) FROM (SELECT event_id, article_id FROM event_sources GROUP BY 1, 2 HAVING count(*) > 1)')
corr=$(q "$kdb" 'SELECT count(*) FROM events e WHERE corroboration != (SELECT count(DISTINCT article_id) FROM event_sources s WHERE s.event_id = e.id)')
dump "$ref" > "$tmp/ref.dump"
dump "$kdb" > "$tmp/killed.dump"
if [ "$rc" = 0 ] && [ "$stored" = "$total|$total|$total" ] && [ "$twice" = 0 ] && [ "$corr" = 0 ] &&
   cmp -s "$tmp/ref.dump" "$tmp/killed.dump"; then
  ok "killed $interrupted times out of 5 (SIGKILL, random moments), $before of $total articles stored by then; resumed: each stored once, the same events as one run"
else
  ko "kill and resume" "exit $rc; articles (rows|ids|hashes): $stored of $total; events with a repeated article: $twice; wrong corroboration: $corr" \
     "$(diff "$tmp/ref.dump" "$tmp/killed.dump" | head -n 6)" "$(tail -n 2 "$tmp/resume.err")"
fi
if [ "$(q "$ref" 'SELECT max(corroboration) FROM events')" -ge 100 ] &&
   [ "$(q "$ref" 'SELECT count(*) FROM events')" = "$(q "$db" "SELECT count(*) FROM events WHERE article_id LIKE 'ex-%'")" ]; then
  ok "100 copies of each article resolve to the events of one copy"
else ko "copies resolve" "$(q "$ref" 'SELECT count(*), max(corroboration) FROM events')"; fi

echo "store: $pass passed, $fail failed"
[ "$fail" = 0 ]
