"""Coverage-guided fuzzing (atheris) of the date tagger and the article readers.

Each target checks the properties every input must keep, not just "no exception":
- tagger: spans in order, non-overlapping, ``text[start:end] == timex.text``, a valid TIMEX3
  type and value, and a calendar range (when there is one) that starts before it ends;
- readers: any bytes under any file name give articles or one-line problems, never an exception.

Long campaign:   .venv/bin/python benchmarks/fuzz.py tagger -max_total_time=600
Bounded (CI):    .venv/bin/python benchmarks/fuzz.py readers -runs=3000
libFuzzer's options follow the target name; crashes are written as ``crash-*`` files.
"""

from __future__ import annotations

import sys
from datetime import date

import atheris

with atheris.instrument_imports():
    from extract.article import Problem
    from extract.readers import read_bytes
    from extract.timex import TYPES, tag
    from extract.timex_grammar import is_valid_value

_SUFFIXES = (".txt", ".md", ".html", ".jsonl", ".htm", ".bin", "")


def _tagger(data: bytes) -> None:
    source = atheris.FuzzedDataProvider(data)
    ordinal = source.ConsumeIntInRange(date(1, 1, 1).toordinal(), date(9999, 12, 31).toordinal())
    published = date.fromordinal(ordinal) if source.ConsumeBool() else None
    text = source.ConsumeUnicodeNoSurrogates(source.remaining_bytes())
    previous_end = 0
    for timex in tag(text, published):
        assert previous_end <= timex.start < timex.end <= len(text), timex
        assert text[timex.start : timex.end] == timex.text, timex
        assert timex.type in TYPES, timex
        assert is_valid_value(timex.value), timex
        span = timex.range
        assert span is None or span.start <= span.end, timex
        previous_end = timex.end


def _readers(data: bytes) -> None:
    source = atheris.FuzzedDataProvider(data)
    suffix = _SUFFIXES[source.ConsumeIntInRange(0, len(_SUFFIXES) - 1)]
    problems: list[Problem] = []
    articles = read_bytes(f"fuzzed{suffix}", source.ConsumeBytes(source.remaining_bytes()),
                          on_problem=problems.append)
    for problem in problems:
        assert "\n" not in str(problem), problem
    for article in articles:
        assert article.text.strip(), article


TARGETS = {"tagger": _tagger, "readers": _readers}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: fuzz.py {{{'|'.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
