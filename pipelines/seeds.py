"""Seed files to seed records: finding them, decoding, and reading each supported format.

A seed record is one article's raw fields, or the reason it cannot be one. Its `key` is the
article id, or (when the record has no usable id) where it lives in the seeds folder, so that a
bad record is still addressable, reported and replaced when its file is fixed.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipelines.corpus import (
    CORPUS_FILE,
    apply_defaults,
    corpus_file_problem,
    defaults_digest,
    defaults_for,
)
from pipelines.decoding import decode_bytes
from pipelines.errors import SeedError
from pipelines.html_text import extract_html
from pipelines.seed_files import SUFFIX_FORMATS, SeedEntry, walk_seeds
from pipelines.sgml_news import read_documents

ARTICLE_FIELDS = ("id", "text", "title", "published", "url", "source")
_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/\-]{0,199}$")
# A collection's own documentation travels with it (a corpus README, its licence): not articles.
_COLLECTION_DOCS = {"readme", "license", "licence", "copying", "notice", "changelog"}
# Work per seed is bounded: a bigger file is rejected unread. A JSONL file of many articles may
# be larger than one article's file.
MAX_FILE_BYTES = 4 * 2**20
MAX_JSONL_BYTES = 256 * 2**20
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True)
class SeedRecord:
    """One article's fields as read from a seed, or the error that stops it being one."""

    key: str
    seed_path: str
    seed_format: str
    content_hash: str
    seed_line: int | None = None
    encoding: str | None = None
    fields: dict = field(default_factory=dict)
    error: SeedError | None = None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _path_key(relative: Path) -> str:
    """The id of a file-named article: its path below the seeds folder, without the suffix."""
    return relative.with_suffix("").as_posix()


def discover_seed_files(seeds_dir: Path) -> list[Path]:
    """Every readable file below the folder but hidden ones and collection docs, in stable order."""
    return [e.path for e in discover_seeds(seeds_dir) if e.problem is None]


def discover_seeds(seeds_dir: Path) -> list[SeedEntry]:
    """Every seed and would-be seed below the folder (hidden ones and collection docs left out)."""
    return sorted(
        (e for e in walk_seeds(seeds_dir)
         if not (e.problem is None and (e.path.stem.lower() in _COLLECTION_DOCS
                                        or e.path.name == CORPUS_FILE))),
        key=lambda e: e.path.relative_to(seeds_dir).as_posix())


def corpus_problems(seeds_dir: Path) -> list[SeedRecord]:
    """An error record for every corpus file below the folder that cannot be used."""
    found = []
    for entry in walk_seeds(seeds_dir):
        if entry.problem is None and entry.path.name == CORPUS_FILE:
            problem = corpus_file_problem(entry.path)
            if problem is not None:
                relative = entry.path.relative_to(seeds_dir).as_posix()
                found.append(SeedRecord(error_key(relative), relative, "txt",
                                        _sha256(entry.path.read_bytes()),
                                        error=SeedError(problem.reason,
                                                        f"{relative}: {problem.detail}")))
    return found


def _load_json(text: str, where: str) -> object:
    """JSON text; nesting too deep for the decoder is invalid JSON for an article, not a crash."""
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise SeedError("invalid_json", f"{where}: nested too deeply to be an article object "
                        f"({exc})") from exc
    except json.JSONDecodeError as exc:
        raise SeedError("invalid_json", f"{where}: {exc}") from exc


def _article_from_object(obj: object, where: str) -> dict:
    if not isinstance(obj, dict):
        raise SeedError("invalid_record", f"{where}: expected a JSON object, got {type(obj).__name__}")
    unknown = sorted(set(obj) - set(ARTICLE_FIELDS))
    fields = {k: obj.get(k) for k in ARTICLE_FIELDS if obj.get(k) is not None}
    if unknown:
        fields["_ignored_fields"] = unknown
    for name in ("id", "text"):
        if name not in fields:
            raise SeedError("missing_field", f"{where}: the article object has no '{name}'")
    for name in ARTICLE_FIELDS:
        if name in fields and name != "id" and not isinstance(fields[name], str):
            raise SeedError("invalid_field", f"{where}: '{name}' must be a string")
    for name in ARTICLE_FIELDS:
        # JSON can spell half a surrogate pair ("\\ud800"), which no encoder takes: mark it U+FFFD.
        if name != "id" and isinstance(fields.get(name), str):
            fields[name] = _LONE_SURROGATE.sub("\ufffd", fields[name])
    fields["id"] = str(fields["id"]) if isinstance(fields["id"], int) else fields["id"]
    if not isinstance(fields["id"], str) or not _ID_PATTERN.match(fields["id"]):
        raise SeedError(
            "invalid_id",
            f"{where}: id {fields['id']!r} must be 1-200 letters, digits or . _ : / - "
            "and start with a letter or digit",
        )
    return fields


