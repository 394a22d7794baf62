"""The events frame on disk and on the wire: CSV, JSON and Parquet, and back.

Why here and not in each consumer: the JSON shape (dates as ``YYYY-MM-DD``, ``actors`` a list)
is part of the contract with users' scripts, so one module writes it and one reads it back.
Writes to files are atomic (a temporary file renamed into place), so a killed run never leaves
a half-written file that looks complete.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from extract.errors import DatelineError, InputError, SchemaError
from extract.schema import COLUMNS, DATE_COLUMNS, coerce

# What a damaged or foreign file raises while parsed: malformed JSON or CSV, a Parquet file
# that is not one, a value that is no number or date (all ValueErrors), a column missing from
# a CSV (KeyError), text that is not UTF-8.
_MALFORMED = (ValueError, KeyError, UnicodeDecodeError)

FORMATS = ("csv", "json", "parquet")


def to_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """JSON-ready dicts: dates ``YYYY-MM-DD`` (None when unknown), actors a list, plain types."""
    out = frame.loc[:, list(COLUMNS)].copy()
    for column in DATE_COLUMNS:
        out[column] = _iso_dates(out[column])
    records = out.astype(object).where(out.notna(), None).to_dict(orient="records")
    for record in records:
        record["actors"] = list(record["actors"] or [])
        for key, value in record.items():
            if isinstance(value, np.integer):
                record[key] = int(value)
            elif isinstance(value, np.bool_):
                record[key] = bool(value)
    return records


def to_json(frame: pd.DataFrame) -> str:
    return json.dumps(to_records(frame), ensure_ascii=False, indent=1)


def to_csv(frame: pd.DataFrame) -> str:
    """CSV with ``actors`` joined by "; " (``schema.coerce`` splits them back), every text cell
    passed through ``neutralise``: the one CSV writer, behind ``dateline extract --format
    csv``, ``dateline export -o x.csv`` and the dashboard's CSV download."""
    out = frame.loc[:, list(COLUMNS)].copy()
    for column in DATE_COLUMNS:
        out[column] = _iso_dates(out[column])
    out["actors"] = ["; ".join(actors) for actors in out["actors"]]
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = [neutralise(v) if isinstance(v, str) else v for v in out[column]]
    return out.to_csv(index=False)


_FORMULA = re.compile(r"'*[=+\-@\t\r]")


def neutralise(cell: str) -> str:
    """A text cell a spreadsheet will show as text: one that would start a formula (``=``,
    ``+``, ``-``, ``@``, tab, carriage return, as OWASP lists them) gets a leading ``'``.

    Why: titles, sources and sentences come from whoever wrote the article, and
    ``=HYPERLINK(...)`` or ``+cmd|...`` in a cell runs when the CSV is opened. A cell that
    already starts with quotes before such a character gets one more, so ``restore`` can undo
    exactly one and reading the CSV back gives the text as it was.

    >>> neutralise("=1+2"), neutralise("'=1"), neutralise("EU summit")
    ("'=1+2", "''=1", 'EU summit')
    """
    return "'" + cell if _FORMULA.match(cell) else cell


def restore(cell: str) -> str:
    """The text ``neutralise`` was given."""
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell, 1) else cell


def write(frame: pd.DataFrame, path: str | Path, fmt: str | None = None) -> None:
    """Write ``frame`` to ``path`` atomically, in the format its extension names."""
    target = Path(path)
    fmt = fmt or format_of(target)
    if fmt == "parquet":
        with atomic_path(target) as tmp:
            frame.to_parquet(tmp, index=False)
        return
    text = to_json(frame) if fmt == "json" else to_csv(frame)
    with atomic_path(target) as tmp:
        Path(tmp).write_text(text, encoding="utf-8")


def read(path: str | Path) -> pd.DataFrame:
    """Read a saved events file (.parquet, .json, .csv, or a Parquet folder) into a typed frame.

    Raises ``InputError`` (``SchemaError`` for missing columns) naming the file and why when it
    cannot be read as events."""
    source = Path(path)
    try:
        return _read(source)
    except SchemaError as error:
        raise SchemaError(f"{source}: {error}") from error
    except DatelineError:
        raise
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        raise InputError(f"{source}: cannot be read ({reason}).") from error
    except _MALFORMED as error:
        raise InputError(f"{source}: not a readable events file ({_first_line(error)}).") from error


def parquet_files(path: Path) -> list[Path]:
    """The events' Parquet files: ``path`` itself, or the .parquet files under a folder (the
    Dask engine's parts, or any dataset), hidden and ``_`` files skipped (staging, metadata).
    The one rule, whether the folder is read into memory or queried in place."""
    if path.is_file():
        return [path]
    files = sorted(
        p for p in path.rglob("*.parquet") if not p.name.startswith((".", "_")) and p.is_file()
    )
    if not files:
        raise InputError(f"{path}: the folder holds no .parquet files.")
    return files


def _read(source: Path) -> pd.DataFrame:
    if source.is_dir():
        parts = parquet_files(source)
        return coerce(pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True))
    fmt = format_of(source)
    if fmt == "parquet":
        frame = pd.read_parquet(source)
    elif fmt == "json":
        records = json.loads(source.read_text(encoding="utf-8"))
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise InputError(f"{source}: expected a JSON list of events (objects).")
        keys = set().union(*records) if records else set(COLUMNS)
        coerce(pd.DataFrame(columns=list(keys)))  # a SchemaError naming missing columns, if any
        frame = pd.DataFrame(records, columns=list(COLUMNS))
    else:
        frame = pd.read_csv(source, dtype=str, keep_default_na=False).map(restore)
        coerce(frame.head(0))  # a SchemaError naming the missing columns, if any
        for column in ("timex_start", "timex_end", "sentence_start"):
            frame[column] = pd.to_numeric(frame[column])
        frame["conflict"] = frame["conflict"].str.lower().eq("true")
    return coerce(frame)


def format_of(path: Path) -> str:
    """The events format a file name asks for; ``InputError`` for any other extension."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise InputError(f"{path.name}: unknown events format; use .csv, .json or .parquet.")
    return suffix


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:200]


@contextmanager
def atomic_path(target: Path) -> Iterator[str]:
    """Yield a temporary path beside ``target``; rename it over ``target`` only on success."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_stream(text: str, stream: IO[str]) -> None:
    stream.write(text)
    if not text.endswith("\n"):
        stream.write("\n")


def _iso_dates(values: pd.Series) -> list[str | None]:
    return [None if pd.isna(v) else str(np.datetime64(v, "D")) for v in values]
