"""Step 7: the kind of a promise and a short title, from the words of its main clause.

Kinds, as the corpus labels them (tests/data/corpus/README.md): `project_call` a call for projects;
`other` informing the House or sending a letter, a report or a response, taking a decision, a plan
of approach, assent to a request, promises to refrain; `study` research, evaluation, examining
("bezie"), exploring, weighing, working out how; `legislation` laws ("wet", "Alcoholwet"), decrees,
regulations; `funding` money or grant decisions, first when an amount is made available, whatever
it pays for; `action` everything else (talks, roll-outs, monitoring a development), and first for
positions taken towards others ("zet bij de herziening van de verordening in op").
"""

import re

from tracker.imports.suggesting.clauses import main_clause
from tracker.imports.suggesting.sentences import readable
from tracker.models import Kind

_F = re.IGNORECASE
_KINDS = [
    (Kind.PROJECT_CALL, re.compile(r"oproep(?:en)?\b|\bcall\b", _F)),
    # Money made available comes first, whatever it pays for: "wordt 2 miljoen euro beschikbaar gesteld voor onderzoek".
    (
        Kind.FUNDING,
        re.compile(
            r"\b(?:miljoen|miljard|euro)\b.*\bbeschikba\w*|\bbeschikbaar\s+(?:gesteld|stellen)\b.*\b(?:miljoen|miljard|euro)\b",
            _F,
        ),
    ),
    # Positions taken towards others are actions, whatever they are about: "zet bij de herziening van de verordening in op".
    (
        Kind.ACTION,
        re.compile(
            r"\b(?:zet|zetten)\s+(?:\S+\s+){0,14}?in\s+(?:op|voor)\b|\bdring\w*\s+(?:\S+\s+){0,10}?aan\s+op\b|\bpleit", _F
        ),
    ),
    (
        Kind.OTHER,
        re.compile(
            r"\b(?:informe\w*|geïnformeerd|inlichten|terugkoppel\w*|(?:kom|komen|kom\s+ik)\s+(?:\w+\s+){0,10}?terug|"
            r"kabinetsreactie|beleidsreactie|(?:kamer)?brief|(?:uw|de)\s+kamer\s+(?:ontvangt|krijgt)|besluit(?:en)?\s+of|"
            r"beslissen|beslissing|plan\s+van\s+aanpak|voorstel\s+\w*\s*(?:voorbereid|uitgewerkt)|bereid|niets\s+\w*\s*doen|"
            r"projectbesluit\w*|balans\s+op|engagement|(?:\w+\s+)?reactie|(?:voortgangs)?rapportage|verslag|"
            r"besluit\w*\s+(?:\w+\s+){0,6}?(?:genomen|nemen|neem|neemt)|(?:met|aan)\s+(?:uw|de)\s+kamer\s+(?:te\s+)?delen)\b",
            _F,
        ),
    ),
    (
        Kind.STUDY,
        re.compile(
            r"studie|[eë]valu|onderzo(?:ek|cht|eken|ekt)|doorlicht|analyse|analyseer|bevraging|\baudit\b|\bscreening\b|nagaan|"
            r"bekijk|bekeken|verken|afgewogen|afweg|in\s+kaart|inventaris|uitgewerkt\s+hoe|uitwerken|kijken\s+(?:hoe|naar|of)|"
            r"\bkijk\b|\bkijken\b|\bbepalen\b|herbeoordeling|beoordeling|toets|\btesten\b|(?:eind)?rapport\b|uitgewerkt\s+hoe|"
            r"\bbezie\w*|\bbeziet\b",
            _F,
        ),
    ),
    # Talks aimed at an outcome are actions, whatever they are about.
    (Kind.ACTION, re.compile(r"\bgesprekk?e?n?\b|\boverleg\b|onderhandel|contact\s+(?:op)?nemen|afstemming", _F)),
    (
        Kind.LEGISLATION,
        re.compile(
            r"decreet|decretaal|besluit\b|regelgeving|wetgeving|wetsontwerp|wetsvoorstel|wetswijziging|"
            r"omzendbrief|codex|reglement|verordening|\b\w*wet\b|algemene\s+maatregel\s+van\s+bestuur|\bamvb\b|ministeriële\s+regeling",
            _F,
        ),
    ),
    (
        Kind.FUNDING,
        re.compile(
            r"subsidie|subsidi[eë]r|middelen|financier|financiële|budget|\beuro\b|miljoen|investe|krediet|toelage|premie|"
            r"beschikkingen|structurele\s+ondersteuning",
            _F,
        ),
    ),
]
_LEGISLATIVE_CHANGE = re.compile(r"aanpass|wijzig|herzie|indien|goedkeur|opstel|invoer|hervorm", _F)


def kind_of(text: str) -> str:
    """The kind of a promise, from its main clause (or its whole sentence)."""
    for kind, pattern in _KINDS:
        if pattern.search(text):
            if (
                kind == Kind.STUDY
                and _KINDS[4][1].search(text)
                and _LEGISLATIVE_CHANGE.search(text)
                and not re.search(r"[eë]valu|onderzo|studie|bekijk|nagaan|afweg", text, _F)
            ):
                return Kind.LEGISLATION  # "het decreet uitwerken en aanpassen": a change of the rules
            return kind
    return Kind.ACTION


TITLE_LENGTH = 120
_LEADING = re.compile(
    r"^(?:(?:ik|wij|we)\s+(?:zal|zullen|wil|willen|ga|gaan|plan|plannen|beoog|beogen)|"
    r"(?:zal|zullen|wil|willen|ga|gaan|plan|plannen)\s+(?:ik|we|wij))\s+",
    _F,
)
_ARTICLE = re.compile(r"^(?:een|de|het|er)\s+", _F)
_CONNECTIVE = re.compile(
    r"^(?:daarnaast|ook|verder|bovendien|tevens|daarom|vervolgens|ten\s+slotte|tot\s+slot|ja|nee|wel|echter|dus)\s*,?\s+", _F
)


def title_for(sentence: str, *, refusal: bool, deadline_wording: str = "") -> str:
    """A short title from the main clause, which carries the promise, in the answer's own words,
    without the deadline (shown beside it), the auxiliary verbs and the opening connectives."""
    title = main_clause(readable(sentence)).strip().rstrip(".!;") or readable(sentence)
    if deadline_wording:
        title = title.replace(deadline_wording, " ")
    for _ in range(2):
        title = _CONNECTIVE.sub("", title)
    title = _LEADING.sub("", title)
    title = re.sub(r"\b(?:zal|zullen)\s+(?:ik\s+|we\s+|wij\s+)?", "", title, flags=_F)
    title = re.sub(r"\s+worden\s+(\w+)$", r" \1", title, flags=_F)
    title = re.sub(r"\s{2,}", " ", title).strip(" ,")
    if not refusal:
        title = _ARTICLE.sub("", title)
    title = title[:1].upper() + title[1:]
    if len(title) > TITLE_LENGTH:
        title = title[: TITLE_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return title
