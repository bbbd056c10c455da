"""Step 4a: tense and time. A clause about the past is history, never a promise.

Existing or habitual: "al", "reeds", "steeds", "jaarlijks", "periodiek", and a generic subject
("elke aanvraag wordt getoetst"): a procedure, not a result to come.

History: a finite verb in the past ("werd", "was", "had", "vond plaats"), the perfect ("heb …
gedaan", "is … gestart"), a date marked "jl." or "ll.", or only dates before the answer. The present
perfect of a request ("ik heb het RIVM gevraagd") is not history: its result is to come
(signals.py reads it as a request).

A time to come: a deadline after the answer, or a wording without a date that looks ahead
("binnenkort", "zo spoedig mogelijk"), read by tracker/imports/deadlines.py.
"""

import datetime
import re

from tracker.imports.deadlines import Deadline, find_deadline

_F = re.IGNORECASE
_PAST_VERB = re.compile(
    r"\b(?:werd|werden|was|waren|had|hadden|vond|vonden|kwam|kwamen|ging|gingen|stond|stonden|bleek|bleken|"
    r"besloot|besloten\s+(?:we|wij)|zei|schreef|gaf|gaven|liet|lieten|nam|namen|heette|leidde|leidden|startte|startten|"
    r"trad|traden|bracht|brachten|deed|deden|kon|konden|wilde|wilden|zou|zouden)\b",
    _F,
)
_PERFECT = re.compile(
    r"(?<!\bte\s)\b(?:heb|hebt|heeft|hebben|ben|is|zijn)\b(?:\s+[\w’'-]+){0,12}?\s+(?<!\bte\s)"
    # a word after an article or determiner is a noun ("de gemeenten", "alle gebieden"), not a participle
    r"(?<!\bde\s)(?<!\bhet\s)(?<!\been\s)(?<!\bdeze\s)(?<!\bdie\s)(?<!\balle\s)(?<!\bonze\s)(?<!\bmijn\s)(?<!\bhun\s)"
    r"(?<!\bveel\s)(?<!\bvan\s)(?<!\bmet\s)"
    r"(?![\w-]+(?:ingen|heden|schappen|isten|aties|ieën)\b)(?:ge[\w-]+(?:d|t|en)|"
    r"(?:be|ver|ont|her|er)[\w-]+(?:d|t|en)|\w+(?:ge)\w+(?:d|t|en))\b(?!\s+te\b)",
    _F,
)
_NOT_PAST_PARTICIPLES = re.compile(
    r"\b(?:gepland|voorzien|bereid|gericht|gebaseerd|bekend|betrokken|gewenst|geneigd|verplicht|bevoegd|gelegen|"
    r"verantwoordelijk|geïnteresseerd|genoodzaakt|gemotiveerd|verheugd|overtuigd|gesteld|benieuwd|begonnen|gestart|"
    r"verbonden|geschikt|gebonden|ingesteld|bedoeld|belast|bekommerd|bezorgd|gevraagd|verzocht|besloten|opgedragen)\b",
    _F,
)
_JL = re.compile(r"\b(?:jl|ll)\.|\b(?:jongst|laatst)leden\b", _F)
_PAST_TIME = re.compile(
    r"\b(?:vorig\w*|afgelopen|eerder|destijds|toen|in\s+het\s+verleden|geleden|reeds|recent(?:elijk)?|onlangs|"
    r"inmiddels|al\s+(?:eerder|sinds|in|op))\b",
    _F,
)


# Existing or habitual work, no result announced: "daar wordt al aan gewerkt", "ben steeds in gesprek".
_EXISTING = re.compile(
    r"\b(?:al|reeds)\b(?!\s+(?:de|het|deze|die|dat|zijn|haar|hun|onze|mijn|uw)\b)|\b(?:inmiddels|steeds|altijd|voortdurend|"
    r"regelmatig|doorlopend|continu|jaarlijks|telkens|structureel|gewoonlijk|periodiek|geregeld|wekelijks|maandelijks|"
    r"elke|iedere|ieder|afgelopen|destijds)\b",
    _F,
)
_YEAR = re.compile(r"\b(?:in|sinds|sedert|vanaf)\s+(?:(?:begin|eind|medio|midden)\s+)?(?:\w+\s+)?(?P<year>(?:19|20)\d{2})\b", _F)


def is_existing(clause: str) -> bool:
    """The clause describes work that exists already or recurs, not a result to come."""
    return bool(_EXISTING.search(clause))


def names_a_past_date(clause: str, made_on: datetime.date) -> bool:
    """A year before the answer's, or a date before the answer: "zijn wij in mei 2023 gestart"."""
    if any(int(match["year"]) < made_on.year for match in _YEAR.finditer(clause)):
        return True
    return bool(_JL.search(clause))


def is_past(clause: str) -> bool:
    """The clause's finite verb is in the past tense or the perfect."""
    if _PAST_VERB.search(clause):
        return True
    perfect = _PERFECT.search(clause)
    return bool(perfect) and not _NOT_PAST_PARTICIPLES.search(perfect.group(0))


def marks_history(sentence: str) -> bool:
    """The sentence names a past moment: "jl.", "ll.", "vorig jaar", "reeds", "onlangs"."""
    return bool(_JL.search(sentence) or _PAST_TIME.search(sentence))


def time_to_come(sentence: str, *, made_on: datetime.date, term_end: datetime.date | None = None) -> Deadline | None:
    """The sentence's deadline, when it lies after the answer or names no date ("binnenkort")."""
    deadline = find_deadline(sentence, made_on=made_on, term_end=term_end)
    if deadline is None or (deadline.date is not None and deadline.date <= made_on):
        return None
    return deadline
