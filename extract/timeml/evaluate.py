"""Scoring a tagger against TimeML gold, the TempEval-3 way (task A: find and normalise TIMEX3).

Why our own scorer: the official TempEval-3 script is Python 2 and wants paired .tml files. The
definitions are simple and are kept here: each system expression is matched to at most one gold
expression whose extent overlaps it; *strict* counts matches with the exact extent, *relaxed* all
matches, *value* and *type* the relaxed matches whose attribute is equal as a string. Precision
divides by the system's expressions, recall by the gold's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from extract.timeml.corpus import TimemlDocument, read_corpus
from extract.timex.tagger import Timex, tag

Tagger = Callable[[str, date | None], list[Timex]]
MEASURES = ("strict", "relaxed", "value", "type")


@dataclass(slots=True)
class Errors:
    """What went wrong, as (doc_id, gold, system) triples, for studying misses by category."""

    missed: list[tuple[str, Timex]] = field(default_factory=list)
    spurious: list[tuple[str, Timex]] = field(default_factory=list)
    wrong_value: list[tuple[str, Timex, Timex]] = field(default_factory=list)
    wrong_extent: list[tuple[str, Timex, Timex]] = field(default_factory=list)


@dataclass(slots=True)
class Counts:
    gold: int = 0
    system: int = 0
    matched: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MEASURES, 0))

    def scores(self) -> dict[str, dict[str, float]]:
        """Precision, recall and F1 in percent for each measure."""
        out = {}
        for measure, hits in self.matched.items():
            p = 100.0 * hits / self.system if self.system else 0.0
            r = 100.0 * hits / self.gold if self.gold else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            out[measure] = {"precision": p, "recall": r, "f1": f1}
        return out


def match(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping expressions; exact extents are paired first."""
    pairs: list[tuple[Timex, Timex]] = []
    free_gold = list(gold)
    free_system: list[Timex] = []
    by_extent = {(g.start, g.end): g for g in gold}
    for s in system:
        g = by_extent.get((s.start, s.end))
        if g is not None and g in free_gold:
            free_gold.remove(g)
            pairs.append((g, s))
        else:
            free_system.append(s)
    for s in free_system:
        for g in free_gold:
            if g.start < s.end and s.start < g.end:
                free_gold.remove(g)
                pairs.append((g, s))
                break
    return pairs


def score_documents(
    documents: Iterable[TimemlDocument], tagger: Tagger = tag, errors: Errors | None = None
) -> Counts:
    """Tag every document with its DCT and count matches against its gold."""
    counts = Counts()
    for doc in documents:
        gold = list(doc.gold)
        system = tagger(doc.text, doc.dct)
        counts.gold += len(gold)
        counts.system += len(system)
        pairs = match(gold, system)
        for g, s in pairs:
            counts.matched["relaxed"] += 1
            counts.matched["strict"] += (g.start, g.end) == (s.start, s.end)
            counts.matched["value"] += g.value == s.value
            counts.matched["type"] += g.type == s.type
        if errors is not None:
            _collect(doc.doc_id, gold, system, pairs, errors)
    return counts


def score_corpus(path: str | Path, tagger: Tagger = tag) -> dict[str, object]:
    """Score ``tagger`` on every .tml file in ``path``: counts plus P/R/F1 per measure (percent)."""
    documents = read_corpus(path)
    counts = score_documents(documents, tagger)
    return {
        "corpus": str(path),
        "documents": len(documents),
        "gold": counts.gold,
        "system": counts.system,
        **counts.scores(),
    }


def _collect(
    doc_id: str,
    gold: list[Timex],
    system: list[Timex],
    pairs: list[tuple[Timex, Timex]],
    errors: Errors,
) -> None:
    matched_gold = {id(g) for g, _ in pairs}
    matched_system = {id(s) for _, s in pairs}
    errors.missed += [(doc_id, g) for g in gold if id(g) not in matched_gold]
    errors.spurious += [(doc_id, s) for s in system if id(s) not in matched_system]
    for g, s in pairs:
        if g.value != s.value:
            errors.wrong_value.append((doc_id, g, s))
        if (g.start, g.end) != (s.start, s.end):
            errors.wrong_extent.append((doc_id, g, s))


def format_scores(name: str, scores: dict[str, object]) -> str:
    """A small table of ``score_corpus`` output: one line per measure, P / R / F1 in percent."""
    lines = [
        f"{name}: {scores['documents']} documents, {scores['gold']} gold, {scores['system']} found",
        f"  {'measure':8} {'P':>6} {'R':>6} {'F1':>6}",
    ]
    for measure in MEASURES:
        s = scores[measure]
        assert isinstance(s, dict)
        lines.append(f"  {measure:8} {s['precision']:6.1f} {s['recall']:6.1f} {s['f1']:6.1f}")
    return "\n".join(lines)
