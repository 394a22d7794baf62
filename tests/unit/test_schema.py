"""The events frame has one schema; frames round-trip through CSV, JSON and Parquet unchanged."""

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from extract import schema, serialize


def _row(**changes):
    row = {
        "event_id": "a:10", "doc_id": "a", "title": "T", "source": "S", "url": "",
        "published": date(2024, 6, 20), "published_from": "given",
        "date_start": date(2024, 4, 1), "date_end": date(2024, 4, 30), "precision": "month",
        "timex": "in April", "timex_value": "2024-04", "timex_start": 10, "timex_end": 18,
        "sentence": "Rutte visited Istanbul in April.", "sentence_start": 0,
        "label": "Rutte visited Istanbul", "actors": ["Mark Rutte"], "modality": "happened",
        "cluster_id": "c1", "conflict": False,
    }
    row.update(changes)
    return row


def test_a_frame_built_from_records_follows_the_schema():
    frame = schema.from_records([_row()])
    schema.validate(frame)
    assert frame.loc[0, "date_start"] == pd.Timestamp("2024-04-01")
    assert frame.loc[0, "precision"] == "month"


def test_an_empty_frame_follows_the_schema():
    empty = schema.empty_frame()
    schema.validate(empty)
    assert empty.empty
    assert list(empty.columns) == list(schema.from_records([_row()]).columns)


def test_dates_outside_the_nanosecond_range_do_not_overflow():
    frame = schema.from_records(
        [_row(date_start=date(1066, 10, 14), date_end="1066-10-14", precision="day")]
    )
    schema.validate(frame)
    assert str(frame.loc[0, "date_start"])[:10] == "1066-10-14"


def test_a_range_ending_before_it_starts_fails_validation():
    frame = schema.from_records([_row(date_start=date(2024, 5, 1), date_end=date(2024, 4, 1))])
    with pytest.raises(schema.SchemaError, match="end before they start"):
        schema.validate(frame)


def test_a_frame_missing_a_column_is_refused_with_its_name():
    with pytest.raises(schema.SchemaError, match="label"):
        schema.coerce(pd.DataFrame([_row()]).drop(columns=["label"]))


@pytest.mark.parametrize("suffix", ["csv", "json", "parquet"])
def test_a_frame_round_trips_through_every_format(tmp_path, suffix):
    frame = schema.from_records(
        [_row(), _row(event_id="b:3", actors=[], date_start=date(1066, 1, 1),
                      date_end=date(1066, 12, 31), precision="year", conflict=True)]
    )
    path = tmp_path / f"events.{suffix}"
    serialize.write(frame, path)
    back = serialize.read(path)
    pd.testing.assert_frame_equal(back, frame)


def test_json_records_carry_iso_dates_and_actor_lists():
    record = serialize.to_records(schema.from_records([_row()]))[0]
    assert record["date_start"] == "2024-04-01" and record["published"] == "2024-06-20"
    assert record["actors"] == ["Mark Rutte"] and record["timex_start"] == 10


def test_a_failed_write_leaves_no_file_behind(tmp_path):
    target = tmp_path / "events.csv"
    with pytest.raises(RuntimeError), serialize.atomic_path(target) as tmp:
        Path(tmp).write_text("half")
        raise RuntimeError("killed")
    assert list(tmp_path.iterdir()) == []
