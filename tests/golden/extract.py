#!/usr/bin/env python3
"""tests/golden/extract.py [--list] [BUILD] — golden extraction tests.

Each case of tests/golden/extract.tsv is one short article and what a careful
ACLED coder would code for its FIRST event:

    id <TAB> lang <TAB> published <TAB> text <TAB> expectations

published may name the outlet after ` | ` (`2024-03-06 | Sidwaya`): the
article's `source`, for the rules that read it.

expectations are `field=value` pairs separated by ` ; `:

    field=value     the field equals value (numbers are compared as numbers;
                    an absent or null field is the empty value: `event_type=`)
    field^=value    the field starts with value (actor names without the era)
    field!=value    the field is anything but value (a near-miss: what a
                    rule must not do when its cue is missing)

or the single word `none`: the article gives no event with a non-empty
event_type.  Lines starting with `#` and blank lines are comments.

The articles go through `BUILD/veille code -q` once (BUILD defaults to
`build`).  Each failing case is printed with its text, the expectations that
failed and what came out, on one line; the last line is `extract: N passed, M failed`.
The exit status is 1 when a case fails, 2 when veille cannot be run.
--list prints every case's result, passing ones too.
--cases FILE reads the cases from FILE instead of extract.tsv (extract-sahel.tsv:
the cases that need the Sahel GeoNames dumps, run by tests/shared/run.sh).
--known FILE: the ids listed there (one a line, # comments) are known
failures, the extraction's work queue: they are counted, not printed, and
only a failure of any other case fails the run (so a regression is caught);
a known failure that passes is pointed out, to be taken off the list.
"""

import json
import os
import re
import signal
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TSV = os.path.join(HERE, "extract.tsv")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def parse_expectations(spec, where):
    spec = spec.strip()
    if spec == "none":
        return "none"
    checks = []
    for part in spec.split(" ; "):
        part = part.strip()
        if not part:
            continue
        if "=" not in part:
            sys.exit(f"{where}: expectation without '=': {part!r}")
        key, value = part.split("=", 1)
        op = "="
        if key.endswith("^"):
            op, key = "^=", key[:-1]
        elif key.endswith("!"):
            op, key = "!=", key[:-1]
        key = key.strip()
        if not key:
            sys.exit(f"{where}: expectation without a field: {part!r}")
        checks.append((key, op, value.strip()))
    if not checks:
        sys.exit(f"{where}: no expectation")
    return checks


def read_cases(path):
    cases, seen = [], set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            where = f"{path}:{n}"
            cols = line.split("\t")
            if len(cols) != 5:
                sys.exit(f"{where}: {len(cols)} tab-separated columns, want 5")
            cid, lang, published, text, spec = cols
            if cid in seen:
                sys.exit(f"{where}: duplicate id {cid!r}")
            seen.add(cid)
            published, _, source = published.partition(" | ")
            cases.append({
                "id": cid, "lang": lang, "published": published, "text": text,
                "source": source.strip(),
                "expect": parse_expectations(spec, where), "spec": spec.strip(),
            })
    return cases


def as_text(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def matches(actual, op, want):
    got = as_text(actual)
    if op == "^=":
        return got.startswith(want)
    if op == "!=":
        return not matches(actual, "=", want)
    if NUMBER.match(want) and NUMBER.match(got):
        return float(got) == float(want)
    return got == want


def summary(ev):
    if ev is None:
        return "no event"
    parts = [f"{ev.get('event_type') or '(no type)'} / {ev.get('sub_event_type') or ''}"]
    if not ev.get("event_type") and ev.get("plover"):
        parts.append(f"plover={ev.get('plover')}")
    for k in ("event_date", "date_end", "time_precision", "actor1", "actor2",
              "fatalities", "certainty", "claimant"):
        v = as_text(ev.get(k))
        if v:
            parts.append(f"{k}={v}")
    return " ; ".join(parts)


def check(case, events):
    """Returns the list of failure lines (empty when the case passes)."""
    if case["expect"] == "none":
        coded = [e for e in events if e.get("event_type")]
        if coded:
            return [f"want none, got {len(coded)} event(s)"]
        return []
    if not events:
        return ["no event came out"]
    first = events[0]
    bad = []
    for key, op, want in case["expect"]:
        if not matches(first.get(key), op, want):
            bad.append(f"{key}{op}{want} (got {as_text(first.get(key))!r})")
    return bad


def main(argv):
    listing = False
    build = "build"
    known_path = None
    cases_path = TSV
    args = iter(argv)
    for a in args:
        if a == "--list":
            listing = True
        elif a == "--known":
            known_path = next(args, None)
        elif a == "--cases":
            cases_path = next(args, None)
        elif a in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        elif a.startswith("-"):
            print(f"extract.py: unknown option {a}", file=sys.stderr)
            return 2
        else:
            build = a
    veille = os.path.join(build, "veille")
    if not os.access(veille, os.X_OK):
        print(f"extract.py: {veille} not found (run make first)", file=sys.stderr)
        return 2

    cases = read_cases(cases_path)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "extract.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for c in cases:
                f.write(json.dumps({"id": c["id"], "lang": c["lang"],
                                    "published": c["published"], "text": c["text"],
                                    "source": c["source"]},
                                   ensure_ascii=False) + "\n")
        run = subprocess.run([veille, "code", "-q", src], capture_output=True)
    if run.returncode not in (0, 1):
        sys.stderr.write(run.stderr.decode("utf-8", "replace"))
        print(f"extract.py: {veille} exited with status {run.returncode}",
              file=sys.stderr)
        return 2

    by_article = {}
    for n, line in enumerate(run.stdout.decode("utf-8", "replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            ev = json.loads(line)
        except json.JSONDecodeError as e:
            print(f"extract.py: veille output line {n} is not JSON: {e}", file=sys.stderr)
            return 2
        by_article.setdefault(ev.get("article_id"), []).append(ev)

    known = set()
    if known_path:
        with open(known_path, encoding="utf-8") as f:
            known = {l.split("#")[0].strip() for l in f} - {""}
    passed = failed = unexpected = 0
    fixed = []
    for c in cases:
        events = by_article.get(c["id"], [])
        bad = check(c, events)
        if not bad and c["id"] in known:
            fixed.append(c["id"])
        if bad:
            failed += 1
            if c["id"] in known and not listing:
                continue
            unexpected += c["id"] not in known
            shown = events[0] if events else None
            if c["expect"] == "none":
                shown = next(e for e in events if e.get("event_type"))
            print(f"FAIL {c['id']}: {c['text']} | want: {c['spec']}"
                  f" | failed: {' ; '.join(bad)} | got: {summary(shown)}")
        else:
            passed += 1
            if listing:
                print(f"ok   {c['id']}   {summary(events[0] if events else None)}")
    if known_path:
        for cid in fixed:
            print(f"now passes (remove it from {known_path}): {cid}")
        print(f"extract: {passed} pass, {failed - unexpected} known failures, "
              f"{unexpected} new failures")
        return 1 if unexpected else 0
    print(f"extract: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends quietly
    sys.exit(main(sys.argv[1:]))
