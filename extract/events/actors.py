"""Who is involved: people, countries and organisations named in an article, with canonical names.

Why rules and lists instead of a model: nothing can be downloaded here, and the whole pipeline must
read the Reuters corpus in seconds. One precompiled regex finds runs of capitalised words
("Romanian President Klaus Iohannis", "European Council on Foreign Relations"); each run is then
cut by dictionary look-ups, longest first:

- countries, their aliases and demonyms (``data/countries.tsv``): "Turkish reluctance" is Turkey,
  "U.S." the United States. A demonym before a title or a noun names the country as a party
  ("Romanian President Klaus Iohannis" gives Klaus Iohannis *and* Romania; "Dutch asylum" gives
  the Netherlands). We keep that for people too ("Outgoing Dutch Prime Minister Mark Rutte"): in
  news a nationality next to an office nearly always says which country acted. A capital names
  its country only where it acts ("Moscow-backed fighters", "Washington's role"), not where it is
  a place ("a summit in Washington").
- organisations and their acronyms (``data/organisations.tsv``); unknown runs ending in a word such
  as "Corp", "Bank" or "Airlines" are organisations as written.
- people: a run that starts with a common given name (``data/first_names.txt``) or follows a
  title ("President", "Mr", "Prime Minister"; titles are never part of the name). Middle initials
  are dropped ("Vladimir V Putin" is Vladimir Putin). A lone surname ("Rutte", "Mr. Rutte") takes
  the full name seen in the same article; ``canonical_batch_actors`` does the same across a
  batch (a titled lone surname such as "Mr Grand" takes the one full name the batch knows).

Everything else capitalised (sentence openers, months, "Cold War", "Oval Office") is not an actor.

References: a sentence that opens with "He", "She" or a description of a person ("The veteran
politician", "The Dutchman", "The 57-year-old") is about someone named before.
``DocumentActors.person_meant`` says whom: the person the previous sentence opened with (itself
perhaps a reference), else the person the article is about (named most often) if named nearby,
else the person named last (or the main person, however far back). On seed 000 "The veteran
politician ... should take over when Stoltenberg's term ends on October 1" is then Mark Rutte's,
not Iohannis's (named just before).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extract.language.cues import NOT_NAMES, TITLES, words

_DATA = Path(__file__).with_name("data")

PERSON, COUNTRY, ORGANISATION = "person", "country", "organisation"


@dataclass(frozen=True, slots=True)
class Mention:
    """``name`` is canonical; ``start``/``end`` are offsets of the words in the article text."""

    start: int
    end: int
    name: str
    kind: str  # PERSON, COUNTRY or ORGANISATION


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    kind: str
    place: bool = False  # a capital or seat of government: a country only where it acts


_TITLE_ABBREVIATIONS = r"(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Prof|Lt|Col|Capt|Sgt|Adm|Maj|Jr|Sr)\."
_TOKEN = rf"(?:{_TITLE_ABBREVIATIONS}|(?:[A-Z]\.)+|[A-Z][\w\-]*(?:['’][A-Z][\w\-]*)?)"
_CONNECTOR = r"(?:of|the|for|on|and|de|van|von|der|den|du|da|al|bin|la|le)"
_SPACE = r"(?:[ \t]+\n?[ \t]*|[ \t]*\n[ \t]*)"  # a line break, never a blank line
_RUN = re.compile(rf"{_TOKEN}(?:{_SPACE}(?:{_CONNECTOR}{_SPACE})*{_TOKEN})*")
_TOKEN_OR_CONNECTOR = re.compile(rf"{_TOKEN}|\b{_CONNECTOR}\b")
_CONNECTORS = frozenset(_CONNECTOR[3:-1].split("|"))
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "du", "da", "al", "bin", "la", "le"})
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|outside|inside|into|across|around|via|from)|"
    r"\b(?:visit|visits|visited|trip|travel|travelled|traveled|flew|went|returned|came|moved)"
    r" to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_MAX_GRAM = 6
_HYPHENATED_MODIFIER = re.compile(r"-[a-z]")  # "Ohio-based", "state-owned"

_ORG_SUFFIXES = words(
    """Corp Corp. Corporation Inc Inc. Co Co. Ltd Ltd. Plc PLC AG SA NV Bank Banks Airlines
    Airways Group Party Council Commission Committee Ministry Agency Association Institute
    University College Court Parliament Assembly Federation Organisation Organization Union
    Fund Board Exchange News Times Post Journal Company Companies Holdings Industries Motors
    Foundation Network Authority Department Bureau Service Services Trust Partners Securities
    Capital Petroleum Oil Energy Mining Steel Chemical Chemicals Systems Technologies Telecom
    Brothers Bancorp Bancshares Financial Insurance Investments Stores Railways Railroad
    Reserve Office Army Navy Force Forces Police Club Society League"""
)
_ORG_HEADS = words(
    """Ministry Bank Council Department University Commission Federation Association Union
    Organisation Organization Office Board Court Institute Agency Party Bureau"""
)
_NOT_ORGS = frozenset({"Oval Office"})


@cache
def _gazetteer() -> dict[str, _Entry]:
    """Surface form -> entry, from the data files (read once)."""
    table: dict[str, _Entry] = {}
    for line in (_DATA / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases, demonyms = (line.split("\t") + ["", ""])[:3]
        table[name] = _Entry(name, COUNTRY)
        for alias in filter(None, aliases.split("|")):
            place = alias.startswith("@")
            table.setdefault(alias.lstrip("@"), _Entry(name, COUNTRY, place))
        for demonym in filter(None, demonyms.split("|")):
            table.setdefault(demonym, _Entry(name, COUNTRY))
    for line in (_DATA / "organisations.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases = (line.split("\t") + [""])[:2]
        table[name] = _Entry(name, ORGANISATION)
        for alias in filter(None, aliases.split("|")):
            table.setdefault(alias, _Entry(name, ORGANISATION))
    return table


@cache
def _first_names() -> frozenset[str]:
    lines = (_DATA / "first_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@dataclass(slots=True)
class _Candidate:
    """A group of capitalised words that is not in the gazetteer."""

    start: int
    end: int
    words: list[str]
    titled: bool


# A sentence opening that refers to a person named before: "He", "The veteran politician",
# "The Dutchman", "The 57-year-old", "The former prime minister".
_PERSON_NOUNS = (
    r"politician|statesman|stateswoman|leader|premier|prime\s+minister|minister|president|"
    r"chancellor|diplomat|cyclist|veteran|candidate|dutchman|dutchwoman|frenchman|englishman|"
    r"liberal|conservative|centrist|lawyer|economist|banker|executive|businessman|businesswoman|"
    r"official|chief|secretary[\s-]general|\d{1,3}-year-old|man|woman"
)
REFERENCE = re.compile(
    rf"^(?:(?:He|She)\b|(?:The|the)\s+(?:[a-z][\w-]*\s+){{0,3}}(?i:{_PERSON_NOUNS})\b(?!['’]))",
)
_OPENING = 60  # characters at the start of a sentence where the person it is about is named
_NEARBY = 1500  # characters before a reference in which the article's main person counts


def refers_back(sentence: str) -> str | None:
    """The words a sentence opens with that refer to a person named before ("He", "The
    veteran politician"), or None."""
    found = REFERENCE.match(sentence)
    return found.group() if found else None


class DocumentActors:
    """The actors of one article, found once, looked up per sentence."""

    def __init__(self, text: str) -> None:
        self.text = text
        found, candidates = _scan(text)
        self.full_names = _full_names(candidates)
        self.surnames = _surname_index(self.full_names)
        mentions = found
        for cand in candidates:
            mention = self._resolve(cand)
            if mention:
                mentions.append(mention)
        mentions.sort(key=lambda m: (m.start, m.end))
        self.mentions = mentions
        self._starts = [m.start for m in mentions]
        counts = Counter(m.name for m in mentions if m.kind == PERSON)  # first seen first
        top = max(counts.values(), default=0)
        self.main_person = next((n for n, c in counts.items() if c == top and c > 1), None)
        """The person the article is about: named most often (twice at least), first on a tie."""

    def opening_person(self, start: int, end: int) -> str | None:
        """The person named at the opening of the sentence ``[start, end)``."""
        for mention in self.between(start, min(end, start + _OPENING)):
            if mention.kind == PERSON:
                return mention.name
        return None

    def person_meant(self, sentences: Sequence[tuple[int, int]], index: int) -> str | None:
        """Whom the reference opening sentence ``index`` means (``sentences`` are the
        article's (start, end) spans, in order): see the module docstring."""
        start = sentences[index][0]
        for back in range(index - 1, max(-1, index - 4), -1):
            begin, end = sentences[back]
            named = self.opening_person(begin, end)
            if named is not None:
                return named
            if not REFERENCE.match(self.text[begin:end]):
                break  # the previous sentence is about something else
        main = self.main_person
        if main is not None and any(
            m.name == main for m in self.between(max(0, start - _NEARBY), start)
        ):
            return main
        return self.last_person_before(start) or main

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions that start inside ``[start, end)``, in text order."""
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end)
        return self.mentions[lo:hi]

    def last_person_before(self, offset: int, reach: int = 600) -> str | None:
        """The person named last before ``offset`` (within ``reach`` characters): whom a
        sentence's "he" or "she" most likely means."""
        return self._last_before(offset, reach, PERSON)

    def last_organisation_before(self, offset: int, reach: int = 600) -> str | None:
        """The organisation named last before ``offset``: what "It said" or "The company
        said" most likely means."""
        return self._last_before(offset, reach, ORGANISATION)

    def _last_before(self, offset: int, reach: int, kind: str) -> str | None:
        index = bisect_left(self._starts, offset) - 1
        while index >= 0 and self.mentions[index].start >= offset - reach:
            if self.mentions[index].kind == kind:
                return self.mentions[index].name
            index -= 1
        return None

    def names_between(self, start: int, end: int) -> list[str]:
        """Canonical names of the mentions in ``[start, end)``, first appearance first."""
        return list(dict.fromkeys(m.name for m in self.between(start, end)))

    def _resolve(self, cand: _Candidate) -> Mention | None:
        words = cand.words
        if len(words) >= 2 and (cand.titled or words[0] in _first_names()):
            return Mention(cand.start, cand.end, _person_name(words), PERSON)
        for word in reversed(words):
            full = self.surnames.get(word)
            if full:
                return Mention(cand.start, cand.end, full, PERSON)
        if len(words) == 1 and cand.titled:  # "Mr Grand": a person, full name unknown here
            return Mention(cand.start, cand.end, words[0], PERSON)
        return None


def canonical_batch_actors(actor_lists: list[list[str]]) -> list[list[str]]:
    """Lone surnames ("Grand" after "Mr Grand") replaced by the one full name the batch knows.

    An article that only says "Mr Grand" gets "Camille Grand" if exactly one person of the batch
    has that surname. Names in the gazetteer ("Jordan") are never replaced.
    """
    known = _gazetteer()
    people = {n: None for names in actor_lists for n in names if " " in n and n not in known}
    surnames = _surname_index(people)
    if not surnames:
        return actor_lists
    return [
        list(dict.fromkeys(n if " " in n or n in known else surnames.get(n, n) for n in names))
        for names in actor_lists
    ]


def find_actors(text: str) -> list[str]:
    """Canonical names of every actor in ``text`` (an article or a sentence), in order."""
    doc = DocumentActors(text)
    return doc.names_between(0, len(text))


# ---------------------------------------------------------------------------------------------


def _scan(text: str) -> tuple[list[Mention], list[_Candidate]]:
    gazetteer = _gazetteer()
    found: list[Mention] = []
    candidates: list[_Candidate] = []
    for run in _RUN.finditer(text):
        tokens = [
            (m.start() + run.start(), m.group()) for m in _TOKEN_OR_CONNECTOR.finditer(run.group())
        ]
        words = [w for _, w in tokens if w not in _CONNECTORS]
        if _is_organisation_run(words, gazetteer):
            first = _organisation_start(tokens)
            name = " ".join(w for _, w in tokens[first:])
            if first < len(tokens) - 1 and name not in gazetteer and name not in _NOT_ORGS:
                _cut_run(text, tokens[:first], gazetteer, found, candidates)
                found.append(Mention(tokens[first][0], run.end(), name, ORGANISATION))
                continue
        _cut_run(text, tokens, gazetteer, found, candidates)
    return found, candidates


def _cut_run(
    text: str,
    tokens: list[tuple[int, str]],
    gazetteer: dict[str, _Entry],
    found: list[Mention],
    candidates: list[_Candidate],
) -> None:
    i, n = 0, len(tokens)
    group: list[tuple[int, str]] = []
    titled = False
    while i < n:
        start, word = tokens[i]
        entry, j = _longest_entry(tokens, i, gazetteer)
        if entry is None and "-" in word:  # "Moscow-backed", "Kremlin-controlled"
            head = word.split("-", 1)[0]
            entry, j = gazetteer.get(head), i + 1
        if entry is not None:
            _close(group, titled, candidates)
            group, titled = [], False
            if not (entry.place and _LOCATIVE.search(text, max(0, start - 24), start)):
                end = tokens[j - 1][0] + len(tokens[j - 1][1])
                found.append(Mention(start, end, entry.name, entry.kind))
            i = j
            continue
        if word in TITLES:
            _close(group, titled, candidates)
            group, titled = [], True
        elif word in _CONNECTORS:
            if word not in _NAME_PARTICLES or not group:
                _close(group, titled, candidates)
                group, titled = [], False
            else:
                group.append((start, word))
        elif word in NOT_NAMES or not _looks_like_name(word):
            _close(group, titled, candidates)
            group, titled = [], False
        else:
            group.append((start, word))
        i += 1
    _close(group, titled, candidates)


@cache
def _longest_from() -> dict[str, int]:
    """First word of a gazetteer entry -> the most words an entry starting with it has: most
    capitalised words start none, and need no n-gram look-ups at all."""
    longest: dict[str, int] = {}
    for surface in _gazetteer():
        words = surface.split(" ")
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return longest


def _longest_entry(
    tokens: list[tuple[int, str]], i: int, gazetteer: dict[str, _Entry]
) -> tuple[_Entry | None, int]:
    reach = _longest_from().get(tokens[i][1], 0)
    if not reach:
        return None, i + 1
    for j in range(min(len(tokens), i + min(reach, _MAX_GRAM)), i, -1):
        if tokens[j - 1][1] in _CONNECTORS:
            continue
        entry = gazetteer.get(" ".join(w for _, w in tokens[i:j]))
        if entry is not None:
            return entry, j
    return None, i + 1


def _close(group: list[tuple[int, str]], titled: bool, candidates: list[_Candidate]) -> None:
    while group and group[-1][1] in _NAME_PARTICLES:
        group.pop()
    if not group:
        return
    start = group[0][0]
    end = group[-1][0] + len(group[-1][1])
    words = [w.rstrip(".") for _, w in group]
    candidates.append(_Candidate(start, end, words, titled))


def _looks_like_name(word: str) -> bool:
    """Title-case words only: "Iohannis", "O'Neill", "McDonald"; not "F-16", "LGBT", "U2"."""
    core = word.rstrip(".")
    if len(core) == 1:
        return True  # an initial
    return not core.isupper() and not any(c.isdigit() for c in core)


def _is_organisation_run(words: list[str], gazetteer: dict[str, _Entry]) -> bool:
    """ "Malaysia Airlines", "Ministry of Finance"; not "NATO and the European Union"."""
    if len(words) < 2 or not (words[-1] in _ORG_SUFFIXES or words[0] in _ORG_HEADS):
        return False
    return not any(" ".join(words[k:]) in gazetteer for k in range(1, len(words)))


def _organisation_start(tokens: list[tuple[int, str]]) -> int:
    """Where "Malaysia Airlines" starts in "Flight MH17 of Malaysia Airlines": after the last
    word that cannot be part of a name, and past leading connectors and openers ("The")."""
    first = 0
    for i, (_, word) in enumerate(tokens):
        if any(c.isdigit() for c in word) or (word == "of" and tokens[first][1] in _first_names()):
            first = i + 1  # "Flight MH17 of ...", "Bill Sullivan of Dean Witter Reynolds Inc"
    while first < len(tokens) and (
        tokens[first][1] in _CONNECTORS
        or tokens[first][1] in NOT_NAMES
        or _HYPHENATED_MODIFIER.search(tokens[first][1])
    ):
        first += 1
    return first


def _person_name(words: list[str]) -> str:
    """Drop middle initials: "Vladimir V Putin" -> "Vladimir Putin"."""
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return " ".join(words)


def _full_names(candidates: list[_Candidate]) -> dict[str, None]:
    names: dict[str, None] = {}
    first = _first_names()
    for cand in candidates:
        if len(cand.words) >= 2 and (cand.titled or cand.words[0] in first):
            names[_person_name(cand.words)] = None
    return names


def _surname_index(full_names: Iterable[str]) -> dict[str, str]:
    """Last word -> full name; a surname shared by two people stays unresolved."""
    index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for name in full_names:
        parts = name.split()
        if len(parts) < 2:
            continue
        surname = parts[-1]
        if surname in index and index[surname] != name:
            ambiguous.add(surname)
        index.setdefault(surname, name)
    for surname in ambiguous:
        del index[surname]
    return index
