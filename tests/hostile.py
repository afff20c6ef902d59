"""A seeds folder of hostile files beside good ones: for the reliability test and benchmark.

Each entry says what must become of it: `lands` (an article in the warehouse) or the reason code
its rejected_rows entry carries.
"""

import json
import os
from pathlib import Path

GOOD = {
    "good-1.txt": "Ministers meet in Oslo\n\nForeign ministers of Norway and Sweden met in Oslo on "
                  "Tuesday to discuss fishing rights. They agreed to meet again in June.",
    "good-2.txt": "Protest in Lima\n\nThousands of teachers marched through Lima on Monday, "
                  "demanding higher wages from the government of Peru.",
    "b.txt": "Talks resume\n\nNegotiators from Kenya and Ethiopia resumed talks in Nairobi.",
    "space_name.txt": "Aid pledged\n\nJapan pledged emergency aid to the Philippines after the "
                      "typhoon.",
}


def _sentence_flood(count: int) -> str:
    return " ".join(f"Officials said item {i} was delivered." for i in range(count))


def write_hostile_seeds(folder: Path, outside: Path) -> dict[str, str]:
    """Write good and hostile seeds into `folder` (and one file into `outside`); returns each
    seed path (relative) -> `lands` or the expected rejection reason."""
    expect: dict[str, str] = {}
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
        expect[name] = "lands"

    def put(name: str, data: bytes | str, outcome: str) -> None:
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        expect[name] = outcome

    put("nested.json", "[" * 100_000 + "]" * 100_000, "invalid_json")
    put("surrogate.json", '{"id": "surrogate", "text": "Talks began \\ud800 in Geneva on Monday."}',
        "lands")
    put("no-punctuation.txt", "Headline\n\n" + "word " * 240_000, "too_long")
    put("many-sentences.txt", "Headline\n\n" + _sentence_flood(100_000), "too_long")
    put("one-line-5mb.txt", "x" * (5 * 2**20), "too_large")
    put("huge-50mb.txt", b"a" * (50 * 2**20), "too_large")
    put("space name.txt", "Headline\n\nA file whose name is no id.", "invalid_id")
    put("a.json", json.dumps({"id": "b", "text": "An impostor taking b's id."}), "duplicate_id")
    put("cr-only.txt", "Old Mac headline\r\rLeaders met in Paris on Friday.\rThey talked.", "lands")
    put("truncated.txt", "Headline\n\nTalks in Zürich ended \u2014 €".encode()[:-1], "lands")
    put("year-one.json", json.dumps({"id": "year-one", "published": "0001-01-01",
                                     "text": "Leaders met in Rome."}), "lands")
    put("year-max.json", json.dumps({"id": "year-max", "published": "9999-12-31",
                                     "text": "Leaders met in Madrid."}), "lands")
    put("deep.html", "<html><body>" + "<div>" * 50_000 + "<p>Leaders met in Berlin on Monday.</p>"
        + "</div>" * 50_000 + "</body></html>", "lands")
    put("empty.txt", "", "empty_text")
    put("binary.txt", bytes(range(256)) * 40, "binary")
    put("nul-bytes.txt", b"Headline\n\nText with a \x00 NUL byte.", "binary")
    put("utf16-nobom.txt", "Headline\n\nLeaders met in Vienna.".encode("utf-16-le"), "lands")
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    expect["loop-a.txt"] = expect["loop-b.txt"] = "unreadable"
    os.mkfifo(folder / "pipe.txt")
    expect["pipe.txt"] = "not_a_file"
    (folder / "folder.txt").mkdir()
    expect["folder.txt"] = "not_a_file"
    secret = outside / "secret.txt"
    secret.write_text("Headline\n\nNot for the warehouse.", encoding="utf-8")
    os.symlink(secret, folder / "escape.txt")
    expect["escape.txt"] = "outside_seeds"
    return expect
