"""An article's events: its sentences coded one by one, restatements merged, repeats counted."""

from datetime import date

from spacy.tokens import Doc

from pipelines.coding.events import SentenceCoder
from pipelines.coding.records import ActorMention, Event
from pipelines.places import PlaceMention


def code_article(sentences: list[tuple[int, Doc, int]], actor_mentions: list[ActorMention],
                 place_mentions: list[PlaceMention], published: date | None, precision: str,
                 repeats: dict[int, int]) -> list[Event]:
    """Events of an article: coded sentence by sentence, then merged.

    `sentences` are (index, parse, char offset); `repeats` maps a repeated sentence to the one it
    repeats, whose events are then reported once more (mention_count).
    """
    events: list[Event] = []
    # Mentions indexed by sentence once, so the work grows with the article, not its square.
    actors_in: dict[int, list[ActorMention]] = {}
    for m in actor_mentions:
        if m.token_end > 0:
            actors_in.setdefault(m.sentence_index, []).append(m)
    places_in: dict[int, list[PlaceMention]] = {}
    for p in place_mentions:
        places_in.setdefault(p.sentence_index, []).append(p)
    for index, doc, offset in sentences:
        actors, places = actors_in.get(index, []), places_in.get(index, [])
        for event in SentenceCoder(doc, index, offset, actors, places, published,
                                   precision).code():
            if not event.sources and not event.targets:
                _attach_to_earlier(event, events)
                continue
            events.append(event)
    merged = _merge_repeats(events)
    by_sentence: dict[int, list[Event]] = {}
    for event in merged:
        by_sentence.setdefault(event.sentence_index, []).append(event)
    for repeated, original in repeats.items():
        for event in by_sentence.get(original, []):
            event.mention_count += 1
            event.merged_sentences.append(repeated)
    return merged


def _attach_to_earlier(event: Event, events: list[Event]) -> None:
    """An event with no actors ("the drill was held south of Jeju") restates an earlier one."""
    for earlier in reversed(events):
        if earlier.sentence_index < event.sentence_index - 2:
            break
        if earlier.cameo_code[:2] == event.cameo_code[:2]:
            earlier.place = earlier.place or event.place
            if event.date_text and not earlier.date_text:
                earlier.event_date, earlier.date_precision = event.event_date, event.date_precision
                earlier.date_text = event.date_text
            return


def _merge_repeats(events: list[Event]) -> list[Event]:
    """The same event stated twice in an article (same code, actors and date) is one event."""
    kept: dict[tuple, Event] = {}
    for event in events:
        key = (event.cameo_code, tuple(sorted(a.actor_id for a in event.sources)),
               tuple(sorted(a.actor_id for a in event.targets)), event.event_date,
               event.modality, event.is_negated)
        if key in kept:
            kept[key].mention_count += 1
            kept[key].merged_sentences.append(event.sentence_index)
        else:
            kept[key] = event
    return list(kept.values())
