"""pandera models, one per staging table: the single source of truth for their columns."""

from schemas.articles import Articles
from schemas.events import EventActors, EventDates, Events
from schemas.ingest_state import IngestState
from schemas.mentions import ActorMentions, LocationMentions, Spans
from schemas.rejected import RejectedRows
from schemas.sentences import Sentences
from schemas.taxonomy import CameoEventTypes

__all__ = ["ActorMentions", "Articles", "CameoEventTypes", "EventActors", "EventDates", "Events",
           "IngestState", "LocationMentions", "RejectedRows", "Sentences", "Spans"]
