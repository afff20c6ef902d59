"""Benchmark: the coder's dictionary sizes, extraction speed and actor coverage, with and without
the dictionaries imported from PETRARCH2.

On the first --articles BBC politics and business articles (alternating, in file order): parse
and extract in this process (read + spaCy + actors + places + events, no warehouse), as the
median of --repeat passes; prints articles/s, the events found, the share of events with both
a source and a target, and the share with both sides coded (a person known by name only is an
actor without a code: counted in the first share, not the second). Each mode runs in a fresh
process: `before` leaves every PETRARCH2 import out (persons, agents, organizations, verbs: the
hand-written overlay alone), `after` is casus as it ships. lexicon_load_s is the lexicon as a
process gets it: built (`before`, with a cache of its own) or from the disk cache when warm.

    .venv/bin/python benchmarks/coder_dictionaries.py [--articles 300] [--repeat 3]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BBC = ROOT.parent / "shared" / "corpus" / "bbc"


def _articles(count: int) -> list[Path]:
    politics = sorted((BBC / "politics").glob("*.txt"))
    business = sorted((BBC / "business").glob("*.txt"))
    mixed = [p for pair in zip(politics, business, strict=False) for p in pair]
    return mixed[:count]


def measure(mode: str, count: int, repeat: int) -> dict:
    import pipelines.coding.dictionaries as events_module
    import pipelines.lexicon as lexicon_module

    if mode == "before":
        # The lexicon built without the imports must not come from (or go to) the disk cache,
        # whose key knows nothing of these patches.
        os.environ["CASUS_CACHE_DIR"] = tempfile.mkdtemp(prefix="casus-before-")
        lexicon_module._add_petrarch_persons = lambda offices, records, title_words: None
        lexicon_module.petrarch_agents = lambda overlay: {}
        lexicon_module.petrarch_organizations = lambda overlay, records: {}
        events_module.petrarch_refinements = lambda overlay, rows: overlay
        events_module.dictionary_verbs = lambda rows, overlay: {}
    from pipelines.extract import extract_batch
    from pipelines.ingest import ingest_record
    from pipelines.seeds import read_seed_file

    started = time.perf_counter()
    lx = lexicon_module.lexicon()
    load_s = time.perf_counter() - started
    patterns = events_module.patterns()
    paths = _articles(count)
    records = [r for p in paths for r in read_seed_file(p, BBC)]
    timings, events = [], []
    for _ in range(repeat):
        results = [ingest_record(r) for r in records]
        started = time.perf_counter()
        extract_batch(results)
        timings.append(time.perf_counter() - started)
        events = [e for r in results for e in r.events]
    roles: dict[str, set[str]] = {}
    coded: dict[str, set[str]] = {}  # roles filled by an actor with a code (not a bare name)
    for r in results:
        for a in r.event_actors:
            roles.setdefault(a["event_id"], set()).add(a["role"])
            if a["actor_code"]:
                coded.setdefault(a["event_id"], set()).add(a["role"])
    both = sum(1 for e in events if roles.get(e["event_id"]) == {"source", "target"})
    both_coded = sum(1 for e in events if coded.get(e["event_id"]) == {"source", "target"})
    return {
        "mode": mode, "articles": len(records), "lexicon_load_s": round(load_s, 1),
        "verb_triggers": len(patterns.verbs), "noun_triggers": len(patterns.nouns),
        "verb_object_patterns": sum(len(v.get("objects") or {}) for v in patterns.verbs.values()),
        "title_and_agent_phrases": len(lx.sector_of_title),
        "dictionary_organizations": len(lx.petrarch_orgs),
        "office_names": len(lx.offices),
        "office_roles": sum(len(v) for v in lx.offices.values()),
        "articles_per_s": round(len(records) / statistics.median(timings), 2),
        "events": len(events), "both_sides": both,
        "both_sides_share": round(both / len(events), 3) if events else 0.0,
        "both_sides_coded_share": round(both_coded / len(events), 3) if events else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--mode", choices=["before", "after"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(measure(args.mode, args.articles, args.repeat)))
        return
    rows = []
    for mode in ("before", "after"):
        out = subprocess.run([sys.executable, __file__, "--mode", mode, "--articles",
                              str(args.articles), "--repeat", str(args.repeat)],
                             capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    keys = [k for k in rows[0] if k != "mode"]
    print(f"{'':26s} {'before':>10s} {'after':>10s}")
    for key in keys:
        print(f"{key:26s} {rows[0][key]!s:>10s} {rows[1][key]!s:>10s}")
    print(f"speed after / before: {rows[1]['articles_per_s'] / rows[0]['articles_per_s']:.2f}")


if __name__ == "__main__":
    main()
