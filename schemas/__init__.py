"""pandera models, one per staging table: the single source of truth for their columns."""

from schemas.articles import Articles
from schemas.rejected import RejectedRows
from schemas.sentences import Sentences, SentenceSpans

__all__ = ["Articles", "RejectedRows", "Sentences", "SentenceSpans"]
