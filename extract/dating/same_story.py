"""Which articles of a batch tell the same story: a cheap fingerprint of the names in them.

Why: an article too vague to date on its own ("withdrew on Thursday", no year) can borrow the
date of another article in the batch about the same happening. Two stories about one event
name the same people, places and organisations, so a fingerprint of capitalised words not
at a sentence start, weighted tf-idf style over the batch (a name found in every article,
like "Reuters" or "Washington", counts for little), compared by cosine similarity, is enough
to link them without any model.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

MIN_SIMILARITY = 0.4
"""Cosine similarity from which two articles count as the same story."""

_HEAD = 20_000  # characters of each article fingerprinted


def _words(text: str) -> list[str]:
    return text.split()


_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b")
_NOT_NAMES = frozenset(
    _words(
        "The This That These Those His Her Their Its Our And But For With From After Before When "
        "While Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
        "April May June July August September October November December Mr Mrs Ms President "
        "Minister Prime Secretary General He She It They We In On At As If By To Of An"
    )
)
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’]?\s+|\n)\s*[\"“‘']?$")


def names(text: str) -> Counter[str]:
    """Capitalised words not at a sentence start, with how often each occurs."""
    head = text[:_HEAD]
    found: Counter[str] = Counter()
    for match in _NAME.finditer(head):
        word = match.group()
        if word in _NOT_NAMES or len(word) < 3:
            continue
        if _SENTENCE_START.search(head, max(0, match.start() - 4), match.start()):
            continue
        found[word] += 1
    return found


def fingerprints(texts: Sequence[str]) -> list[dict[str, float]]:
    """Unit-length tf-idf vectors of each text's names, idf taken over ``texts``."""
    counted = [names(text) for text in texts]
    document_frequency = Counter(name for found in counted for name in found)
    total = len(texts)
    vectors = []
    for found in counted:
        vector = {
            name: (1 + math.log(count))
            * (math.log((total + 1) / (document_frequency[name] + 1)) + 1)
            for name, count in found.items()
        }
        norm = math.sqrt(sum(weight * weight for weight in vector.values())) or 1.0
        vectors.append({name: weight / norm for name, weight in vector.items()})
    return vectors


def closest(
    target: dict[str, float], others: dict[int, dict[str, float]]
) -> tuple[int, float, list[str]] | None:
    """(key, similarity, top shared names) of the most similar of ``others``, if similar enough."""
    scores: defaultdict[int, float] = defaultdict(float)
    for key, vector in others.items():
        for name, weight in target.items():
            if name in vector:
                scores[key] += weight * vector[name]
    if not scores:
        return None
    best = max(scores, key=lambda key: (scores[key], -key))
    if scores[best] < MIN_SIMILARITY:
        return None
    shared = sorted(
        target.keys() & others[best].keys(), key=lambda n: (-target[n] * others[best][n], n)
    )
    return best, scores[best], shared[:4]
