import codecs

import pytest

from pipelines.decoding import decode_bytes
from pipelines.errors import SeedError


def test_utf8_is_read_as_utf8():
    assert decode_bytes("Kim Jong Un’s visit".encode()) == ("Kim Jong Un’s visit", "utf-8")


def test_utf8_bom_is_dropped_and_recorded():
    text, encoding = decode_bytes(codecs.BOM_UTF8 + b"Moscow")
    assert (text, encoding) == ("Moscow", "utf-8-sig")


def test_utf16_with_bom():
    text, encoding = decode_bytes("Pyongyang".encode("utf-16"))
    assert (text, encoding) == ("Pyongyang", "utf-16")


def test_latin1_pound_sign_falls_back():
    # The byte the BBC corpus holds in sport/199.txt: £ in Latin-1 and Windows-1252.
    text, encoding = decode_bytes(b"cost \xa31m")
    assert text == "cost £1m"
    assert encoding == "cp1252"


def test_windows_1252_curly_quotes():
    assert decode_bytes(b"\x93We oppose\x94")[0] == "“We oppose”"


def test_byte_undefined_in_1252_uses_latin1():
    assert decode_bytes(b"a\x81b") == ("a\x81b", "latin-1")


def test_nul_bytes_are_binary():
    with pytest.raises(SeedError) as info:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert info.value.reason == "binary"


def test_utf16_without_bom_is_read():
    for name in ("utf-16-le", "utf-16-be"):
        assert decode_bytes("Talks in Genève resumed.".encode(name)) == (
            "Talks in Genève resumed.", name)


def test_a_truncated_last_character_is_dropped_not_the_whole_file_misread():
    data = "Leaders met in Genève and Zürich \u2014 €".encode()[:-1]
    text, encoding = decode_bytes(data)
    assert text == "Leaders met in Genève and Zürich \u2014 "
    assert encoding.startswith("utf-8")
