"""Extraction over a batch of ingested articles: parse their story sentences once, then find and
resolve actor and place mentions article by article."""

import hashlib
import pickle
import zlib
from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc

from pipelines.coding.actors import ArticleActors
from pipelines.coding.anchoring import placed_agents
from pipelines.coding.article import code_article
from pipelines.coding.records import CONFIDENCE, ActorMention, Event, media_actor
from pipelines.ingest import IngestedArticle, failure
from pipelines.nlp import parse
from pipelines.places import (
    PlaceMention,
    dateline_places,
    find_place_mentions,
    is_placed_name,
    resolve_places,
)

# Everything extraction reads of an article besides its sentences (which the body decides): two
# articles alike in these are extracted alike, whatever their ids, seeds and titles.
EXTRACTION_INPUTS = ("body", "dateline", "source_name", "source_origin", "published_date",
                     "date_precision")
_ROW_IDS = ("mention_id", "event_id")


def extraction_digest(result: IngestedArticle) -> str | None:
    """A digest of what extracting this article reads (None for an article that did not land)."""
    if not result.article:
        return None
    inputs = repr(tuple(result.article[name] for name in EXTRACTION_INPUTS))
    return hashlib.sha256(inputs.encode("utf-8", "surrogatepass")).hexdigest()


def extracted_rows(result: IngestedArticle) -> bytes:
    """An article's mention and event rows, packed small (for `copy_extraction`)."""
    rows = (result.key, result.actor_mentions, result.location_mentions, result.events,
            result.event_actors)
    return zlib.compress(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL), 1)


def copy_extraction(packed: bytes, copy: IngestedArticle) -> None:
    """Give `copy` the rows `extracted_rows` packed from an article alike in
    `EXTRACTION_INPUTS`, under its own key."""
    key, actor_mentions, location_mentions, events, event_actors = pickle.loads(
        zlib.decompress(packed))
    prefix, own = f"{key}#", f"{copy.key}#"

    def rekeyed(rows: list[dict]) -> list[dict]:
        for row in rows:
            row["article_id"] = copy.key
            for name in _ROW_IDS:
                if name in row:
                    row[name] = own + row[name].removeprefix(prefix)
        return rows

    copy.actor_mentions = rekeyed(actor_mentions)
    copy.location_mentions = rekeyed(location_mentions)
    copy.events = rekeyed(events)
    copy.event_actors = rekeyed(event_actors)


def extractable(article: IngestedArticle) -> list[dict]:
    """Story sentences seen for the first time in their article."""
    return [s for s in article.sentences if s["role"] == "text" and s["duplicate_of"] is None]


def parse_batch(results: list[IngestedArticle], on_parsed: Callable[[int], None] | None = None
                ) -> dict[str, dict[int, Doc]]:
    """Article key -> sentence index -> parsed sentence. `on_parsed(n)` is told as articles'
    parses complete (for a progress display)."""
    order = [(r.key, s) for r in results if r.article for s in extractable(r)]
    docs = parse(s["text"] for _, s in order)
    parsed: dict[str, dict[int, Doc]] = {}
    for (key, sentence), doc in zip(order, docs, strict=True):
        if on_parsed is not None and key not in parsed and parsed:
            on_parsed(1)  # the previous article's sentences are all parsed
        parsed.setdefault(key, {})[sentence["sentence_index"]] = doc
    if on_parsed is not None:
        on_parsed(len(results) - max(len(parsed) - 1, 0))  # the last, and those with no text
    return parsed


def _actor_rows(key: str, mentions: list[ActorMention]) -> list[dict]:
    rows = []
    for m in mentions:
        for n, actor in enumerate(m.actors or [None]):
            rows.append({
                "mention_id": f"{key}#{m.sentence_index}:{m.char_start}-{m.char_end}:{n}",
                "article_id": key, "sentence_index": m.sentence_index,
                "char_start": m.char_start, "char_end": m.char_end, "mention_text": m.text,
                "actor_id": actor.actor_id if actor else None,
                "actor_name": actor.name if actor else None,
                "actor_code": (actor.actor_code or None) if actor else None,
                "country_iso3": actor.country_iso3 if actor else None,
                "sector": actor.sector if actor else None,
                "actor_type": actor.actor_type if actor else None,
                "resolution": m.resolution, "confidence": m.confidence, "title": m.title,
                "antecedent_text": m.antecedent_text, "in_quote": m.in_quote,
            })
    return rows


def _place_rows(key: str, mentions: list[PlaceMention]) -> list[dict]:
    rows = []
    for m in mentions:
        p = m.place
        rows.append({
            "mention_id": f"{key}#{m.sentence_index}:{m.char_start}-{m.char_end}",
            "article_id": key, "sentence_index": m.sentence_index, "char_start": m.char_start,
            "char_end": m.char_end, "mention_text": m.text,
            "location_id": p.location_id if p else None, "location_name": p.name if p else None,
            "feature_type": p.feature_type if p else None,
            "country_iso3": p.country_iso3 if p else None, "admin1": p.admin1 if p else None,
            "latitude": p.latitude if p else None, "longitude": p.longitude if p else None,
            "geonames_id": p.geonames_id if p else None, "resolution": m.resolution,
            "confidence": m.confidence, "candidate_count": m.candidate_count,
            "preposition": m.preposition,
        })
    return rows


