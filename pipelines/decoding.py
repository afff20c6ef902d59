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
        raise SeedError("binary", "the file holds NUL bytes: it is not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"
