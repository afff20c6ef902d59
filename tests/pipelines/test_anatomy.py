from pipelines.anatomy import read_anatomy, split_paragraphs


def test_paragraph_spans_cover_text():
    body = "First para.\n\nSecond para.\n\n\nThird."
    spans = split_paragraphs(body)
    assert [body[s:e] for s, e in spans] == ["First para.", "Second para.", "Third."]


def test_bloomberg_dateline_boilerplate_and_copyright():
    body = ("(Bloomberg) — Officials met on Monday.\n\n"
            "More stories like this are available on bloomberg.com\n\n"
            "©2023 Bloomberg L.P.")
    anatomy = read_anatomy(body)
    assert [p.role for p in anatomy.paragraphs] == ["text", "boilerplate", "copyright"]
    assert anatomy.dateline.source == "Bloomberg"
    assert body[anatomy.paragraphs[0].content_start:].startswith("Officials met")
    assert anatomy.copyright_year == 2023
    assert anatomy.copyright_holder == "Bloomberg"


def test_reuters_dateline_with_place_and_day():
    anatomy = read_anatomy("MOSCOW, Oct. 19 (Reuters) - Russia said on Thursday it would act.")
    assert anatomy.dateline.place == "MOSCOW"
    assert (anatomy.dateline.month, anatomy.dateline.day) == (10, 19)
    assert anatomy.dateline.source == "Reuters"


def test_plain_place_dateline():
    anatomy = read_anatomy("SEOUL — North Korea fired a missile.")
    assert anatomy.dateline.place == "SEOUL"
    assert anatomy.dateline.source is None


def test_no_dateline_in_ordinary_sentence():
    anatomy = read_anatomy("The UN (United Nations) - said nothing new. Talks went on.")
    assert anatomy.dateline is None


def test_copyright_with_rights_reserved():
    anatomy = read_anatomy("Story.\n\nCopyright 2021 The Associated Press. All rights reserved.")
    assert anatomy.copyright_year == 2021
    assert anatomy.copyright_holder == "The Associated Press"


def test_long_paragraph_mentioning_copyright_is_text():
    text = "Copyright law " + "was debated at length in parliament. " * 10
    assert read_anatomy(text).paragraphs[0].role == "text"
