"""Importer: the PETRARCH2 actor dictionaries into casus's own data file.

    .venv/bin/python -m pipelines.import_petrarch ../shared/reference/petrarch2

reads `Phoenix.Countries.actors.txt`, `Phoenix.International.actors.txt` and
`Phoenix.MilNonState.actors.txt` (MIT licence, Open Event Data; format in their
`dictionaries.rst`) and writes `pipelines/data/petrarch_actors.csv`: one row per record (its
names, its default code, its dated roles, the file and line it starts at), and
`PETRARCH2-LICENSE.txt` beside it.
The runtime reads only those two files, never the reference folder.

A record is a primary phrase (optionally `[CODE]`, its default role), `+synonym` lines, and
tab-indented date restrictions `[CODE 620101-950101]`, `[CODE >100201]`, `[CODE <911018]`
(limits inclusive; YYMMDD years below 30 are 20xx, as the dictionaries were written in 2014).
"""

import argparse
import csv
import re
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
         "Phoenix.MilNonState.actors.txt")
OUTPUT = Path(__file__).parent / "data" / "petrarch_actors.csv"
AGENTS_FILE = "Phoenix.agents.txt"
AGENTS_OUTPUT = Path(__file__).parent / "data" / "petrarch_agents.csv"
AGENT_COLUMNS = ["phrase", "code", "source"]
LICENSE_COPY = Path(__file__).parent / "data" / "PETRARCH2-LICENSE.txt"
COLUMNS = ["names", "default_code", "roles", "source"]
_CODE = re.compile(r"^([A-Z]{3}|---)([A-Z]{3})*$")
_ROLE = re.compile(r"^\[\s*(?P<code>[^\s\]]+)(?:\s+(?P<when>[^\]]+))?\s*\]")
EARLIEST, LATEST = date(1800, 1, 1), None


@dataclass
class Record:
    names: list[str]
    source: str
    default: str | None = None
    roles: list[tuple[str, date, date | None]] = field(default_factory=list)


def _day(text: str) -> date:
    text = text.strip()
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < 30 else 1900 + year}{text[2:]}"
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def parse_when(when: str | None) -> tuple[date, date | None]:
    """A restriction's first day and the day after its last (None: open), limits inclusive."""
    if not when:
        return EARLIEST, LATEST
    when = when.strip()
    if when.startswith(">"):
        return _day(when[1:]), None
    if when.startswith("<"):
        return EARLIEST, _day(when[1:]) + timedelta(days=1)
    first, last = when.split("-")
    return _day(first), _day(last) + timedelta(days=1)


def phrase_name(phrase: str) -> str:
    """`ABDUL_RAHIM_WARDAK_` -> `Abdul Rahim Wardak` (the trailing underscore marks a stop)."""
    words = [w for w in phrase.strip().rstrip("_").split("_") if w]
    return " ".join(w if not w.isupper() else w.title() for w in words)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:  # the dictionaries mix encodings line by line
        return raw.decode("cp1252", errors="replace")


def read_records(path: Path) -> list[Record]:
    records: list[Record] = []
    current: Record | None = None
    for number, raw in enumerate(path.read_bytes().split(b"\n"), start=1):
        line = _decode(raw).rstrip("\r")
        content = line.split("#", 1)[0]
        if not content.strip():
            continue
        where = f"{path.name}:{number}"
        if content.startswith(("\t", " ")) and current is not None:
            match = _ROLE.match(content.strip())
            if match and _CODE.match(match["code"]):
                try:
                    start, end = parse_when(match["when"])
                except (ValueError, IndexError):
                    continue  # a restriction no date format reads: left out
                if match["when"]:
                    current.roles.append((match["code"], start, end))
                elif current.default is None:  # an undated restriction is a default role
                    current.default = match["code"]
            continue
        if content.startswith("+") and current is not None:
            current.names.append(phrase_name(content[1:].split("[", 1)[0]))
            continue
        if content.startswith(("!", "<", "=")):
            current = None  # substitution sets and markup, not actors
            continue
        phrase, _, rest = content.partition("[")
        code = rest.split("]", 1)[0].strip() if rest else None
        current = Record([phrase_name(phrase)], where,
                         code if code and _CODE.match(code) else None)
        records.append(current)
    return records


