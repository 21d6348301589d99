#!/usr/bin/env bash
# tests/export/run.sh BUILD_DIR — `veille events` end to end.
#
# Always: --help, usage errors (exit 2), a missing database (exit 1, "no
# such database", not created), $VEILLE_DB.  When `veille ingest` exists (it
# comes with the store): a database is built from examples/ and then
#   - --format csv is read by Python's csv module: the header starts with
#     ACLED's 31 columns in ACLED's order, every row has as many cells as
#     the header, as many rows as JSONL lines;
#   - --format geojson is valid JSON with as many features as JSONL lines,
#     and ogrinfo (GDAL) counts the same (skipped when ogrinfo is absent);
#   - each filter keeps only matching events, at least one, and -o FILE
#     writes what stdout gets.
# Prints one line per check and "N passed, M failed"; exit 1 on a failure.
set -euo pipefail
B=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
V="$root/$B/veille"
[ -x "$V" ] || V="$B/veille"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); printf '  ok    %s\n' "$1"; }
ko() { fail=$((fail + 1)); printf '  FAIL  %s\n' "$1"; shift; for l in "$@"; do printf '        %s\n' "$l"; done; }
skip() { printf '  skip  %s\n' "$1"; }

# ev NAME ARGS… : runs veille events, keeps NAME.out NAME.err, sets rc
ev() {
  local name=$1; shift
  set +e
  timeout 120 "$V" events "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
  rc=$?
  set -e
}
# want_rc NAME WANT DESCRIPTION
want_rc() {
  if [ "$rc" = "$2" ]; then ok "$3"; else ko "$3: exit $rc, expected $2" "$(head -c 400 "$tmp/$1.err")"; fi
}

echo "export (veille events):"

# --- without a database --------------------------------------------------
ev help --help
if [ "$rc" = 0 ] && grep -q '^Usage: veille events' "$tmp/help.out" && [ ! -s "$tmp/help.err" ]; then
  ok "--help on stdout, exit 0"
else ko "--help" "exit $rc"; fi

usage_case() { # NAME PATTERN ARGS…
  local name=$1 pat=$2; shift 2
  ev "$name" --db "$tmp/none.db" "$@"
  if [ "$rc" = 2 ] && grep -q -- "$pat" "$tmp/$name.err" && [ ! -s "$tmp/$name.out" ]; then
    ok "usage error, exit 2: $*"
  else ko "usage error for: $*: exit $rc" "$(cat "$tmp/$name.err")"; fi
}
usage_case u_date1 'YYYY-MM-DD' --since 2024-13-01
usage_case u_date2 'YYYY-MM-DD' --until 2023-02-29
usage_case u_date3 'YYYY-MM-DD' --since 24-01-01
usage_case u_order 'is after' --since 2024-02-01 --until 2024-01-31
usage_case u_bbox1 'W,S,E,N' --bbox 1,2,3
usage_case u_bbox2 'W,S,E,N' --bbox 3,0,1,5
usage_case u_bbox3 'W,S,E,N' --bbox -10,-95,10,10
usage_case u_bbox4 'W,S,E,N' --bbox 1,2,3,x
usage_case u_format 'jsonl, csv or geojson' --format xml
usage_case u_opt 'unknown option' --nope
usage_case u_arg 'unexpected argument' stray
usage_case u_dash 'unexpected argument' -- --country
usage_case u_noval 'needs a value' --country
usage_case u_empty 'non-empty' --actor ''

ev missing --db "$tmp/missing.db"
if [ "$rc" = 1 ] && grep -q "missing.db: no such database" "$tmp/missing.err" && [ ! -e "$tmp/missing.db" ]; then
  ok "a missing database: exit 1, named, not created"
else ko "missing database: exit $rc" "$(cat "$tmp/missing.err")"; fi
set +e
(cd "$tmp" && VEILLE_DB="$tmp/env.db" "$V" events >"$tmp/env.out" 2>"$tmp/env.err")
rc=$?
set -e
if [ "$rc" = 1 ] && grep -q "env.db: no such database" "$tmp/env.err"; then
  ok "\$VEILLE_DB names the default database"
