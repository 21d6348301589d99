#!/usr/bin/env bash
# bench/run.sh BIN — throughput, articles per second, peak memory and
# start-up time of `BIN code`.  `make bench` runs it on an optimised build
# (build/bench/veille).  What it measures and how to read it: bench/README.md.
#
# 1. The corpus, build/bench/corpus.jsonl, is built once (again only when
#    this script is newer, or when the source it was built from is no longer
#    the one available): the evaluation articles of ../shared/eval (ACLED
#    notes as articles, and the French dev articles) when that folder exists,
#    else the project's examples/articles.jsonl (else short articles
#    generated here), repeated with a distinct id per copy until the file
#    holds at least 100 MB.  The bytes of the articles' `text` fields are
#    counted once, by python3, into build/bench/corpus.stats.
# 2. `BIN code -q corpus > /dev/null`, 3 runs, pinned to one core
#    (taskset -c 0 when it works): median wall time → MB/s of article text
#    and articles/s; peak RSS of each run from wait4() (python3, no extra
#    package needed).
# 3. Start-up: `BIN code -q < /dev/null`, 10 runs, median wall time.
#
# The dictionaries are BIN's own (--dict default, or $VEILLE_DICT); when
# `BIN dict check` finds them broken, the test dictionary tests/fixtures/dict
# is used and the summary says so.
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: bench/run.sh BIN" >&2; exit 2; }
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
[ -x "$bin" ] || { echo "bench/run.sh: $1 is not an executable (make bench builds it)" >&2; exit 2; }

script=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v python3 >/dev/null 2>&1 || { echo "bench/run.sh: python3 is needed" >&2; exit 2; }

out=build/bench
corpus=$out/corpus.jsonl
stats=$out/corpus.stats
mkdir -p "$out"

say() { printf 'bench: %s\n' "$*" >&2; }

# All the python the benchmark needs, one program with subcommands.
read -r -d '' py <<'PY' || true
import json, os, statistics, subprocess, sys, time

MIN_BYTES = 100 * 1000 * 1000

def build(out, source, *inputs):
    """Repeats the base articles (JSONL lines from the inputs, or made up
    here when there is none) with distinct ids until MIN_BYTES."""
    base = []
    for path in inputs:
        if path == "-":
            lines = sys.stdin.read().splitlines()
        else:
            with open(path, encoding="utf-8") as f:
                lines = f.read().splitlines()
        for line in lines:
            line = line.strip()
            if not line:
                continue
            try:
                a = json.loads(line)
            except ValueError:
                continue
            if isinstance(a, dict) and isinstance(a.get("text"), str):
                base.append(a)
    if not base:
        base = made_up()
    for i, a in enumerate(base):
        if not isinstance(a.get("id"), str) or not a["id"]:
            a["id"] = "a%d" % i
    size = 0
    copy = 0
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        while size < MIN_BYTES:
            for a in base:
                b = dict(a)
                b["id"] = "%s~%d" % (a["id"], copy)
                line = json.dumps(b, ensure_ascii=False) + "\n"
                f.write(line)
                size += len(line.encode("utf-8"))
            copy += 1
    os.replace(tmp, out)
    print("%s, %d articles x %d copies" % (source, len(base), copy))