def rows(records: list[Record]) -> list[dict]:
    """One row per record with a code: names joined by ';', roles as `CODE first..next` where
    `next` is the day after the last (empty: still held), joined by ';'."""
    out = []
    for record in records:
        names = [n for n in dict.fromkeys(record.names) if n and ";" not in n]
        if not names or not (record.default or record.roles):
            continue
        roles = ";".join(f"{code} {start.isoformat()}..{end.isoformat() if end else ''}"
                         for code, start, end in record.roles)
        out.append({"names": ";".join(names), "default_code": record.default or "",
                    "roles": roles, "source": record.source})
    return out


_SUBSTITUTION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_AGENT = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[~(?P<code>[A-Z]+)\]")


def read_agents(path: Path) -> list[dict]:
    """Agent nouns and titles with their sector codes: `POLICE!PERSON! [~COP]` expands its
    substitution set (policeman, policemen, ...); `{IRREGULAR_PLURALS}` become phrases too."""
    sets: dict[str, list[str]] = {}
    out: list[dict] = []
    for number, raw in enumerate(path.read_bytes().split(b"\n"), start=1):
        line = _decode(raw).split("#", 1)[0].strip()
        if not line:
            continue
        if match := _SUBSTITUTION.match(line):
            sets[match[1]] = [w.strip() for w in match[2].split(",") if w.strip()]
            continue
        match = _AGENT.match(line)
        if not match:
            continue
        forms = [match["phrase"]] + [f for f in (match["plurals"] or "").split() if f]
        for form in forms:
            for phrase in _expand(form.strip(), sets):
                text = " ".join(w for w in phrase.replace("_", " ").split()).lower()
                if text and text.isascii():
                    out.append({"phrase": text, "code": match["code"],
                                "source": f"{path.name}:{number}"})
    return out


