"""TimelineJS3 export: dates only as precise as known, escaped text, one slide per happening."""

from __future__ import annotations

import json
from typing import Any

import pytest

from dashboard.export.timelinejs import timelinejs
from extract.schema import from_records


def _row(event_id: str, start: str, end: str, precision: str, **extra: Any) -> dict[str, Any]:
    doc_id = event_id.split(":")[0]
    sentence = extra.pop("sentence", f"Something happened on {extra.get('timex', 'a day')}.")
    timex = extra.pop("timex", "a day")
    row = {
        "event_id": event_id,
        "doc_id": doc_id,
        "title": f"Title of {doc_id}",
        "source": f"source {doc_id}",
        "url": "",
        "published": "2024-06-20",
        "published_from": "metadata",
        "date_start": start,
        "date_end": end,
        "precision": precision,
        "timex": timex,
        "timex_value": start,
        "timex_start": 100 + sentence.find(timex),
        "timex_end": 100 + sentence.find(timex) + len(timex),
        "sentence": sentence,
        "sentence_start": 100,
        "label": f"label {event_id}",
        "actors": ["Mark Rutte"],
        "modality": "happened",
        "cluster_id": event_id,
        "conflict": False,
    }
    row.update(extra)
    return row


def _by_id(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {event["unique_id"]: event for event in doc["events"]}


def test_a_day_has_year_month_and_day_and_no_end_date() -> None:
    doc = timelinejs(from_records([_row("a:1", "2024-06-20", "2024-06-20", "day")]))
    event = doc["events"][0]
    assert event["start_date"] == {"year": 2024, "month": 6, "day": 20}
    assert "end_date" not in event
    assert event["display_date"] == "20 June 2024"


def test_a_month_is_never_a_fake_first_of_the_month() -> None:
    doc = timelinejs(from_records([_row("a:1", "2024-04-01", "2024-04-30", "month")]))
    event = doc["events"][0]
    assert "day" not in event["start_date"]
    assert event["start_date"]["month"] == 4
    assert "end_date" not in event
    assert event["display_date"] == "April 2024"


def test_a_year_has_only_a_year_and_a_decade_spans_its_years() -> None:
    frame = from_records([
        _row("a:1", "1949-01-01", "1949-12-31", "year"),
        _row("a:2", "2010-01-01", "2019-12-31", "decade"),
    ])
    events = _by_id(timelinejs(frame))
    assert events["a-1"]["start_date"] == {"year": 1949}
    assert "end_date" not in events["a-1"]
    assert events["a-2"]["start_date"]["year"] == 2010
    assert events["a-2"]["end_date"] == {"year": 2019}
    assert events["a-2"]["display_date"] == "the 2010s"


def test_a_week_keeps_its_first_and_last_day() -> None:
    doc = timelinejs(from_records([_row("a:1", "2024-06-17", "2024-06-23", "week")]))
    event = doc["events"][0]
    assert event["end_date"] == {"year": 2024, "month": 6, "day": 23}
    assert event["start_date"]["day"] == 17
    assert event["display_date"] == "week of 17 June 2024"


def test_expected_events_say_so_in_their_date() -> None:
    frame = from_records([_row("a:1", "2024-10-01", "2024-10-01", "day", modality="expected")])
    assert timelinejs(frame)["events"][0]["display_date"] == "1 October 2024 (expected)"


def test_article_text_is_escaped_because_timelinejs_renders_html() -> None:
    sentence = 'On June 20 <script>alert(1)</script><img src=x onerror="alert(2)"> happened.'
    row = _row("a:1", "2024-06-20", "2024-06-20", "day", sentence=sentence, timex="June 20",
               label="<b>bold</b>", actors=["<i>Mallory</i>"],
               url="javascript:alert(3)")
    event = timelinejs(from_records([row]))["events"][0]
    text = json.dumps(event)
    assert "<script>" not in text and "<img" not in text and "<i>" not in text
    assert "&lt;script&gt;" in event["text"]["text"]
    assert event["text"]["headline"] == "&lt;b&gt;bold&lt;/b&gt;"
    assert "javascript:" not in event["text"]["text"]


def test_the_date_expression_is_marked_in_the_sentence() -> None:
    row = _row("a:1", "2024-06-20", "2024-06-20", "day",
               sentence="Iohannis withdrew on Thursday.", timex="Thursday")
    body = timelinejs(from_records([row]))["events"][0]["text"]["text"]
    assert "Iohannis withdrew on <mark>Thursday</mark>." in body


def test_rows_of_one_happening_become_one_slide_naming_both_sources() -> None:
    frame = from_records([
        _row("a:1", "2024-10-01", "2024-10-01", "day", cluster_id="c1"),
        _row("b:7", "2024-10-01", "2024-10-01", "day", cluster_id="c1", conflict=True),
        _row("b:9", "1949-01-01", "1949-12-31", "year"),
    ])
    doc = timelinejs(frame)
    assert len(doc["events"]) == 2
    merged = next(e for e in doc["events"] if e["start_date"]["year"] == 2024)
    assert "Title of a" in merged["text"]["text"] and "Title of b" in merged["text"]["text"]
    assert "Sources:" in merged["text"]["text"]
    assert "disagree" in merged["text"]["text"]


def test_events_are_grouped_by_their_most_frequent_actor_or_by_source() -> None:
    frame = from_records([
        _row("a:1", "2024-06-20", "2024-06-20", "day", actors=["Klaus Iohannis", "Mark Rutte"]),
        _row("a:2", "2024-06-21", "2024-06-21", "day", actors=[]),
        _row("a:3", "2024-06-22", "2024-06-22", "day", actors=["Mark Rutte"]),
        _row("a:4", "2024-06-23", "2024-06-23", "day", actors=["Klaus Iohannis", "NATO"]),
        _row("a:5", "2024-06-24", "2024-06-24", "day", actors=["NATO", "Mark Rutte"]),
    ])
    by_actor = _by_id(timelinejs(frame))
    assert by_actor["a-1"]["group"] == "Mark Rutte"  # in 3 events, Iohannis in 2
    assert by_actor["a-4"]["group"] == "Klaus Iohannis"
    assert "group" not in by_actor["a-2"]
    by_source = _by_id(timelinejs(frame, group_by="source"))
    assert by_source["a-2"]["group"] == "source a"
    assert all("group" not in e for e in timelinejs(frame, group_by=None)["events"])
    with pytest.raises(ValueError, match="group_by"):
        timelinejs(frame, group_by="colour")


def test_undated_rows_are_left_out_but_counted_on_the_title_slide() -> None:
    frame = from_records([
        _row("a:1", "2024-06-20", "2024-06-20", "day"),
        _row("b:1", None, None, "day"),  # type: ignore[arg-type]
    ])
    doc = timelinejs(frame, title="NATO's next chief")
    assert len(doc["events"]) == 1
    assert doc["title"]["text"]["headline"] == "NATO&#x27;s next chief"
    assert "2 events from 2 articles" in doc["title"]["text"]["text"]


def test_the_document_is_plain_json_with_no_media() -> None:
    frame = from_records([_row("a:1", "2024-06-20", "2024-06-20", "day")])
    doc = json.loads(json.dumps(timelinejs(frame)))
    assert "media" not in doc["events"][0]
    assert doc["events"][0]["text"]["headline"] == "label a:1"


def test_an_empty_frame_gives_only_a_title_slide() -> None:
    doc = timelinejs(from_records([]))
    assert doc["events"] == []
    assert "0 events" in doc["title"]["text"]["text"]
