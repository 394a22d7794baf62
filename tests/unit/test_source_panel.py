"""The source panel: the article's words, the sentence highlighted, nothing ever executed."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from dash import html

from dashboard.store.synthetic import seed_like_articles, seed_like_frame
from dashboard.ui.source_panel import build_panel, empty_panel, highlight


def walk(node: Any):  # type: ignore[no-untyped-def]
    """Every component and string in a tree, depth first."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, list | tuple):
        for child in node:
            yield from walk(child)
    elif node is not None:
        yield node
        yield from walk(getattr(node, "children", None))


def text_of(node: Any) -> str:
    return "".join(part for part in walk(node) if isinstance(part, str))


def find(node: Any, kind: type, class_name: str | None = None) -> list[Any]:
    return [
        c
        for c in walk(node)
        if isinstance(c, kind)
        and (class_name is None or class_name in (getattr(c, "className", "") or ""))
    ]


@pytest.fixture(scope="module")
def frame():  # type: ignore[no-untyped-def]
    return seed_like_frame()


def event(frame, label: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return frame[frame["label"] == label].iloc[0].to_dict()


def test_highlighting_keeps_every_character_of_the_text() -> None:
    text = "Before. Rutte visited Istanbul in April, it said. After."
    pieces = highlight(text, (8, 49), (31, 39))
    assert text_of(pieces) == text
    (mark,) = find(pieces, html.Mark)
    assert text_of(mark) == "Rutte visited Istanbul in April, it said."
    (timex,) = find(mark, html.Span, "timex")
    assert timex.children == "in April"


def test_the_panel_shows_the_full_article_with_the_sentence_marked(frame) -> None:  # type: ignore[no-untyped-def]
    row = event(frame, "Rutte visits Istanbul")
    article = seed_like_articles()["000"]
    panel = html.Div(build_panel(row, article, frame.iloc[0:0]))
    (text_block,) = find(panel, html.Div, "article-text")
    assert text_of(text_block) == article.text
    (mark,) = find(text_block, html.Mark)
    assert text_of(mark) == row["sentence"]
    assert find(mark, html.Span, "timex")[0].children == "in April"
    assert "Rutte clinches the race to lead NATO" in text_of(panel)


def test_script_and_img_tags_in_an_article_stay_text() -> None:
    text = "<script>alert(1)</script> On Monday <img src=x onerror=alert(2)> met."
    frame = seed_like_frame().head(1).copy()
    start = text.index("On Monday")
    frame.loc[0, ["sentence", "sentence_start", "timex_start", "timex_end"]] = (
        text[start:],
        start,
        start + 3,
        start + 9,
    )
    article = replace(seed_like_articles()["000"], text=text)
    panel = html.Div(build_panel(frame.iloc[0].to_dict(), article, frame.iloc[0:0]))
    assert "<script>alert(1)</script>" in text_of(panel)
    for component in walk(panel):
        if hasattr(component, "to_plotly_json"):
            props = component.to_plotly_json()["props"]
            assert "dangerously_allow_html" not in props
            assert not isinstance(component, html.Script | html.Img | html.Iframe)


def test_without_the_article_the_sentence_is_shown_with_a_note(frame) -> None:  # type: ignore[no-untyped-def]
    row = event(frame, "Rutte visits Istanbul")
    panel = html.Div(build_panel(row, None, frame.iloc[0:0]))
    assert "full text is not available" in text_of(panel)
    (mark,) = find(panel, html.Mark)
    assert text_of(mark) == row["sentence"]
    assert find(mark, html.Span, "timex")[0].children == "in April"


def test_offsets_that_drifted_are_repaired_by_finding_the_sentence(frame) -> None:  # type: ignore[no-untyped-def]
    row = event(frame, "Rutte visits Istanbul")
    article = seed_like_articles()["000"]
    moved = replace(article, text="A new first line.\n" + article.text)
    panel = html.Div(build_panel(row, moved, frame.iloc[0:0]))
    (mark,) = find(panel, html.Mark)
    assert find(mark, html.Span, "timex")[0].children == "in April"


def test_an_inferred_publication_date_shows_its_evidence(frame) -> None:  # type: ignore[no-untyped-def]
    row = event(frame, "Rutte writes to Orban")
    panel = html.Div(build_panel(row, seed_like_articles()["001"], frame.iloc[0:0]))
    assert "Published 20 June 2024 (inferred from the text)" in text_of(panel)
    assert [c.children for c in find(panel, html.Span, "evidence-chip")] == [
        "the June 18 letter",
        "on Tuesday",
    ]


def test_other_reports_of_the_same_happening_are_listed(frame) -> None:  # type: ignore[no-untyped-def]
    rows = frame[frame["cluster_id"] == "withdrawal"]
    first = rows.iloc[0].to_dict()
    panel = html.Div(build_panel(first, None, rows.iloc[1:]))
    assert "Also reported by 1 other source" in text_of(panel)
    (button,) = find(panel, html.Button, "other-source")
    assert button.id["index"] == rows.iloc[1]["event_id"]
    assert "seed 001" in text_of(button)


def test_the_empty_panel_says_what_to_do() -> None:
    assert "Click an event" in text_of(html.Div(empty_panel()))


@pytest.mark.parametrize(
    ("anchor", "line"),
    [
        ("story", "Counted from the story's own time (the last date the text set)"),
        ("published", "Counted from the publication date"),
        ("absolute", "The expression names its own date"),
    ],
)
def test_the_panel_says_what_a_date_was_counted_from(frame, anchor: str, line: str) -> None:  # type: ignore[no-untyped-def]
    row = {**event(frame, "Rutte writes to Orban"), "anchor": anchor}
    panel = html.Div(build_panel(row, None, frame.iloc[0:0]))
    assert [c.children for c in find(panel, html.Div, "panel-anchor")] == [line]


def test_an_event_saved_before_anchors_were_recorded_shows_no_anchor_line(frame) -> None:  # type: ignore[no-untyped-def]
    row = {**event(frame, "Rutte writes to Orban"), "anchor": float("nan")}
    panel = html.Div(build_panel(row, None, frame.iloc[0:0]))
    assert find(panel, html.Div, "panel-anchor") == []
