"""``DuckStore``: the ``EventStore`` questions as DuckDB queries over Parquet files, in place.

Why DuckDB over Parquet: a saved events set (one file, or the folder the Dask engine writes) is
already columnar on disk. DuckDB reads only the columns a query names (projection pushdown), skips
row groups by their min/max statistics, runs the filters vectorised on every core, and returns a
few hundred bin counts or the few thousand visible rows, so a million events never become a
million Python objects in a callback, and nothing but Parquet metadata sits in memory between
callbacks. The alternatives weighed: pandas with pyarrow filters (``read_parquet(filters=...)``)
cannot express "any of these actors" on a list column or group by month in the scan; SQLite
would need an import step and a second copy of the data; Polars' lazy scans would do, but DuckDB
is already our Parquet reader of choice and its SQL keeps each question one readable string.

One callback asks several questions of one filter state (how many, over which dates, counts per
bin or the visible rows, the table's first rows), and the zoom callbacks that follow ask them
again. So the first question about a filter state runs the filters once over Parquet and keeps
the matches, only the columns views need, as a table in DuckDB's memory (the last
``settings.DUCKDB_SELECTIONS`` states); every later question reads that table. A text search
over a million events then costs one scan per filter change, not one per question.

Each thread queries through its own cursor on one in-memory database (DuckDB connections are not
shared between threads). Rows added by uploads go to a small Parquet file in a temporary folder
that lives as long as the store; ``append`` returns a new store, so a running callback never sees
a half-updated one.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow.parquet as pq

from dashboard.store.filters import SEARCHED, FilterState, source_options
from dashboard.store.interface import SOURCE_COLUMNS, Extent, Window, typed
from extract import settings
from extract.errors import SchemaError
from extract.schema import ADDED_LATER, COLUMNS, coerce

# ``EventIndex`` searches the ``SEARCHED`` columns joined by " \n ". A search word holds no
# whitespace, so it can never span two of them: "in any one of them" is the same test, and lets
# DuckDB skip the join.
_SEARCHED = tuple(
    "lower(array_to_string(coalesce(actors, []), '; '))"
    if column == "actors"
    else f"lower(coalesce({column}, ''))"
    for column in SEARCHED
)
_TRUNC = {
    "D": "CAST(date_start AS DATE)",
    "W": "CAST(date_trunc('week', date_start) AS DATE)",  # ISO weeks: Mondays
    "M": "CAST(date_trunc('month', date_start) AS DATE)",
    "Y": "CAST(date_trunc('year', date_start) AS DATE)",
}
_DATED = "date_start IS NOT NULL AND date_end IS NOT NULL"
_UNVIEWED = ("sentence", "url", "timex_value", "timex_start", "timex_end", "sentence_start")
VIEW_COLUMNS = tuple(c for c in COLUMNS if c not in _UNVIEWED)  # what a selection keeps


def parquet_rows(files: Sequence[Path]) -> int:
    """Rows in the files, from their footers (nothing else is read)."""
    return sum(pq.ParquetFile(f).metadata.num_rows for f in files)


def where(
    state: FilterState,
    window: Window | None = None,
    *,
    dated: bool = False,
    longest: int | None = None,
) -> tuple[str, list[Any]]:
    """``FilterState`` (plus a visible window) as a SQL condition and its parameters; the same
    semantics as ``filters.apply_filters``, which the tests check on a table of states."""
    clauses: list[str] = []
    params: list[Any] = []

    def add(clause: str, *values: Any) -> None:
        clauses.append(clause)
        params.extend(values)

    if state.actors:
        add("list_has_any(actors, ?::VARCHAR[])", list(state.actors))
    if state.docs:
        add("list_contains(?::VARCHAR[], doc_id)", list(state.docs))
    if state.date_from is not None:
        add("date_end >= ?", _moment(state.date_from))
    if state.date_to is not None:
        add("date_start <= ?", _moment(state.date_to))
    if state.precisions:
        add("list_contains(?::VARCHAR[], precision)", list(state.precisions))
    if state.modalities:
        add("list_contains(?::VARCHAR[], modality)", list(state.modalities))
    for word in state.text.lower().split():
        add(
            "(" + " OR ".join(f"contains({field}, ?)" for field in _SEARCHED) + ")",
            *[word] * len(_SEARCHED),
        )
    if dated or window is not None or longest is not None:
        add(_DATED)
    if window is not None:
        add("date_end >= ? AND date_start <= ?", _moment(window[0]), _moment(window[1]))
    if longest is not None:
        add("date_diff('day', date_start, date_end) < ?", int(longest))
    return (" AND ".join(clauses) or "TRUE"), params


class DuckStore:
    """Events in Parquet files, queried in place with DuckDB."""

    def __init__(self, files: Sequence[Path], *, keep: tuple[Any, ...] = ()) -> None:
        self.files = [Path(f) for f in files]
        self._keep = keep  # temporary folders of appended rows, removed with the store
        self._db = duckdb.connect()
        listed = ", ".join(_literal(str(f)) for f in self.files)
        source = f"read_parquet([{listed}], union_by_name = true)"
        described = self._db.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
        present = {row[0] for row in described}
        absent = "".join(f", NULL::VARCHAR AS {c}" for c in ADDED_LATER if c not in present)
        self._db.execute(f"CREATE VIEW events AS SELECT *{absent} FROM {source}")
        missing = [c for c in COLUMNS if c not in present and c not in ADDED_LATER]
        if missing:
            raise SchemaError(f"the events files lack the column(s) {', '.join(missing)}")
        self._local = threading.local()
        self._rows = parquet_rows(self.files)
        self._cache: dict[tuple[Any, ...], Any] = {}
        self._lock = threading.Lock()
        self._selections: dict[FilterState, str] = {}
        self._made = 0

    def _query(self, sql: str, params: Sequence[Any] = ()) -> duckdb.DuckDBPyConnection:
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._local.cursor = self._db.cursor()
        return cursor.execute(sql, list(params))

    def _frame(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        return typed(self._query(sql, params).df())

    def _scope(
        self,
        state: FilterState,
        window: Window | None = None,
        *,
        dated: bool = False,
        columns: Sequence[str] | None = (),
        longest: int | None = None,
    ) -> tuple[str, str, list[Any]]:
        """(table, condition, parameters) answering ``state``: the Parquet view with every
        filter for an empty state or columns a selection lacks, else the state's selection."""
        wide = columns is None or not set(columns) <= set(VIEW_COLUMNS)
        if state.is_empty or wide:
            return ("events", *where(state, window, dated=dated, longest=longest))
        return (self._selection(state), *where(FilterState(), window, dated=dated, longest=longest))

    def _scoped(
        self,
        template: str,
        state: FilterState,
        window: Window | None = None,
        *,
        dated: bool = False,
        columns: Sequence[str] | None = (),
        longest: int | None = None,
    ) -> duckdb.DuckDBPyConnection:
        """Run ``template`` (with ``{table}`` and ``{where}``) for ``state``. A selection that
        another thread dropped in between (it made ``DUCKDB_SELECTIONS`` newer ones) is made
        again."""
        for attempt in (1, 2):
            table, sql, params = self._scope(
                state, window, dated=dated, columns=columns, longest=longest
            )
            query = template.replace("{table}", table).replace("{where}", sql)
            try:
                return self._query(query, params)
            except duckdb.CatalogException:
                if attempt == 2 or table == "events":
                    raise
        raise AssertionError("unreachable")

    def _selection(self, state: FilterState) -> str:
        with self._lock:
            name = self._selections.pop(state, None)
            if name is None:
                self._made += 1
                name = f"selection_{self._made}"
                sql, params = where(state)
                kept = ", ".join(f'"{c}"' for c in VIEW_COLUMNS)
                self._query(f"CREATE TABLE {name} AS SELECT {kept} FROM events WHERE {sql}", params)
            self._selections[state] = name  # most recent last
            while len(self._selections) > settings.DUCKDB_SELECTIONS:
                old = self._selections.pop(next(iter(self._selections)))
                self._query(f"DROP TABLE IF EXISTS {old}")
            return name

    def _cached(self, key: tuple[Any, ...], compute: Any) -> Any:
        """The last few answers that do not depend on the zoom (count, table rows)."""
        with self._lock:
            if key in self._cache:
                return self._cache[key]
        value = compute()
        with self._lock:
            while len(self._cache) >= 16:
                self._cache.pop(next(iter(self._cache)))
            self._cache[key] = value
        return value

    def __len__(self) -> int:
        return self._rows

    @property
    def empty(self) -> bool:
        return self._rows == 0

    def count(self, state: FilterState) -> int:
        def compute() -> int:
            found = self._scoped("SELECT count(*) FROM {table} WHERE {where}", state).fetchone()
            return int(found[0])  # type: ignore[index]

        return int(self._cached(("count", state), compute))

    def extent(
        self, state: FilterState, window: Window | None = None, *, longest: int | None = None
    ) -> Extent:
        n, first, last = self._scoped(
            "SELECT count(*), min(date_start), max(date_start) FROM {table} WHERE {where}",
            state,
            window,
            dated=True,
            longest=longest,
        ).fetchone()  # type: ignore[misc]
        return Extent(int(n), _day(first), _day(last)) if n else Extent(0)

    def rows(
        self,
        state: FilterState,
        columns: Sequence[str] | None = None,
        window: Window | None = None,
        *,
        limit: int | None = None,
        longest: int | None = None,
    ) -> pd.DataFrame:
        def compute() -> pd.DataFrame:
            chosen = ", ".join(f'"{c}"' for c in columns) if columns is not None else "*"
            query = f"SELECT {chosen} FROM {{table}} WHERE {{where}}"
            if limit is not None:
                query += f" ORDER BY date_start NULLS LAST, event_id LIMIT {int(limit)}"
            found = self._scoped(query, state, window, columns=columns, longest=longest)
            return typed(found.df())

        if limit is None or window is not None or longest is not None:
            return compute()
        key = ("rows", state, tuple(columns) if columns is not None else None, limit)
        return self._cached(key, compute).copy()  # type: ignore[no-any-return]

    def time_bins(
        self, state: FilterState, window: Window | None, unit: str, *, longest: int | None = None
    ) -> pd.DataFrame:
        counts = self._scoped(
            f"SELECT {_TRUNC[unit]} AS start, CAST(modality AS VARCHAR) AS modality, "
            "count(*) AS count FROM {table} WHERE {where} GROUP BY ALL ORDER BY start, modality",
            state,
            window,
            dated=True,
            longest=longest,
        ).df()
        counts["start"] = pd.to_datetime(counts["start"]).astype("datetime64[s]")
        counts["count"] = counts["count"].astype("int64")
        return counts

    def date_quantiles(self, state: FilterState, shares: Sequence[float]) -> list[date]:
        listed = ", ".join(repr(float(share)) for share in shares)  # must be constants
        found = self._scoped(
            f"SELECT quantile_disc(date_start, [{listed}]) FROM {{table}} WHERE {{where}}",
            state,
            dated=True,
        ).fetchone()
        return [] if found is None or found[0] is None else [_day(d) for d in found[0]]

    def event(self, event_id: str) -> dict[str, Any] | None:
        found = self._frame("SELECT * FROM events WHERE event_id = ? LIMIT 1", [event_id])
        return None if found.empty else coerce(found).iloc[0].to_dict()

    def cluster_others(self, event: dict[str, Any]) -> pd.DataFrame:
        return coerce(
            self._frame(
                "SELECT * FROM events WHERE cluster_id = ? AND event_id <> ?",
                [event["cluster_id"], event["event_id"]],
            )
        )

    def actor_counts(
        self, state: FilterState | None = None, window: Window | None = None
    ) -> list[tuple[str, int]]:
        found = self._scoped(
            "SELECT actor, count(*) AS n FROM (SELECT unnest(actors) AS actor FROM {table} "
            "WHERE {where}) WHERE actor IS NOT NULL GROUP BY actor ORDER BY n DESC, actor",
            state or FilterState(),
            window,
        ).fetchall()
        return [(str(a), int(n)) for a, n in found]

    def sources(self, state: FilterState, window: Window | None = None) -> pd.DataFrame:
        chosen = ", ".join(f'min("{c}") AS "{c}"' for c in SOURCE_COLUMNS[1:])
        return typed(
            self._scoped(
                f"SELECT doc_id, {chosen} FROM {{table}} WHERE {{where}} GROUP BY doc_id "
                "ORDER BY doc_id",
                state,
                window,
            ).df()
        )

    def source_options(self) -> list[tuple[str, str]]:
        docs = self._query(
            "SELECT doc_id, first(title) AS title, first(source) AS source FROM events "
            "WHERE doc_id IS NOT NULL GROUP BY doc_id"
        ).df()
        return source_options(docs.fillna(""))

    def precisions(self) -> set[str]:
        found = self._query("SELECT DISTINCT precision FROM events WHERE precision IS NOT NULL")
        return {str(p) for (p,) in found.fetchall()}

    def doc_ids(self) -> set[str]:
        found = self._query("SELECT DISTINCT doc_id FROM events WHERE doc_id IS NOT NULL")
        return {str(d) for (d,) in found.fetchall()}

    def date_bounds(self) -> tuple[date | None, date | None]:
        first, last = self._query(
            "SELECT min(date_start), max(date_end) FROM events WHERE date_start IS NOT NULL"
        ).fetchone()  # type: ignore[misc]
        return _day(first), _day(last)

    def published(self) -> date | None:
        found = self._query(
            "SELECT published, count(*) AS n FROM (SELECT DISTINCT doc_id, published FROM events"
            " WHERE published IS NOT NULL) GROUP BY published ORDER BY n DESC, published LIMIT 1"
        ).fetchone()
        return None if found is None else _day(found[0])

    def frame(self) -> pd.DataFrame:
        return coerce(self._frame("SELECT * FROM events"))

    def append(self, frame: pd.DataFrame) -> DuckStore:
        folder = tempfile.TemporaryDirectory(prefix="dateline-added-")
        path = Path(folder.name) / "added.parquet"
        coerce(frame).to_parquet(path, index=False)
        return DuckStore([*self.files, path], keep=(*self._keep, folder))


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _moment(value: date | datetime | pd.Timestamp) -> datetime:
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, datetime):
        return value
    return datetime(value.year, value.month, value.day)


def _day(value: Any) -> date | None:
    if value is None or pd.isna(value):
        return None
    return value.date() if isinstance(value, datetime) else pd.Timestamp(value).date()
