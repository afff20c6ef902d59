"""A seed record to the rows of `raw.articles` and `raw.sentences`, or to rejections."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from pipelines.anatomy import Anatomy, read_anatomy
from pipelines.errors import SeedError
from pipelines.normalize import normalize_text
from pipelines.seeds import SeedRecord
from pipelines.sentences import split_sentences

_YEAR_ONLY = re.compile(r"^\d{4}$")
# Longer than any news article (about 30,000 words): such a text is rejected, not parsed, which
# bounds the work one article can make.
MAX_ARTICLE_CHARS = 200_000
# Publication dates outside this range are flagged and the article lands undated.
EARLIEST_PUBLICATION = date(1800, 1, 1)
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Rejection:
    """A record that did not land (or a field that was dropped), with the reason code and detail."""

    table_name: str
    key: str
    reason: str
    detail: str
    seed_path: str | None


def failure(key: str, seed_path: str | None, reason: str, exc: BaseException) -> Rejection:
    """The rejection of a whole article that a step failed on unexpectedly."""
    return Rejection("raw.articles", key, reason,
                     f"{seed_path}: {type(exc).__name__}: {str(exc)[:300]}", seed_path)


@dataclass
class IngestedArticle:
    key: str
    article: dict | None = None
    sentences: list[dict] = field(default_factory=list)
    actor_mentions: list[dict] = field(default_factory=list)
    location_mentions: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    event_actors: list[dict] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


def parse_published(value: str) -> tuple[date, str]:
    """An ISO date or datetime (or a bare year or year-month) and the precision it carries."""
    published, precision = _parse_iso(value.strip())
    latest = date.today() + timedelta(days=1)
    if not EARLIEST_PUBLICATION <= published <= latest:
        raise SeedError("implausible_published",
                        f"published {value!r} is not between {EARLIEST_PUBLICATION} and {latest}")
    return published, precision


def _parse_iso(value: str) -> tuple[date, str]:
    if _YEAR_ONLY.match(value):
        return date(int(value), 1, 1), "year"
    if match := _YEAR_MONTH.match(value):
        return date(int(match.group(1)), int(match.group(2)), 1), "month"
    try:
        return date.fromisoformat(value), "day"
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date(), "day"
    except ValueError as exc:
        raise SeedError("invalid_published", f"published {value!r} is not an ISO date: {exc}") from exc


def _article_date(rec: SeedRecord, anatomy: Anatomy) -> tuple[date | None, str, str | None]:
    """The best-known publication date: the field, else the dateline's day, else the copyright year."""
    if "published" in rec.fields:
        published, precision = parse_published(rec.fields["published"])
        if precision == "day":
            return published, "day", "field"
        year = published.year
    elif anatomy.copyright_year:
        published, precision, year = date(anatomy.copyright_year, 1, 1), "year", anatomy.copyright_year
    else:
        return None, "unknown", None
    dl = anatomy.dateline
    if dl and dl.month and dl.day:
        try:
            return date(year, dl.month, dl.day), "day", "dateline"
        except ValueError:
            pass
    return published, precision, "field" if "published" in rec.fields else "copyright"


def _source(rec: SeedRecord, anatomy: Anatomy) -> tuple[str | None, str | None]:
    if rec.fields.get("source", "").strip():
        return rec.fields["source"].strip(), "field"
    if anatomy.dateline and anatomy.dateline.source:
        return anatomy.dateline.source, "dateline"
    if anatomy.copyright_holder:
        return anatomy.copyright_holder, "copyright"
    return None, None


def ingest_record(rec: SeedRecord) -> IngestedArticle:
    """Normalize, read the anatomy, split sentences; a bad record yields only a rejection."""
    result = IngestedArticle(rec.key)
    if rec.error is not None:
        result.rejections.append(
            Rejection("raw.articles", rec.key, rec.error.reason, rec.error.detail, rec.seed_path)
        )
        return result
    body = normalize_text(rec.fields.get("text", ""))
    if not body:
        result.rejections.append(Rejection(
            "raw.articles", rec.key, "empty_text", f"{rec.seed_path}: the article has no text",
            rec.seed_path))
        return result
    if len(body) > MAX_ARTICLE_CHARS:
        result.rejections.append(Rejection(
            "raw.articles", rec.key, "too_long",
            f"{rec.seed_path}: {len(body):,} characters, more than the {MAX_ARTICLE_CHARS:,} an "
            "article may have; not read (split it into articles)", rec.seed_path))
        return result
    anatomy = read_anatomy(body)
    try:
        published, precision, date_origin = _article_date(rec, anatomy)
    except SeedError as error:
        result.rejections.append(
            Rejection("raw.articles", rec.key, error.reason, f"{rec.seed_path}: {error.detail}; "
                      "the article landed without it", rec.seed_path))
        rec = SeedRecord(rec.key, rec.seed_path, rec.seed_format, rec.content_hash, rec.seed_line,
                         rec.encoding, {k: v for k, v in rec.fields.items() if k != "published"})
        published, precision, date_origin = _article_date(rec, anatomy)
    ignored = rec.fields.get("_ignored_fields")
    if ignored:
        result.rejections.append(Rejection(
            "raw.articles", rec.key, "ignored_fields",
            f"{rec.seed_path}: fields {', '.join(ignored)} are not article fields and were not read",
            rec.seed_path))
    source_name, source_origin = _source(rec, anatomy)
    title = normalize_text(rec.fields.get("title", "")) or None
    result.article = {
        "article_id": rec.key,
        "seed_path": rec.seed_path,
        "seed_format": rec.seed_format,
        "seed_line": rec.seed_line,
        "content_hash": rec.content_hash,
        "encoding": rec.encoding,
        "title": title,
        "source_name": source_name,
        "source_origin": source_origin,
        "dateline": anatomy.dateline.text if anatomy.dateline else None,
        "published_date": published,
        "date_precision": precision,
        "date_origin": date_origin,
        "url": rec.fields.get("url"),
        "body": body,
        "char_count": len(body),
    }
    result.sentences = [
        {
            "sentence_id": f"{rec.key}#{s.index}",
            "article_id": rec.key,
            "sentence_index": s.index,
            "paragraph_index": s.paragraph_index,
            "char_start": s.start,
            "char_end": s.end,
            "text": s.text,
            "role": s.role,
            "duplicate_of": s.duplicate_of,
        }
        for s in split_sentences(body, anatomy.paragraphs)
    ]
    return result


def ingest_record_safely(rec: SeedRecord) -> IngestedArticle:
    """`ingest_record`, with an unexpected failure rejecting this article, not its batch."""
    try:
        return ingest_record(rec)
    except Exception as exc:
        failed = IngestedArticle(rec.key)
        failed.rejections.append(failure(rec.key, rec.seed_path, "ingest_failed", exc))
        return failed
