"""The main text and metadata of an HTML page, via trafilatura (boilerplate removal made for news)."""

from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html

from pipelines.errors import SeedError


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None
    published: str | None
    url: str | None
    source: str | None


def extract_html(markup: str) -> HtmlArticle:
    """Main text of the page; falls back to the whole body text for pages too small to score."""
    text = trafilatura.extract(
        markup, include_comments=False, include_tables=False, favor_precision=True, deduplicate=False
    )
    meta = trafilatura.extract_metadata(markup)
    if not text:
        try:
            root = lxml_html.fromstring(markup)
        except (ValueError, lxml_html.etree.ParserError) as exc:
            raise SeedError("unreadable", f"not parseable as HTML: {exc}") from exc
        for node in root.xpath("//script|//style|//nav|//header|//footer"):
            node.drop_tree()
        body = root.find("body")
        text = "\n\n".join(
            p.text_content().strip()
            for p in (body if body is not None else root).iter("p", "h1", "h2", "li")
            if p.text_content().strip()
        )
    return HtmlArticle(
        text=text or "",
        title=meta.title if meta else None,
        published=meta.date if meta else None,
        url=meta.url if meta else None,
        source=meta.sitename if meta else None,
    )
