"""A short label for what happened at a date, cut from the sentence that dates it.

Why a heuristic and not a parser: labels must be deterministic, fast and free of model
downloads, and a timeline only needs "Klaus Iohannis withdrew", not a parse tree. (A dependency
parser that installs with its model from PyPI, such as spaCy, needs its model from elsewhere and
would cost more than the whole extraction does now.) Rules, tried in order, on the clause around
the date (see ``sentences.clause_bounds``):

1. a title after the year: "his favorite film is 1979’s “Hair,”" -> "his favorite film: Hair";
2. the date modifies a noun ("the 2022 Russian invasion", "a 2015 profile in Dutch News"):
   the label is that noun phrase;
3. the date follows an event noun ("a NATO summit in Washington next month"): that noun phrase,
   unless the noun only sets the scene of a verb ("sealing a deal ... at a summit this week");
4. otherwise subject + verb phrase: the verb is the first auxiliary or known verb form of the
   clause (or an "-ing" form after "before", "after": told in the past, "Rutte sealed"), the
   subject the last actor (or noun phrase) before it, or for a clause with no subject of its
   own ("..., Klaus Iohannis, withdrew on Thursday") the nearest actor before the clause. A
   verbless opening ("In a letter to Orban on Tuesday, Rutte said ...") goes at the end.

A noun phrase that names no one gets its actor (``_with_actor``). A reporting verb keeps what
was said ("Stoltenberg said [Mark Rutte is a very strong candidate]", ``speech.with_content``).
Then: a "when" clause keeps its main clause; "I" in a quote becomes its speaker; reported
speech keeps who said it ("One diplomat said ..."). The caller (``rows``) names the person or
organisation a leading "He", "The veteran politician", "It" stands for, and tells what "This
could happen" refers to (``referred_happening``).

The speech rules are in ``speech``; the words and the cutting in ``phrase``.

The date expression, the preposition introducing it (and those of the sentence's other dates)
and leading conjunctions are left out; the label keeps at most ``MAX_WORDS`` words and
``MAX_CHARS`` characters, cut where a phrase ends ("... he needs | to become NATO’s ..."), never
inside one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.events.phrase import (
    DETERMINERS,
    EVENT_NOUNS,
    LEADING,
    MAX_CHARS,
    MAX_WORDS,
    OPENING_SUBJECT,
    TIME_PREPOSITIONS,
    WORD,
    Span,
    covered,
    finish,
    fit,
    introduces,
    is_event,
    is_modifier,
    looks_past,
    names_someone,
    opens_gerund,
    overlaps,
    past_tense,
    strip_leading,
    verb_forms,
)
from extract.events.speech import (
    first_person,
    name_pronoun,
    organisation_subject,
    referred_happening,
    reported,
    reports_nothing,
    said_content,
    speaker_for_i,
    starts_with_pronoun,
    with_content,
)
from extract.language.cues import AUXILIARIES, POSSESSIVES, REPORTING_VERBS, words
from extract.language.sentences import clause_bounds

__all__ = [
    "EVENT_NOUNS",
    "MAX_CHARS",
    "MAX_WORDS",
    "label",
    "name_pronoun",
    "organisation_subject",
    "referred_happening",
    "starts_with_pronoun",
    "verb_forms",
]


def label(
    sentence: str,
    timex: Span,
    actors: Sequence[Span] = (),
    other_dates: Sequence[Span] = (),
    clause: Span | None = None,
) -> str:
    """A short description of the happening ``sentence[timex[0]:timex[1]]`` dates.

    ``actors`` are spans of actor mentions in the sentence, ``other_dates`` the spans of its
    other date expressions, left out of the label too (offsets into ``sentence``); ``clause``
    is ``clause_bounds`` of the date, when the caller has it already.
    """
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(sentence)]
    if other_dates:  # "fell to 227,500 tonnes in [1986] from 286,300": its preposition goes too
        dated = covered(len(sentence), other_dates)
        words = [
            w
            for w in words
            if overlaps(w[0], w[1], timex)
            or (dated.find(1, w[0], w[1]) < 0 and not introduces(sentence, w, dated, timex))
        ]
    inside = [i for i, (s, e, _) in enumerate(words) if s < timex[1] and e > timex[0]]
    if not inside:  # a date inside a word or past the text: the words around it
        return finish([w for _, _, w in words])
    first, last = inside[0], inside[-1]
    for rule in (_titled_work, _modified_noun, _event_noun):
        found = rule(sentence, words, first, last, timex, actors)
        if " " in found and rule is not _titled_work:
            return _with_actor(sentence, words, timex, actors, clause, found)
        if " " in found:
            return found
        if found:  # "In a statement on Friday, ...": one noun says little, a clause may say more
            told = _subject_verb(sentence, words, timex, actors, clause)
            return told if len(told.split()) > 2 else found
    found = _subject_verb(sentence, words, timex, actors, clause)
    if len(found.split()) < 2:  # "in December." alone: describe the sentence instead
        whole = _subject_verb(sentence, words, timex, actors, (0, len(sentence)))
        found = whole if len(whole.split()) > len(found.split()) else found
    if not found:  # "In the July/September quarter, GNP rose": the sentence without its dates
        found = finish([w for s, e, w in words if not overlaps(s, e, timex)])
    found = first_person(sentence, actors, _with_main_clause(sentence, timex, found))
    return reported(sentence, timex, actors, found)


_PUBLISHED = words("profile interview report article editorial column survey poll study")
_PUBLISHED_IN = re.compile(r"^(\w+) in (?:the )?(.+)$")


def _with_actor(
    sentence: str,
    words: list,
    timex: Span,
    actors: Sequence[Span],
    clause: Span | None,
    found: str,
) -> str:
    """A noun phrase that names no one ("the July meeting in Washington", "a profile in Dutch
    News") gets who acts: the named subject of its clause with its verb when the phrase is the
    verb's object ("Iohannis attended the meeting in Brussels"), as its owner when the phrase
    only says when the verb happened ("NATO allies [backing ...] aimed to block ... ahead of
    the meeting" -> "NATO allies’ meeting in Washington": the aim came before July); else the
    outlet a piece appeared in ("Dutch News published a profile"). A phrase that opens with a
    name ("NATO summit in Washington") names its actor already."""
    if not found[:1].islower():
        return found
    subject, verb = _clause_subject(sentence, words, timex, actors, clause)
    if subject and words[verb][2].lower() in REPORTING_VERBS:  # "told a press conference"
        told = _subject_verb(sentence, words, timex, actors, clause)
        if words[verb][2] in told.split():
            return told
    if subject and is_event(found.split()[:1]):
        between = [w for s, e, w in words[verb + 1 :] if e <= timex[0]]
        if all(w.lower() in DETERMINERS for w in between):  # the verb's object
            told = [*subject, words[verb][2], *between, *found.split()]
            if fit(told) == len(told):
                return finish(told)
        return finish([*subject[:-1], _possessive(subject[-1]), *found.split()])
    published = _PUBLISHED_IN.match(found)
    if published and published[1].lower() in _PUBLISHED:
        outlet = published[2]
        if any(outlet.endswith(sentence[a[0] : a[1]]) for a in actors):
            article = "an" if published[1][0] in "aeiou" else "a"
            return finish([*outlet.split(), "published", article, published[1]])
    return found


def _clause_subject(
    sentence: str, words: list, timex: Span, actors: Sequence[Span], clause: Span | None
) -> tuple[list[str], int]:
    """The subject of the date's clause (or, for "before the June summit", of the clause
    before it) and the index of its verb, when the subject opens with a name and the verb is
    a full verb before the date ("NATO allies backing ... aimed"), without the subject's "-ing"
    modifier; else ([], -1)."""
    begin, stop = clause or clause_bounds(sentence, *timex)
    verb = _first_verb(words, begin, timex[0], timex)
    if verb is None and begin > 0:  # "NATO allies agreed to act | before the June summit"
        begin, _ = clause_bounds(sentence, 0, 0)
        verb = _first_verb(words, begin, timex[0], timex)
    if verb is None or words[verb][2].lower() in AUXILIARIES:
        return [], -1  # "the 2022 invasion killed ...": the noun is the subject itself
    subject = _subject(sentence, words, begin, verb, actors, timex)
    cut = next((i for i, w in enumerate(subject) if i and w.lower().endswith("ing")), None)
    subject = subject[:cut]
    starts = {sentence[a[0] : a[1]].split()[0] for a in actors}
    if len(subject) == 1 and subject[0].endswith(_DEMONYM_ENDINGS):
        return [], -1  # "the Japanese will visit": an adjective, no one's own
    if subject and subject[0] in starts and len(subject) <= 3:
        return subject, verb
    return [], -1


_DEMONYM_ENDINGS = ("ese", "ian", "ish", "ean", "an", "i", "ch")  # Japanese, Dutch


def _possessive(word: str) -> str:
    return word + ("’" if word.endswith("s") and word.islower() else "’s")


def _with_main_clause(sentence: str, timex: Span, found: str) -> str:
    """ "[The veteran politician] ... should take over when current chief Jens Stoltenberg’s
    term ends on October 1": what happens *when* is the main clause's happening too, so the
    label says both, if both fit."""
    if not found or "when " not in sentence.lower():
        return found
    begin, _ = clause_bounds(sentence, *timex)
    if sentence[begin : begin + 5].lower() != "when ":
        return found
    head = sentence[:begin]
    segment = head[max(head.rfind(","), head.rfind(";"), head.rfind("—")) + 1 :].strip()
    subject: list[str] = []
    joined = segment.lower().rfind(" and ")
    if joined >= 0:  # "... is expected to be appointed and should take over": the subject opens
        segment = segment[joined + 5 :]
        opening = OPENING_SUBJECT.match(sentence)
        if opening is None or len(opening.group().split()) > 5:
            return found
        subject = opening.group().split()
    predicate = segment.split()
    verbs = verb_forms()
    if not predicate or not any(w.lower() in AUXILIARIES or w.lower() in verbs for w in predicate):
        return found
    phrase = [*subject, *predicate, "when", *found.split()]
    return finish(phrase) if fit(phrase) == len(phrase) else found


_TITLE_AFTER = re.compile(r"['’]s\s+[“\"]([^”\"]{1,40}?)[,.]?[”\"]")
_IS_BEFORE = re.compile(r"((?:\w+\s+){1,4}?)(?:is|was|are|were)\s+$")


def _titled_work(
    sentence: str, words: list, first: int, last: int, timex: Span, actors: Sequence[Span]
) -> str:
    """ "his favorite film is 1979’s “Hair,”" -> "his favorite film: Hair"."""
    title = _TITLE_AFTER.match(sentence, timex[1])
    if title is None:
        return ""
    what = _IS_BEFORE.search(sentence, max(0, timex[0] - 60), timex[0])
    if what is None:
        return ""
    subject = _strip_leading_conjunctions(what[1].split())
    if not subject:
        return ""
    return finish([*subject[:-1], subject[-1] + ":", *title[1].split()])


def _strip_leading_conjunctions(phrase: list[str]) -> list[str]:
    while phrase and phrase[0].lower() in LEADING:
        phrase = phrase[1:]
    return phrase


def _modified_noun(
    sentence: str, words: list, first: int, last: int, timex: Span, actors: Sequence[Span]
) -> str:
    """ "the 2022 Russian invasion" -> "Russian invasion"."""
    if first == 0 or words[first - 1][2].lower() not in DETERMINERS or last + 1 >= len(words):
        return ""
    if sentence[timex[1] : words[last + 1][0]].strip():  # punctuation or "’s" between
        return ""
    phrase: list[str] = []
    for _, _, word in words[last + 1 :]:
        low = word.lower()
        if low in LEADING or low in AUXILIARIES or (phrase and low in verb_forms()):
            break
        phrase.append(word)
        if len(phrase) >= 7:
            break
    return finish(phrase) if len(phrase) >= 2 else ""


def _event_noun(
    sentence: str, words: list, first: int, last: int, timex: Span, actors: Sequence[Span]
) -> str:
    """ "a NATO summit in Washington next month" -> "NATO summit in Washington"."""
    i = first - 1
    if i >= 0 and words[i][2].lower() in TIME_PREPOSITIONS:
        i -= 1
    tail_end = i
    steps = 0
    while i >= 0 and steps < 4 and not is_event([words[i][2]]):
        word = words[i][2]
        if not (word[:1].isupper() or word.lower() in ("in", "at", "of", "the")):
            return ""
        i -= 1
        steps += 1
    if i < 0 or not is_event([words[i][2]]):
        return ""
    head = i
    while head > 0 and words[head - 1][2][:1].isupper():
        head -= 1
    if _is_setting(sentence, words, head, timex):
        return ""  # "sealing a deal ... at a European Union summit": the deal is the happening
    phrase = [w for _, _, w in words[head : tail_end + 1]]
    if head > 0 and words[head - 1][2].lower() in POSSESSIVES:  # "since its founding"
        owner = [a for a in actors if a[1] <= words[head - 1][0]]
        if owner:
            phrase = [sentence[owner[-1][0] : owner[-1][1]] + "’s", *phrase]
    return finish(phrase)


def _is_setting(sentence: str, words: list, head: int, timex: Span) -> bool:
    """The event noun at ``head`` only says where a verb of its clause happened: "at a
    summit", "during talks"."""
    if head < 2 or words[head - 1][2].lower() not in ("a", "an", "the"):
        return False
    if words[head - 2][2].lower() not in ("at", "during"):
        return False
    begin, _ = clause_bounds(sentence, *timex)
    return _first_verb(words, begin, words[head - 2][0], timex) is not None


def _subject_verb(
    sentence: str,
    words: list,
    timex: Span,
    actors: Sequence[Span],
    clause: Span | None = None,
) -> str:
    begin, stop = clause or clause_bounds(sentence, *timex)
    verb = _first_verb(words, begin, stop, timex)
    setting: list[str] = []  # "In a letter to Orban on Tuesday, Rutte said": "in a letter ..."
    if verb is None:  # "On Thursday, Iohannis backed ..." : take the next clause
        nxt = _next_clause(sentence, stop)
        if nxt:
            verb = _first_verb(words, nxt[0], nxt[1], timex)
            if verb is not None:
                setting = _setting(words, begin, stop, timex)
                begin, stop = nxt
    if verb is None:
        phrase = [w for s, e, w in words if begin <= s and e <= stop and not overlaps(s, e, timex)]
        return finish(strip_leading(phrase))
    stop = _past_determiner_that(sentence, words, stop)
    subject = _subject(sentence, words, begin, verb, actors, timex)
    predicate = [w for s, e, w in words[verb:] if s < stop and not overlaps(s, e, timex)]
    predicate = _drop_time_preposition(words, verb, stop, timex, predicate)
    content = (
        said_content(sentence, timex, words[verb][0], stop) if reports_nothing(predicate) else []
    )
    if not content and len(predicate) == 1 and sentence[stop:].lstrip().lower().startswith("that "):
        after = sentence[stop:].lstrip()[5:]
        predicate += [m.group() for m in WORD.finditer(after.split(".")[0])]
    if subject and predicate and opens_gerund(words, verb, predicate[0].lower()):
        predicate = [past_tense(predicate[0]), *predicate[1:]]  # "Rutte sealing" -> "Rutte sealed"
    if content:  # "Stoltenberg said during a visit ...": and what he said
        phrase = with_content(subject, predicate, content)
    else:
        phrase = speaker_for_i(sentence, actors, subject + predicate)  # before any cut
    if setting and fit(phrase + setting) == len(phrase + setting):
        phrase = [*phrase[:-1], phrase[-1].rstrip(".!?"), *setting]
    return finish(phrase)


_NOT_NOUNS = words(
    "he she it they we i you the a an his her its their this these there our my your all no"
)


def _past_determiner_that(sentence: str, words: list, stop: int) -> int:
    """ "would respect that agreement": a "that" after a verb that reports nothing, before a
    noun, is a determiner; the clause goes on past it."""
    rest = sentence[stop:].lstrip()
    if not rest.lower().startswith("that "):
        return stop
    before = [w.lower() for s, e, w in words if e <= stop][-2:]
    after = rest[5:].split(maxsplit=1)
    if len(before) < 2 or not after or before[-1] in REPORTING_VERBS:
        return stop
    verb = before[-1] in verb_forms() or before[-2] in AUXILIARIES  # "would respect"
    if not verb or after[0].lower() in _NOT_NOUNS:
        return stop
    position = len(sentence) - len(rest) + 5
    return clause_bounds(sentence, position, position)[1]


def _setting(words: list, begin: int, stop: int, timex: Span) -> list[str]:
    """A verbless clause around the date that sets the scene ("In a letter to Orban on
    Tuesday"), as words for the end of the label: without the date and its preposition."""
    phrase = [
        w
        for s, e, w in words
        if begin <= s and e <= stop and not overlaps(s, e, timex) and not s >= timex[1]
    ]
    before = [w for s, e, w in words if begin <= s and e <= timex[0]]
    if before and before[-1].lower() in TIME_PREPOSITIONS:
        phrase = phrase[: len(before) - 1]
    if len(phrase) < 3 or phrase[0].lower() not in TIME_PREPOSITIONS - {"on", "at", "by"}:
        return []
    return [phrase[0].lower(), *phrase[1:]]


def _first_verb(words: list, begin: int, stop: int, timex: Span) -> int | None:
    forms = verb_forms()
    for i, (s, e, word) in enumerate(words):
        if s < begin or overlaps(s, e, timex):
            continue
        if e > stop:
            break
        if names_someone(words, i) and not overlaps(words[i + 1][0], words[i + 1][1], timex):
            continue  # "Mark Rutte said", "Hope Hicks said": a name, not "mark" or "hope"
        low = word.lower()
        if low in AUXILIARIES or low in forms:
            return i
        if looks_past(word, low) or opens_gerund(words, i, low):
            return i
    return None


def _subject(
    sentence: str, words: list, begin: int, verb: int, actors: Sequence[Span], timex: Span
) -> list[str]:
    verb_start = words[verb][0]
    heads = [a for a in actors if not is_modifier(sentence, a)]
    inside = [a for a in heads if begin <= a[0] < verb_start and not overlaps(*a, timex)]
    region = [
        (s, w) for s, e, w in words if begin <= s and e <= verb_start and not overlaps(s, e, timex)
    ]
    region = _drop_time_preposition_before(words, region, timex)
    for actor in inside:  # the first actor that starts a short subject: "Rutte's criticism of"
        phrase = [w for s, w in region if s >= actor[0]]
        if len(phrase) <= 5:
            return phrase
    if inside:
        return sentence[inside[-1][0] : inside[-1][1]].split()
    phrase = strip_leading([w for _, w in region])
    if all(w.islower() and w.endswith("ly") for w in phrase):
        phrase = []  # "before finally sealing": an adverb is no subject
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
    if not count or words[count - 1][2].lower() not in TIME_PREPOSITIONS:
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
    if len(before) > 1 and before[-1].lower() in TIME_PREPOSITIONS:
        index = len(before) - 1
        return predicate[:index] + predicate[index + 1 :]
    return predicate
