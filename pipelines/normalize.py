"""Text normalization applied once, before anything takes an offset: the stored body is the result."""

import re
import unicodedata

# Characters that carry no text: zero-width marks, soft hyphens, BOMs left inside a text.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_SPACES = {ord(c): " " for c in "\t\u00a0\u2007\u202f\u2002\u2003\u2009"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_TRAILING_SPACE = re.compile(r"[ ]+\n")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_RUNS_OF_SPACES = re.compile(r" {2,}")


def normalize_text(text: str) -> str:
    """NFC, one kind of newline and space, no invisible or control characters, blank lines folded."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_INVISIBLE).translate(_SPACES)
    text = _CONTROL.sub("", text)
    text = _RUNS_OF_SPACES.sub(" ", text)
    text = _TRAILING_SPACE.sub("\n", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def fold_accents(text: str) -> str:
    """Accents dropped ("Karnātaka" -> "Karnataka"); letters with no ASCII base are kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