else ko "VEILLE_DB: exit $rc" "$(cat "$tmp/env.err")"; fi
set +e
(cd "$tmp" && env -u VEILLE_DB "$V" events >"$tmp/def.out" 2>"$tmp/def.err")
rc=$?
set -e
if [ "$rc" = 1 ] && grep -q "veille.db: no such database" "$tmp/def.err" && [ ! -e "$tmp/veille.db" ]; then
  ok "default database ./veille.db"
else ko "default database: exit $rc" "$(cat "$tmp/def.err")"; fi

# --- with a database built by veille ingest --------------------------------
set +e
"$V" ingest --help >/dev/null 2>&1
has_ingest=$?
set -e
if [ "$has_ingest" != 0 ]; then
  skip "no 'veille ingest' in this build (it comes with the store): end-to-end export checks not run"
else
  db="$tmp/t.db"
  set +e
  timeout 300 "$V" ingest -q --db "$db" examples/ >"$tmp/ingest.out" 2>"$tmp/ingest.err"
  irc=$?
  set -e
  if [ "$irc" != 0 ] || [ ! -s "$db" ]; then
    ko "veille ingest examples/: exit $irc" "$(head -c 600 "$tmp/ingest.err")"
  else
    ok "veille ingest examples/ builds a database"
    ev all --db "$db" -q
    n=$(wc -l <"$tmp/all.out" | tr -d ' ')
    if [ "$rc" = 0 ] && [ "$n" -gt 0 ]; then ok "jsonl: $n events"; else ko "jsonl: exit $rc, $n lines" "$(cat "$tmp/all.err")"; fi
    if python3 - "$tmp/all.out" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    assert isinstance(o["sources"], list) and o["sources"], o
    for k in ("event_id_cnty", "event_date", "notes", "source"):
        assert k in o, k
PY
    then ok "jsonl: every line is an object with its sources"; else ko "jsonl content"; fi

    ev csv --db "$db" -q --format csv
    if [ "$rc" = 0 ] && python3 - "$tmp/csv.out" "$n" <<'PY'
import csv, sys
acled = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
         "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,"
         "interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
         "location,latitude,longitude,geo_precision,source,source_scale,notes,"
         "fatalities,tags,timestamp").split(",")
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f, strict=True))
head = rows[0]
assert head[:31] == acled, head[:31]
assert head[-3:] == ["corroboration", "source_articles", "source_outlets"], head
for r in rows[1:]:
    assert len(r) == len(head), (len(r), len(head), r[:2])
    assert int(r[head.index("corroboration")]) >= 1
assert len(rows) - 1 == int(sys.argv[2]), (len(rows) - 1, sys.argv[2])
PY
    then ok "csv: ACLED's columns first, every row as wide as the header, $n rows"
    else ko "csv (exit $rc)" "$(head -c 400 "$tmp/csv.err")"; fi

    ev geo --db "$db" -q --format geojson
    if [ "$rc" = 0 ] && python3 - "$tmp/geo.out" "$n" <<'PY'
import json, sys
fc = json.load(open(sys.argv[1], encoding="utf-8"))
assert fc["type"] == "FeatureCollection"
assert len(fc["features"]) == int(sys.argv[2])
for f in fc["features"]:
    g = f["geometry"]
    p = f["properties"]
    if g is not None:
        assert g["coordinates"] == [p["longitude"], p["latitude"]], g
    else:
        assert p["latitude"] is None or p["longitude"] is None
