#!/usr/bin/env bash
# tests/shared/run.sh BUILD — the tests that read ../shared (real articles,
# human coding, GeoNames dumps).  A user's clone has no ../shared: then it
# says so and passes.
#
# 1. Resolution across outlets: the French dev articles ingested into a
#    SQLite store give one event for the Kidal air strikes of 7 November
#    2023, with the articles that date them among its sources; the gold file
#    says which articles report that incident.
# 2. Ingesting the same articles again changes nothing.
# 3. The gazetteer built from the three Sahel dumps answers
#    `veille gazetteer info` in well under 100 ms.
# 4. The golden cases that need that gazetteer (tests/golden/extract-sahel.tsv).
# 5. Those that need it with cities500 beside it (tests/golden/extract-world.tsv).
set -euo pipefail
B=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
V=$root/$B/veille
shared=$root/../shared
if [ ! -d "$shared/eval" ] || [ ! -d "$shared/geonames" ]; then
  echo "shared: skipped: $shared is absent (real articles and GeoNames dumps live beside the project)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { echo "  ok    $*"; pass=$((pass + 1)); }
no() { echo "  FAIL  $*"; fail=$((fail + 1)); }

"$V" gazetteer import -q --data "$tmp/data" "$shared"/geonames/*.txt
export VEILLE_DATA=$tmp/data

db=$tmp/fr.db
"$V" ingest -q --db "$db" "$shared/eval/fr/articles_dev.jsonl"
"$V" events -q --db "$db" --format jsonl > "$tmp/events1.jsonl"

# 1. The Kidal strikes of 7 November 2023.
if python3 - "$shared/eval/fr/gold_dev.csv" "$shared/eval/fr/articles_dev.jsonl" \
    "$tmp/events1.jsonl" <<'PY'
import csv, json, sys, datetime
gold, arts, events = sys.argv[1:4]
want = {r["article_id"] for r in csv.DictReader(open(gold, encoding="utf-8"))
        if r["location"] == "Kidal" and r["sub_event_type"] == "Air/drone strike"
        and r["event_date"] == "2023-11-07"}
ev = [json.loads(l) for l in open(events, encoding="utf-8")]
day = datetime.date(2023, 11, 7)
def near(e):
    try:
        d = datetime.date.fromisoformat(e["event_date"])
    except (TypeError, ValueError):
        return False
    return (e["sub_event_type"] == "Air/drone strike" and abs((d - day).days) <= 1
            and e["location"] == "Kidal")
hits = [e for e in ev if near(e)]
if len(hits) != 1:
    print("    expected one Kidal air strike event on 2023-11-07 (±1 day), got %d: %s"
          % (len(hits), [[s["article_id"] for s in e["sources"]] for e in hits]))
    sys.exit(1)
got = {s["article_id"] for s in hits[0]["sources"]}
# An article that gives no year and no publication date cannot be dated,
# so it cannot be resolved by date: it is named, not required.
undated = {a["id"] for a in map(json.loads, open(arts, encoding="utf-8"))
           if not a.get("published")}
need = want - undated
missing = need - got
if missing or len(got & want) < 3:
    print("    sources %s; gold reports %s; missing %s" % (sorted(got), sorted(want), sorted(missing)))
    sys.exit(1)
print("    one event, %d sources (%s); not dated by their text: %s"
      % (len(got), ", ".join(sorted(got)), ", ".join(sorted(want - got)) or "none"))
PY
then ok "French dev articles: the Kidal air strikes of 2023-11-07 are one event with their outlets"
else no "French dev articles: the Kidal air strikes of 2023-11-07"; fi

# 2. Idempotent.
"$V" ingest -q --db "$db" "$shared/eval/fr/articles_dev.jsonl"
"$V" events -q --db "$db" --format jsonl > "$tmp/events2.jsonl"
if cmp -s "$tmp/events1.jsonl" "$tmp/events2.jsonl"; then
  ok "ingesting the French dev articles twice changes nothing"
else
  no "a second ingest changed the events"
fi

# 3. Load time of the index with the three Sahel dumps.
ms=$(python3 - "$V" "$tmp/data" <<'PY'
import subprocess, sys, time
v, data = sys.argv[1:3]
best = []
for _ in range(5):
    t = time.perf_counter()
    subprocess.run([v, "gazetteer", "info", "--data", data], check=True,
                   stdout=subprocess.DEVNULL)
    best.append((time.perf_counter() - t) * 1000)
print("%.1f" % sorted(best)[2])
PY
)
if python3 -c "import sys; sys.exit(0 if float('$ms') < 100 else 1)"; then
  ok "gazetteer info with the Sahel dumps: ${ms} ms (median of 5, whole process)"
else
  no "gazetteer info took ${ms} ms"
fi

# 4. Golden cases on the Sahel gazetteer.
if out=$(python3 "$root/tests/golden/extract.py" --cases "$root/tests/golden/extract-sahel.tsv" "$root/$B"); then
  ok "golden cases on the Sahel gazetteer: ${out##*extract: }"
else
  printf '%s\n' "$out" | sed 's/^/    /'
  no "golden cases on the Sahel gazetteer"
fi

# 5. Golden cases on the Sahel dumps with the world's towns beside them, as
#    `make eval` has them, when the set-up fetched cities500.
if [ -s "$root/var/geonames/cities500.txt" ]; then
  "$V" gazetteer import -q --data "$tmp/world" "$shared"/geonames/*.txt "$root/var/geonames/cities500.txt"
  if out=$(VEILLE_DATA=$tmp/world python3 "$root/tests/golden/extract.py" --cases "$root/tests/golden/extract-world.tsv" "$root/$B"); then
    ok "golden cases on the Sahel and world gazetteer: ${out##*extract: }"
  else
    printf '%s\n' "$out" | sed 's/^/    /'
    no "golden cases on the Sahel and world gazetteer"
  fi
else
  echo "  skip  golden cases on the Sahel and world gazetteer: var/geonames/cities500.txt is absent (scripts/setup fetches it)"
fi

echo "shared: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
