"""Bytes to text: UTF-8 (with or without a BOM), UTF-16 with a BOM, else a Latin-1 family fallback."""

import codecs

from pipelines.errors import SeedError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return the text and the name of the encoding it was read with.

    Windows-1252 is tried before strict Latin-1 because news files that are not UTF-8 are nearly
    always Windows-1252 (curly quotes at 0x93/0x94); where it has no character, Latin-1 decides.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise SeedError("unreadable", f"starts with a {name} BOM but is not {name}: {exc}") from exc
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16:
            return utf16
        raise SeedError("binary", "the file holds NUL bytes: it is not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        # A file cut inside its last character is UTF-8 all the same: drop the partial character
        # rather than read every other character wrongly as Windows-1252.
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8"), "utf-8 (truncated last character dropped)"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 written without a BOM: text whose every other byte is NUL (ASCII-range letters)."""
    if len(data) < 4:
        return None
    even, odd = data[0::2], data[1::2]
    for name, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) <= 0.01 * len(other):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                return None
            if "\x00" not in text:
                return text, name
    return None
