"""Rows that report the same happening share a ``cluster_id``; clusters that disagree on the
date are flagged with ``conflict``.

Why blocking: a corpus has hundreds of thousands of rows, and comparing every pair is out of the
question. Each row is put in blocks keyed by (actor named in its label, key word of its label:
its verbs and its event nouns, so "said ... in a letter" meets "wrote in the letter"),
e.g. ("Klaus Iohannis", "withdraw") for both "Klaus Iohannis withdrew" and "Klaus Iohannis
withdrew his candidacy to lead NATO". Inside a block rows are sorted by date and only compared
with neighbours a few days (months, years: by precision) apart, so the work grows with the
number of rows, not its square.

Two rows of one block join a cluster when their ranges overlap at compatible precisions ("on
Thursday" and "this week"; "October 1" and "in October" too, a day inside a month or a year, when
the labels agree), or, from different articles, when their ranges do not overlap but lie
close and the labels say the same thing: sources disagree on the date, and every row of that
cluster gets ``conflict=True``. Several dates of one sentence ("on Monday and this week") that
chain into one cluster are not a disagreement.
The cluster id is the smallest ``event_id`` among its rows: deterministic and independent of
input order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd

from extract.events.actors import canonical_batch_actors
from extract.events.phrase import EVENT_NOUNS, verb_forms
from extract.language.cues import words
from extract.schema import PRECISIONS

_WORD = re.compile(r"[a-z][a-z'’-]+|\d[\d.,]*\d|\d")
_STOP = words(
    """the a an of to in on at for by from with and or but his her its their this that these
    those he she it they we i is are was were be been has have had will would should could may
    might not no as into over about after before than more most also just only very all some
    any who which formally when until while"""
)
_IRREGULAR = {
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "said": "say",
    "says": "say",
    "told": "tell",
    "won": "win",
    "lost": "lose",
    "met": "meet",
    "held": "hold",
    "took": "take",
    "taken": "take",
    "made": "make",
    "left": "leave",
    "led": "lead",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "began": "begin",
    "begun": "begin",
    "became": "become",
    "came": "come",
    "gave": "give",
    "given": "give",
    "sold": "sell",
    "bought": "buy",
    "paid": "pay",
    "sought": "seek",
    "wrote": "write",
    "written": "write",
    "quit": "withdraw",
    "struck": "strike",
    "overcame": "overcome",
    "spoke": "speak",
    "sent": "send",
    "went": "go",
}
_SYNONYMS = {
    "retire": "withdraw",
    "resign": "withdraw",
    "abandon": "withdraw",
    "concede": "withdraw",
    "clinch": "win",
    "secure": "win",
    "elect": "appoint",
    "name": "appoint",
    "select": "appoint",
    "choose": "appoint",
    "announce": "say",
    "tell": "say",
    "state": "say",
    "declare": "say",
    "add": "say",
    "claim": "say",
    "invade": "invasion",
    "meet": "summit",
    "conference": "summit",
    "attack": "invasion",
    "expire": "end",
    "mandate": "term",
}
_SYNONYM_STEMS = {base.rstrip("e"): target for base, target in _SYNONYMS.items()}
_PARTICLE_VERBS = {
    ("drop", "out"): "withdraw",
    ("pull", "out"): "withdraw",
    ("step", "down"): "withdraw",
    ("step", "aside"): "withdraw",
    ("bow", "out"): "withdraw",
    ("back", "down"): "withdraw",
}
_REPORTING = frozenset({"say"})
_WEEK = PRECISIONS.index("week")
_YEAR = PRECISIONS.index("year")
_SIMILAR = 0.4  # label overlap (Jaccard) that joins coarse or reported rows with a shared date
_NEAR_SAME = 0.6  # label overlap that makes rows with different dates one (conflicting) event
# How far apart two dates of one happening may lie before they are two happenings.
WINDOW_DAYS = {"day": 3, "week": 7, "month": 31, "season": 92, "quarter": 92, "year": 366}
_SPECIFIC = 3  # content words a label needs before a date disagreement is believed
_MAX_NEIGHBOURS = 64  # comparisons per row inside one block, a bound on the worst case


@dataclass(frozen=True, slots=True)
class _Rows:
    """What clustering reads of each row, as plain lists (fast to index)."""

    ids: list[str]
    docs: list[str]
    starts: np.ndarray  # days since 1970
    ends: np.ndarray
    levels: list[int]  # index in PRECISIONS
    words: list[frozenset[str]]  # content words of the label
    texts: list[tuple[str, str]]  # (timex, sentence)
    weak: np.ndarray  # the label names no actor: the sentence's actors stand in


def assign_clusters(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with batch-wide actor names, ``cluster_id`` and ``conflict`` filled in."""
    out = frame.copy()
    if out.empty:
        return out
    out["actors"] = canonical_batch_actors([list(a) for a in out["actors"]])
    labels = out["label"].astype(str).tolist()
    named = [_label_actors(a, label) for a, label in zip(out["actors"], labels, strict=True)]
    rows = _Rows(
        ids=out["event_id"].astype(str).tolist(),
        docs=out["doc_id"].astype(str).tolist(),
        starts=out["date_start"].to_numpy().astype("datetime64[D]").astype(np.int64),
        ends=out["date_end"].to_numpy().astype("datetime64[D]").astype(np.int64),
        levels=[PRECISIONS.index(p) for p in out["precision"].astype(str)],
        words=[_content(label) for label in labels],
        texts=list(zip(out["timex"].astype(str), out["sentence"].astype(str), strict=True)),
        weak=np.array([not n for n in named], dtype=bool),
    )
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row, (actors, label) in enumerate(zip(out["actors"], labels, strict=True)):
        for actor in named[row] or actors:
            for key in _keys(label):
                blocks[(actor, key)].append(row)

    parent = list(range(len(out)))
    disagreements: list[int] = []  # a row of each join made across different dates
    for (_, key), members in blocks.items():
        members.sort(key=lambda r: (rows.starts[r], rows.ids[r]))
        for a, b in _neighbours(members, rows):
            apart = rows.starts[b] > rows.ends[a] or rows.starts[a] > rows.ends[b]
            if not apart and _find(parent, a) == _find(parent, b):
                continue  # joined already, and no conflict to find: a text repeating one
                # event (issue 9) would otherwise compare every row with 64 others
            if _same(rows, a, b, key):
                _union(parent, a, b, rows.ids)
                if rows.starts[b] > rows.ends[a] or rows.starts[a] > rows.ends[b]:
                    disagreements.append(a)
    roots = [_find(parent, r) for r in range(len(out))]
    conflicted = {roots[r] for r in disagreements}
    out["cluster_id"] = pd.array([rows.ids[r] for r in roots], dtype="string")
    out["conflict"] = np.array([root in conflicted for root in roots], dtype=bool)
    return out


