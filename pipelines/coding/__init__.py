"""The event coder: actor resolution, coreference and event coding over the dependency parse.

records (typed actors, mentions, events) <- names, coreference <- actors; dictionaries <-
arguments <- modality, anchoring <- events <- article (an article's events, merged).
"""
