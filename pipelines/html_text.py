"""The main text and metadata of an HTML page, via trafilatura (boilerplate removal made for news)."""

from dataclasses import dataclass
from html.parser import HTMLParser

import trafilatura
from lxml import html as lxml_html


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None
    published: str | None
    url: str | None
    source: str | None


def extract_html(markup: str) -> HtmlArticle:
    """Main text of the page; falls back to the whole body text for pages too small to score."""
    try:
        text = trafilatura.extract(
            markup, include_comments=False, include_tables=False, favor_precision=True,
            deduplicate=False)
        meta = trafilatura.extract_metadata(markup)
    except RecursionError:  # a tree too deep for a recursive walk: read it as a stream below
        text, meta = None, None
    text = text or _tree_text(markup) or _streamed_text(markup)
    return HtmlArticle(
        text=text or "",
        title=meta.title if meta else None,
        published=meta.date if meta else None,
        url=meta.url if meta else None,
        source=meta.sitename if meta else None,
    )


def _tree_text(markup: str) -> str:
    """Paragraphs, headings and list items of the page's body, for pages too small to score."""
    try:
        root = lxml_html.fromstring(markup)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for node in root.xpath("//script|//style|//nav|//header|//footer"):
        node.drop_tree()
    body = root.find("body")
    return "\n\n".join(
        p.text_content().strip()
        for p in (body if body is not None else root).iter("p", "h1", "h2", "li")
        if p.text_content().strip()
    )


class _TextCollector(HTMLParser):
    """Text of a page read as a stream of tags, however deep they nest (no tree is built)."""

    _SKIP = {"script", "style", "nav", "header", "footer", "template", "noscript"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "section", "article", "tr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _streamed_text(markup: str) -> str:
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return "".join(collector.parts).strip()
