"""pandera models, one per staging table: the single source of truth for their columns."""

from schemas.articles import Articles
from schemas.ingest_state import IngestState
from schemas.mentions import ActorMentions, LocationMentions, Spans
from schemas.rejected import RejectedRows
from schemas.sentences import Sentences

__all__ = ["ActorMentions", "Articles", "IngestState", "LocationMentions", "RejectedRows",
           "Sentences", "Spans"]
