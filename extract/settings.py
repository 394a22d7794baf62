"""Every limit and default Dateline has, in one table: name, default, and what it is for.

Why one table (after datasette's ``SETTINGS``): the CLI's ``--help``, the README and the code
read the same number, so a threshold cannot differ between the dashboard, the exporter and the
runner. It lives in ``extract`` because the dashboard depends on ``extract`` and never the other
way round. Values are plain module constants, passed into functions as defaults; nothing here
reads the environment or changes at run time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS: dict[str, Setting] = {}


def _define(name: str, default, help: str):  # type: ignore[no-untyped-def]
    SETTINGS[name] = Setting(name, default, help)
    return default


# --- extraction at corpus scale -----------------------------------------------------------------
CHUNK_SIZE: int = _define(
    "CHUNK_SIZE", 256,
    "Articles per chunk a worker extracts at once; chunk boundaries depend only on the input.")
ARTICLE_BUDGET: int = _define(
    "ARTICLE_BUDGET", 1_000_000,
    "Characters of one article that are extracted (the per-article work budget): extraction "
    "costs at most a small fixed amount per character, even on a text of nothing but dates, so "
    "this bounds the work one article can cause (about 10 s on one core). A longer article is "
    "cut at a space before it, said on stderr and in the upload answer, and the rest kept.")
DATASET_ROWS_PER_FILE: int = _define(
    "DATASET_ROWS_PER_FILE", 50_000,
    "Events per Parquet file in the folder the Dask engine writes.")


def default_workers() -> int:
    """Worker processes when none is asked for: every core this process may run on."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


# --- the dashboard's store and chart ------------------------------------------------------------
LARGE_SET: int = _define(
    "LARGE_SET", 20_000,
    "Saved Parquet sets with more events than this are queried in place with DuckDB.")
DUCKDB_SELECTIONS: int = _define(
    "DUCKDB_SELECTIONS", 4,
    "Filter states whose matching rows the DuckDB store keeps in memory.")
LABEL_LIMIT: int = _define(
    "LABEL_LIMIT", 300, "Up to this many marks the chart is SVG with every mark labelled.")
WEBGL_LIMIT: int = _define(
    "WEBGL_LIMIT", 15_000,
    "Up to this many marks the chart draws them unlabelled with WebGL (Scattergl); beyond, "
    "it shows counts per day, week, month or year.")
TABLE_LIMIT: int = _define(
    "TABLE_LIMIT", 2_000, "Rows sent to the events table; the chart always shows every match.")

# --- exports -------------------------------------------------------------------------------------
EXPORT_WIDTH: int = _define(
    "EXPORT_WIDTH", 1400, "Width of an exported image in CSS pixels when none is asked for.")
EXPORT_HEIGHT: int = _define(
    "EXPORT_HEIGHT", 600, "Height of an exported image in CSS pixels when none is asked for.")
EXPORT_MIN_WIDTH: int = _define(
    "EXPORT_MIN_WIDTH", 1000, "Narrowest exported image in CSS pixels (labels stay legible).")
EXPORT_MIN_HEIGHT: int = _define(
    "EXPORT_MIN_HEIGHT", 400, "Lowest exported image in CSS pixels (labels stay legible).")
EXPORT_TIMEOUT: float = _define(
    "EXPORT_TIMEOUT", 60.0, "Seconds Chromium may take to start or render one image.")

# --- uploads --------------------------------------------------------------------------------------
MAX_UPLOAD_FILES: int = _define("MAX_UPLOAD_FILES", 20, "Files in one upload.")
MAX_UPLOAD_FILE_BYTES: int = _define(
    "MAX_UPLOAD_FILE_BYTES", 5 * 1024 * 1024, "Bytes in one uploaded file.")
MAX_UPLOAD_BYTES: int = _define(
    "MAX_UPLOAD_BYTES", 20 * 1024 * 1024, "Bytes in one upload, all files together.")
MAX_PASTE_CHARS: int = _define("MAX_PASTE_CHARS", 500_000, "Characters in one pasted article.")
MAX_UPLOAD_NAME_CHARS: int = _define(
    "MAX_UPLOAD_NAME_CHARS", 120, "Characters of an uploaded file's name that are kept.")
MAX_REQUEST_BYTES: int = _define(
    "MAX_REQUEST_BYTES", 64 * 1024 * 1024,
    "Largest request body the server reads; an upload arrives base64-encoded (4/3) in one "
    "JSON body, and anything larger is refused unread (HTTP 413).")

MAX_CALLBACK_BYTES: int = _define(
    "MAX_CALLBACK_BYTES", 1024 * 1024,
    "Largest request body of any callback but the upload (filters, zoom, clicks): a larger one "
    "is refused unparsed (HTTP 413), so nobody makes the server parse megabytes of JSON.")
MAX_CHOSEN: int = _define(
    "MAX_CHOSEN", 500,
    "Values one filter list (actors, articles, precisions) may hold in a callback; the rest "
    "are dropped.")

# --- serving --------------------------------------------------------------------------------------
THROTTLE_FAILURES: int = _define(
    "THROTTLE_FAILURES", 10,
    "Failed logins from one client within a minute after which it is refused (HTTP 429) for "
    "a minute.")
HOST: str = _define(
    "HOST", "127.0.0.1", "Address to listen on; anything but loopback needs a password.")
PORT: int = _define("PORT", 8050, "Port to listen on (0: any free port).")
SERVE_THREADS: int = _define("SERVE_THREADS", 8, "Requests served at once (waitress threads).")

assert MAX_REQUEST_BYTES > MAX_UPLOAD_BYTES * 4 // 3, "an upload at the limit must fit a request"
