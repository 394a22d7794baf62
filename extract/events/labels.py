"""A short label for what happened at a date, cut from the sentence that dates it.

Why a heuristic and not a parser: labels must be deterministic, fast and free of model
downloads, and a timeline only needs "Klaus Iohannis withdrew", not a parse tree. Three rules,
tried in order, on the clause around the date (see ``sentences.clause_bounds``):

1. the date modifies a noun ("the 2022 Russian invasion", "a 2015 profile in Dutch News"):
   the label is that noun phrase;
2. the date follows an event noun ("a NATO summit in Washington next month"): that noun phrase;
3. otherwise subject + verb phrase: the verb is the first auxiliary or known verb form of the
   clause, the subject the last actor (or noun phrase) before it, or for a clause with no subject
   of its own ("..., Klaus Iohannis, withdrew on Thursday") the nearest actor before the clause.

The date expression, the preposition introducing it and leading conjunctions are left out; the
label keeps at most ``MAX_WORDS`` words and ``MAX_CHARS`` characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from extract.language.cues import (
    AUXILIARIES,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PAST,
    regular_past,
    words,
)
from extract.language.sentences import clause_bounds

MAX_WORDS = 10
MAX_CHARS = 60

# Words, keeping "33,992.0" and "10:30" whole; angle brackets (Reuters' "<Placer Pacific Ltd>") out
_WORD = re.compile(r"(?:[^\s,;:()\[\]\"“”—–<>/]|(?<=\d)[,:](?=\d))+")

_DETERMINERS = words("the a an its his her their this that these those our my your")
_POSSESSIVES = frozenset({"its", "his", "her", "their"})
_LEADING = words(
    "and but or so after before while when whereas although though because that which who whose "
    "whom if unless whether where then also yet"
)
_TRAILING = words(
    "to of the a an and or but with in on at for by from that as into than his her its their "
    "this these those was were is are be been has have had over under about formally also "
    "more less than"
)
_TIME_PREPOSITIONS = words(
    "on in at since by until till from during of for before after around about through over "
    "within throughout between"
)
EVENT_NOUNS = words(
    """summit meeting meetings talks election elections vote referendum conference session visit
    trip tour founding invasion attack attacks war crash strike strikes merger takeover offering
    auction launch ceremony deadline letter profile statement speech interview campaign report
    announcement agreement deal treaty accord collapse downing protest protests rally crisis
    coup hearing trial verdict ruling inauguration funeral wedding debate poll polls games
    olympics tournament final festival congress convention plenum budget sale sales purchase
    acquisition split dividend payment results earnings decision resignation appointment
    departure arrival meeting"""
)
# Common verbs of news reports; inflected forms are generated in ``verb_forms``.
_VERB_LEMMAS = words(
    """accept accuse achieve acquire add admit agree aim allow announce appear appoint