def _txt_fields(text: str, key: str) -> dict:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for index, line in enumerate(lines):
        if line.strip():
            return {"id": key, "title": line.strip(), "text": "\n".join(lines[index + 1 :])}
    return {"id": key, "text": ""}


def read_seed_file(path: Path, seeds_dir: Path, keys_only: bool = False) -> list[SeedRecord]:
    """All records in one seed file, with the defaults of the corpus files above it; never
    raises for bad content, which becomes error records. With `keys_only`, a record's key and
    content hash are exact but an HTML page's text is not extracted (its hash is the file's)."""
    records = _read_seed_file(path, seeds_dir, keys_only)
    defaults = defaults_for(path.parent, seeds_dir)
    if not defaults:
        return records
    digest = defaults_digest(defaults)
    return [rec if rec.error is not None else replace(
        rec, fields=apply_defaults(rec.fields, defaults, rec.seed_path),
        content_hash=_sha256(f"{rec.content_hash}:{digest}".encode())) for rec in records]


def _read_seed_file(path: Path, seeds_dir: Path, keys_only: bool) -> list[SeedRecord]:
    """All records in one seed file as the file has them."""
    relative = path.relative_to(seeds_dir)
    seed_path = relative.as_posix()
    file_key = _path_key(relative)
    seed_format = SUFFIX_FORMATS.get(path.suffix.lower())
    limit = MAX_JSONL_BYTES if seed_format == "jsonl" else MAX_FILE_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            error = SeedError("too_large", f"{seed_path}: {size:,} bytes, more than the "
                              f"{limit:,} a {seed_format or 'seed'} file may hold; not read")
            return [SeedRecord(error_key(seed_path), seed_path, seed_format or "txt",
                               _sha256(f"{size}:{path.stat().st_mtime_ns}".encode()), error=error)]
        data = path.read_bytes()
    except OSError as exc:
        return [SeedRecord(error_key(seed_path), seed_path, seed_format or "txt", _sha256(b""),
                           error=SeedError("unreadable", f"{seed_path}: {exc}"))]
    digest = _sha256(data)
    if seed_format is None:
        supported = ", ".join(sorted(SUFFIX_FORMATS))
        error = SeedError("unsupported_format", f"{seed_path}: only {supported} files are read")
        return [SeedRecord(error_key(seed_path), seed_path, "txt", digest, error=error)]
    if not _ID_PATTERN.match(file_key):
        error = SeedError("invalid_id", f"{seed_path}: the file name cannot be an article id")
        return [SeedRecord(error_key(seed_path), seed_path, seed_format, digest, error=error)]
    try:
        text, encoding = decode_bytes(data)
    except SeedError as error:
        return [SeedRecord(file_key, seed_path, seed_format, digest, error=error)]

    def record(key: str, fields: dict | None = None, error: SeedError | None = None, line=None,
               content_hash: str = digest) -> SeedRecord:
        return SeedRecord(key, seed_path, seed_format, content_hash, line, encoding, fields or {}, error)

    if seed_format == "txt":
        return [record(file_key, _txt_fields(text, file_key))]
    if seed_format == "html" and keys_only:
        # Two pages of one id are the same article exactly when their bytes are the same.
        return [record(file_key, {"id": file_key, "_file_digest": digest})]
    if seed_format == "html":
        try:
            page = extract_html(text)
        except SeedError as error:
            return [record(file_key, error=error)]
        fields = {"id": file_key, "text": page.text, "title": page.title, "published": page.published,
                  "url": page.url, "source": page.source}
        return [record(file_key, {k: v for k, v in fields.items() if v})]
    if seed_format == "sgm":  # Reuters-21578: many documents a file, each keyed by its NEWID
        records = []
        for newid, fields in read_documents(text):
            if newid is None or not fields.get("text"):
                continue  # a document with no body (about one in ten) is no article
            key = f"{file_key}/{newid}"
            records.append(record(key, {"id": key, **fields},
                                  content_hash=_sha256(repr(sorted(fields.items())).encode())))
        return records or [record(file_key, error=SeedError(
            "invalid_record", f"{seed_path}: no <REUTERS> document with a body"))]
    if seed_format == "json":
        try:
            fields = _article_from_object(_load_json(text, seed_path), seed_path)
        except SeedError as error:
            return [record(file_key, error=error)]
        return [record(fields["id"], fields)]
    records = []
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{seed_path}:{number}"
        line_key = f"{file_key}:line-{number}"
        line_hash = _sha256(line.encode("utf-8"))
        try:
            fields = _article_from_object(_load_json(line, where), where)
        except SeedError as error:
            records.append(record(line_key, error=error, line=number, content_hash=line_hash))
        else:
            records.append(record(fields["id"], fields, line=number, content_hash=line_hash))
    return records