def _expand(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    for name, options in sets.items():
        if name in phrase:
            return [p for option in options for p in _expand(phrase.replace(name, option, 1), sets)]
    return [phrase] if "!" not in phrase else []


VERBS_FILE = "CAMEO.2.0.txt"
VERBS_OUTPUT = Path(__file__).parent / "data" / "petrarch_verbs.csv"
VERB_COLUMNS = ["verb", "code", "objects", "source"]
_BLOCK = re.compile(r"^---\s+(?P<name>\S+)\s+\[(?P<code>[^\]]+)\]\s+---")
_VERB = re.compile(r"^(?P<verb>[A-Z][A-Z-]*)\s*(?:\{(?P<forms>[^}]*)\})?\s*(?:\[(?P<code>[^\]]+)\])?\s*$")
# "- * WORD [code]" (the verb's object) and "- * (PREP WORD) [code]" (a prepositional object):
# the simple patterns, which read as object words refining the verb's code.
# A word may be a synonym set (&WEAPON), which stands for each of its single-word members.
_SIMPLE = re.compile(r"^-\s+\*\s+(?:(?P<word>&?[A-Z_]+)|\((?P<prep>[A-Z]+)\s+(?P<pword>&?[A-Z_]+)\))"
                     r"\s+\[(?P<code>[^\]]+)\]")
_SET_NAME = re.compile(r"^&[A-Z_]+$")


def read_synonym_sets(lines: list[str]) -> dict[str, list[str]]:
    """The verb file's synonym sets ("&WEAPON" then "+GUN", "+MISSILE" ...): each set's
    single-word members, lower case (a trailing "_", "no suffix", dropped; members of several
    words are left out, as object words are single words)."""
    sets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        if line.strip().startswith("#"):
            continue  # a comment inside a set does not end it
        text = line.split("#", 1)[0].strip()
        if _SET_NAME.match(text):
            current = sets.setdefault(text, [])
        elif text.startswith("+") and current is not None:
            member = text[1:].strip().rstrip("_")
            if member and "_" not in member and " " not in member and member.isalpha():
                current.append(member.lower())
        elif not text:
            current = None
    return sets


def _cameo(code: str | None) -> str | None:
    """`[037:037]` -> 037; `[---]` and codes that are no CAMEO code -> None."""
    code = (code or "").split(":")[0].strip()
    return code if re.fullmatch(r"\d{2,4}", code) else None


def read_verbs(path: Path) -> list[dict]:
    """Single-word verbs of each block with their code (the verb's own, else the block's), and
    the block's simple patterns as object words -> codes, a synonym set standing for each of
    its members. Multi-word verbs and patterns with source/target markers or several words
    are left for a pattern engine that reads them."""
    out: list[dict] = []
    block_code, verbs, objects, start = None, [], {}, 0
    lines = [_decode(raw) for raw in path.read_bytes().split(b"\n")]
    sets = read_synonym_sets(lines)

    def flush() -> None:
        for verb, code, line in verbs:
            if code or objects:
                out.append({"verb": verb, "code": code or "",
                            "objects": ";".join(f"{w}={c}" for w, c in sorted(objects.items())),
                            "source": f"{path.name}:{line}"})

    for number, raw_line in enumerate(lines, start=1):
        line = raw_line.split("#", 1)[0].rstrip()
        if match := _BLOCK.match(line):
            flush()
            block_code, verbs, objects, start = _cameo(match["code"]), [], {}, number
            continue
        if not start or not line.strip():
            continue
        if line.startswith("-"):
            simple = _SIMPLE.match(line)
            code = _cameo(simple["code"]) if simple else None
            if simple and code:
                # a prepositional object keeps its preposition: "meet (with leaders)" is no
                # "met leaders"
                prep = f"{simple['prep'].lower()} " if simple["prep"] else ""
                word = simple["word"] or simple["pword"]
                words = sets.get(word, []) if word.startswith("&") else [
                    word.rstrip("_").lower()] if "_" not in word.rstrip("_") else []
                for word in words:
                    objects.setdefault(prep + word, code)
                    if word.endswith("s") and len(word) > 3:
                        objects.setdefault(prep + word[:-1], code)  # SANCTIONS -> sanction
            continue
        if match := _VERB.match(line.strip()):
            verbs.append((match["verb"].lower(), _cameo(match["code"]) or block_code, number))
    flush()
    return out


def _header(what: str, fields: str) -> str:
    """The comment opening a converted file: what it came from, its licence, its fields."""
    return (f"# Converted by pipelines/import_petrarch.py from the PETRARCH2 {what}; MIT licence,"
            f"\n# Copyright (c) 2014 Open Event Data: PETRARCH2-LICENSE.txt). {fields}\n")


def _write(path: Path, columns: list[str], rows: list[dict], header: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(header)
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path, help="the folder holding the PETRARCH2 files")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    found: list[dict] = []
    for name in FILES:
        found.extend(rows(read_records(args.reference / name)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    _write(args.out, COLUMNS, found, _header(
        "actor dictionaries (openeventdata/petrarch2,\n# commit 676801c",
        "source = the dictionary file and line of the record. Do not edit: rerun the importer; "
        "corrections go in the overlay (offices.csv, actors.yaml)."))
    _write(args.out.with_name(AGENTS_OUTPUT.name), AGENT_COLUMNS,
           read_agents(args.reference / AGENTS_FILE), _header(
               "agents dictionary (Phoenix.agents.txt",
               "phrase: lower case, substitution sets expanded;\n# code: the agent's sector "
               "codes; source: file and line."))
    _write(args.out.with_name(VERBS_OUTPUT.name), VERB_COLUMNS,
           read_verbs(args.reference / VERBS_FILE), _header(
               "CAMEO verb dictionary (CAMEO.2.0.txt",
               "verb: lower case; code: its own or its block's;\n# objects: word=code or, for a "
               "prepositional object, prep word=code, from the block's simple patterns; source: "
               "file and line of the verb."))
    shutil.copyfile(args.reference / "LICENSE", args.out.with_name(LICENSE_COPY.name))
    print(f"{len(found)} rows from {len(FILES)} files -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
