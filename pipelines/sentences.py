"""Sentences with character offsets, by syntok (segtok's successor, which knows abbreviations such
as U.S., Gen. and Jan.), and the marking of sentences an article repeats."""

import re
from dataclasses import dataclass

import syntok.segmenter as segmenter

from pipelines.anatomy import Paragraph

# Short sentences ("He declined.") recur without being the same statement.
_MIN_REPEAT_LENGTH = 25
# A "sentence" longer than this is a table, a list or text without punctuation: it is stored
# with the role `overlong` and not parsed, which bounds the parser's work per sentence.
MAX_SENTENCE_CHARS = 2_000
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Sentence:
    index: int
    paragraph_index: int
    start: int
    end: int
    text: str
    role: str
    duplicate_of: int | None


# A lone short word with a period is an abbreviation syntok did not know in capitals ("ST.
# LOUIS -", "FT. WORTH"), not a sentence: it opens the next one.
_LONE_ABBREVIATION = re.compile(r"[A-Z][A-Za-z]{0,2}\.")


def _sentence_starts(text: str) -> list[int]:
    starts = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            if sentence:
                starts.append(sentence[0].offset)
    return [start for i, start in enumerate(starts) if i == 0 or not _LONE_ABBREVIATION.fullmatch(
        text[starts[i - 1]:start].strip())]


def split_sentences(body: str, paragraphs: list[Paragraph]) -> list[Sentence]:
    """Each paragraph's content cut at syntok's sentence starts; spans index into `body`.

    A sentence ends where the next begins (trailing space trimmed), so the spans tile the text even
    where syntok's tokens normalize what they hold.
    """
    sentences: list[Sentence] = []
    first_seen: dict[str, int] = {}
    for para in paragraphs:
        content = body[para.content_start : para.end]
        starts = _sentence_starts(content) or [0]
        bounds = [*starts[1:], len(content)]
        for rel_start, rel_end in zip(starts, bounds, strict=True):
            piece = content[rel_start:rel_end]
            stripped = piece.rstrip()
            lead = len(piece) - len(piece.lstrip())
            if not stripped.strip():
                continue
            start = para.content_start + rel_start + lead
            end = para.content_start + rel_start + len(stripped)
            text = body[start:end]
            duplicate_of = None
            if para.role == "text" and len(text) >= _MIN_REPEAT_LENGTH:
                key = _SPACE.sub(" ", text).casefold()
                duplicate_of = first_seen.get(key)
                if duplicate_of is None:
                    first_seen[key] = len(sentences)
            role = "overlong" if para.role == "text" and len(text) > MAX_SENTENCE_CHARS else para.role
            sentences.append(
                Sentence(len(sentences), para.index, start, end, text, role, duplicate_of)
            )
    return sentences