def _event_rows(result: IngestedArticle, events: list[Event]) -> tuple[list[dict], list[dict]]:
    key = result.key
    text_of = {s["sentence_index"]: s["text"] for s in result.sentences}
    event_rows, actor_rows = [], []
    for e in events:
        event_id = f"{key}#{e.sentence_index}:{e.trigger_start}"
        place = e.place.place if e.place else None
        event_rows.append({
            "event_id": event_id, "article_id": key, "sentence_index": e.sentence_index,
            "trigger_start": e.trigger_start, "trigger_end": e.trigger_end,
            "trigger_text": e.trigger_text, "cameo_code": e.cameo_code, "modality": e.modality,
            "is_negated": e.is_negated, "is_fact": e.is_fact, "event_date": e.event_date,
            "date_precision": e.date_precision, "date_text": e.date_text,
            "location_id": place.location_id if place else None,
            "location_text": e.place.text if e.place else None,
            "confidence": e.confidence, "mention_count": e.mention_count,
            "evidence_text": text_of[e.sentence_index],
            "repeated_in": ",".join(map(str, e.merged_sentences)) or None,
        })
        for role, actors in (("source", e.sources), ("target", e.targets)):
            for actor in actors:
                actor_rows.append({
                    "event_id": event_id, "article_id": key, "role": role,
                    "actor_id": actor.actor_id, "actor_code": actor.actor_code or None,
                    "actor_name": actor.name, "country_iso3": actor.country_iso3,
                    "sector": actor.sector, "actor_type": actor.actor_type,
                })
    return event_rows, actor_rows


def _dateline_source(result: IngestedArticle, actors: ArticleActors) -> ActorMention | None:
    """The outlet a dateline names ("(Bloomberg) —") is a media actor mention of the article."""
    article = result.article
    dateline, source = article.get("dateline"), article.get("source_name")
    if not dateline or not source or article.get("source_origin") != "dateline":
        return None
    body = article["body"]
    dl_start = body.find(dateline)
    start = body.find(source, dl_start, dl_start + len(dateline))
    if dl_start < 0 or start < 0:
        return None
    following = [s["sentence_index"] for s in result.sentences if s["char_start"] >= start]
    return ActorMention(following[0] if following else 0, 0, 0, start, start + len(source), source,
                        media_actor(source, actors.lx.media_names.get(source)), "dictionary",
                        CONFIDENCE["dictionary"])


def _never_a_place(mention: ActorMention, doc: Doc) -> bool:
    """Persons, media and international organizations; a state or a capital may be both, and so
    may an organization's seat where the sentence places it ("trains change at Brussels")."""
    actor = mention.actor
    if actor.actor_type in {"person", "media"}:
        return True
    return actor.actor_code.startswith(("IGO", "NGO")) and not is_placed_name(
        doc, mention.token_start, mention.token_end)


def extract_article(result: IngestedArticle, docs: dict[int, Doc]) -> tuple[
        list[ActorMention], list[PlaceMention], list[Event]]:
    actors = ArticleActors(result.article["published_date"])
    places: list[PlaceMention] = []
    for sentence in extractable(result):
        index = sentence["sentence_index"]
        doc = docs[index]
        found = actors.read_sentence(index, sentence["paragraph_index"], doc,
                                     sentence["char_start"])
        not_places = {i for m in found if m.actor and _never_a_place(m, doc)
                      for i in range(m.token_start, m.token_end)}
        places.extend(find_place_mentions(doc, index, sentence["char_start"], not_places))
    article = result.article
    if article.get("dateline"):
        first = min((s["sentence_index"] for s in extractable(result)), default=0)
        places[:0] = dateline_places(article["body"], article["dateline"], first)
    mentions = actors.finish()
    source = _dateline_source(result, actors)
    if source:
        mentions.insert(0, source)
    # The article's countries, by how often its actors belong to them ("Scottish police",
    # "the Home Office", a British party): what decides between places of one name.
    context = Counter(a.country_iso3 for m in mentions for a in m.actors if a.country_iso3)
    resolve_places(places, context)
    placed_agents(mentions, places, docs)
    sentences = [(s["sentence_index"], docs[s["sentence_index"]], s["char_start"])
                 for s in extractable(result)]
    repeats = {s["sentence_index"]: s["duplicate_of"] for s in result.sentences
               if s["duplicate_of"] is not None and s["role"] == "text"}
    events = code_article(sentences, mentions, places, article["published_date"],
                          article["date_precision"], repeats)
    return mentions, places, events


def _reject(result: IngestedArticle, exc: BaseException) -> None:
    """An article the extractors fail on is rejected whole; the rest of its batch goes on."""
    seed_path = (result.article or {}).get("seed_path")
    result.rejections.append(failure(result.key, seed_path, "extraction_failed", exc))
    result.article = None
    result.sentences, result.actor_mentions, result.location_mentions = [], [], []
    result.events, result.event_actors = [], []


def extract_batch(results: list[IngestedArticle], on_parsed: Callable[[int], None] | None = None
                  ) -> dict[str, dict[int, Doc]]:
    """Fill each article's actor and location mention rows; returns the parses for reuse."""
    try:
        parsed = parse_batch(results, on_parsed)
    except Exception:  # one article broke the batch's parse: parse each alone to find it
        parsed = {}
        for result in results:
            try:
                parsed.update(parse_batch([result]))
            except Exception as exc:
                _reject(result, exc)
    for result in results:
        if not result.article:
            continue
        try:
            actor_mentions, place_mentions, events = extract_article(
                result, parsed.get(result.key, {}))
            result.actor_mentions = _actor_rows(result.key, actor_mentions)
            result.location_mentions = _place_rows(result.key, place_mentions)
            result.events, result.event_actors = _event_rows(result, events)
        except Exception as exc:
            _reject(result, exc)
    return parsed