def made_up():
    """Short articles from sentences written for this benchmark."""
    fr = [
        "Mardi, une patrouille militaire a essuyé une embuscade à l'entrée du village, d'après un responsable de la sécurité.",
        "Dans la nuit de samedi à dimanche, l'aviation a bombardé plusieurs campements de combattants.",
        "Quelque 1 200 habitants ont fui leurs villages depuis le 7 novembre, rapporte un conseiller municipal.",
        "Un engin explosif improvisé a touché un véhicule de transport ; le bilan n'est pas connu.",
        "Jeudi 07/11/2023, trois commerçants ont été enlevés par des individus armés sur la route du marché.",
        "« La situation est sous contrôle », a déclaré le gouverneur de la région lundi soir.",
    ]
    en = [
        "Gunmen ambushed a military convoy on Tuesday near the border, a security source said.",
        "Overnight air strikes struck fighters' camps, according to a military communiqué.",
        "About 1,200 people have fled their homes since 7 November, according to a local official.",
        "A roadside bomb tore through a bus on the main road; no casualty figure was released.",
        "On Friday, demonstrators assembled in the capital, calling for jailed traders to be freed.",
    ]
    arts = []
    for i in range(60):
        lang, pool = ("fr", fr) if i % 3 else ("en", en)
        k = 2 + i % 4
        text = " ".join(pool[(i + j) % len(pool)] for j in range(k))
        arts.append({"id": "gen-%d" % i, "lang": lang,
                     "published": "2023-11-%02d" % (1 + i % 28),
                     "title": "", "text": text})
    return arts

def count(corpus, stats, source):
    n = nbytes = 0
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            n += 1
            nbytes += len(a.get("text", "").encode("utf-8"))
    with open(stats, "w") as f:
        json.dump({"articles": n, "text_bytes": nbytes,
                   "file_bytes": os.path.getsize(corpus),
                   "source": source}, f)
        f.write("\n")

def stat(stats, key):
    with open(stats) as f:
        print(json.load(f)[key])

def run_once(cmd, stdin_path):
    """Wall time (s), peak RSS (KiB) and exit status of one run; the RSS
    comes from wait4() on this very child."""
    with open(stdin_path, "rb") as fin, open(os.devnull, "wb") as fout, \
            open(os.devnull, "wb") as ferr:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=fin, stdout=fout, stderr=ferr)
        _, status, ru = os.wait4(p.pid, 0)
        t = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
    return t, ru.ru_maxrss, p.returncode

def bench(stats, corpus, reps, startup_reps, pin, *cmd):
    with open(stats) as f:
        st = json.load(f)
    pin = pin.split() if pin else []
    runs = []
    for i in range(int(reps)):
        t, rss, rc = run_once(pin + list(cmd) + [corpus], os.devnull)
        runs.append((t, rss, rc))
        print("bench: run %d: %.2f s, peak RSS %.1f MB, exit %d"
              % (i + 1, t, rss / 1024, rc), file=sys.stderr)
    ups = []
    for i in range(int(startup_reps)):
        ups.append(run_once(pin + list(cmd), os.devnull))
    t = statistics.median(r[0] for r in runs)
    res = {
        "seconds": [round(r[0], 3) for r in runs],
        "median_s": t,
        "mb_per_s": st["text_bytes"] / 1e6 / t,
        "articles_per_s": st["articles"] / t,
        "peak_rss_mb": max(r[1] for r in runs) / 1024,
        "exit": max(r[2] for r in runs),
        "startup_ms": statistics.median(u[0] for u in ups) * 1000,
        "startup_rss_mb": max(u[1] for u in ups) / 1024,
        "startup_exit": max(u[2] for u in ups),
    }
    json.dump(res, sys.stdout)
    print()

def field(js, key, fmt):
    print(fmt % json.loads(js)[key])

cmd = sys.argv[1]
{"build": build, "count": count, "stat": stat, "bench": bench,
 "field": field}[cmd](*sys.argv[2:])
PY
pyrun() { python3 -c "$py" "$@"; }

# --- 1. the corpus -----------------------------------------------------------
eval_dir=../shared/eval
if [ -f "$eval_dir/score.py" ] && [ -f "$eval_dir/acled/sahel_dev.csv" ]; then
  want_source="eval"
elif [ -f examples/articles.jsonl ]; then
  want_source="examples"
else
  want_source="generated"
fi
have_source=""
if [ -f "$stats" ]; then
  have_source=$(pyrun stat "$stats" source 2>/dev/null | cut -d, -f1 || true)
