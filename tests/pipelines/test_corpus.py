"""A seeds folder's corpus.yaml: defaults for articles that do not say them."""

import json

from pipelines.ingest import ingest_record
from pipelines.seeds import scan_seeds


def _by_key(seeds_dir):
    return {r.key: r for r in scan_seeds(seeds_dir)}


def test_a_corpus_file_gives_its_articles_publisher_url_and_date(seeds_dir):
    politics = seeds_dir / "politics"
    politics.mkdir()
    (seeds_dir / "corpus.yaml").write_text(
        'publisher: Daily Example\nurl_pattern: "https://example.org/{path}"\npublished: 2005\n',
        encoding="utf-8")
    (politics / "001.txt").write_text("Title\n\nMinisters met in London.", encoding="utf-8")
    (politics / "002.json").write_text(json.dumps(
        {"id": "own", "text": "Ministers met.", "published": "2004-11-02", "source": "Wire"}),
        encoding="utf-8")
    records = _by_key(seeds_dir)
    assert not any(r.error for r in records.values())  # corpus.yaml is no seed
    txt = records["politics/001"].fields
    assert (txt["source"], txt["url"], txt["published"]) == (
        "Daily Example", "https://example.org/politics/001", "2005")
    own = records["own"].fields
    assert (own["source"], own["published"]) == ("Wire", "2004-11-02")  # the article's own win
    article = ingest_record(records["politics/001"]).article
    assert (article["published_date"].year, article["date_precision"]) == (2005, "year")


def test_a_deeper_corpus_file_overrides_field_by_field(seeds_dir):
    sport = seeds_dir / "sport"
    sport.mkdir()
    (seeds_dir / "corpus.yaml").write_text("publisher: Daily Example\npublished: '2005'\n",
                                          encoding="utf-8")
    (sport / "corpus.yaml").write_text("published: 2004-06\n", encoding="utf-8")
    (sport / "001.txt").write_text("Title\n\nA match.", encoding="utf-8")
    fields = _by_key(seeds_dir)["sport/001"].fields
    assert (fields["source"], fields["published"]) == ("Daily Example", "2004-06")


def test_a_bad_corpus_file_is_rejected_and_its_articles_still_land(seeds_dir):
    (seeds_dir / "corpus.yaml").write_text("publisher: X\npublished: someday\nurl: nope\n",
                                          encoding="utf-8")
    (seeds_dir / "001.txt").write_text("Title\n\nMinisters met.", encoding="utf-8")
    records = _by_key(seeds_dir)
    (bad,) = [r for r in records.values() if r.error]
    assert bad.error.reason == "invalid_corpus_file" and "corpus.yaml" in bad.error.detail
    assert records["001"].error is None and "source" not in records["001"].fields


def test_editing_the_corpus_file_changes_its_articles_content_hash(seeds_dir):
    (seeds_dir / "001.txt").write_text("Title\n\nMinisters met.", encoding="utf-8")
    before = _by_key(seeds_dir)["001"].content_hash
    (seeds_dir / "corpus.yaml").write_text("published: '2005'\n", encoding="utf-8")
    after = _by_key(seeds_dir)["001"].content_hash
    assert before != after