def _neighbours(members: list[int], rows: _Rows) -> Iterator[tuple[int, int]]:
    for i, a in enumerate(members):
        reach = rows.ends[a] + WINDOW_DAYS.get(PRECISIONS[rows.levels[a]], 0)
        for b in members[i + 1 : i + 1 + _MAX_NEIGHBOURS]:
            if rows.starts[b] > reach:
                break
            yield a, b


def _same(rows: _Rows, a: int, b: int, key: str) -> bool:
    """Overlapping dates join when fine enough (a day, a week) or when the labels agree;
    dates apart join only across articles, with near-identical labels and the same figures."""
    levels, words, weak = rows.levels, rows.words, rows.weak
    overlap = rows.starts[a] <= rows.ends[b] and rows.starts[b] <= rows.ends[a]
    apart = abs(levels[a] - levels[b]) > 1  # "October 1" and "in October": one within the other
    if apart and (not overlap or max(levels[a], levels[b]) > _YEAR):
        return False  # a day and a decade say too little about each other
    figures_a, figures_b = _numbers(words[a]), _numbers(words[b])
    if figures_a and figures_b and not figures_a & figures_b:
        return False  # "a surplus of 15.6 billion" and "of 13.6 billion" are two happenings
    similarity = _jaccard(words[a], words[b])
    vague = bool(weak[a] or weak[b])
    if overlap:
        if vague and min(len(words[a]), len(words[b])) < 2:
            return False  # "talks" alone, with no actor in the label, identifies nothing
        coarse = max(levels[a], levels[b]) > _WEEK or key in _REPORTING or vague or apart
        return not coarse or similarity >= _SIMILAR
    if rows.docs[a] == rows.docs[b] or levels[a] != levels[b] or key in _REPORTING or vague:
        return False
    if min(len(words[a]), len(words[b])) < _SPECIFIC:  # "talks", "payment date": too generic
        return False
    if similarity < _NEAR_SAME or figures_a != figures_b:
        return False
    # "met on Tuesday and Wednesday" in both: two dates of one sentence, not a disagreement
    (timex_a, sentence_a), (timex_b, sentence_b) = rows.texts[a], rows.texts[b]
    return timex_a not in sentence_b and timex_b not in sentence_a


