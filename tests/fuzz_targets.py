"""Coverage-guided fuzzing (atheris) of the date tagger and the article readers.

Each target checks the properties every input must keep, not just "no exception":
- tagger: spans in order, non-overlapping, ``text[start:end] == timex.text``, a valid TIMEX3
  type and value, and a calendar range (when there is one) that starts before it ends;
- readers: any bytes under any file name give articles or one-line problems, never an exception.

Long campaign:   .venv/bin/python tests/fuzz_targets.py tagger -max_total_time=600
Bounded (CI):    .venv/bin/python tests/fuzz_targets.py readers -runs=3000
libFuzzer's options follow the target name; crashes are written as ``crash-*`` files.
``tests/system/test_fuzz.py`` runs a bounded campaign of each target.
"""

from __future__ import annotations

import sys
from datetime import date

import atheris

with atheris.instrument_imports(include=["extract"]):
    from extract.article import Problem
    from extract.read.readers import read_bytes
    from extract.timex.tagger import TYPES, is_valid_value, tag

_SUFFIXES = (".txt", ".md", ".html", ".jsonl", ".htm", ".bin", "")
# Regexes run in C, invisible to coverage: the fuzzer composes text from the words dates are made
# of (and raw characters), so it can reach the tagger's Python-level rules.
_WORDS = (  # noqa: SIM905 (a sentence of words reads better than a list)
    "the last next this ago earlier later early late mid on in since by of a an two 14 57 1979 "
    "1066 99999 2024 February 30, 2023 May March Thursday Tuesday week weeks month year years "
    "quarter third-quarter fourth 1990s '90s century now today yesterday tomorrow recently soon "
    "daily every each almost more than 10:35 a.m. p.m. noon 44 BC four-year 32-nation $3 U2 F-16 "
    ". , ; - / 6/18/2024 2024-06-18 Q3 fiscal half summer night morning nineteen ninety-six "
    "Sept. 31 00 0 1/2 will said would expected ended following day before after season spring "
    "winter decade 1980s mid-1990s first second weekend hours minutes tonight overnight"
).split()


def _tagger(data: bytes) -> None:
    source = atheris.FuzzedDataProvider(data)
    ordinal = source.ConsumeIntInRange(date(1, 1, 1).toordinal(), date(9999, 12, 31).toordinal())
    published = date.fromordinal(ordinal) if source.ConsumeBool() else None
    pieces = []
    while source.remaining_bytes():
        choice = source.ConsumeIntInRange(0, len(_WORDS) + 3)
        if choice < len(_WORDS):
            pieces.append(_WORDS[choice])
        else:
            pieces.append(source.ConsumeUnicodeNoSurrogates(choice - len(_WORDS) + 1))
    text = " ".join(pieces)
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
        sys.exit(f"usage: fuzz_targets.py {{{'|'.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
