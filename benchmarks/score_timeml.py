"""Score the date tagger on the TimeML corpora (TempEval-3 definitions) beside HeidelTime.

Usage: .venv/bin/python benchmarks/score_timeml.py [--errors KIND] [--corpus NAME]
Prints strict / relaxed / value / type F1 for TimeBank, AQUAINT, WikiWars-dev and Tweets-dev,
with HeidelTime's reference numbers (README of ../shared; its best mode on the dev sets) beside
ours. ``--errors missed|spurious|value|extent``
dumps the errors of that kind with context, to study them by category.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extract.timeml.corpus import read_corpus  # noqa: E402
from extract.timeml.evaluate import Errors, score_documents  # noqa: E402

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "timeml"
HEIDELTIME = {
    "TimeBank": {"strict": 85.34, "relaxed": 91.94, "value": 79.56, "type": 89.66},
    "AQUAINT": {"strict": 81.34, "relaxed": 92.52, "value": 73.09, "type": 84.44},
    # the dev sets outside newswire, HeidelTime in its best mode for each (it must be told the
    # document type: narratives for WikiWars, colloquial for the tweets); Dateline is not told
    "WikiWars-dev": {"strict": 87.47, "relaxed": 93.32, "value": 84.83, "type": 91.48},
    "Tweets-dev": {"strict": 71.79, "relaxed": 79.61, "value": 69.84, "type": 74.92},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(HEIDELTIME), action="append")
    parser.add_argument("--errors", choices=["missed", "spurious", "value", "extent"])
    args = parser.parse_args()
    print(f"{'corpus':12} {'measure':8} {'P':>6} {'R':>6} {'F1':>6}   HeidelTime F1")
    for name in args.corpus or sorted(HEIDELTIME, reverse=True):
        documents = read_corpus(CORPORA / name)
        texts = {d.doc_id: d.text for d in documents}
        errors = Errors()
        began = time.perf_counter()
        counts = score_documents(documents, errors=errors)
        seconds = time.perf_counter() - began
        for measure, s in counts.scores().items():
            ref = HEIDELTIME[name][measure]
            print(
                f"{name:12} {measure:8} {s['precision']:6.1f} {s['recall']:6.1f} {s['f1']:6.1f}"
                f"   {ref:5.1f} ({s['f1'] - ref:+.1f})"
            )
        chars = sum(len(t) for t in texts.values())
        print(
            f"{name:12} gold {counts.gold}, system {counts.system}, "
            f"{chars / seconds:,.0f} chars/s\n"
        )
        if args.errors:
            _dump(args.errors, errors, texts)


def _dump(kind: str, errors: Errors, texts: dict[str, str]) -> None:
    def around(doc: str, start: int, end: int) -> str:
        text = texts[doc]
        return (
            text[max(0, start - 60) : start] + "[" + text[start:end] + "]" + text[end : end + 40]
        ).replace("\n", " ")

    if kind == "missed":
        for doc, g in errors.missed:
            print(f"MISS {g.type:8} {g.value:14} {around(doc, g.start, g.end)}")
    elif kind == "spurious":
        for doc, s in errors.spurious:
            print(f"SPUR {s.type:8} {s.value:14} {around(doc, s.start, s.end)}")
    else:
        pairs = errors.wrong_value if kind == "value" else errors.wrong_extent
        for doc, g, s in pairs:
            print(
                f"{kind.upper()} gold {g.type}:{g.value} {g.text!r} sys {s.type}:{s.value} "
                f"{s.text!r} | {around(doc, g.start, g.end)}"
            )


if __name__ == "__main__":
    main()
