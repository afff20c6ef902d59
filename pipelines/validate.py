"""Lazy pandera validation of a batch of ingested articles, routing failed rows to rejections.

An invalid article is rejected whole (with every row that hangs off it); an invalid sentence or
mention is rejected alone, and its article lands without it.
"""

from dataclasses import dataclass

import pandas as pd
import pandera.errors
import pandera.pandas as pa

from pipelines.ingest import IngestedArticle, Rejection
from schemas import ActorMentions, Articles, LocationMentions, Sentences, Spans

# Table -> (model, the IngestedArticle attribute holding its rows, id column, span text column).
CHILD_TABLES: dict[str, tuple[type[pa.DataFrameModel], str, str, str]] = {
    "raw.sentences": (Sentences, "sentences", "sentence_id", "text"),
    "raw.actor_mentions": (ActorMentions, "actor_mentions", "mention_id", "mention_text"),
    "raw.location_mentions": (LocationMentions, "location_mentions", "mention_id", "mention_text"),
}


@dataclass
class ValidatedBatch:
    articles: pd.DataFrame
    children: dict[str, pd.DataFrame]
    rejections: list[Rejection]
    keys: list[str]

    @property
    def sentences(self) -> pd.DataFrame:
        return self.children["raw.sentences"]

    def frames(self) -> dict[str, pd.DataFrame]:
        return {"raw.articles": self.articles, **self.children}


def _failures(model: type[pa.DataFrameModel], frame: pd.DataFrame) -> dict[int | None, list[str]]:
    """Failure descriptions by row index; `None` holds failures that concern no single row."""
    try:
        model.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        by_row: dict[int | None, list[str]] = {}
        for case in errors.failure_cases.itertuples(index=False):
            row = None if pd.isna(case.index) else int(case.index)
            column = f" on {case.column}" if isinstance(case.column, str) else ""
            check = str(case.check)
            check = check if len(check) <= 60 else check[:57] + "..."
            by_row.setdefault(row, []).append(f"{check}{column}: {case.failure_case!r}")
        return by_row
    return {}


def _detail(messages: list[str]) -> str:
    return "; ".join(sorted(set(messages)))[:2000]


def _validate_children(table: str, frame: pd.DataFrame, articles: pd.DataFrame,
                       seed_paths: dict[str, str], rejections: list[Rejection]) -> pd.DataFrame:
    model, _attr, id_column, text_column = CHILD_TABLES[table]
    if frame.empty:
        return model.validate(frame)
    spans = frame[[id_column, "char_start", "char_end", text_column, "article_id"]].rename(
        columns={id_column: "row_id", text_column: "text"}
    ).merge(articles[["article_id", "body"]], on="article_id", how="left").drop(columns="article_id")
    failed = _failures(model, frame)
    for row, messages in _failures(Spans, spans).items():
        failed.setdefault(row, []).extend(messages)
    bad_rows = set(frame.index) if None in failed else set(failed)
    for row in sorted(bad_rows):
        key = frame.at[row, "article_id"]
        detail = f"{frame.at[row, id_column]}: " + _detail(failed.get(row, []) + failed.get(None, []))
        rejections.append(Rejection(table, key, "schema", detail, seed_paths.get(key)))
    return model.validate(frame.drop(index=sorted(bad_rows)).reset_index(drop=True))


def validate_batch(results: list[IngestedArticle]) -> ValidatedBatch:
    """Frames of the valid rows of a batch, and a rejection for every invalid one."""
    rejections = [r for result in results for r in result.rejections]
    seed_paths = {r.key: r.article["seed_path"] for r in results if r.article}
    articles = pd.DataFrame([r.article for r in results if r.article],
                            columns=list(Articles.to_schema().columns))

    failed = _failures(Articles, articles)
    bad_articles = sorted(set(articles.index) if None in failed else set(failed))
    for row in bad_articles:
        key = articles.at[row, "article_id"]
        rejections.append(Rejection("raw.articles", key, "schema", _detail(
            failed.get(row, []) + failed.get(None, [])), seed_paths.get(key)))
    landed = [r for r in results if r.article and r.key not in
              set(articles.loc[bad_articles, "article_id"])]
    articles = Articles.validate(articles.drop(index=bad_articles).reset_index(drop=True))

    children = {}
    for table, (model, attr, _id, _text) in CHILD_TABLES.items():
        frame = pd.DataFrame([row for r in landed for row in getattr(r, attr)],
                             columns=list(model.to_schema().columns))
        children[table] = _validate_children(table, frame, articles, seed_paths, rejections)
    return ValidatedBatch(articles, children, rejections, [r.key for r in results])