PY
    then ok "geojson: valid, $n features, [longitude, latitude]"
    else ko "geojson (exit $rc)"; fi
    if command -v ogrinfo >/dev/null 2>&1; then
      cp "$tmp/geo.out" "$tmp/events.geojson"
      fc=$(ogrinfo -ro -al -so "$tmp/events.geojson" 2>"$tmp/ogr.err" | sed -n 's/^Feature Count: //p')
      if [ "$fc" = "$n" ]; then ok "ogrinfo reads the GeoJSON: $fc features"
      else ko "ogrinfo: feature count '$fc', expected $n" "$(head -c 400 "$tmp/ogr.err")"; fi
    else
      skip "ogrinfo (gdal-bin) absent: GeoJSON not read by GDAL"
    fi

    ev outf --db "$db" -q --format csv -o "$tmp/out.csv"
    if [ "$rc" = 0 ] && [ ! -s "$tmp/outf.out" ] && cmp -s "$tmp/out.csv" "$tmp/csv.out"; then
      ok "-o FILE writes what stdout gets"
    else ko "-o FILE (exit $rc)"; fi

    # Each filter: a value taken from the data keeps at least one event,
    # only matching ones, and no more than all of them.
    filter_case() { # NAME CHECK(python expr on o, with v) ARGS…
      local name=$1 check=$2; shift 2
      ev "$name" --db "$db" -q "$@"
      if [ "$rc" = 0 ] && python3 - "$tmp/$name.out" "$n" "$check" "${@: -1}" <<'PY'
import json, sys
path, n, check, v = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
rows = [json.loads(l) for l in open(path, encoding="utf-8")]
assert 1 <= len(rows) <= n, len(rows)
for o in rows:
    assert eval(check), (check, v, o.get("event_id_cnty"))
PY
      then ok "filter $*: $(wc -l <"$tmp/$name.out" | tr -d ' ') of $n"
      else ko "filter $* (exit $rc)" "$(head -c 400 "$tmp/$name.err")"; fi
    }
    pick() { # FIELD: the value of the first event that has one
      python3 - "$tmp/all.out" "$1" <<'PY'
import json, sys
for l in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(l)
    v = o.get(sys.argv[2])
    if v not in (None, ""):
        print(v)
        break
PY
    }
    for f in country admin1 event_type sub_event_type; do
      v=$(pick "$f")
      opt=${f/event_type/type}; opt=${opt/sub_type/sub-type}
      if [ -n "$v" ]; then filter_case "f_$f" "o['$f'] == v" "--$opt" "$v"
      else skip "no event has a $f: --$opt not checked"; fi
    done
    v=$(pick actor1)
    if [ -n "$v" ]; then
      sub=${v:0:6}
      filter_case f_actor "any(v.lower() in (o[k] or '').lower() for k in ('actor1','assoc_actor_1','actor2','assoc_actor_2'))" --actor "$sub"
    fi
    v=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["sources"][0]["outlet"])' "$tmp/all.out")
    if [ -n "$v" ]; then
      filter_case f_source "any(v.lower() in (s['outlet'] or '').lower() for s in o['sources'])" --source "${v^^}"
    else skip "the first event's source has no outlet: --source not checked"; fi
    d=$(pick event_date)
    filter_case f_since "o['event_date'] >= v" --since "$d"
    filter_case f_until "o['event_date'] <= v" --until "$d"
    filter_case f_day "o['event_date'] == v" --since "$d" --until "$d"
    box=$(python3 - "$tmp/all.out" <<'PY'
import json, sys
for l in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(l)
    if o["latitude"] is not None and o["longitude"] is not None:
        x, y = o["longitude"], o["latitude"]
        print(f"{x-0.5},{y-0.5},{x+0.5},{y+0.5}")
        break
PY
)
    if [ -n "$box" ]; then
      filter_case f_bbox "(lambda w,s,e,n: o['longitude'] is not None and w <= o['longitude'] <= e and s <= o['latitude'] <= n)(*map(float, v.split(',')))" --bbox "$box"
    else skip "no event has coordinates: --bbox not checked"; fi
    ev none --db "$db" -q --country Atlantis
    if [ "$rc" = 0 ] && [ ! -s "$tmp/none.out" ]; then ok "a filter nothing matches: no output, exit 0"
    else ko "no match (exit $rc)"; fi
    ev nonegeo --db "$db" -q --country Atlantis --format geojson
    if [ "$rc" = 0 ] && python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["features"] == []' "$tmp/nonegeo.out"; then
      ok "no match in GeoJSON: an empty FeatureCollection"
    else ko "no match in GeoJSON (exit $rc)"; fi
  fi
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
