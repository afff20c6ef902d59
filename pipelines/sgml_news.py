"""Reuters-21578 SGML files (`reut2-NNN.sgm`): each `<REUTERS>` document an article.

The files are SGML, not well-formed XML (control entities such as `&#3;`, unescaped `<` in
text), so documents are cut by their tags, not parsed as XML. A document gives its id (the
corpus's NEWID), its title, its dateline (kept at the head of the body, where the news anatomy
reads it), its body and its date ("26-FEB-1987 15:01:01.79"); its publisher is Reuters.
"""

import html
import re
from datetime import datetime

_DOCUMENT = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_NEWID = re.compile(r'\bNEWID="(\d+)"')
_CONTROL = re.compile(r"&#(?:[0-9]|[12][0-9]|3[01]);")  # &#3; and the like: control characters
PUBLISHER = "Reuters"


def _element(name: str, text: str) -> str | None:
    found = re.search(rf"<{name}>(.*?)</{name}>", text, re.S)
    if not found:
        return None
    return html.unescape(_CONTROL.sub("", found.group(1))).strip()


def _date(text: str | None) -> str | None:
    if not text:
        return None
    try:
        return datetime.strptime(text.split(".")[0], "%d-%b-%Y %H:%M:%S").isoformat()
    except ValueError:
        return None  # the article lands undated rather than not at all


def read_documents(text: str) -> list[tuple[str | None, dict]]:
    """(NEWID, fields) of each document, in file order; fields as a JSON seed spells them."""
    documents = []
    for match in _DOCUMENT.finditer(text):
        newid = _NEWID.search(match.group(1))
        inner = match.group(2)
        body = _element("BODY", inner) or ""
        dateline = _element("DATELINE", inner)
        fields = {"title": _element("TITLE", inner), "published": _date(_element("DATE", inner)),
                  "source": PUBLISHER,
                  "text": f"{dateline} {body}".strip() if dateline and body else body}
        documents.append((newid.group(1) if newid else None,
                          {k: v for k, v in fields.items() if v}))
    return documents
