"""Who speaks and whom a label means: reported speech, "I" in quotes, "He", "It", "This".

Why apart from ``labels``: these rules do not find the happening in the clause, they name its
actors: "One diplomat said ..." keeps who said it, "I" in a quote is its speaker, a label that
opens with "He", "The veteran politician" or "It said" takes the name of whom it means (chosen
by ``rows`` with ``DocumentActors``), and "This could happen" tells what the sentence before
said would happen. A reporting verb whose clause leaves out what was said ("said during a
visit", "told Dutch radio", "wrote in the letter") takes it from the quote or the "that"
clause (``said_content``, ``with_content``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.events.phrase import (
    DETERMINERS,
    OPENING_SUBJECT,
    WORD,
    Span,
    finish,
    fit,
    is_modifier,
    looks_past,
    verb_forms,
)
from extract.language.cues import AUXILIARIES, MODALS, REPORTING_VERBS, words

_PRONOUN = re.compile(r"^(?:He|She|he|she|His|his|Her|her) ")


def starts_with_pronoun(text: str) -> bool:
    return bool(_PRONOUN.match(text))


_ORGANISATION_SUBJECT = re.compile(
    r"^(?:It|it|The company|the company|The bank|the bank|The group|the group|The firm|the firm)"
    r" (\S+)"
)


def organisation_subject(text: str) -> str | None:
    """The words a label opens with when they stand for an organisation named before ("It
    said", "The company expects"), or None. "It was seen", "It is expected" stand for nothing."""
    found = _ORGANISATION_SUBJECT.match(text)
    if found is None:
        return None
    verb = found[1].lower()
    if verb in AUXILIARIES or not (verb in verb_forms() or looks_past(found[1], verb)):
        return None
    return found.group().rsplit(" ", 1)[0]


def name_pronoun(text: str, person: str | None, reference: str | None = None) -> str:
    """ "He told Dutch radio" -> "Mark Rutte told Dutch radio", within the length limits;
    likewise a label opening with ``reference`` ("The veteran politician", also without its
    "The") takes the person's name."""
    if person is None:
        return text
    if reference and not starts_with_pronoun(reference):
        bare = reference.split(maxsplit=1)[1] if reference.lower().startswith("the ") else ""
        for said in (reference, reference[:1].lower() + reference[1:], bare):
            if said and (text == said or text.startswith(said + " ")):
                rest = text[len(said) :].split()
                if _ORGANISATION_SUBJECT.match(f"{reference} x"):  # "Inc" alone names no one
                    return finish([*person.split(), *rest])
                return _named(person.split(), rest)
        return text
    if not starts_with_pronoun(text):
        return text
    first, *rest = text.split()
    if first.lower() in ("his", "her"):  # "his favorite film" -> "Mark Rutte’s favorite film"
        return _named([*person.split()[:-1], person.split()[-1] + "’s"], rest)
    return _named(person.split(), rest)


def _named(name: list[str], rest: list[str]) -> str:
    """The label with ``name`` first; with the last name alone when the whole name would cut
    the label short ("Rutte told Dutch radio he found the job ... very interesting")."""
    phrase = [*name, *rest]
    if "-" in name[-1]:  # "Li Ka-shing": the family name may come first
        return finish(phrase)
    if fit(phrase) < len(phrase) and len(name) > 1 and fit([name[-1], *rest]) == len(rest) + 1:
        return finish([name[-1], *rest])
    return finish(phrase)


_REFERRED = re.compile(
    r"^(?:This|That|It)\s+(?:(could|would|will|may|might|should|can)\s+)?"
    r"(?:happen|happens|happened|take place|takes place|took place|come|comes|came)\b"
)
_APPOSITIVE = re.compile(r",\s*[^,]{1,14},")  # "Rutte, 57, will": the age goes
_MODALS = (MODALS - {"must"}) | words("will shall")  # the modal "This" is told with


def referred_happening(text: str, previous: str) -> str:
    """ "This could happen as early as next week", after "... making it all but certain that
    Rutte, 57, will be formally elected to a four-year term": "This" is what the previous
    sentence said would happen, told with this sentence's modal: "Rutte could be formally
    elected to a four-year term". ``text`` as it is when nothing is referred to."""
    found = _REFERRED.match(text)
    if found is None:
        return text
    at = previous.rfind(" that ")
    if at < 0:
        return text
    clause = _APPOSITIVE.sub("", previous[at + 6 :]).split(".")[0]
    tokens = WORD.findall(clause)
    modal = next((i for i, t in enumerate(tokens[:6]) if t.lower() in _MODALS), None)
    if modal is None or modal == 0:
        return text
    if found[1]:
        tokens[modal] = found[1]
    return finish(tokens)


_REPORTED_BY = re.compile(r"\b(said|says|wrote|writes|added|adds|stated|warned|insisted)\s+")
_QUOTES = '“”"'


def reported(sentence: str, timex: Span, actors: Sequence[Span], found: str) -> str:
    """ "One diplomat ... said the current NATO secretary general, Jens Stoltenberg, should
    stay until his mandate expires in October": reported speech keeps who said it, when the
    label does not already say so and both fit."""
    if not found or any(c in sentence for c in _QUOTES):
        return found
    if _REPORTED_BY.search(sentence, 0, timex[0]) is None:
        return found
    verbs = list(_REPORTED_BY.finditer(sentence, 0, timex[0]))
    tokens = found.split()
    if not verbs:
        return found
    verb = verbs[-1]
    bare = tokens[0] == verb[1]  # "said the bank would cut rates": no one says it yet
    if not bare and (verb[1] in tokens or tokens[0].lower() in REPORTING_VERBS):
        return found
    if not bare and (tokens[0] in verb_forms() or looks_past(tokens[0], tokens[0])):
        return found  # "founded the company": whose deed is unknown, "X said" would not help
    if not bare and not any(_is_verb(t) for t in tokens[1:]):
        return found  # "up slightly", "payable to holders of record": no clause to report
    speaker = _speaker_of(sentence, verb.start(), actors)
    if not speaker or speaker.split()[-1] in found:
        return found
    phrase = [*speaker.split(), *([] if bare else [verb[1]]), *tokens]
    return finish(phrase) if bare or fit(phrase) == len(phrase) else found  # "said ..." needs who


def _is_verb(token: str) -> bool:
    low = token.lower()
    return low in AUXILIARIES or low in verb_forms() or looks_past(token, low)


def _speaker_of(sentence: str, verb: int, actors: Sequence[Span]) -> str:
    """Who the reporting verb at ``verb`` belongs to: the actor right before it, or after an
    aside between commas the words the sentence opens with ("One diplomat, who ..., said")."""
    before = sentence[:verb].rstrip()
    for start, end in actors:
        if end == len(before) and not is_modifier(sentence, (start, end)):
            return sentence[start:end]
    if before.endswith(","):
        opening = OPENING_SUBJECT.match(sentence)
        if opening and len(opening.group().split()) <= 4 and not before.count(",") % 2:
            return opening.group().strip()
        return ""
    tail = before.split()[-2:]
    if len(tail) == 2 and tail[0].lower() in DETERMINERS | {"one", "a", "an"}:
        return " ".join(tail)  # "the diplomat said", "one analyst said"
    return ""


_SAYS = re.compile(r"\s+(?:" + "|".join(sorted(REPORTING_VERBS)) + r")\b")
_SAID_BY = re.compile(r"(?:" + "|".join(sorted(REPORTING_VERBS)) + r")\s+$")


def first_person(sentence: str, actors: Sequence[Span], found: str) -> str:
    """ "some remarks I made ...,” Rutte wrote": in a quote, "I" is its speaker."""
    tokens = found.split()
    if not any(t in ("I", "my", "My") for t in tokens):
        return found
    if any(t.endswith(":") for t in tokens):  # "Iohannis said: I am ...": as said
        return found
    return finish(speaker_for_i(sentence, actors, tokens))


def speaker_for_i(sentence: str, actors: Sequence[Span], tokens: list[str]) -> list[str]:
    """``tokens`` with "I" and "my" of a quote replaced by its speaker, a relative clause
    put first ("some remarks I made as ..." -> "Rutte made some remarks as ...")."""
    if not any(t in ("I", "my", "My") for t in tokens):
        return tokens
    speaker = next(
        (
            sentence[a[0] : a[1]]
            for a in actors
            if _SAYS.match(sentence, a[1]) or _SAID_BY.search(sentence, 0, a[0])
            if sentence.rfind("”", 0, a[0]) > sentence.rfind("“", 0, a[0])  # outside the quote
        ),
        None,
    )
    if speaker is None:
        return tokens
    at = tokens.index("I") if "I" in tokens else -1
    if 0 < at <= 3 and at + 1 < len(tokens) and tokens[at + 1].lower() in verb_forms():
        # "some remarks I made as ..." -> "I made some remarks as ..." (up to the main verb)
        rest = tokens[at + 2 :]
        main = next((i for i, t in enumerate(rest) if t.lower() in AUXILIARIES), len(rest))
        tokens = [*tokens[at : at + 2], tokens[0].lower(), *tokens[1:at], *rest[:main]]
    names = {"I": speaker, "my": f"{speaker}’s", "My": f"{speaker}’s"}
    return [names.get(t, t) for t in tokens]


# What was said: after "that", in a quote after the verb, or in the quote the sentence opens with.
_CONTENT_END = re.compile(
    r"[;()\[\]—–]|,\s|\s-\s|\s(?:and|but)\s+(?=(?:on|in|at|by|since|until|after|before|then|"
    r"he|she|it|they|we|i)\b)",
    re.IGNORECASE,
)
_OPENING_QUOTES, _CLOSING_QUOTES = '“"', '”"'
# "I think ...", "We also noticed that ...": the speaker's own framing of what was said
_HEDGES = words("think believe noticed notice know knew feel felt hope expect understand guess")
_PERSONAL = words("i he she we they you")
_SUBORDINATE = [
    [w]
    for low in ("while", "although", "though", "because", "if", "when", "unless", "whereas")
    for w in (low, low.capitalize())
]
_COMMON_OPENERS = DETERMINERS | words("some we it they there all no")


def said_content(sentence: str, timex: Span, verb_start: int, stop: int) -> list[str]:
    """The words of what a reporting verb reports, when its clause leaves it out: "told Dutch
    radio in October [that he found the job ...]", "“[I think Mark Rutte is ...],” Stoltenberg
    said during a visit"; [] when there is none. ``stop`` ends the verb's clause. The
    sentence's other dates stay: they are part of what was said; ``timex`` goes."""
    rest = sentence[stop:].lstrip()
    at = len(sentence) - len(rest)
    aside = (0, 0)
    if rest[:4].lower() == "that" and rest[4:5].isspace():
        begin = at + 5
        end, aside = _that_clause_end(sentence, begin)
    elif rest[:1] and rest[0] in ",:" and _opens_quote(rest[1:].lstrip()):
        begin = sentence.index(rest[1:].lstrip()[0], at + 1) + 1
        end = _closing(sentence, begin, len(sentence))
    else:
        lead = len(sentence) - len(sentence.lstrip())
        if not _opens_quote(sentence[lead:]):
            return []
        begin = lead + 1
        end = _closing(sentence, begin, verb_start)
    if WORD.findall(sentence[begin : begin + 12])[:1] in _SUBORDINATE:
        comma = sentence.find(", ", begin, end)  # "While such approaches ..., they are ..."
        begin = comma + 2 if comma > 0 else begin
    tokens = [
        m.group()
        for m in WORD.finditer(sentence, begin, end)
        if not (m.start() < timex[1] and m.end() > timex[0])
        and not (aside[0] <= m.start() < aside[1])
    ]
    tokens = _without_hedge(tokens) if len(tokens) >= 2 else []
    if tokens:  # "... for its exports." ends the sentence, not the label
        tokens[-1] = tokens[-1].rstrip(".!?")
    if tokens and tokens[0].lower() in _COMMON_OPENERS:  # "said the promises", not "The"
        tokens[0] = tokens[0].lower()
    return tokens


def _that_clause_end(sentence: str, begin: int) -> tuple[int, Span]:
    """Where a "that" clause ends, and an aside inside it to leave out: "that John
    Poindexter, who resigned ..., was ready to ..." goes on past the aside, since what comes
    before the comma has no verb yet."""
    bounds = _CONTENT_END.finditer(sentence, begin)
    first = next(bounds, None)
    if first is None:
        return len(sentence), (0, 0)
    if not first.group().startswith(",") or _has_verb(sentence[begin : first.start()]):
        return first.start(), (0, 0)
    second = next(bounds, None)
    if second is None:
        return len(sentence), (0, 0)
    if not second.group().startswith(","):  # "in the talks, South Africa would give ..."
        return second.start(), (0, 0)
    third = next(bounds, None)
    return (third.start() if third else len(sentence)), (first.start(), second.end())


def _has_verb(text: str) -> bool:
    tokens = WORD.findall(text)
    return any(
        _is_verb(t) and (i == 0 or tokens[i - 1].lower() not in DETERMINERS)
        for i, t in enumerate(tokens)
    )


def _opens_quote(text: str) -> bool:
    return bool(text) and text[0] in _OPENING_QUOTES


def _closing(sentence: str, begin: int, limit: int) -> int:
    ends = [sentence.find(q, begin, limit) for q in _CLOSING_QUOTES]
    ends = [e for e in ends if e >= 0]
    return min(ends) if ends else begin  # no closing quote: nothing to take


def _without_hedge(tokens: list[str]) -> list[str]:
    """ "I also noticed that some remarks ..." -> "some remarks ..."."""
    if not tokens or tokens[0].lower() not in ("i", "we"):
        return tokens
    j = 1
    while j < len(tokens) and (tokens[j].lower() == "also" or tokens[j].lower().endswith("ly")):
        j += 1
    if j >= len(tokens) or tokens[j].lower() not in _HEDGES:
        return tokens
    j += 1 + (j + 1 < len(tokens) and tokens[j + 1].lower() == "that")
    return tokens[j:] if len(tokens) - j >= 2 else tokens


def _without_relative(tokens: list[str]) -> list[str]:
    """ "some remarks I made as Prime Minister ... have caused" -> "some remarks have caused":
    a relative clause without "that" (a personal pronoun and a verb after a noun) runs to the
    auxiliary of the main clause."""
    for i in range(1, len(tokens) - 2):
        before, low = tokens[i - 1], tokens[i].lower()
        if low not in _PERSONAL or not before.isalpha() or not before.islower():
            continue
        if before in DETERMINERS or before in AUXILIARIES or before in REPORTING_VERBS:
            continue
        if looks_past(before, before) or (before in verb_forms() and not before.endswith("s")):
            continue  # "had indicated he would": a clause, not "remarks I made"
        if not _is_verb(tokens[i + 1]) or tokens[i + 1].lower() in AUXILIARIES:
            continue
        main = next((j for j in range(i + 2, len(tokens)) if tokens[j].lower() in AUXILIARIES), 0)
        if main:
            return tokens[:i] + tokens[main:]
    return tokens


_SETTING_OPENERS = words("on in at by during from to with after before while for under over")


def with_content(subject: list[str], predicate: list[str], content: list[str]) -> list[str]:
    """ "Stoltenberg said during a visit to Washington" and what he said, as one label that
    fits: the verb's own phrase ("in the letter:", "Dutch radio") is kept where there is room,
    then only whom it was told to ("told a press conference [in Rio]"); a relative clause
    inside what was said gives way first, and what is left is cut by ``finish`` where a
    phrase ends. Words in the first person stay as said, after a colon."""
    shorter = _without_relative(content)
    lead = next((i for i, t in enumerate(predicate) if t.lower() not in AUXILIARIES), 0) + 1
    verb, rest = predicate[:lead], predicate[lead:]  # "had told", "analysts"
    heads = [[*subject, *verb, *rest]]
    if verb[-1].lower() in _TELLS:  # whom it was told to stays: "told reporters"
        addressee = next((i for i, t in enumerate(rest) if i and _ends_addressee(rest, i)), 0)
        if addressee:
            heads.append([*subject, *verb, *rest[:addressee]])
    else:
        heads.append([*subject, *verb])
    verb_end = len(subject) + len(verb)
    for start in heads:
        for said in (content, shorter):
            phrase = [*_opened(start, verb_end, said), *said]
            if fit(phrase) == len(phrase):
                return phrase
    # cut: the head that keeps most of what was said, with a verb ("told X the economy" no)
    cuts = [finish([*_opened(start, verb_end, shorter), *shorter]).split() for start in heads]
    kept = [cut[len(start) :] for cut, start in zip(cuts, heads, strict=True)]
    best = max(range(len(heads)), key=lambda i: (_has_verb(" ".join(kept[i])), len(kept[i]), -i))
    if not _has_verb(" ".join(kept[best])):  # no room for whom: what was said matters more
        saying = {"told": "said", "tells": "says", "tell": "say"}.get(verb[-1].lower(), verb[-1])
        start = [*subject, *verb[:-1], saying]
        return finish([*_opened(start, verb_end, shorter), *shorter]).split()
    return cuts[best]


def _opened(start: list[str], verb_end: int, said: list[str]) -> list[str]:
    """The head with a colon before what was said, where a phrase of the verb's own ends it
    ("wrote in the letter: some remarks") or the words are the speaker's own ("said: I am")."""
    setting = len(start) > verb_end and start[verb_end].lower() in _SETTING_OPENERS
    if not start or not (setting or _in_own_words(said)):
        return start
    return [*start[:-1], start[-1].rstrip(".:") + ":"]


def _in_own_words(tokens: list[str]) -> bool:
    """ "I am cautiously optimistic": a quote in the speaker's own words, kept as said."""
    return any(t == "I" or t[:2] in ("I'", "I’") or t.lower() in ("my", "me") for t in tokens)


def _ends_addressee(rest: list[str], i: int) -> bool:
    """ "told a meeting | of ...", "told Reuters | and the television agency Visnews"; not
    "told the Securities and Exchange Commission"."""
    word = rest[i]
    if word in _SETTING_OPENERS:
        return True
    return word == "and" and i + 1 < len(rest) and rest[i + 1] in DETERMINERS


_TELLS = words("told tells tell asked asks warned warns promised promises informed informs")


def reports_nothing(predicate: list[str]) -> bool:
    """ "said during a visit to Washington", "told Dutch radio", "wrote in the letter": a
    reporting verb whose phrase does not say what was said (no verb of its own follows it, and
    its object, if any, is whom it was told to)."""
    lead = next((i for i, t in enumerate(predicate) if t.lower() not in AUXILIARIES), 0)
    predicate = predicate[lead:]  # "had told analysts"
    if not predicate or predicate[0].lower() not in REPORTING_VERBS:
        return False
    rest = predicate[1:]
    if any(_is_verb(t) and predicate[i].lower() not in DETERMINERS for i, t in enumerate(rest)):
        return False  # "said the bank would cut rates"; not "said during a visit"
    return not rest or rest[0].lower() in _SETTING_OPENERS or predicate[0].lower() in _TELLS
