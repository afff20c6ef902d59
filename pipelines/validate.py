"""Lazy pandera validation of a batch of ingested articles, routing failed rows to rejections."""

from dataclasses import dataclass

import pandas as pd
import pandera.errors
import pandera.pandas as pa

from pipelines.ingest import IngestedArticle, Rejection
from schemas import Articles, Sentences, SentenceSpans

ARTICLE_COLUMNS = list(Articles.to_schema().columns)
SENTENCE_COLUMNS = list(Sentences.to_schema().columns)


@dataclass
class ValidatedBatch:
    articles: pd.DataFrame
    sentences: pd.DataFrame
    rejections: list[Rejection]
    keys: list[str]


def _failures(model: type[pa.DataFrameModel], frame: pd.DataFrame) -> dict[int | None, list[str]]:
    """Failure descriptions by row index; `None` holds failures that concern no single row."""
    try:
        model.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        by_row: dict[int | None, list[str]] = {}
        for case in errors.failure_cases.itertuples(index=False):
            row = None if pd.isna(case.index) else int(case.index)
            column = f" on {case.column}" if isinstance(case.column, str) else ""
            by_row.setdefault(row, []).append(f"{case.check}{column}: {case.failure_case!r}")
        return by_row
    return {}


def _detail(messages: list[str]) -> str:
    return "; ".join(sorted(set(messages)))[:2000]


def validate_batch(results: list[IngestedArticle]) -> ValidatedBatch:
    """Frames of the valid rows of a batch, and a rejection for every invalid one."""
    rejections = [r for result in results for r in result.rejections]
    seed_paths = {r.key: r.article["seed_path"] for r in results if r.article}
    articles = pd.DataFrame([r.article for r in results if r.article], columns=ARTICLE_COLUMNS)
    sentences = pd.DataFrame(
        [s for r in results if r.article for s in r.sentences], columns=SENTENCE_COLUMNS
    )

    failed = _failures(Articles, articles)
    bad_articles = set(articles.index) if None in failed else set(failed)
    for row in sorted(bad_articles):
        key = articles.at[row, "article_id"]
        rejections.append(Rejection("raw.articles", key, "schema", _detail(
            failed.get(row, []) + failed.get(None, [])), seed_paths.get(key)))
    rejected_keys = set(articles.loc[sorted(bad_articles), "article_id"])
    articles = articles.drop(index=sorted(bad_articles))
    sentences = sentences[~sentences["article_id"].isin(rejected_keys)].reset_index(drop=True)

    if not sentences.empty:
        spans = sentences[["sentence_id", "char_start", "char_end", "text", "article_id"]].merge(
            articles[["article_id", "body"]], on="article_id", how="left"
        ).drop(columns="article_id")
        failed = _failures(Sentences, sentences)
        for row, messages in _failures(SentenceSpans, spans).items():
            failed.setdefault(row, []).extend(messages)
        bad_rows = set(sentences.index) if None in failed else set(failed)
        for row in sorted(bad_rows):
            key = sentences.at[row, "article_id"]
            detail = f"{sentences.at[row, 'sentence_id']}: " + _detail(
                failed.get(row, []) + failed.get(None, []))
            rejections.append(Rejection("raw.sentences", key, "schema", detail, seed_paths.get(key)))
        sentences = sentences.drop(index=sorted(bad_rows))

    return ValidatedBatch(
        articles=Articles.validate(articles.reset_index(drop=True)),
        sentences=Sentences.validate(sentences.reset_index(drop=True)),
        rejections=rejections,
        keys=[r.key for r in results],
    )
