"""pandera models, one per staging table: the single source of truth for their columns."""

from schemas.articles import Articles
from schemas.ingest_state import IngestState
from schemas.rejected import RejectedRows
from schemas.sentences import Sentences, SentenceSpans

__all__ = ["Articles", "IngestState", "RejectedRows", "Sentences", "SentenceSpans"]
