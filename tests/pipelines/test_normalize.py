from pipelines.normalize import normalize_text


def test_newlines_spaces_and_invisible_characters():
    raw = "\ufeffLine one\u00a0with\tspace  \r\nsoft\u00adhyphen\r\n\r\n\r\n\r\nNext"
    assert normalize_text(raw) == "Line one with space\nsofthyphen\n\nNext"


def test_nfc_composes_accents():
    assert normalize_text("Sa\u0303o Paulo") == "São Paulo"


def test_control_characters_removed():
    assert normalize_text("a\x03b\x1fc") == "abc"
