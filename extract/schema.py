"""The events frame: the one data model every part of Dateline shares.

Extraction produces it, the dashboard, the exports and the CLI only consume it. Nothing else
invents columns or vocabularies; import them from here.

One row is one dated mention that anchors a happening. Dates are kept as inclusive ranges with a
precision, so "April 2024" is 2024-04-01..2024-04-30 at month precision and never a fake point on
the 1st. Dates are stored as ``datetime64[s]`` (not pandas' default nanoseconds) so that 1066 or
year 9999 never overflow.

=================  ===============  =============================================================
column             dtype            meaning
=================  ===============  =============================================================
event_id           string           stable id: ``{doc_id}:{timex_start}``
doc_id             string           file stem or the JSONL ``id``
title              string           article title ("" when unknown)
source             string           publisher or feed ("" when unknown)
url                string           article URL ("" when unknown)
published          datetime64[s]    publication date of the article (NaT when unknown)
published_from     category         how we know it: one of ``PUBLISHED_FROM``
date_start         datetime64[s]    first day the expression covers (inclusive)
date_end           datetime64[s]    last day the expression covers (inclusive)
precision          category         one of ``PRECISIONS`` (ordered, finest first)
timex              string           the date expression as written ("last July")
timex_value        string           its TIMEX3 value ("2023-07")
anchor             category         what the value was counted from: one of ``ANCHORS``
timex_start        int64            character offset of the expression in the article text
timex_end          int64            end offset (exclusive)
sentence           string           the sentence the expression is in
sentence_start     int64            character offset of that sentence in the article text
label              string           short description of what happened, taken from the sentence
actors             object           list[str] of canonical actor names
modality           category         one of ``MODALITIES``
cluster_id         string           rows reporting the same happening share it
conflict           bool             True when rows of one cluster disagree on the date
=================  ===============  =============================================================

``event_id`` is stable: it is the article's ``doc_id`` and the character offset where the date
expression starts in the article's text, never a row number, so extracting the same text again
(with this extractor or a newer one) gives the same ids, whatever the number of workers or the
clustering. ``cluster_id`` is *not* stable (a newer extractor may merge reports differently);
curations (``extract.curation``) attach to ``event_id`` for that reason, and remember each
expression's span so that a tagger that moves an expression's start ("last July" where it found
"July") still finds it. ``doc_id`` is the file stem (the JSONL ``id``, else ``{stem}:{line}``;
a second file with the same stem gets ``-2``, in reading order); an article added in the
browser keeps the ``doc_id`` it was given when added (stored with it in the data folder,
``dashboard.store.data_folder``), so its events keep their ids across restarts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from extract.errors import SchemaError  # noqa: F401  (raised here)

PRECISIONS: tuple[str, ...] = (
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "year",
    "decade",
    "century",
)
"""Finest first; ``PRECISIONS.index(p)`` orders them."""

MODALITIES: tuple[str, ...] = ("happened", "expected", "hypothetical")
"""``happened``: reported as fact; ``expected``: planned, scheduled or predicted;
``hypothetical``: conditional or speculative ("if elected, he would...")."""

PUBLISHED_FROM: tuple[str, ...] = ("given", "metadata", "inferred", "unknown")
"""``given``: the user said so (``--published``); ``metadata``: front matter, a JSONL field, a
sidecar ``metadata.json`` or the HTML page; ``inferred``: reasoned from the text;
``unknown``: nothing to go on, so only absolute dates are placed."""

ANCHORS: tuple[str, ...] = ("published", "story", "absolute")
"""``published``: a relative date counted from the publication date ("last July" in news);
``story``: counted from the story's current time, the last date the text set ("In April" after
"March 1917", "two days later"); ``absolute``: the expression names its own year ("March 1917").
Decided by the tagger's reference-time model (``extract.timex.story``); empty in frames saved
before the column existed."""

DATE_COLUMNS: tuple[str, ...] = ("published", "date_start", "date_end")

DTYPES: dict[str, Any] = {
    "event_id": "string",
    "doc_id": "string",
    "title": "string",
    "source": "string",
    "url": "string",
    "published": "datetime64[s]",
    "published_from": pd.CategoricalDtype(list(PUBLISHED_FROM)),
    "date_start": "datetime64[s]",
    "date_end": "datetime64[s]",
    "precision": pd.CategoricalDtype(list(PRECISIONS), ordered=True),
    "timex": "string",
    "timex_value": "string",
    "anchor": pd.CategoricalDtype(list(ANCHORS)),
    "timex_start": "int64",
    "timex_end": "int64",
    "sentence": "string",
    "sentence_start": "int64",
    "label": "string",
    "actors": "object",
    "modality": pd.CategoricalDtype(list(MODALITIES)),
    "cluster_id": "string",
    "conflict": "bool",
}

COLUMNS: tuple[str, ...] = tuple(DTYPES)

ADDED_LATER: tuple[str, ...] = ("anchor",)
"""Columns newer than some saved files: a file without one still loads, the column empty
(unknown), in the pandas frame and the DuckDB view alike."""


def empty_frame() -> pd.DataFrame:
    """An events frame with no rows and every column typed."""
    return from_records([])


def from_records(records: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Build a typed events frame from dicts holding (at least) every column.

    Dates may be ``datetime.date``, ISO strings or timestamps; ``actors`` any iterable of names.
    """
    rows = list(records)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return coerce(frame)


