"""The cue words of English news prose, each list written once.

Why one module: the tense model (``language.tense``), publication-date clues
(``dating.clues``), modality, event labels, the date grammar (``timex.spans``) and the two name
finders (``events.actors``, ``dating.same_story``) all read the same words -- "withdrew" is a
past verb, "will" a future marker, "Monday" no one's name. Kept apart they drifted: three lists
of irregular pasts, two of future markers and of not-a-name words, disagreeing. Here every list
is one object that each consumer imports, so a word added is added for all of them. Everything
is lower case except ``NOT_NAMES``, which lists capitalised words as they are written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def words(text: str) -> frozenset[str]:
    """A word list written as one string, for readability (every module's lists use it)."""
    return frozenset(text.split())


def alternation(words: Iterable[object]) -> str:
    """A regex alternation of ``words``, longest first so that "sept" wins over "sep"; a space
    in a phrase matches any run of whitespace."""
    ordered = sorted({str(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# --- the calendar's words ------------------------------------------------------------------

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
MONTHS: dict[str, int] = {name: i + 1 for i, name in enumerate(MONTH_NAMES)} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sept": 9, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
MONTH_ABBREVIATIONS = tuple(name for name in MONTHS if name not in MONTH_NAMES)  # "may": none
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS: dict[str, int] = {name: i + 1 for i, name in enumerate(WEEKDAY_NAMES)} | {
    "mon": 1, "tues": 2, "tue": 2, "wed": 3, "thurs": 4, "thur": 4, "thu": 4, "fri": 5, "sat": 6,
    "sun": 7,
}
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

# --- verbs and markers of tense --------------------------------------------------------------

# Simple pasts that do not end in -ed ("withdrew on Thursday"); "read", "put", "set" are
# listed because news reports the past: "shares set a record on Friday".
IRREGULAR_PAST = words(
    """was were had did said told went came took made gave got found left led held met saw knew
    thought became began brought bought built caught chose dealt drew drove fell felt fought flew
    forgot grew heard hid hit hurt kept lent lost meant paid put quit ran read rode rose sank sat
    sent set shot shut sold spent spoke stood stole struck swore taught tore threw understood won
    wrote broke withdrew overcame overtook undertook sought forecast cut let beat bid split
    spread"""
)
# Past participles of irregular verbs that are not also their simple pasts: verb forms for
# event labels ("has withdrawn"), never a past cue on their own ("will be taken").
IRREGULAR_PARTICIPLES = words(
    """withdrawn written overtaken taken given begun risen fallen gone done seen known shown
    grown drawn"""
)
# Words ending in -ed that are not past verbs.
NOT_PAST_ED = words(
    """need speed seed feed bed red hundred kindred indeed united limited proceed exceed succeed
    deed shed weed breed bleed greed freed embed steed bred"""
)


def regular_past(word: str) -> bool:
    """Whether a lower-case word looks like a regular past or participle: longer than four
    letters, ending in -ed, and not one of ``NOT_PAST_ED``."""
    return len(word) > 4 and word.endswith("ed") and word not in NOT_PAST_ED


# Adverbs and adjectives that place a clause before the time of writing.
PAST_MARKERS = words("ago earlier yesterday previously formerly since")
# The first word of an expression that says which way it points ("last July", "next Tuesday").
PAST_LEADS = words("last past previous")
FUTURE_LEADS = words("next coming upcoming")
# Phrases that announce what is to come: auxiliaries, intentions, schedules.
FUTURE_PHRASES = words(
    """will shall won't 'll""") | frozenset(
    [
        "going to", "expected to", "expects to", "scheduled", "slated", "is to", "are to",
        "is due", "are due", "plan to", "plans to", "intend to", "intends to", "is set to",
        "are set to", "ahead of", "as soon as", "hope to", "hopes to", "aim to", "aims to",
        "upcoming", "tomorrow", "planned", "proposed", "planning",
    ]
)
# The present simple of a scheduling verb announces what is to come ("the summit opens on
# Monday", "voting ends on Sunday", "who turns 80 in November"): news narrates what has
# happened in the past tense.
SCHEDULING_VERBS = words(
    """opens reopens closes begins starts ends resumes expires convenes reconvenes arrives
    departs concludes turns meets"""
) | frozenset(
    ["kicks off", "take effect", "takes effect", "takes office", "goes to the polls"]
)
# Words that put a date on the calendar ahead of a payment or deadline ("notes due March 1,
# 2011", "payable Jan. 2", "the year ending June 30"); "due to" is a cause, not a date.
SCHEDULED = words("due payable maturing matures mature expiring ending")
# Modals: they report as often as they predict, so they say only "not narrated in the past".
MODALS = words("would could might may should must can")
# Of which these make a happening only possible (event modality "hypothetical").
HYPOTHETICAL_MODALS = words("could might may")
PRESENT_AUXILIARIES = words("is are am has have does do")
PAST_AUXILIARIES = words("was were had did")
# Before a participle these make it passive: "will be held" is not a past cue.
PASSIVE_AUXILIARIES = words("be been being is are am 's get gets")
# Verbs (and nouns) that attribute words to a speaker.
REPORTING_VERBS = words(
    """said says say told tells wrote writes added adds stated declared announced warned insisted
    asked predicted promised"""
)
_NEGATED = words(
    """won't wouldn't didn't doesn't don't hasn't haven't hadn't isn't wasn't weren't can't
    couldn't"""
)
# Every auxiliary, negated ones included, with straight and curly apostrophes.
AUXILIARIES = (
    PRESENT_AUXILIARIES
    | PAST_AUXILIARIES
    | MODALS
    | words("be been being will shall 'll")
    | _NEGATED
) | frozenset(w.replace("'", "’") for w in _NEGATED | {"'ll"})

# --- capitalised words that are no names ------------------------------------------------------

# Titles and offices: never part of a name, though they open one ("President Klaus Iohannis").
TITLES = words(
    """President Vice Prime Minister Ministers Secretary General Secretary-General Deputy Chancellor
    King Queen Prince Princess Pope Senator Sen Sen. Rep Rep. Representative Congressman
    Congresswoman Governor Gov Gov. Mayor Gen Gen. Chairman Chairwoman Chair Chief Executive
    Director Ambassador Judge Justice Speaker Leader Premier Sheikh Ayatollah Mr Mr. Mrs Mrs. Ms
    Ms. Dr Dr. Prof Prof. Professor Sir Lord Lady Dame Outgoing Former Incumbent Acting Interim
    Foreign Finance Defence Defense Trade Economy Economics Interior Health Commissioner
    Spokesman Spokeswoman Lieutenant Lt. Colonel Col. Captain Capt. Admiral Adm. Sergeant Sgt.
    Major Maj. Bishop Cardinal Rabbi Imam Crown Emperor Emir Shah President-elect Attorney
    Comptroller Envoy Treasurer Agriculture Energy Industry Labour Labor Transport Education
    Permanent Opposition Party Senior Assistant Undersecretary Under Analyst Economist Officer
    Managing Governing Board Vice-President Vice-Chairman Co-Chairman Superintendent"""
)
# Capitalised words that open sentences or name the calendar, places in general or eras,
# never a person, country or organisation of their own.
NOT_NAMES = words(
    """The A An In On At For But And Or Nor So Yet If As By To Of From With Without Into Over
    Under After Before While When Where Why How What Which Who Whom Whose That This These Those
    There Here It Its He She They We I You His Her Their Our My Your Him Them Us Me Some Any All
    Each Every No Not None One Two Three Four Five Six Seven Eight Nine Ten Many Most More Less
    Much Such Other Another Both Either Neither Since Until Unlike Like Among Between During
    Despite Also Just Even Still However Meanwhile Although Though Because Yesterday Today
    Tomorrow North South East West Northern Southern Eastern Western Central New Old Cold War
    World Great Upper Lower Inc Corp Co Ltd Said Says Nicknamed European Europe Asian Asia
    African Africa Arab Atlantic Pacific Baltic Baltics Latin Nordic Scandinavian Middle Gulf
    Caribbean Mediterranean God Christmas Easter Internet"""
) | frozenset(w.capitalize() for w in (*MONTHS, *WEEKDAY_NAMES))

# --- the words of an event label (``events.phrase``) -------------------------------------

DETERMINERS = words("the a an its his her their this that these those our my your")
POSSESSIVES = frozenset({"its", "his", "her", "their"})
LEADING = words(
    "and but or so after before while when whereas although though because that which who whose "
    "whom if unless whether where then also yet"
)
TRAILING = words(
    "to of the a an and or but with in on at for by from that as into than his her its their "
    "this these those was were is are be been has have had over under about formally also "
    "more less than versus vs against compared"
)
TIME_PREPOSITIONS = words(
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
    departure arrival"""
)
# Common verbs of news reports; inflected forms are generated in ``verb_forms``.
VERB_LEMMAS = words(
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
secure overtake"""
)
