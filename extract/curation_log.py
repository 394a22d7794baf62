"""The curation log on disk: ``DIR/curations.jsonl``, one JSON record a line, append-only.

Why appends and not rewrites: a decision must never be lost or half-kept, by a crash or by two
people curating at once (waitress threads, or the CLI beside a running server). Each record is
written with a single ``os.write`` of the whole line to a file opened ``O_APPEND`` (the kernel
puts each such write at the end, whole, even with several writers), then ``fsync``-ed before the
caller hears it was kept. A process killed mid-write can at worst leave a last line without its
newline; ``read`` ignores such a torn tail, and the next ``append`` starts on a fresh line so the
torn bytes stay one unreadable line (reported, skipped) instead of spoiling a good record.

Beside the log, ``known-events.parquet`` holds every event a command using the folder has
shown (``remember``): ``dateline curate hide EVENT_ID`` checks the id and finds the event's
happening there, without extracting the articles again.

The clock is passed in (``extract.curation.Clock``): the time a decision was made is the one
place Dateline reads the wall clock, and tests give a fixed one.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from extract.article import Problem
from extract.curation import Clock, CurationError, Record, apply

FILE_NAME = "curations.jsonl"
KNOWN_NAME = "known-events.parquet"


def utc_now() -> datetime:
    """The real clock, for the CLI and the server (tests pass their own)."""
    return datetime.now(UTC).replace(microsecond=0)


class CurationLog:
    """Append and read ``folder/curations.jsonl``; ``folder=None`` keeps the log in memory
    (``dateline serve --no-data``)."""

    def __init__(
        self,
        folder: Path | None,
        clock: Clock = utc_now,
        on_problem: Callable[[Problem], None] | None = None,
    ):
        self.path = Path(folder) / FILE_NAME if folder is not None else None
        self.clock = clock
        self._on_problem = on_problem or (lambda problem: None)
        self._lock = threading.Lock()
        self._memory: list[Record] = []
        self._known: pd.DataFrame | None = None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)

    def append(self, record: Record) -> None:
        """Keep ``record``: on disk and synced when this returns."""
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        with self._lock:
            if self.path is None:
                self._memory.append(record)
                return
            fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                if _torn_tail(fd):
                    line = b"\n" + line
                written = os.write(fd, line)
                while written < len(line):  # a short write (disk full...) is finished or fails
                    written += os.write(fd, line[written:])
                os.fsync(fd)
            finally:
                os.close(fd)

    def read(self) -> list[Record]:
        """Every whole record, in the order written; a torn last line is ignored, a damaged line
        in the middle is reported (``on_problem``) and skipped."""
        if self.path is None:
            with self._lock:
                return list(self._memory)
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        lines = data.split(b"\n")
        lines.pop()  # after the last newline: "" or a torn record, never a whole one
        records = []
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
                if not isinstance(record, dict) or "op" not in record or "id" not in record:
                    raise ValueError("not a curation record")
            except (ValueError, UnicodeDecodeError) as error:
                reason = str(error).splitlines()[0] if str(error) else type(error).__name__
                self._on_problem(Problem(f"{self.path}:{number}", f"curation skipped: {reason}"))
                continue
            records.append(record)
        return records

    def stamp(self) -> tuple[int, int]:
        """Changes whenever the log does (size, mtime): a cheap "read again?" check."""
        if self.path is None:
            return (len(self._memory), 0)
        try:
            info = self.path.stat()
        except FileNotFoundError:
            return (0, 0)
        return (info.st_size, info.st_mtime_ns)



    def apply(self, events: pd.DataFrame, *, show_hidden: bool = False) -> pd.DataFrame:
        """``events`` as this folder's curations leave them (and remembered as known)."""
        self.remember(events)
        return apply(events, self.read(), show_hidden=show_hidden)

    def remember(self, events: pd.DataFrame) -> None:
        """Add ``events`` to the known events (a later extraction's rows win), atomically."""
        from extract import serialize

        with self._lock:
            if self.path is None:
                self._known = _union(self._known, events)
                return
            target = self.path.parent / KNOWN_NAME
            before = self._read_known(target)
            serialize.write(_union(before, events), target, "parquet")
            _remove_stale_parts(target)

    def known(self) -> pd.DataFrame:
        """The known events; ``CurationError`` when no command has shown any with this folder."""
        with self._lock:
            frame = self._known if self.path is None else self._read_known(
                self.path.parent / KNOWN_NAME)
        if frame is None or frame.empty:
            where = self.path.parent if self.path else "memory"
            raise CurationError(
                f"{where} knows no events yet: run `dateline extract PATHS --data {where}` (or "
                "serve or export with --data) first, so that event ids can be checked.")
        return frame

    def _read_known(self, target: Path) -> pd.DataFrame | None:
        from extract import serialize
        from extract.errors import InputError

        if not target.exists():
            return None
        try:
            return serialize.read(target)
        except InputError as error:  # damaged: forget it, the next extraction rebuilds it
            self._on_problem(Problem(str(target), f"known events skipped: {error}"))
            return None


def _union(before: pd.DataFrame | None, events: pd.DataFrame) -> pd.DataFrame:
    if before is None or before.empty:
        return events.reset_index(drop=True)
    kept = before[~before["event_id"].isin(events["event_id"])]
    if kept.empty:
        return events.reset_index(drop=True)
    from extract.schema import coerce

    return coerce(pd.concat([kept, events], ignore_index=True))


def _torn_tail(fd: int) -> bool:
    """True when the file does not end with a newline (a write was cut short)."""
    size = os.fstat(fd).st_size
    return size > 0 and os.pread(fd, 1, size - 1) != b"\n"


def _remove_stale_parts(target: Path, age_seconds: float = 3600) -> None:
    """Temp files of a write killed long ago (a fresh one may be another process's, in flight)."""
    import time

    for leftover in target.parent.glob(f".{target.name}.*.part"):
        try:
            if time.time() - leftover.stat().st_mtime > age_seconds:
                leftover.unlink()
        except OSError:
            pass
