"""Reuters-21578 SGML seeds: each document an article with its date, title and dateline."""

from pipelines.ingest import ingest_record
from pipelines.seeds import scan_seeds
from tests.conftest import SHARED

SGML = """<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="7">
<DATE> 3-MAR-1987 09:15:22.10</DATE>
<TEXT>&#2;
<TITLE>MINISTERS MEET &lt;ABC&gt; BOARD</TITLE>
<DATELINE>    OTTAWA, March 3 - </DATELINE><BODY>Canada's finance minister met the board.
Talks will go on, he said.
 REUTER
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="8">
<DATE>3-MAR-1987 09:16:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
<TITLE>SHORT ITEM</TITLE>&#3;</TEXT>
</REUTERS>
"""


def test_each_document_with_a_body_is_an_article_with_its_date_and_dateline(seeds_dir):
    (seeds_dir / "reut-test.sgm").write_text(SGML, encoding="latin-1")
    (record,) = scan_seeds(seeds_dir)  # the brief with no body is no article
    assert record.key == "reut-test/7" and record.error is None
    result = ingest_record(record)
    article = result.article
    assert article["title"] == "MINISTERS MEET <ABC> BOARD"
    assert (str(article["published_date"]), article["date_precision"]) == ("1987-03-03", "day")
    assert article["source_name"] == "Reuters"
    assert article["dateline"].startswith("OTTAWA, March 3")
    assert result.sentences[0]["text"].startswith("Canada's finance minister")


def test_the_real_corpus_file_reads_without_errors():
    folder = SHARED / "corpus" / "reuters21578"
    assert folder.is_dir(), "the shared Reuters-21578 corpus is missing"
    records = [r for r in scan_seeds(folder) if r.seed_path == "reut2-000.sgm"]
    assert len(records) > 800 and not any(r.error for r in records)
    assert len({r.key for r in records}) == len(records)
