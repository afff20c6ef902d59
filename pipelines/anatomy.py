"""The anatomy of a news text: paragraphs, and which of them are story, boilerplate or copyright.

Also the dateline that opens a story ("(Bloomberg) —", "MOSCOW, Oct. 19 (Reuters) -") and the
copyright line that closes it ("©2023 Bloomberg L.P."), which name the source and date the article.
"""

import re
from dataclasses import dataclass
from functools import cache

from pipelines import datafiles
from pipelines.timex import MONTHS

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    role: str  # text, boilerplate or copyright
    content_start: int  # after a dateline, if the paragraph opens with one


@dataclass(frozen=True)
class Dateline:
    text: str
    source: str | None
    place: str | None
    month: int | None
    day: int | None


@dataclass(frozen=True)
class Anatomy:
    paragraphs: list[Paragraph]
    dateline: Dateline | None
    copyright_year: int | None
    copyright_holder: str | None


@dataclass(frozen=True)
class _Rules:
    boilerplate: list[re.Pattern]
    copyright_start: re.Pattern
    copyright_max_length: int
    holder_suffixes: list[str]
    dateline_patterns: list[re.Pattern]
    dateline_search_paragraphs: int


@cache
def _rules() -> _Rules:
    raw = datafiles.load("news_anatomy.yaml").model_dump(exclude_unset=True)
    return _Rules(
        boilerplate=[re.compile(p, re.IGNORECASE) for p in raw["boilerplate"]],
        copyright_start=re.compile(raw["copyright"]["start"], re.IGNORECASE),
        copyright_max_length=raw["copyright"]["max_length"],
        holder_suffixes=sorted(raw["copyright"]["holder_suffixes"], key=len, reverse=True),
        dateline_patterns=[re.compile(p) for p in raw["dateline"]["patterns"]],
        dateline_search_paragraphs=raw["dateline"]["search_paragraphs"],
    )


def split_paragraphs(body: str) -> list[tuple[int, int]]:
    """Spans of the blocks separated by blank lines."""
    spans, cursor = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(body):
        if body[cursor : brk.start()].strip():
            spans.append((cursor, brk.start()))
        cursor = brk.end()
    if body[cursor:].strip():
        spans.append((cursor, len(body)))
    return spans


def _copyright_holder(line: str, rules: _Rules) -> str | None:
    rest = rules.copyright_start.sub("", line)
    rest = _YEAR.sub("", rest)
    rest = re.sub(r"all rights reserved\.?", "", rest, flags=re.IGNORECASE)
    rest = rest.strip(" ,-–—")
    changed = True
    while changed and rest:
        changed = False
        for suffix in rules.holder_suffixes:
            if rest.endswith(" " + suffix) or rest == suffix:
                rest = rest[: -len(suffix)].strip(" ,")
                changed = True
    return rest.strip(" ,.-–—") or None


def _match_dateline(text: str, rules: _Rules) -> tuple[int, Dateline] | None:
    for pattern in rules.dateline_patterns:
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groupdict()
        month = groups.get("month")
        day = groups.get("day")
        place = groups.get("place")
        return match.end(), Dateline(
            text=match.group(0).strip(),
            source=(groups.get("source") or "").strip() or None,
            place=place.strip(" ,") if place else None,
            month=MONTHS.get(month.lower().rstrip(".")) if month else None,
            day=int(day) if day else None,
        )
    return None


def read_anatomy(body: str) -> Anatomy:
    """Classify each paragraph and find the dateline and the copyright line."""
    rules = _rules()
    paragraphs: list[Paragraph] = []
    dateline: Dateline | None = None
    copyright_year = copyright_holder = None
    text_paragraphs_seen = 0
    for index, (start, end) in enumerate(split_paragraphs(body)):
        text = body[start:end]
        role, content_start = "text", start
        if len(text) <= rules.copyright_max_length and rules.copyright_start.match(text):
            role = "copyright"
            years = _YEAR.findall(text)
            if years and copyright_year is None:
                copyright_year = int(years[-1])
                copyright_holder = _copyright_holder(text, rules)
        elif any(p.match(text) for p in rules.boilerplate):
            role = "boilerplate"
        elif text_paragraphs_seen < rules.dateline_search_paragraphs:
            text_paragraphs_seen += 1
            found = _match_dateline(text, rules)
            if found and found[0] < len(text):
                content_start = start + found[0]
                dateline = dateline or found[1]
        paragraphs.append(Paragraph(index, start, end, role, content_start))
    return Anatomy(paragraphs, dateline, copyright_year, copyright_holder)
