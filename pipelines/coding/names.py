"""Dictionary names, titles and quotations in one parsed sentence: what actor resolution reads."""

from spacy.tokens import Doc, Span

from pipelines.lexicon import Lexicon

_QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("«", "»"))


def labels(doc: Doc, lx: Lexicon) -> list[tuple[str, str, int, int]]:
    """Non-overlapping dictionary matches (kind, payload, start, end), longest first."""
    found = []
    for label, start, end in lx.names(doc):
        kind, payload = label.split("|", 1)
        found.append((kind, payload, start, end))
    if lx.organizations is not None:  # the overlay's names first, whatever their length
        overlay = {i for _k, _p, start, end in found for i in range(start, end)}
        matches = lx.organizations(doc) + (lx.acronyms(doc) if lx.acronyms else [])
        for label, start, end in matches:
            if _written_as_name(doc[start:end]) and not overlay.intersection(range(start, end)):
                found.append(("PORG", label.split("|", 1)[1], start, end))
    priority = {"HOLDER": 0, "MEDIA": 1, "ORG": 2, "PARTY": 2, "SEAT": 3, "STATE": 4, "CAPITAL": 5,
                "DEMONYM": 6, "PEOPLE": 6, "REGION": 6, "PORG": 7}
    found.sort(key=lambda m: (-(m[3] - m[2]), priority[m[0]], m[2]))
    taken: set[int] = set()
    kept = []
    for kind, payload, start, end in found:
        if taken.intersection(range(start, end)):
            continue
        taken.update(range(start, end))
        kept.append((kind, payload, start, end))
    return sorted(kept, key=lambda m: m[2])


_NAME_CONNECTORS = {"of", "for", "the", "and", "de", "des", "du", "la", "le", "al", "el", "in",
                    "on", "to", "&", "-", "'s", "’s", "."}


def _written_as_name(span: Span) -> bool:
    """Whether a case-insensitive dictionary match is written as a name: every word capitalized
    (connectors aside); a single word also a proper noun, not opening the sentence unless it is
    an acronym ("Hope" at a sentence's start is no organization)."""
    words = [t for t in span if t.lower_ not in _NAME_CONNECTORS]
    if not words or not all(t.text[:1].isupper() or t.text[:1].isdigit() for t in words):
        return False
    if len(span) == 1:
        token = span[0]
        return (token.pos_ == "PROPN" and (token.i > 0 or token.text.isupper()
                                           or token.ent_type_ in {"ORG", "NORP", "PERSON"})
                ) or _acronym(token)
    return True


def _acronym(token) -> bool:
    """An acronym in running text, whatever the tagger made of it ("the FARC", tagged a
    noun): not a word of a headline in capitals."""
    if not (token.text.isalpha() and token.text.isupper() and 3 <= len(token.text) <= 6):
        return False
    doc = token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)
                  and doc[i].is_alpha and doc[i].lower_ not in _NAME_CONNECTORS]
    return not any(t.text.isupper() for t in neighbours)


def titles(doc: Doc, lx: Lexicon) -> dict[int, tuple[int, str, str]]:
    """Longest title match starting at each token: start -> (end, sector, title text)."""
    best: dict[int, tuple[int, str, str]] = {}
    for label, start, end in lx.titles(doc):
        sector = label.split("|", 1)[1]
        if doc[end - 1].pos_ == "ADP" and end - start > 1:
            continue  # "ambassador to": the title is "ambassador"; whose it is comes after
        if start not in best or end > best[start][0]:
            best[start] = (end, sector, doc[start:end].text.lower())
    for start, (end, sector, _text) in list(best.items()):
        if end < len(doc) and doc[end].lower_ in lx.role_heads and doc[end - 1].dep_ == \
                "compound" and doc[end - 1].head.i == end:
            # "union leaders", "party officials": people of the group the title names
            best[start] = (end + 1, sector, doc[start:end + 1].text.lower())
    return best


def quote_ranges(text: str) -> list[tuple[int, int]]:
    ranges = []
    for opening, closing in _QUOTE_PAIRS:
        cursor = 0
        while (start := text.find(opening, cursor)) != -1:
            end = text.find(closing, start + 1)
            end = len(text) if end == -1 else end
            ranges.append((start, end + 1))
            cursor = end + 1
    return ranges


