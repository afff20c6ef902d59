"""Lazy pandera validation of a batch of ingested articles, routing failed rows to rejections.

An invalid article is rejected whole (with every row that hangs off it); an invalid sentence or
mention is rejected alone, and its article lands without it.
"""

from dataclasses import dataclass

import pandas as pd
import pandera.errors
import pandera.pandas as pa

from pipelines.ingest import IngestedArticle, Rejection
from pipelines.timex import latest_publication
from schemas import (
    ActorMentions,
    Articles,
    EventActors,
    EventDates,
    Events,
    LocationMentions,
    Sentences,
    Spans,
)


@dataclass(frozen=True)
class ChildTable:
    model: type[pa.DataFrameModel]
    attribute: str  # where IngestedArticle holds its rows
    id_column: str
    span: tuple[str, str, str] | None  # start, end and text columns of a span into the body


CHILD_TABLES: dict[str, ChildTable] = {
    "raw.sentences": ChildTable(Sentences, "sentences", "sentence_id",
                                ("char_start", "char_end", "text")),
    "raw.actor_mentions": ChildTable(ActorMentions, "actor_mentions", "mention_id",
                                     ("char_start", "char_end", "mention_text")),
    "raw.location_mentions": ChildTable(LocationMentions, "location_mentions", "mention_id",
                                        ("char_start", "char_end", "mention_text")),
    "raw.events": ChildTable(Events, "events", "event_id",
                             ("trigger_start", "trigger_end", "trigger_text")),
    "raw.event_actors": ChildTable(EventActors, "event_actors", "event_id", None),
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


def _checked(model: type[pa.DataFrameModel], frame: pd.DataFrame
             ) -> tuple[pd.DataFrame | None, dict[int | None, list[str]]]:
    """The validated frame when every row holds, else None and the failure descriptions by row
    index (`None` holds failures that concern no single row)."""
    try:
        return model.validate(frame, lazy=True), {}
    except pandera.errors.SchemaErrors as errors:
        by_row: dict[int | None, list[str]] = {}
        for case in errors.failure_cases.itertuples(index=False):
            row = None if pd.isna(case.index) else int(case.index)
            column = f" on {case.column}" if isinstance(case.column, str) else ""
            check = str(case.check)
            check = check if len(check) <= 60 else check[:57] + "..."
            by_row.setdefault(row, []).append(f"{check}{column}: {case.failure_case!r}")
        return None, by_row


def _failures(model: type[pa.DataFrameModel], frame: pd.DataFrame) -> dict[int | None, list[str]]:
    """Failure descriptions by row index; `None` holds failures that concern no single row."""
    return _checked(model, frame)[1]


def _detail(messages: list[str]) -> str:
    return "; ".join(sorted(set(messages)))[:2000]


def _latest_publication(articles: pd.DataFrame) -> pd.Series:
    """The last day each article may have been published on, given its date's precision."""
    published = pd.to_datetime(articles["published_date"])
    latest = [None if pd.isna(day) else latest_publication(day.date(), precision)
              for day, precision in zip(published, articles["date_precision"], strict=True)]
    return pd.Series(latest, index=articles.index)


def _validate_children(table: str, frame: pd.DataFrame, articles: pd.DataFrame,
                       seed_paths: dict[str, str], rejections: list[Rejection]) -> pd.DataFrame:
    child = CHILD_TABLES[table]
    model, id_column = child.model, child.id_column
    if frame.empty:
        return model.validate(frame)
    valid, failed = _checked(model, frame)
    if child.span:
        start, end, text = child.span
        spans = frame[[id_column, start, end, text, "article_id"]].set_axis(
            ["row_id", "char_start", "char_end", "text", "article_id"], axis=1
        ).merge(articles[["article_id", "body"]], on="article_id", how="left")
        for row, messages in _failures(Spans, spans.drop(columns="article_id")).items():
            failed.setdefault(row, []).extend(messages)
    if table == "raw.events":
        latest = articles[["article_id"]].assign(latest_publication=_latest_publication(articles))
        dates = frame[[id_column, "event_date", "article_id"]].rename(
            columns={id_column: "row_id"}).merge(latest, on="article_id", how="left")
        for row, messages in _failures(EventDates, dates.drop(columns="article_id")).items():
            failed.setdefault(row, []).extend(messages)
    bad_rows = set(frame.index) if None in failed else set(failed)
    if not bad_rows and valid is not None:
        return valid  # validated once: every row held
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

    valid, failed = _checked(Articles, articles)
    bad_articles = sorted(set(articles.index) if None in failed else set(failed))
    for row in bad_articles:
        key = articles.at[row, "article_id"]
        rejections.append(Rejection("raw.articles", key, "schema", _detail(
            failed.get(row, []) + failed.get(None, [])), seed_paths.get(key)))
    landed = [r for r in results if r.article and r.key not in
              set(articles.loc[bad_articles, "article_id"])]
    articles = valid if valid is not None else Articles.validate(
        articles.drop(index=bad_articles).reset_index(drop=True))

    children = {}
    for table, child in CHILD_TABLES.items():
        frame = pd.DataFrame([row for r in landed for row in getattr(r, child.attribute)],
                             columns=list(child.model.to_schema().columns))
        children[table] = _validate_children(table, frame, articles, seed_paths, rejections)
    # An event whose row was rejected takes its actor rows with it.
    kept = set(children["raw.events"]["event_id"])
    actors = children["raw.event_actors"]
    children["raw.event_actors"] = actors[actors["event_id"].isin(kept)].reset_index(drop=True)
    return ValidatedBatch(articles, children, rejections, [r.key for r in results])
