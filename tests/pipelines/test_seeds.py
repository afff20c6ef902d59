import json
from pathlib import Path

from pipelines.seeds import scan_seeds


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_txt_first_line_is_headline_and_id_is_stem(seeds_dir):
    _write(seeds_dir, "story-1.txt", "\n\nThe headline\n\nFirst paragraph.\n\nSecond.")
    (record,) = scan_seeds(seeds_dir)
    assert record.key == "story-1"
    assert record.fields["title"] == "The headline"
    assert record.fields["text"].strip() == "First paragraph.\n\nSecond."
    assert record.seed_format == "txt"
    assert record.error is None


def test_nested_txt_ids_keep_their_folder(seeds_dir):
    _write(seeds_dir, "politics/001.txt", "A\n\nbody")
    _write(seeds_dir, "sport/001.txt", "B\n\nbody")
    assert sorted(r.key for r in scan_seeds(seeds_dir)) == ["politics/001", "sport/001"]


def test_json_article_object(seeds_dir):
    _write(seeds_dir, "a.json", json.dumps({"id": "abc-1", "text": "Body.", "title": "T",
                                            "published": "2024-03-02", "source": "Reuters"}))
    (record,) = scan_seeds(seeds_dir)
    assert record.key == "abc-1"
    assert record.fields["published"] == "2024-03-02"


def test_jsonl_bad_line_does_not_stop_good_lines(seeds_dir):
    lines = [json.dumps({"id": "one", "text": "First."}), "{not json",
             json.dumps({"text": "no id"}), json.dumps({"id": "two", "text": "Second."})]
    _write(seeds_dir, "batch.jsonl", "\n".join(lines))
    records = scan_seeds(seeds_dir)
    assert [(r.key, r.error.reason if r.error else None) for r in records] == [
        ("one", None), ("batch:line-2", "invalid_json"), ("batch:line-3", "missing_field"),
        ("two", None)]
    assert records[1].seed_line == 2


def test_html_main_text_and_title(seeds_dir):
    paragraph = "<p>Russia and China held talks in Beijing on trade and security matters.</p>"
    _write(seeds_dir, "page.html", (
        "<html><head><title>Talks in Beijing</title></head><body><nav>Home | World</nav>"
        f"<article>{paragraph * 4}</article><footer>Contact us</footer></body></html>"))
    (record,) = scan_seeds(seeds_dir)
    assert record.fields["title"] == "Talks in Beijing"
    assert "held talks in Beijing" in record.fields["text"]
    assert "Contact us" not in record.fields["text"]


def test_latin1_file_is_read_and_recorded(seeds_dir):
    _write(seeds_dir, "l1.txt", b"Headline\n\nIt cost \xa31m.")
    (record,) = scan_seeds(seeds_dir)
    assert record.encoding == "cp1252"
    assert "£1m" in record.fields["text"]


def test_one_id_for_two_different_articles_rejects_both_naming_both_places(seeds_dir):
    _write(seeds_dir, "a.json", json.dumps({"id": "same", "text": "x"}))
    _write(seeds_dir, "b.json", json.dumps({"id": "same", "text": "y"}))
    first, second = scan_seeds(seeds_dir)
    for rec in (first, second):
        assert rec.error.reason == "duplicate_id" and rec.key != "same"
        assert "a.json" in rec.error.detail and "b.json" in rec.error.detail
    assert first.key != second.key


def test_the_same_article_twice_is_read_once(seeds_dir):
    line = json.dumps({"id": "same", "text": "x", "title": "T"})
    _write(seeds_dir, "monday.jsonl", line)
    _write(seeds_dir, "tuesday.jsonl", line)
    first, second = scan_seeds(seeds_dir)
    assert (first.key, first.error) == ("same", None)
    assert second.error.reason == "duplicate_article" and "monday.jsonl" in second.error.detail


def test_a_file_named_by_an_id_keeps_it_whatever_sorts_first(seeds_dir):
    _write(seeds_dir, "a.json", json.dumps({"id": "b", "text": "an impostor"}))
    _write(seeds_dir, "b.txt", "Headline\n\nThe real b.")
    _write(seeds_dir, "c.txt", "Headline\n\nThe real c.")
    _write(seeds_dir, "d.json", json.dumps({"id": "c", "text": "another impostor"}))
    records = {r.key: r for r in scan_seeds(seeds_dir)}
    assert records["b"].error is None and records["b"].seed_path == "b.txt"
    assert records["c"].error is None and records["c"].seed_path == "c.txt"
    assert sorted(r.error.reason for r in records.values() if r.error) == ["duplicate_id"] * 2


def test_a_bad_file_name_never_takes_a_good_files_id(seeds_dir):
    _write(seeds_dir, "space name.txt", "Headline\n\nBad name.")
    _write(seeds_dir, "space_name.txt", "Headline\n\nGood name.")
    records = {r.key: r for r in scan_seeds(seeds_dir)}
    assert records["space_name"].error is None
    assert records["space_name"].fields["text"].strip() == "Good name."
    (bad,) = [r for r in records.values() if r.error]
    assert bad.error.reason == "invalid_id" and bad.seed_path == "space name.txt"


def test_binary_and_unsupported_files_are_error_records(seeds_dir):
    _write(seeds_dir, "photo.txt", b"\x89PNG\x00\x00\x00")
    _write(seeds_dir, "report.pdf", b"%PDF-1.4")
    reasons = {r.key: r.error.reason for r in scan_seeds(seeds_dir)}
    assert reasons == {"photo": "binary", "report.pdf!file": "unsupported_format"}


def test_hidden_files_and_collection_docs_are_not_seeds(seeds_dir):
    _write(seeds_dir, ".DS_Store", b"\x00")
    _write(seeds_dir, "README.TXT", "About this corpus")
    _write(seeds_dir, "x.txt", "H\n\nbody")
    assert [r.key for r in scan_seeds(seeds_dir)] == ["x"]


def test_content_hash_changes_with_content(seeds_dir):
    path = _write(seeds_dir, "x.txt", "H\n\nbody")
    before = scan_seeds(seeds_dir)[0].content_hash
    path.write_text("H\n\nbody changed", encoding="utf-8")
    assert scan_seeds(seeds_dir)[0].content_hash != before
