"""The source panel: where a date came from, shown in the words of the article.

Why component trees and never raw HTML: article text is untrusted input. Every piece of it goes
into Dash as a plain string child of ``html.Mark``/``html.Span``, which React renders as text, so
``<script>`` or ``<img onerror=...>`` in an article is displayed, never run.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from dash import html

from dashboard.chart.marks import describe_date
from dashboard.ui.ids import OTHER_SOURCE
from extract.article import Article

_PUBLISHED_FROM = {
    "given": "(the date you gave)",
    "metadata": "(from the article's metadata)",
    "inferred": "(inferred from the text)",
    "unknown": "(unknown: only absolute dates are placed)",
}

_ANCHORED = {
    "published": "Counted from the publication date",
    "story": "Counted from the story's own time (the last date the text set)",
    "absolute": "The expression names its own date",
}


def build_panel(
    event: Mapping[str, Any], article: Article | None, others: pd.DataFrame
) -> list[Any]:
    """The panel for one event: heading, date, provenance, highlighted text, other sources."""
    title = (article.title if article else "") or str(event["title"]) or str(event["doc_id"])
    when = describe_date(
        pd.Timestamp(event["date_start"]).date(),
        pd.Timestamp(event["date_end"]).date(),
        str(event["precision"]),
    )
    children: list[Any] = [
        html.Div(className="panel-kicker", children=str(event["source"]) or "Unknown source"),
        html.H2(title, className="panel-title"),
        html.Div(
            className="panel-when",
            children=[
                html.Span(when, className="panel-date"),
                html.Span(
                    str(event["precision"]), className="badge rounded-pill text-bg-secondary"
                ),
                html.Span(
                    str(event["modality"]),
                    className=f"badge rounded-pill modality-{event['modality']}",
                ),
            ],
        ),
        html.Div(str(event["label"]), className="panel-label"),
    ]
    if event.get("actors"):
        children.append(
            html.Div(
                className="panel-actors",
                children=[html.Span(name, className="actor-chip") for name in event["actors"]],
            )
        )
    if bool(event.get("conflict")):
        children.append(
            html.Div(
                "⚠ The sources disagree on when this happened; compare them below.",
                className="alert alert-warning py-1 px-2 small mb-2",
            )
        )
    children.append(_provenance(event, article))
    children.append(_others(others))
    children.append(html.H3("In the article", className="panel-section"))
    children.append(_text_block(event, article))
    return children


def highlight(text: str, sentence: tuple[int, int], timex: tuple[int, int]) -> list[Any]:
    """``text`` as children: the sentence in a ``Mark``, the date expression in a ``Span`` inside.

    Offsets are Python string offsets; a date expression outside the sentence is marked alone.
    """
    s0, s1 = sentence
    t0, t1 = timex
    if not 0 <= s0 <= s1 <= len(text):
        s0, s1 = t0, t1
    if not s0 <= t0 <= t1 <= s1:
        t0 = t1 = s0  # nothing to mark inside the sentence
    inner = [
        piece
        for piece in (
            text[s0:t0],
            html.Span(text[t0:t1], className="timex", title="the date expression")
            if t1 > t0
            else "",
            text[t1:s1],
        )
        if not isinstance(piece, str) or piece
    ]
    return [
        piece
        for piece in (
            text[:s0],
            html.Mark(inner, id="event-sentence", className="event-sentence"),
            text[s1:],
        )
        if not isinstance(piece, str) or piece
    ]


def _text_block(event: Mapping[str, Any], article: Article | None) -> html.Div:
    sentence = str(event["sentence"])
    s0 = int(event["sentence_start"])
    t0, t1 = int(event["timex_start"]), int(event["timex_end"])
    if article is not None:
        text = article.text
        if text[s0 : s0 + len(sentence)] != sentence and sentence in text:
            shift = text.index(sentence) - s0
            s0, t0, t1 = s0 + shift, t0 + shift, t1 + shift
        if text[s0 : s0 + len(sentence)] == sentence:
            return html.Div(
                highlight(text, (s0, s0 + len(sentence)), (t0, t1)), **_ARTICLE_TEXT
            )
    note = (
        html.Div(
            "Only the sentence is shown: the full text is not available (the timeline was loaded "
            "from a saved events file).",
            className="panel-note",
        )
        if article is None
        else html.Div(
            "The article text has changed since extraction; showing the sentence only.",
            className="panel-note",
        )
    )
    local = highlight(sentence, (0, len(sentence)), (t0 - s0, t1 - s0))
    return html.Div([note, html.Div(local, **_ARTICLE_TEXT)])


# A scrolling box must take keyboard focus (to scroll it with the arrows) and say what it is.
_ARTICLE_TEXT: dict[str, Any] = {
    "className": "article-text",
    "tabIndex": 0,
    "role": "region",
    "aria-label": "Article text",
}


def _provenance(event: Mapping[str, Any], article: Article | None) -> html.Div:
    origin = str(event["published_from"])
    published = event["published"]
    date_text = (
        describe_date(pd.Timestamp(published).date(), pd.Timestamp(published).date(), "day")
        if not pd.isna(published)
        else "unknown date"
    )
    children: list[Any] = [
        html.Span(f"Published {date_text} ", className="me-1"),
        html.Span(_PUBLISHED_FROM.get(origin, origin), className=f"provenance-{origin}"),
    ]
    if (anchor := event.get("anchor")) in _ANCHORED:  # which reference the date used
        children.append(html.Div(_ANCHORED[str(anchor)], className="panel-anchor small"))
    evidence = article.evidence if article is not None else ()
    if origin == "inferred" and evidence:
        children.append(
            html.Div(
                className="panel-evidence",
                children=[
                    html.Span("Evidence: "),
                    *[html.Span(item, className="evidence-chip") for item in evidence],
                ],
            )
        )
    url = str(event.get("url") or "")
    if url.startswith(("http://", "https://")):
        children.append(
            html.Div(
                html.A("Open the original", href=url, target="_blank", rel="noopener noreferrer")
            )
        )
    return html.Div(children, className="panel-provenance")


def _others(others: pd.DataFrame) -> html.Div:
    """Other reports of the same happening, each a button that selects that report."""
    if others.empty:
        return html.Div()
    items = []
    for row in others.itertuples(index=False):
        when = describe_date(row.date_start.date(), row.date_end.date(), str(row.precision))
        items.append(
            html.Button(
                [
                    html.Strong(str(row.source) or str(row.title)),
                    f" · {when}",
                    html.Div(str(row.sentence), className="other-sentence"),
                ],
                id={"type": OTHER_SOURCE, "index": str(row.event_id)},
                className="list-group-item list-group-item-action other-source",
                n_clicks=0,
            )
        )
    return html.Div(
        [
            html.H3(
                f"Also reported by {len(items)} other source{'s' if len(items) > 1 else ''}",
                className="panel-section",
            ),
            html.Div(items, className="list-group mb-2"),
        ]
    )


def empty_panel() -> list[Any]:
    return [
        html.H2("Read the source", className="panel-title"),
        html.P(
            "Click an event on the timeline, or a row of the table, to read the sentence it "
            "came from, highlighted in its article.",
            className="text-body-secondary",
        ),
    ]
