"""Counting work instead of timing it: how many lines of Dateline's own code a call runs.

Why: a test that asserts "under 10 seconds" fails on a busy machine and passes a quadratic loop
on a fast one. The number of Python lines executed in ``extract/`` (each loop iteration counts,
comprehensions included) does not depend on the machine, so a test can say "doubling the input
at most doubles the work" or "this work does not grow with the input" exactly. Work done inside C
(a regex scan, ``bytes.decode``) is not counted: pair a count with the property that keeps such
calls bounded when it matters.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXTRACT = str(ROOT / "extract")


@dataclass
class Count:
    lines: int = 0
    files: Counter[str] = field(default_factory=Counter)  # lines per file, when asked for


class _OverBudget(BaseException):
    """Raised inside the traced code (a BaseException: no ``except Exception`` swallows it)."""


@contextmanager
def lines_run(
    folder: str = EXTRACT, limit: int | None = None, by_file: bool = False
) -> Iterator[Count]:
    """Count the Python lines executed in files under ``folder`` while the block runs (this
    thread only), and with ``by_file`` how many in each file (``Count.files``). Past ``limit``
    lines the block is stopped and the test fails at once, so a regression to quadratic work
    fails fast instead of running for minutes."""
    count = Count()

    def local(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        if event == "line":
            count.lines += 1
            if by_file:
                count.files[frame.f_code.co_filename] += 1
            if limit is not None and count.lines > limit:
                raise _OverBudget
        return local

    def tracer(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        return local if frame.f_code.co_filename.startswith(folder) else None

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        yield count
    except _OverBudget:
        raise AssertionError(f"stopped after {limit:,} lines of work, more than expected") from None
    finally:
        sys.settrace(previous)


def work(
    function: Callable[..., Any], *args: Any, limit: int | None = None, **kwargs: Any
) -> tuple[Any, int]:
    """``function(*args, **kwargs)`` and the number of lines of ``extract/`` it ran (stopped,
    failing the test, past ``limit``)."""
    with lines_run(limit=limit) as count:
        result = function(*args, **kwargs)
    return result, count.lines


class Counted:
    """Wraps a function of ``module``, counting its calls and the characters of its first
    argument when that is text."""

    def __init__(self, monkeypatch, module, name):  # noqa: ANN001
        self.calls = 0
        self.chars = 0
        self._wrapped = getattr(module, name)
        monkeypatch.setattr(module, name, self)

    def __call__(self, *args, **kwargs):  # noqa: ANN002, ANN003
        self.calls += 1
        if args and isinstance(args[0], str):
            self.chars += len(args[0])
        return self._wrapped(*args, **kwargs)
