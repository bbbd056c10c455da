"""Suggesting the commitments and refusals in a Dutch answer, for staff to confirm or reject.

A sentence is suggested when it announces future action or intent ("ik zal", "wil ik ...
lanceren", "we gaan", "wordt ... opgestart", "zal ... worden geëvalueerd") or explicitly refuses
("ik plan geen ..."). Descriptions of existing policy or of the past ("zet ik reeds sterk in op",
"werd ... uitgevoerd"), questions, conditionals and figures of speech ("ik wil benadrukken") are not.
A sentence that only elaborates on the promise just before it ("De projectoproep zal zich ...
toespitsen") is part of that promise, not a new one.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass

from tracker.imports.deadlines import Deadline, find_deadline
from tracker.models import Kind

_ABBREVIATIONS = {
    "bv",
    "bijv",
    "nr",
    "o.a",
    "m.b.t",
    "enz",
    "e.d",
    "art",
    "blz",
    "dhr",
    "mevr",
    "cf",
    "incl",
    "excl",
    "t.e.m",
    "i.s.m",
    "ca",
    "min",
    "prof",
    "dr",
    "mr",
    "ir",
    "vnl",
    "resp",
    "evt",
    "zgn",
    "m.a.w",
    "d.w.z",
    "i.p.v",
    "t.o.v",
    "p",
    "pag",
    "vb",
    "nl",
    "jl",
    "e.a",
    "m.i.v",
    "o.m",
    "w.o",
    "d.i",
    "z.g.a",
    "tel",
    "vzw",
}
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”»)]*\s+(?=[\"'“«(]?[A-ZÀ-Ý0-9])")
_ITEM_PREFIX = re.compile(r"^\s*\d{1,2}[.)]\s+")

_F = re.IGNORECASE
_REFUSAL = [
    re.compile(pattern, _F)
    for pattern in (
        r"\b(?:ik|wij|we)\s+(?:plan|plannen|voorzie|voorzien|overweeg|overwegen|neem|nemen)\s+(?:\w+\s+){0,3}?geen\b",
        r"\b(?:plan|voorzie|overweeg|neem)\s+(?:ik|we|wij)\s+(?:\w+\s+){0,3}?geen\b",
        r"\b(?:ik|wij|we)\s+(?:zal|zullen|ga|gaan)\s+(?:\w+\s+){0,4}?(?:geen|niet)\b(?!\s+(?:alleen|enkel|nalaten|langer\s+wachten))",
        r"\b(?:ben|zijn)\s+(?:ik|we|wij)\s+(?:dan\s+ook\s+|evenwel\s+|momenteel\s+)?niet\s+van\s+plan\b",
        r"\b(?:ik|wij|we)\s+(?:ben|zijn)\s+(?:dan\s+ook\s+|evenwel\s+|momenteel\s+)?niet\s+van\s+plan\b",
        r"\bhet\s+is\s+(?:dan\s+ook\s+)?niet\s+(?:de\s+bedoeling|mijn\s+(?:bedoeling|intentie)|aangewezen|opportuun|nodig|wenselijk)\b",
        r"\b(?:acht|vind)\s+(?:ik\s+)?het\s+(?:dan\s+ook\s+)?niet\s+(?:opportuun|nodig|aangewezen|wenselijk)\b",
        r"\bik\s+(?:acht|vind)\s+het\s+(?:dan\s+ook\s+)?niet\s+(?:opportuun|nodig|aangewezen|wenselijk)\b",
        r"\ber\s+(?:zijn|komen|worden)\s+(?:momenteel\s+|op\s+dit\s+moment\s+)?geen\s+(?:plannen|bijkomende|extra|nieuwe|specifieke|aparte)\b",
        r"\b(?:ik\s+zie|zie\s+ik|er\s+is)\s+(?:dan\s+ook\s+|momenteel\s+)?geen\s+(?:reden|noodzaak|nood|aanleiding)\b",
        r"\b(?:heb|hebben)\s+(?:ik|we|wij)\s+niet\s+de\s+intentie\b|\bik\s+heb\s+niet\s+de\s+intentie\b",
        r"\bis\s+(?:momenteel\s+)?niet\s+(?:aan\s+de\s+orde|gepland|voorzien)\b",
        r"\b(?:zal|zullen)\b(?:\s+\w+){0,6}?\s+niet\s+(?!enkel|alleen|nalaten|langer)\w+en\b",
        r"\b(?:wordt|worden)\s+(?:momenteel\s+)?niet\s+(?:overwogen|gepland|voorzien|verlengd|ingevoerd|uitgebreid)\b",
    )
]
_STRONG_FUTURE = [
    re.compile(pattern, _F)
    for pattern in (
        r"\b(?:ik|wij|we)\s+(?:zal|zullen)\b",
        r"\b(?:zal|zullen)\s+(?:ik|we|wij)\b",
        r"\b(?:de\s+(?:vlaamse\s+)?(?:regering|minister|overheid|administratie)|mijn\s+(?:administratie|kabinet|diensten)|het\s+(?:agentschap|departement))\s+(?:zal|zullen)\b",
        r"\b(?:zal|zullen)\b(?:\s+\S+){0,10}?\s+(?:worden|gebeuren|starten|opstarten|plaatsvinden|verschijnen|volgen|gelanceerd|opgestart|ingevoerd|opgericht|klaar|beschikbaar|bekend|uitgerold|ingediend|voorgelegd)\b",
        r"\b(?:ik|wij|we)\s+(?:wil|willen)\s+(?!(?:\w+\s+){0,3}?(?:benadrukken|onderstrepen|beklemtonen|opmerken|wijzen|verwijzen|herhalen|meegeven|preciseren|verduidelijken|aanstippen|signaleren|vermelden|toevoegen|stellen|danken|bedanken|geruststellen))",
        r"\b(?:wil|willen)\s+(?:ik|we|wij)\s+(?!(?:\w+\s+){0,3}?(?:benadrukken|onderstrepen|beklemtonen|opmerken|wijzen|verwijzen|herhalen|meegeven|preciseren|verduidelijken|aanstippen|signaleren|vermelden|toevoegen|stellen|danken|bedanken|geruststellen))",
        r"\b(?:ik\s+ga|wij\s+gaan|we\s+gaan|ga\s+ik|gaan\s+we|gaan\s+wij)\b(?!\s+(?:ervan|er\s+van)\s+uit)(?!(?:\s+\w+){0,3}\s+uit\s+van)",
        r"\b(?:ik|wij|we)\s+(?:plan|plannen|beoog|beogen)\b|\b(?:plan|plannen|beoog|beogen)\s+(?:ik|we|wij)\b",
        r"\b(?:ik\s+ben|we\s+zijn|wij\s+zijn)\s+(?:\w+\s+)?van\s+plan\b",
        r"\bhet\s+is\s+(?:mijn|onze)\s+(?:bedoeling|intentie|plan|ambitie)\b",
        r"\b(?:ik|wij|we)\s+(?:heb|hebben)\s+(?:de\s+intentie|het\s+plan|de\s+ambitie)\b",
        r"\b(?:ik|wij|we)\s+(?:neem|nemen)\s+(?:\w+\s+){0,2}initiatief\b",
        r"\b(?:ik|wij|we)\s+(?:engageer|engageren|verbind|verbinden)\s+(?:me|mij|ons)\b",
        r"\b(?:ik|wij|we)\s+(?:streef|streven)\s+ernaar\b",
        r"\bzal\s+(?:\w+\s+){0,12}?(?:worden\s+)?geëvalueerd\b",
    )
]
_WEAK_FUTURE = [
    re.compile(pattern, _F)
    for pattern in (
        r"\bwordt\s+(?:\w+\s+){0,8}?(?:opgestart|gelanceerd|voorbereid|uitgewerkt|opgemaakt|geëvalueerd|onderzocht|aangepast|herzien|uitgebreid|ingevoerd|opgericht|voorgelegd|ingediend|uitgeschreven)\b",
        r"\bworden\s+(?:\w+\s+){0,8}?(?:opgestart|gelanceerd|voorbereid|uitgewerkt|opgemaakt|geëvalueerd|onderzocht|aangepast|herzien|uitgebreid|ingevoerd|opgericht|voorgelegd|ingediend|uitgeschreven)\b",
        r"\ber\s+komt\s+(?:een|nog|binnenkort|ook)\b|\bkomt\s+er\s+(?:een|nog|binnenkort|ook)\b",
        r"\b(?:is|zijn|staat|staan)\s+(?:\w+\s+){0,3}?(?:gepland|in\s+voorbereiding)\b",
        r"\b(?:ik|wij|we)\s+(?:voorzie|voorzien|bereid|bereiden)\b",
        r"\b(?:binnenkort|eerstdaags|weldra|op\s+korte\s+termijn|in\s+de\s+nabije\s+toekomst)\b",
        # Future with any subject ("tegen 2027 zullen alle scholen ... organiseren"), unless a prediction.
        r"\b(?:zal|zullen)\b",
    )
]
# Predictions and courtesy ("dit zal een impact hebben", "u zal begrijpen") are not promises.
_PREDICTION = re.compile(r"\bu\s+zal\b|\bzal\s+u\b|\b(?:impact|gevolgen?|effect|invloed)\b", re.IGNORECASE)
# A first-person plan in the present tense, dated in the future ("dit najaar organiseren we ...").
_FIRST_PERSON = re.compile(r"\b(?:ik|we|wij)\b", re.IGNORECASE)
# Markers of the past or of existing policy; they veto a weak future marker, not a strong one.
_PAST = re.compile(
    r"\b(?:reeds|al|werd|werden|was|waren|had|hadden|inmiddels|sinds|sedert|vorig|afgelopen|in\s+het\s+verleden)\b", _F
)
_CONDITIONAL = re.compile(r"\b(?:zou|zouden|indien|mocht|eventueel)\b", _F)

_KINDS = [
    (Kind.PROJECT_CALL, re.compile(r"oproep(?:en)?\b|\bcall\b", _F)),
    (
        Kind.LEGISLATION,
        re.compile(
            r"decreet|decretaal|\bbesluit\b|uitvoeringsbesluit|regelgeving|wetgeving|wetsontwerp|omzendbrief|codex|reglement|verordening",
            _F,
        ),
    ),
    (
        Kind.STUDY,
        re.compile(
            r"studie|[eë]valu|onderzo(?:ek|cht|eken)|doorlicht|analyse|bevraging|monitor|audit|\bscreening\b|nagaan|bekijken|inventaris",
            _F,
        ),
    ),
    (
        Kind.FUNDING,
        re.compile(r"subsidie|subsidi[eë]r|middelen|financier|budget|\beuro\b|miljoen|investe|krediet|toelage|premie", _F),
    ),
]
_LEGISLATIVE_CHANGE = re.compile(r"aanpass|wijzig|herzie|indien|goedkeur|opstel|uitwerk|invoer", _F)
_LEADING = re.compile(
    r"^(?:(?:ik|wij|we)\s+(?:zal|zullen|wil|willen|ga|gaan|plan|plannen|beoog|beogen)|(?:zal|zullen|wil|willen|ga|gaan|plan|plannen)\s+(?:ik|we|wij))\s+",
    _F,
)
_ARTICLE = re.compile(r"^(?:een|de|het|er)\s+", _F)
_CONNECTIVE = re.compile(r"^(?:daarnaast|ook|verder|bovendien|tevens|daarom|vervolgens|ten\s+slotte|tot\s+slot)\s*,?\s+", _F)
_SUBJECT = re.compile(r"^(?:de|het|deze|dit|die)\s+(\w{5,})", _F)
TITLE_LENGTH = 120


@dataclass(frozen=True)
class SuggestedCommitment:
    sentence: str
    start: int
    kind: str
    title: str
    deadline: Deadline | None

    @property
    def fingerprint(self) -> str:
        return sentence_fingerprint(self.sentence)


def sentence_fingerprint(sentence: str) -> str:
    return hashlib.sha256(" ".join(sentence.casefold().split()).encode()).hexdigest()


def split_sentences(text: str) -> list[tuple[int, str]]:
    """Sentences with their position in *text*; numbered-item prefixes ("2. ") are left out."""
    sentences = []
    for paragraph in re.finditer(r"[^\n]+", text):
        offset, chunk = paragraph.start(), paragraph.group(0)
        start = 0
        for boundary in _BOUNDARY.finditer(chunk):
            before = chunk[start : boundary.start()]
            last_word = re.search(r"([\w.]+)\.$", before.rstrip("\"'”»)"))
            if last_word and (last_word.group(1).lower() in _ABBREVIATIONS or re.fullmatch(r"\d{1,2}", last_word.group(1))):
                continue
            sentences.append((offset + start, before))
            start = boundary.end()
        sentences.append((offset + start, chunk[start:]))
    result = []
    for position, sentence in sentences:
        prefix = _ITEM_PREFIX.match(sentence)
        if prefix:
            position, sentence = position + prefix.end(), sentence[prefix.end() :]
        stripped = sentence.rstrip()
        leading = len(stripped) - len(stripped.lstrip())
        if stripped.strip():
            result.append((position + leading, stripped.strip()))
    return result


def classify(sentence: str) -> str | None:
    """'refusal', 'commitment' or None for one sentence."""
    if sentence.rstrip().endswith("?"):
        return None
    if any(pattern.search(sentence) for pattern in _REFUSAL):
        return "refusal"
    strong = any(pattern.search(sentence) for pattern in _STRONG_FUTURE)
    if strong and not re.search(r"\b(?:zou|zouden)\b", sentence, _F):
        return "commitment"
    weak = any(pattern.search(sentence) for pattern in _WEAK_FUTURE)
    if weak and not _PAST.search(sentence) and not _CONDITIONAL.search(sentence) and not _PREDICTION.search(sentence):
        return "commitment"
    return None


def _planned_in_the_present(sentence: str, deadline: Deadline | None, made_on: datetime.date) -> bool:
    return (
        deadline is not None
        and deadline.date is not None
        and deadline.date > made_on
        and bool(_FIRST_PERSON.search(sentence))
        and not _PAST.search(sentence)
        and not _CONDITIONAL.search(sentence)
        and not sentence.rstrip().endswith("?")
    )


def kind_of(sentence: str) -> str:
    for kind, pattern in _KINDS:
        if pattern.search(sentence):
            if kind == Kind.LEGISLATION and _KINDS[2][1].search(sentence) and not _LEGISLATIVE_CHANGE.search(sentence):
                return Kind.STUDY
            return kind
    return Kind.ACTION


def title_for(sentence: str, *, refusal: bool, deadline_wording: str = "") -> str:
    """A short title from the clause that carries the promise, in the answer's own words,
    without the deadline (shown beside it) and without the auxiliary verbs."""
    markers = _REFUSAL if refusal else _STRONG_FUTURE + _WEAK_FUTURE
    positions = [match.start() for pattern in markers if (match := pattern.search(sentence))]
    marker = min(positions) if positions else 0
    clause_start = sentence.rfind(",", 0, marker) + 1
    clause = sentence[clause_start:].strip().rstrip(".!;")
    clause = _CONNECTIVE.sub("", clause)
    clause = _LEADING.sub("", clause)
    if deadline_wording:
        clause = clause.replace(deadline_wording, " ")
    clause = re.sub(r"\b(?:zal|zullen)\s+(?:ik\s+|we\s+|wij\s+)?", "", clause, flags=_F)
    clause = re.sub(r"\s+worden\s+(\w+)$", r" \1", clause, flags=_F)
    clause = re.sub(r"\s{2,}", " ", clause).strip(" ,")
    if refusal:
        clause = re.sub(r"^(?:ik|we|wij)\s+(?:plan|plannen|voorzie|voorzien|overweeg|overwegen)\s+", "", clause, flags=_F)
    clause = _ARTICLE.sub("", clause) if not refusal else clause
    clause = clause[:1].upper() + clause[1:]
    if len(clause) > TITLE_LENGTH:
        clause = clause[: TITLE_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return clause


def suggest_commitments(text: str, *, made_on: datetime.date, term_end: datetime.date | None = None) -> list[SuggestedCommitment]:
    """The commitments and refusals a Dutch answer text appears to make, in the order they appear."""
    suggestions: list[SuggestedCommitment] = []
    previous_was_suggested = False
    for start, sentence in split_sentences(text):
        verdict = classify(sentence)
        if verdict is None and _planned_in_the_present(
            sentence, find_deadline(sentence, made_on=made_on, term_end=term_end), made_on
        ):
            verdict = "commitment"
        if verdict == "commitment" and previous_was_suggested and _elaborates(sentence, suggestions[-1].sentence):
            continue
        if verdict is None:
            previous_was_suggested = False
            continue
        refusal = verdict == "refusal"
        deadline = None if refusal else find_deadline(sentence, made_on=made_on, term_end=term_end)
        suggestions.append(
            SuggestedCommitment(
                sentence=sentence,
                start=start,
                kind=Kind.REFUSAL if refusal else kind_of(sentence),
                title=title_for(sentence, refusal=refusal, deadline_wording=deadline.wording if deadline else ""),
                deadline=deadline,
            )
        )
        previous_was_suggested = True
    return suggestions


def _elaborates(sentence: str, previous: str) -> bool:
    """'De projectoproep zal ...' right after 'wil ik een projectoproep lanceren': the same promise."""
    subject = _SUBJECT.match(sentence)
    return bool(subject) and subject.group(1).casefold() in previous.casefold()