def coerce(frame: pd.DataFrame) -> pd.DataFrame:
    """Give a frame with the schema's columns the schema's dtypes (e.g. after reading CSV/JSON)."""
    absent = {c: pd.NA for c in ADDED_LATER if c not in frame.columns}
    if absent:  # saved before the column existed: not known
        frame = frame.assign(**absent)
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise SchemaError(f"the events frame lacks the column(s) {', '.join(missing)}")
    out = frame.loc[:, list(COLUMNS)].copy()
    for column in DATE_COLUMNS:
        out[column] = _to_seconds(out[column])
    out["actors"] = pd.Series(
        [_as_actor_list(value) for value in out["actors"]], index=out.index, dtype=object
    )
    out["conflict"] = out["conflict"].fillna(False).astype(bool)
    for column, dtype in DTYPES.items():
        if column in DATE_COLUMNS or column in ("actors", "conflict"):
            continue
        if dtype == "string":
            out[column] = out[column].astype("string").fillna("")
        elif isinstance(dtype, pd.CategoricalDtype):  # CSV writes an unknown category as ""
            out[column] = out[column].replace("", pd.NA).astype(dtype)
        else:
            out[column] = out[column].astype(dtype)
    return out.reset_index(drop=True)


def validate(frame: pd.DataFrame) -> None:
    """Raise SchemaError unless the frame follows the schema and its ranges are ordered."""
    if tuple(frame.columns) != COLUMNS:
        raise SchemaError(f"columns {list(frame.columns)} differ from the schema's {list(COLUMNS)}")
    for column, dtype in DTYPES.items():
        if str(frame[column].dtype) != str(pd.Series([], dtype=dtype).dtype):
            raise SchemaError(f"column {column} has dtype {frame[column].dtype}, not {dtype}")
    bad = frame["date_start"] > frame["date_end"]
    if bool(bad.any()):
        raise SchemaError(f"{int(bad.sum())} row(s) end before they start")


def _to_seconds(values: pd.Series) -> pd.Series:
    """Dates to ``datetime64[s]``; strings go through numpy so years 1066 or 9999 survive."""
    if str(values.dtype) == "datetime64[s]":
        return values
    converted = []
    for value in values:
        if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
            converted.append(None)
        elif isinstance(value, str):
            converted.append(value[:10] if value else None)
        elif hasattr(value, "isoformat"):
            converted.append(value.isoformat()[:10])
        else:
            converted.append(str(value)[:10])
    import numpy as np

    array = np.array(
        [np.datetime64(v, "s") if v else np.datetime64("NaT", "s") for v in converted],
        dtype="datetime64[s]",
    )
    return pd.Series(array, index=values.index, dtype="datetime64[s]")


def _as_actor_list(value: Any) -> list[str]:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    if isinstance(value, str):
        # CSV stores actors joined by "; "
        return [part.strip() for part in value.split(";") if part.strip()]
    return [str(v) for v in value]
