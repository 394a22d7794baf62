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
from collections.abc import Mapping, Sequence

from extract.language.cues import NOT_NAMES, TITLES
from extract.language.sentences import starts_sentence

MIN_SIMILARITY = 0.4
"""Cosine similarity from which two articles count as the same story."""

_HEAD = 20_000  # characters of each article fingerprinted
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b")
_NOT_NAMES = NOT_NAMES | TITLES  # "President" says nothing about which story this is


def names(text: str) -> Counter[str]:
    """Capitalised words not at a sentence start, with how often each occurs."""
    head = text[:_HEAD]
    found: Counter[str] = Counter()
    for match in _NAME.finditer(head):
        word = match.group()
        if word in _NOT_NAMES or len(word) < 3:
            continue
        if starts_sentence(head, match.start()):
            continue
        found[word] += 1
    return found


def fingerprints(texts: Sequence[str]) -> list[dict[str, float]]:
    """Unit-length tf-idf vectors of each text's names, idf taken over ``texts``."""
    counted = [names(text) for text in texts]
    document_frequency = Counter(name for found in counted for name in found)
    return [fingerprint(found, document_frequency, len(texts)) for found in counted]


def fingerprint(
    found: Mapping[str, int], document_frequency: Mapping[str, int], total: int
) -> dict[str, float]:
    """The unit-length tf-idf vector of one article's ``names``, idf taken over a batch of
    ``total`` articles (so a batch streamed once for its frequencies weighs names alike)."""
    vector = {
        name: (1 + math.log(count)) * (math.log((total + 1) / (document_frequency[name] + 1)) + 1)
        for name, count in found.items()
    }
    norm = math.sqrt(sum(weight * weight for weight in vector.values())) or 1.0
    return {name: weight / norm for name, weight in vector.items()}


def closest(
    target: dict[str, float], others: dict[int, dict[str, float]]
) -> tuple[int, float, list[str]] | None:
    """(key, similarity, top shared names) of the most similar of ``others``, if similar enough."""
    return NameIndex(others).closest(target)


class NameIndex:
    """Fingerprints filed under their names: finding the closest one costs the postings of the
    target's names, not a comparison with every article of the batch."""

    def __init__(self, vectors: Mapping[int, dict[str, float]]):
        self._vectors = vectors
        self.visited = 0  # postings read by ``closest`` so far: the work, for tests to count
        self._postings: defaultdict[str, list[tuple[int, float]]] = defaultdict(list)
        for key, vector in vectors.items():
            for name, weight in vector.items():
                self._postings[name].append((key, weight))

    def closest(self, target: dict[str, float]) -> tuple[int, float, list[str]] | None:
        """(key, similarity, top shared names) of the most similar vector, if similar enough."""
        scores: defaultdict[int, float] = defaultdict(float)
        for name, weight in target.items():
            postings = self._postings.get(name, ())
            self.visited += len(postings)
            for key, theirs in postings:
                scores[key] += weight * theirs
        if not scores:
            return None
        best = max(scores, key=lambda key: (scores[key], -key))
        if scores[best] < MIN_SIMILARITY:
            return None
        other = self._vectors[best]
        shared = sorted(target.keys() & other.keys(), key=lambda n: (-target[n] * other[n], n))
        return best, scores[best], shared[:4]
