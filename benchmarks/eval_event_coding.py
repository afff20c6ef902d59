"""Event-coding evaluation on the PETRARCH-2 validation set, through `casus run`.

Each record of ../shared/eval/dev/PETR2_GSR_validation.xml (not well-formed XML: read record by
record) becomes a .json seed dated by the record; `casus run` codes them; the coded dyads
(fct_event_dyads: every source x target pair; negated events left out) are compared per
sentence with the gold (source, target, code) triples, as the set's SOURCES.md says:

- root: first two digits of the code, first three characters of each actor (country level);
- full: the whole code, country-level actors.

A "no event" sentence contributes only false positives.

The set is split into two fixed halves by a rule written here (`half_of`: the parity of the
SHA-256 of the record id), and both halves are scored. Tune on `tune` only: `--show` prints the
tune half's sentences and never the `held-out` half's, whose figure is the one to report. (Every
sentence of the set was seen while the coder's first versions were written, before this split:
the held-out figure is clean only for changes made since.)

    .venv/bin/python benchmarks/eval_event_coding.py [--gold PATH] [--show]
"""

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from warehouse.query import run_query  # noqa: E402


def read_gold(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    records = []
    for chunk in re.split(r"(?=<Sentence )", text)[1:]:
        head = re.match(r"<Sentence ([^>]*)>", chunk)
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', head.group(1)))
        body = re.search(r"<Text>(.*?)</Text>", chunk, re.S)
        sentence = " ".join(body.group(1).split()) if body else ""
        triples = set()
        for coding in re.findall(r"<EventCoding ([^>]*)/>", chunk):
            fields = dict(re.findall(r'(\w+)="([^"]*)"', coding))
            if "eventcode" in fields:
                triples.add((fields.get("sourcecode", "---"), fields.get("targetcode", "---"),
                             fields["eventcode"]))
        raw_date = attrs.get("date", "")
        published = f"{raw_date[:4]}-{raw_date[4:6]}-{raw_date[6:8]}" if len(raw_date) == 8 else None
        records.append({"id": "petr-" + re.sub(r"[^A-Za-z0-9._-]", "_", attrs["id"]),
                        "text": sentence, "published": published, "gold": triples})
    return records


HALVES = ("tune", "held-out")


def half_of(record_id: str) -> str:
    """The fixed half a record belongs to: the parity of its id's SHA-256."""
    return HALVES[hashlib.sha256(record_id.encode("utf-8")).digest()[0] % 2]


def coded_triples(warehouse: Path) -> dict[str, set[tuple[str, str, str]]]:
    """The GDELT-style dyads casus publishes (fct_event_dyads), negated events left out."""
    dyads = run_query(warehouse, """
        select d.article_id, coalesce(d.source_actor_code, '---') as source,
               coalesce(d.target_actor_code, '---') as target, d.cameo_code
        from fct_event_dyads d join fct_events e using (event_id)
        where not e.is_negated""")
    coded: dict[str, set] = defaultdict(set)
    for row in dyads.itertuples(index=False):
        coded[row.article_id].add((row.source, row.target, row.cameo_code))
    return coded


def prf(gold: dict[str, set], coded: dict[str, set], level) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for key in gold:
        g = {level(t) for t in gold[key]}
        c = {level(t) for t in coded.get(key, set())}
        tp, fp, fn = tp + len(g & c), fp + len(c - g), fn + len(g - c)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path,
                        default=ROOT.parent / "shared" / "eval" / "dev" / "PETR2_GSR_validation.xml")
    parser.add_argument("--show", action="store_true", help="print every sentence's triples")
    args = parser.parse_args()
    records = [r for r in read_gold(args.gold) if r["text"]]
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        for r in records:
            article = {"id": r["id"], "text": r["text"]}
            if r["published"]:
                article["published"] = r["published"]
            (seeds / f"{r['id']}.json").write_text(json.dumps(article), encoding="utf-8")
        warehouse = Path(tmp) / "petr.duckdb"
        casus = Path(sys.executable).with_name("casus")
        proc = subprocess.run([str(casus), "run", "--seeds", str(seeds), "--warehouse",
                               str(warehouse)], capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"casus run failed:\n{proc.stderr[-3000:]}")
        coded = coded_triples(warehouse)
    if args.show:  # the tune half only: the held-out half's sentences are never shown
        for r in records:
            if half_of(r["id"]) == "tune":
                print(r["id"], r["text"])
                print("   gold", sorted(r["gold"]), "| coded", sorted(coded.get(r["id"], set())))
    levels = {
        "root code, country-level actors": lambda t: (t[0][:3], t[1][:3], t[2][:2]),
        "full code, country-level actors": lambda t: (t[0][:3], t[1][:3], t[2]),
    }
    for half in (*HALVES, "both"):
        gold = {r["id"]: r["gold"] for r in records if half in {"both", half_of(r["id"])}}
        print(f"{half}: {len(gold)} sentences, {sum(len(g) for g in gold.values())} gold events")
        for label, level in levels.items():
            p, r, f = prf(gold, coded, level)
            print(f"  {label:34s} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")


if __name__ == "__main__":
    main()
