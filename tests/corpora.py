"""Samples of the shared corpora for tests; a test skips, saying why, when shared/ is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"


def reuters_sample(folder: Path, count: int) -> Path:
    """The first ``count`` Reuters stories as a JSONL file in ``folder``."""
    if not REUTERS.exists():
        pytest.skip(f"{REUTERS} is not here (it comes with shared/)")
    out = folder / "stories.jsonl"
    with REUTERS.open(encoding="utf-8") as lines, out.open("w", encoding="utf-8") as sink:
        for number, line in enumerate(lines):
            if number == count:
                break
            sink.write(line)
    return out


def fail_on_problem(problem: object) -> None:
    raise AssertionError(f"unexpected problem: {problem}")