approve argue arrest arrive ask assume attack attend back ban become begin believe block boost
borrow break bring build buy call cancel capture charge choose claim clinch close come complete
confirm consider continue control cost criticise criticize cut decide decline defeat defend
delay deliver deny die drop earn echo elect end endorse enter estimate expand expect expire face
fail fall fear fight file finish fire force form found freeze fuel gain get give go grow halt
hand happen help hit hold hope impose increase insist intend introduce invade invest issue join
keep kill launch lead leave lift limit lose lower make mark meet merge move mull name need note
offer open order oust overcome own pass pay plan play post predict prepare present press
proclaim promise propose protest provide publish pull push quit raise reach receive reclaim
record reduce regain reject release remain replace report request require resign respond
restrict resume retire return reveal rise rule run say see seek seize sell send serve set sign
slow speak spend start stay step stop strike succeed suggest support suspend take talk tell
threaten top travel try turn unveil urge use visit vote wait want warn win withdraw work write
secure overtake fuel"""
)
@cache
def verb_forms() -> frozenset[str]:
    forms = set(IRREGULAR_PAST | IRREGULAR_PARTICIPLES)
    for lemma in _VERB_LEMMAS:
        forms.add(lemma)
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        if lemma.endswith("y") and lemma[-2] not in "aeiou":
            forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"})
        else:
            ending = "es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s"
            forms.update({lemma + ending, stem + "ed", stem + "ing"})
    return frozenset(forms)


Span = tuple[int, int]
_PRONOUN = re.compile(r"^(?:He|She|he|she) ")


def starts_with_pronoun(text: str) -> bool:
    return bool(_PRONOUN.match(text))


def name_pronoun(text: str, person: str | None) -> str:
    """ "He told Dutch radio" -> "Mark Rutte told Dutch radio", within the length limits."""
    if person is None or not starts_with_pronoun(text):
        return text
    return _finish([*person.split(), *text.split()[1:]])


def label(
    sentence: str, timex: Span, actors: Sequence[Span] = (), other_dates: Sequence[Span] = ()
) -> str:
    """A short description of the happening ``sentence[timex[0]:timex[1]]`` dates.

    ``actors`` are spans of actor mentions in the sentence, ``other_dates`` the spans of its
    other date expressions, left out of the label too (offsets into ``sentence``).
    """
    words = [
        (m.start(), m.end(), m.group())
        for m in _WORD.finditer(sentence)
        if _overlaps(m.start(), m.end(), timex)
        or not any(_overlaps(m.start(), m.end(), other) for other in other_dates)
    ]
    inside = [i for i, (s, e, _) in enumerate(words) if s < timex[1] and e > timex[0]]
    if not inside:  # a date inside a word or past the text: the words around it
        return _finish([w for _, _, w in words])
    first, last = inside[0], inside[-1]
    for rule in (_modified_noun, _event_noun):
        found = rule(sentence, words, first, last, timex, actors)
        if found:
            return found
    found = _subject_verb(sentence, words, timex, actors)
    if len(found.split()) < 2:  # "in December." alone: describe the sentence instead
        whole = _subject_verb(sentence, words, timex, actors, (0, len(sentence)))
        found = whole if len(whole.split()) > len(found.split()) else found
    if not found:  # "In the July/September quarter, GNP rose": the sentence without its dates
        found = _finish([w for s, e, w in words if not _overlaps(s, e, timex)])
    return found


def _modified_noun(
    sentence: str, words: list, first: int, last: int, timex: Span, actors: Sequence[Span]
) -> str:
    """ "the 2022 Russian invasion" -> "Russian invasion"."""
    if first == 0 or words[first - 1][2].lower() not in _DETERMINERS or last + 1 >= len(words):
        return ""
    if sentence[timex[1] : words[last + 1][0]].strip():  # punctuation or "’s" between
        return ""
    phrase: list[str] = []
    for _, _, word in words[last + 1 :]:
        low = word.lower()
        if low in _LEADING or low in AUXILIARIES or (phrase and low in verb_forms()):
            break
        phrase.append(word)
        if len(phrase) >= 7:
            break
    return _finish(phrase) if len(phrase) >= 2 else ""


def _event_noun(
    sentence: str, words: list, first: int, last: int, timex: Span, actors: Sequence[Span]
) -> str:
    """ "a NATO summit in Washington next month" -> "NATO summit in Washington"."""
    i = first - 1
    if i >= 0 and words[i][2].lower() in _TIME_PREPOSITIONS:
        i -= 1
    tail_end = i
    steps = 0
    while i >= 0 and steps < 4 and not _is_event([words[i][2]]):
        word = words[i][2]
        if not (word[:1].isupper() or word.lower() in ("in", "at", "of", "the")):
            return ""
        i -= 1
        steps += 1
    if i < 0 or not _is_event([words[i][2]]):
        return ""
    head = i
    while head > 0 and words[head - 1][2][:1].isupper():
        head -= 1
    phrase = [w for _, _, w in words[head : tail_end + 1]]
    if head > 0 and words[head - 1][2].lower() in _POSSESSIVES:  # "since its founding"
        owner = [a for a in actors if a[1] <= words[head - 1][0]]
        if owner:
            phrase = [sentence[owner[-1][0] : owner[-1][1]] + "’s", *phrase]
    return _finish(phrase)


def _subject_verb(
    sentence: str,
    words: list,
    timex: Span,
    actors: Sequence[Span],
    clause: Span | None = None,
) -> str:
    begin, stop = clause or clause_bounds(sentence, *timex)
    verb = _first_verb(words, begin, stop, timex)
    if verb is None:  # "On Thursday, Iohannis backed ..." : take the next clause
        nxt = _next_clause(sentence, stop)
        if nxt:
            verb = _first_verb(words, nxt[0], nxt[1], timex)
            if verb is not None:
                begin, stop = nxt
    if verb is None:
        phrase = [w for s, e, w in words if begin <= s and e <= stop and not _overlaps(s, e, timex)]
        return _finish(_strip_leading(phrase))
    subject = _subject(sentence, words, begin, verb, actors, timex)
    predicate = [w for s, e, w in words[verb:] if s < stop and not _overlaps(s, e, timex)]
    predicate = _drop_time_preposition(words, verb, stop, timex, predicate)
    if len(predicate) == 1 and sentence[stop:].lstrip().lower().startswith("that "):
        after = sentence[stop:].lstrip()[5:]
        predicate += [m.group() for m in _WORD.finditer(after.split(".")[0])]
    return _finish(subject + predicate)


def _first_verb(words: list, begin: int, stop: int, timex: Span) -> int | None:
    forms = verb_forms()
    for i, (s, e, word) in enumerate(words):
        if s < begin or _overlaps(s, e, timex):
            continue
        if e > stop:
            break
        low = word.lower()
        if low in AUXILIARIES or low in forms:
            return i
        if _looks_past(word, low):
            return i
    return None


def _looks_past(word: str, low: str) -> bool:
    """A lowercase "-ed" word such as "irritated": a past verb or participle."""
    return regular_past(low) and low.isalpha() and word[0].islower()


def _subject(
    sentence: str, words: list, begin: int, verb: int, actors: Sequence[Span], timex: Span
) -> list[str]:
    verb_start = words[verb][0]
    heads = [a for a in actors if not _is_modifier(sentence, a)]
    inside = [a for a in heads if begin <= a[0] < verb_start and not _overlaps(*a, timex)]
    region = [
        (s, w) for s, e, w in words if begin <= s and e <= verb_start and not _overlaps(s, e, timex)
    ]
    region = _drop_time_preposition_before(words, region, timex)
    for actor in inside:  # the first actor that starts a short subject: "Rutte's criticism of"
        phrase = [w for s, w in region if s >= actor[0]]
        if len(phrase) <= 5:
            return phrase
    if inside:
        return sentence[inside[-1][0] : inside[-1][1]].split()
    phrase = _strip_leading([w for _, w in region])
    if phrase:
        return phrase[-4:]
    clause_word = sentence[begin:].split(maxsplit=1)[0].lower() if sentence[begin:].strip() else ""
    gerund = words[verb][2].lower().endswith("ing")
    previous = [a for a in heads if a[1] <= begin]
    outside = [a for a in heads if a[1] <= begin or a[0] >= words[verb][1]]
    main = [a for a in outside if a[0] <= _nth_word_start(words, 4)]
    if (gerund or clause_word in ("who", "whose", "which")) and (main or outside):
        chosen = (main or outside)[0]
    elif previous and _is_appositive(sentence, previous[-1], begin):
        chosen = previous[-1]
    elif main:
        chosen = main[0]
    elif previous:
        chosen = previous[-1]
    else:
        return []
    return sentence[chosen[0] : chosen[1]].split()


def _is_modifier(sentence: str, span: Span) -> bool:
    """ "Romanian" in "Romanian President Klaus Iohannis": part of a longer name."""
    rest = sentence[span[1] : span[1] + 3].lstrip(" ")
    return bool(rest) and rest[0].isupper()


def _is_appositive(sentence: str, span: Span, begin: int) -> bool:
    """ "the only rival, Romanian President Klaus Iohannis, withdrew": a verbless stretch."""
    between = sentence[span[1] : begin].strip(" ,;:—–")
    if between:
        return False
    segment_start = max(sentence.rfind(",", 0, span[0]), sentence.rfind(";", 0, span[0])) + 1
    segment = sentence[segment_start : span[0]].lower().split()
    return not any(w in verb_forms() or w in AUXILIARIES for w in segment)


def _nth_word_start(words: list, n: int) -> int:
    return words[min(n, len(words) - 1)][0] if words else 0


def _drop_time_preposition_before(
    words: list, region: list[tuple[int, str]], timex: Span
) -> list[tuple[int, str]]:
    """ "by February he had" -> "he had": the preposition goes with the date."""
    count = sum(1 for _, end, _ in words if end <= timex[0])  # words are in text order
    if not count or words[count - 1][2].lower() not in _TIME_PREPOSITIONS:
        return region
    preposition = words[count - 1][0]
    return [(s, w) for s, w in region if s != preposition]


def _next_clause(sentence: str, stop: int) -> Span | None:
    rest = sentence[stop:]
    offset = len(rest) - len(rest.lstrip(' ,;:—–"“”’‘'))
    if stop + offset >= len(sentence):
        return None
    position = stop + offset
    return clause_bounds(sentence, position, position)


def _drop_time_preposition(
    words: list, verb: int, stop: int, timex: Span, predicate: list[str]
) -> list[str]:
    """Remove "on" in "withdrew on Thursday" once "Thursday" is gone."""
    before = [w for s, e, w in words[verb:] if e <= timex[0]]
    if len(before) > 1 and before[-1].lower() in _TIME_PREPOSITIONS:
        index = len(before) - 1
        return predicate[:index] + predicate[index + 1 :]
    return predicate


def _strip_leading(phrase: list[str]) -> list[str]:
    """Drop leading conjunctions, and determiners unless they are the whole phrase ("This")."""
    while phrase and (
        phrase[0].lower() in _LEADING or (phrase[0].lower() in _DETERMINERS and len(phrase) > 1)
    ):
        phrase = phrase[1:]
    return phrase


def _is_event(phrase: list[str]) -> bool:
    return bool(phrase) and phrase[-1].lower().strip(".") in EVENT_NOUNS


def _overlaps(start: int, end: int, span: Span) -> bool:
    return start < span[1] and end > span[0]


def _finish(phrase: list[str]) -> str:
    while phrase and phrase[0].lower() in _LEADING:
        phrase = phrase[1:]
    phrase = phrase[:MAX_WORDS]
    while phrase and len(" ".join(phrase)) > MAX_CHARS:
        phrase = phrase[:-1]
    while phrase and phrase[-1].lower() in _TRAILING:
        phrase = phrase[:-1]
    return " ".join(w.rstrip(".!?") if i == len(phrase) - 1 else w for i, w in enumerate(phrase))