def error_key(seed_path: str, line: int | None = None) -> str:
    """The key of a record that is no article: made from where it lives, with a '!' that no
    article id may hold, so it never takes a good article's id."""
    cleaned = re.sub(r"[^A-Za-z0-9._:/\-]", "_", seed_path).lstrip("._:/-") or "seed"
    return f"{cleaned}!" + (f"line-{line}" if line else "file")


def _same_article(a: SeedRecord, b: SeedRecord) -> bool:
    return {k: v for k, v in a.fields.items() if k != "_ignored_fields"} == {
        k: v for k, v in b.fields.items() if k != "_ignored_fields"}


def _claims(rec: SeedRecord) -> int:
    """How strongly a record holds its id: a file named by it (the file system keeps such names
    unique) before an id written inside a file; a record with no article holds none."""
    if rec.error is not None:
        return 0
    return 2 if rec.key == _path_key(Path(rec.seed_path)) else 1


def scan_seeds(seeds_dir: Path, keys_only: bool = False) -> list[SeedRecord]:
    """Every record in the folder, and an error record for every path that cannot be one.
    With `keys_only`, HTML pages are hashed, not extracted (see `read_seed_file`).

    Ids are unique by construction, never by the order files sort in: a file named by an id
    holds it against ids written inside files; two records writing the same id keep it only if
    they are the same article (the repeats are reported); otherwise every claimant is rejected.
    Records that are not articles have keys no article id can take.
    """
    records: list[SeedRecord] = corpus_problems(seeds_dir)
    for entry in discover_seeds(seeds_dir):
        relative = entry.path.relative_to(seeds_dir).as_posix()
        if entry.problem is not None:
            error = SeedError(entry.problem.reason, f"{relative}: {entry.problem.detail}")
            records.append(SeedRecord(error_key(relative), relative,
                                      SUFFIX_FORMATS.get(entry.path.suffix.lower(), "txt"),
                                      _sha256(relative.encode()), error=error))
        else:
            records.extend(read_seed_file(entry.path, seeds_dir, keys_only))
    by_key: dict[str, list[int]] = {}
    for index, rec in enumerate(records):
        by_key.setdefault(rec.key, []).append(index)
    for key, indexes in by_key.items():
        if len(indexes) < 2:
            continue
        claimants = [records[i] for i in indexes]
        strongest = max(_claims(r) for r in claimants)
        holders = [i for i in indexes if _claims(records[i]) == strongest and strongest > 0]
        if len(holders) > 1 and not all(_same_article(records[holders[0]], records[i])
                                        for i in holders[1:]):
            holders = []  # different articles, one id: no order decides between them
        keeper = holders[0] if holders else None
        places = ", ".join(_location(records[i]) for i in indexes)
        for i in indexes:
            if i == keeper:
                continue
            rec = records[i]
            if keeper is not None and i in holders:
                reason, why = "duplicate_article", (f"the same article as "
                                                    f"{_location(records[keeper])}; read once")
            elif keeper is not None:
                reason, why = "duplicate_id", (f"article id {key!r} belongs to "
                                               f"{_location(records[keeper])}; rename one of them")
            else:
                reason, why = "duplicate_id", (f"article id {key!r} is claimed by different "
                                               f"articles ({places}); none is read until one is "
                                               "renamed")
            detail = f"{_location(rec)}: {why}"
            if rec.error is not None:
                detail += f" (and: {rec.error.detail})"
            records[i] = replace(rec, key=error_key(rec.seed_path, rec.seed_line),
                                 fields={}, error=SeedError(reason, detail))
    return records


def _location(rec: SeedRecord) -> str:
    return rec.seed_path + (f":{rec.seed_line}" if rec.seed_line else "")