def _numbers(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in words if w[:1].isdigit())


def _label_actors(actors: list[str], label: str) -> list[str]:
    """Actors the label names, by a word that starts with their last name: "Iohannis",
    "NATO’s", "Russian" (for Russia); not "national" for NATO."""
    tokens = label.lower().split()
    return [a for a in actors if any(t.startswith(a.split()[-1].lower()) for t in tokens)]


def _lemma(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + repl
            if suffix in ("ing", "ed") and word[-1] == word[-2] and word[-1] in "bdgmnprt":
                word = word[:-1]  # "dropped" -> "drop"
            break
    return word


def _norm(lemma: str) -> str:
    """A lemma with its final "e"s dropped ("announc"), or the synonym group it belongs to."""
    lemma = lemma.rstrip("e")
    return _SYNONYM_STEMS.get(lemma, lemma)


def _keys(label: str) -> list[str]:
    """Key words of a label: its verbs (normalised), or the last noun of a verbless label."""
    tokens = _WORD.findall(label.lower())
    forms = verb_forms()
    keys: list[str] = []
    for i, token in enumerate(tokens):
        if token in forms or (token.endswith("ed") and len(token) > 4):
            lemma = _lemma(token)
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            base = lemma.rstrip("e")
            particle = next(
                (
                    v
                    for (verb, p), v in _PARTICLE_VERBS.items()
                    if p == nxt and verb.rstrip("e") == base
                ),
                None,
            )
            keys.append(particle or _IRREGULAR.get(lemma, _norm(lemma)))
    content = [t for t in tokens if t not in _STOP]
    nouns = [t for t in content if t in EVENT_NOUNS]
    if not keys and not nouns:
        nouns = content[-1:]
    keys += [_norm(_lemma(noun)) for noun in nouns]  # "said in a letter", "wrote in the letter"
    return list(dict.fromkeys(k for k in keys if k not in _STOP))


_SAID = frozenset({"said", "says", "wrote", "writes", "added", "adds", "stated", "warned"})


def _content(label: str) -> frozenset[str]:
    """Content words of a label, lemmatised; "One diplomat said" before what was said goes
    (blocking already asks for a shared actor; the speaker is not the happening)."""
    low = label.lower()
    tokens = _WORD.findall(low)
    if "’s" in low or "'s" in low:  # "Stoltenberg’s term": the name, not a new word
        tokens = [t.removesuffix("’s").removesuffix("'s") for t in tokens]
    said = next((i for i, t in enumerate(tokens[:4]) if t in _SAID), None)
    if said is not None and len(tokens) - said > 3:
        tokens = tokens[said + 1 :]
    return frozenset(_norm(_lemma(t)) for t in tokens if t not in _STOP)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 1.0


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], a: int, b: int, ids: list[str]) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra == rb:
        return
    if ids[rb] < ids[ra]:
        ra, rb = rb, ra
    parent[rb] = ra  # the root keeps the smallest event_id
