"""Web pages: the article's main text, its title and the publication date the page declares.

Why trafilatura: a saved news page is mostly navigation, ads and scripts; trafilatura finds the
article body and never returns script or style content. Its metadata step (htmldate underneath)
reads the date from the page's markup (``<meta>``, ``<time>``, JSON-LD). We switch off
htmldate's "extensive" search, which guesses from free text, so that a date we call "metadata"
really came from the page's metadata, and we pass an explicit far ``max_date`` so nothing reads
today's date. When trafilatura finds no main text (tiny or odd pages) we fall back to all the
page's visible text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from extract.errors import InputError
from extract.read.frontmatter import parse_date

_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "9999-12-31"}


@dataclass(frozen=True, slots=True)
class Page:
    """What a page yields: ``text`` is "" when it has no visible text at all."""

    text: str
    title: str = ""
    url: str = ""
    source: str = ""
    published: date | None = None


def read_page(data: bytes | str) -> Page:
    """Main text, title, canonical URL, site name and declared publication date of a page."""
    import trafilatura  # heavy import; only pay for it when a page is read

    document = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        favor_recall=True,
        include_comments=False,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    text = (getattr(document, "text", None) or "").strip()
    if not text:
        text = (trafilatura.html2txt(data) or "").strip()
    if document is None:
        return Page(text)
    return Page(
        text=text,
        title=_clean(getattr(document, "title", None)),
        url=_clean(getattr(document, "url", None)),
        source=_clean(getattr(document, "sitename", None)),
        published=_page_date(getattr(document, "date", None)),
    )


def _clean(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _page_date(value: object) -> date | None:
    try:
        return parse_date(value)
    except InputError:
        return None
