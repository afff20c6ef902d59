"""Seed files to seed records: finding them, decoding, and reading each supported format.

A seed record is one article's raw fields, or the reason it cannot be one. Its `key` is the
article id, or (when the record has no usable id) where it lives in the seeds folder, so that a
bad record is still addressable, reported and replaced when its file is fixed.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.decoding import decode_bytes
from pipelines.errors import SeedError
from pipelines.html_text import extract_html

SUFFIX_FORMATS = {".txt": "txt", ".json": "json", ".jsonl": "jsonl", ".html": "html", ".htm": "html"}
ARTICLE_FIELDS = ("id", "text", "title", "published", "url", "source")
_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/\-]{0,199}$")
# A collection's own documentation travels with it (a corpus README, its licence): not articles.
_COLLECTION_DOCS = {"readme", "license", "licence", "copying", "notice", "changelog"}


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
    """Every file below the folder but hidden ones and collection documentation, in stable order."""
    return sorted(
        p
        for p in seeds_dir.rglob("*")
        if p.is_file()
        and p.stem.lower() not in _COLLECTION_DOCS
        and not any(part.startswith(".") for part in p.relative_to(seeds_dir).parts)
    )


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
    fields["id"] = str(fields["id"]) if isinstance(fields["id"], int) else fields["id"]
    if not isinstance(fields["id"], str) or not _ID_PATTERN.match(fields["id"]):
        raise SeedError(
            "invalid_id",
            f"{where}: id {fields['id']!r} must be 1-200 letters, digits or . _ : / - "
            "and start with a letter or digit",
        )
    return fields


def _txt_fields(text: str, key: str) -> dict:
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.strip():
            return {"id": key, "title": line.strip(), "text": "\n".join(lines[index + 1 :])}
    return {"id": key, "text": ""}


def read_seed_file(path: Path, seeds_dir: Path) -> list[SeedRecord]:
    """All records in one seed file; never raises for bad content, which becomes error records."""
    relative = path.relative_to(seeds_dir)
    seed_path = relative.as_posix()
    file_key = _path_key(relative)
    seed_format = SUFFIX_FORMATS.get(path.suffix.lower())
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [SeedRecord(file_key, seed_path, "txt", _sha256(b""), error=SeedError("unreadable", str(exc)))]
    digest = _sha256(data)
    if seed_format is None:
        supported = ", ".join(sorted(SUFFIX_FORMATS))
        error = SeedError("unsupported_format", f"{seed_path}: only {supported} files are read")
        return [SeedRecord(seed_path, seed_path, "txt", digest, error=error)]
    if not _ID_PATTERN.match(file_key):
        error = SeedError("invalid_id", f"{seed_path}: the file name cannot be an article id")
        return [SeedRecord(re.sub(r"[^A-Za-z0-9._:/\-]", "_", file_key).lstrip("._:/-") or "seed",
                           seed_path, seed_format, digest, error=error)]
    try:
        text, encoding = decode_bytes(data)
    except SeedError as error:
        return [SeedRecord(file_key, seed_path, seed_format, digest, error=error)]

    def record(key: str, fields: dict | None = None, error: SeedError | None = None, line=None,
               content_hash: str = digest) -> SeedRecord:
        return SeedRecord(key, seed_path, seed_format, content_hash, line, encoding, fields or {}, error)

    if seed_format == "txt":
        return [record(file_key, _txt_fields(text, file_key))]
    if seed_format == "html":
        try:
            page = extract_html(text)
        except SeedError as error:
            return [record(file_key, error=error)]
        fields = {"id": file_key, "text": page.text, "title": page.title, "published": page.published,
                  "url": page.url, "source": page.source}
        return [record(file_key, {k: v for k, v in fields.items() if v})]
    if seed_format == "json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            return [record(file_key, error=SeedError("invalid_json", f"{seed_path}: {exc}"))]
        try:
            fields = _article_from_object(obj, seed_path)
        except SeedError as error:
            return [record(file_key, error=error)]
        return [record(fields["id"], fields)]
    records = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{seed_path}:{number}"
        line_key = f"{file_key}:line-{number}"
        line_hash = _sha256(line.encode("utf-8"))
        try:
            fields = _article_from_object(json.loads(line), where)
        except json.JSONDecodeError as exc:
            records.append(record(line_key, error=SeedError("invalid_json", f"{where}: {exc}"),
                                  line=number, content_hash=line_hash))
        except SeedError as error:
            records.append(record(line_key, error=error, line=number, content_hash=line_hash))
        else:
            records.append(record(fields["id"], fields, line=number, content_hash=line_hash))
    return records


def scan_seeds(seeds_dir: Path) -> list[SeedRecord]:
    """Every record in the folder; a second record with an id already seen is an error record."""
    seen: dict[str, str] = {}
    records: list[SeedRecord] = []
    for path in discover_seed_files(seeds_dir):
        for rec in read_seed_file(path, seeds_dir):
            location = rec.seed_path + (f":{rec.seed_line}" if rec.seed_line else "")
            if rec.key in seen:
                error = SeedError("duplicate_id", f"{location}: article id {rec.key!r} is already "
                                  f"used by {seen[rec.key]}; rename one of them")
                suffix = f"line-{rec.seed_line}" if rec.seed_line else "file"
                rec = SeedRecord(f"{_path_key(Path(rec.seed_path))}:{suffix}:duplicate",
                                 rec.seed_path, rec.seed_format, rec.content_hash, rec.seed_line,
                                 rec.encoding, error=error)
            seen.setdefault(rec.key, location)
            records.append(rec)
    return records
