"""A seeds folder's `corpus.yaml`: defaults for the articles below it that do not say them.

A corpus downloaded as bare text files (BBC, a wire archive) has no publisher, URL or date in
its articles. A `corpus.yaml` in a folder gives them for every seed in that folder and below;
a deeper file overrides a shallower one field by field; what an article says itself wins.

    publisher: BBC News
    url_pattern: "https://example.org/news/{path}"   # {id}, {stem} (file name) or {path}
    published: "2005"                               # a day, a month or a year
    description: BBC News articles, 2004-2005        # for people; not read

The file is validated when read: a bad one is reported (a rejected row naming it) and its
articles land without its defaults.
"""

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import StringConstraints, ValidationError, field_validator

from pipelines.datafiles import Strict, _explain
from pipelines.errors import SeedError
from schemas.yaml_files import read_yaml

CORPUS_FILE = "corpus.yaml"
_PLACEHOLDERS = ("{id}", "{stem}", "{path}")


class CorpusDefaults(Strict):
    publisher: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    url_pattern: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    published: str | None = None
    description: str | None = None

    @field_validator("url_pattern")
    @classmethod
    def _names_the_article(cls, value: str | None) -> str | None:
        if value is not None and not any(p in value for p in _PLACEHOLDERS):
            raise ValueError(f"must contain one of {', '.join(_PLACEHOLDERS)}")
        return value

    @field_validator("published", mode="before")
    @classmethod
    def _a_date(cls, value: object) -> object:
        from pipelines.ingest import parse_published

        if value is None:
            return None
        text = str(value)  # an unquoted year is read as a number
        parse_published(text)  # raises SeedError for what is no date
        return text


@lru_cache(maxsize=256)
def _read(path: str, mtime_ns: int, size: int) -> tuple[dict, SeedError | None]:
    del mtime_ns, size  # part of the cache key: an edited file is read again
    try:
        model = CorpusDefaults.model_validate(read_yaml(Path(path)))
    except ValidationError as exc:
        return {}, SeedError("invalid_corpus_file", f"{_explain(exc)}; its defaults are not used")
    except SeedError as exc:
        return {}, SeedError("invalid_corpus_file", f"{exc.detail}; its defaults are not used")
    except Exception as exc:  # not YAML, unreadable
        return {}, SeedError("invalid_corpus_file", f"{exc}; its defaults are not used")
    return model.model_dump(exclude_none=True, exclude={"description"}), None


def corpus_file_problem(path: Path) -> SeedError | None:
    """What is wrong with a corpus file, if anything."""
    stat = path.stat()
    return _read(str(path), stat.st_mtime_ns, stat.st_size)[1]


def defaults_for(folder: Path, seeds_dir: Path) -> dict:
    """The merged defaults of the corpus files from the seeds folder down to `folder`."""
    merged: dict = {}
    chain = [folder, *folder.parents]
    for directory in reversed([d for d in chain if d == seeds_dir or d.is_relative_to(seeds_dir)]):
        candidate = directory / CORPUS_FILE
        if candidate.is_file():
            stat = candidate.stat()
            values, problem = _read(str(candidate), stat.st_mtime_ns, stat.st_size)
            if problem is None:
                merged.update(values)
    return merged


def apply_defaults(fields: dict, defaults: dict, seed_path: str) -> dict:
    """The article's fields with the corpus's defaults where it has none."""
    if not defaults:
        return fields
    result = dict(fields)
    if "publisher" in defaults and not result.get("source"):
        result["source"] = defaults["publisher"]
    if "published" in defaults and not result.get("published"):
        result["published"] = defaults["published"]
    if "url_pattern" in defaults and not result.get("url"):
        path = seed_path.rsplit(".", 1)[0]
        result["url"] = defaults["url_pattern"].format(
            id=result.get("id", ""), stem=Path(seed_path).stem, path=path)
    return result


def defaults_digest(defaults: dict) -> str:
    """What the defaults add to an article's content hash: editing them re-reads the articles."""
    return hashlib.sha256(repr(sorted(defaults.items())).encode("utf-8")).hexdigest()