fi
if [ -f "$corpus" ] && [ "$corpus" -nt "$script" ] && [ -f "$stats" ] &&
   [ "$stats" -nt "$corpus" ] && [ "$have_source" = "$want_source" ]; then
  say "corpus: $corpus is up to date"
else
  say "building $corpus (at least 100 MB)…"
  case $want_source in
    eval)
      acled=$out/acled-articles.jsonl
      python3 "$eval_dir/score.py" articles-from-acled "$eval_dir/acled/sahel_dev.csv" > "$acled"
      extra=()
      [ -f "$eval_dir/fr/articles_dev.jsonl" ] && extra=("$eval_dir/fr/articles_dev.jsonl")
      desc=$(pyrun build "$corpus" "eval, ACLED notes (../shared/eval/acled/sahel_dev.csv) and French dev articles (../shared/eval/fr)" "$acled" "${extra[@]}")
      rm -f "$acled"
      ;;
    examples)
      say "../shared/eval is absent: the corpus is the project's examples/articles.jsonl, repeated"
      desc=$(pyrun build "$corpus" "examples, examples/articles.jsonl (../shared/eval absent)" examples/articles.jsonl)
      ;;
    *)
      say "../shared/eval and examples/articles.jsonl are absent: the corpus is short articles generated by this script, repeated"
      desc=$(pyrun build "$corpus" "generated, short made-up articles (../shared/eval and examples/ absent)")
      ;;
  esac
  pyrun count "$corpus" "$stats" "$desc"
fi
articles=$(pyrun stat "$stats" articles)
text_bytes=$(pyrun stat "$stats" text_bytes)
file_bytes=$(pyrun stat "$stats" file_bytes)
source_desc=$(pyrun stat "$stats" source)

# --- the dictionaries --------------------------------------------------------
dict_note=${VEILLE_DICT:-"the binary's built-in folder"}
if ! err=$("$bin" dict check -q 2>&1); then
  if [ -f tests/fixtures/dict/index.txt ]; then
    say "the default dictionaries do not load:"
    printf '  %s\n' "$err" | head -n 5 >&2
    say "using the test dictionary tests/fixtures/dict instead"
    export VEILLE_DICT=$root/tests/fixtures/dict
    dict_note="tests/fixtures/dict (the default ones did not load)"
  else
    say "the dictionaries do not load: $err"
    exit 1
  fi
fi

# --- 2–3. timing -------------------------------------------------------------
pin=""
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then
  pin="taskset -c 0"
else
  say "taskset is not available: runs are not pinned to one core"
fi
say "timing $bin code -q on the corpus, 3 runs${pin:+ ($pin)}…"
res=$(pyrun bench "$stats" "$corpus" 3 10 "$pin" "$bin" code -q)

f() { pyrun field "$res" "$1" "$2"; }
mbs=$(f mb_per_s '%.1f')
aps=$(f articles_per_s '%.0f')
rss=$(f peak_rss_mb '%.1f')
secs=$(f seconds '%s')
med=$(f median_s '%.2f')
rc=$(f exit '%d')
up=$(f startup_ms '%.1f')
up_rss=$(f startup_rss_mb '%.1f')
up_rc=$(f startup_exit '%d')

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
cat <<EOF

== veille bench ==================================================
binary      $bin
corpus      $corpus: $(mb "$file_bytes") MB, $articles articles,
            $(mb "$text_bytes") MB of article text
            ${source_desc}
dicts       $dict_note
cpu         ${pin:-not pinned}; runs (s): $secs, median $med
------------------------------------------------------------------
throughput  $mbs MB/s of article text      (target >= 50)
articles    $aps articles/s               (target >= 10000)
peak RSS    $rss MB on the corpus, $up_rss MB on empty input
start-up    $up ms, median of 10          (target < 50)
==================================================================
EOF
if [ "$rc" != 0 ] || [ "$up_rc" != 0 ]; then
  say "warning: veille exited with status $rc (corpus) / $up_rc (empty input);"
  say "run '$bin code -q $corpus > /dev/null' to see why"
fi
