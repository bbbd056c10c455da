"""Step 4b: modality. A clause that announces nothing of the minister's own, though in the future:

- a **condition** or a possibility: "zou", "zouden", "indien", "mocht", "eventueel", "kan" without
  a promise ("Indien nodig zou de regeling kunnen worden aangepast"), and a sentence that opens with
  a condition ("Als de overlast toeneemt, zal …");
- an **expectation**: "ik verwacht dat …", "naar verwachting" about others ("De sector zal naar
  verwachting …"), "ga ervan uit";
- **discourse** about the answer itself: "Ik zal eerst de context schetsen", "Zoals verderop wordt
  uiteengezet", "Hieronder ga ik in op …", "Ik ga bij vraag 3 verder in op …", "ik wil benadrukken",
  "wil ik benoemen dat" (any verb of saying closing the clause, verbs.py), "u zal begrijpen";
- an **aim**: wanting to be able to, or to keep ("wil … beter kunnen beheersen", "willen … toegankelijk
  houden"), striving towards a goal ("streef naar een betere bescherming");
- a **statement of fact** in the future tense: "Dat zal de toekomst uitwijzen", "Het effect zal pas op
  termijn meetbaar zijn", "zal blijken uit", "zal leiden tot", "zal zorgen voor";
- **contacts** without an outcome announced ("voer het gesprek met", "werk samen met"), unlike talks
  aimed at one (pipeline.py);
- **general effort** that continues existing policy: "zal ik mij blijven inzetten voor …" (the corpus
  labels following one specific development closely as a promise: "zal ik … blijven volgen").
"""

import re

_F = re.IGNORECASE
_CONDITION = re.compile(r"\b(?:zou|zouden|indien|mocht|mochten|eventueel|desgewenst|desgevallend|zo\s+nodig|waar\s+nodig)\b", _F)
_EXPECTATION = re.compile(
    r"\b(?:verwacht|verwachten)\b(?!\s+(?:\w+\s+){0,6}?te\s+\w+)|\bga\s+(?:er\s*)?van\s*uit\b|\bgaan\s+(?:er\s*)?van\s*uit\b|"
    r"\bvoorzie\s+(?:ik|we|wij)\s+(?:dat|geen)\b|\bhoop\b|\bhopen\b|\bvertrouw\b",
    _F,
)
_DISCOURSE = re.compile(
    r"\b(?:hieronder|hierna|hierboven|verderop|onderstaand\w*|in\s+(?:dit|mijn)\s+antwoord|in\s+de\s+(?:volgende|onderstaande)\s+"
    r"(?:antwoorden|paragrafen)|(?:bij|via|met|in|door)\s+(?:de|deze)\s+beantwoording|met\s+(?:deze|dit)\s+(?:brief|antwoord)|eerst\s+(?:de|het|kort)|kort\s+(?:in\s+op|toelichten|schetsen))\b|"
    r"\b(?:schetsen|toelichten|uiteenzetten|uiteengezet|toegelicht|geschetst|beantwoorden|beantwoord|verwijzen|verwezen|"
    r"benadrukken|opmerken|aanstippen|samen\s+beantwoorden|ingaan\s+op|in\s+op\s+(?:de|het|uw)\s+vra\w+)\b|"
    r"\bzal\s+u\b|\bu\s+(?:zal|zult)\b|\bzult\s+u\b|\b(?:bij|in)\s+(?:(?:het\s+)?antwoord\s+op\s+)?vraag\s+\d+|"
    r"\b(?:ga|gaat|gaan)\b(?:\s+\w+){0,8}?\s+(?:verder|nader|uitgebreid|later)\s+in\s+op\b",
    _F,
)
# "ingaan op" in a document still to come is a promise: "In die reactie zal worden ingegaan op …".
_DOCUMENT_TO_COME = re.compile(r"\b(?:reactie|kabinetsreactie|brief|nota|rapport|rapportage|evaluatie|voortgangsbrief)\b", _F)
_FACT = re.compile(
    r"\b(?:blijken|uitwijzen|leiden\s+tot|zorgen\s+voor|bijdragen|meetbaar|merkbaar|zichtbaar|voelbaar|"
    r"in\s+beslag\s+nemen|duren|kosten|hebben|zijn|helpen|betekenen|gelden|moeten)\s*[.!]?$",
    _F,
)
_GENERAL_EFFORT = re.compile(
    r"\b(?:mij|me|ons)\s+(?:\w+\s+){0,8}?(?:blijven\s+)?(?:inzetten|inspannen|sterk\s+maken)\b|\bblijven\s+(?:inzetten|aandacht)\b|"
    r"\bblijf\s+(?:ik\s+)?(?:mij|me)\s+inzetten\b|\b(?:houden|behouden|blijven)\s*[.!]?$|\bblijf\s+(?:ik\s+)?(?:ook\s+)?(?:met\s+\w+\s+)?in\s+contact\b",
    _F,
)


# A sentence that opens with a condition ("Als …, zal ik …", "Indien …, wordt …", "Waar … escaleert,
# zullen …"): what its main clause announces holds only then, a conditional practice, no promise.
# Not "zodra" (as soon as: the action is promised, only its moment waits), nor "als gevolg van",
# "als minister", "waar het gaat om" (no condition).
_OPENING_CONDITION = re.compile(
    r"^(?:als|indien|wanneer|mocht|mochten|ingeval|waar)\s+"
    r"(?!(?:gevolg|onderdeel|minister|staatssecretaris|bewindspersoon|kabinet|eerste|laatste|nodig|mogelijk|het\s+gaat|het\s+om)\b)"
    r"[^,;:]{6,}?,",
    _F,
)


def opens_with_condition(sentence: str) -> bool:
    return bool(_OPENING_CONDITION.match(sentence.strip()))


def is_conditional(clause: str) -> bool:
    return bool(_CONDITION.search(clause))


def is_expectation(clause: str) -> bool:
    if re.search(r"\b(?:wordt|worden)\b(?:\s+\S+){0,6}?\s+verwacht\b", clause, _F):
        return False  # "Het rapport wordt eind mei verwacht": a planned delivery
    return bool(_EXPECTATION.search(clause))


# "de hierboven genoemde herijking", "het hieronder beschreven plan": a reference inside a noun phrase,
# not a remark about the answer (the participle may be glued to its noun by the PDF converter).
_REFERENCE = re.compile(
    r"\b(?:hierboven|hieronder|hierna|verderop|onderstaand|bovenstaand)\s+(?:al\s+)?(?:genoemd|beschreven|vermeld|geschetst|"
    r"aangehaald|toegelicht|bedoeld|aangegeven|uiteengezet)\w*",
    _F,
)


def is_discourse(clause: str) -> bool:
    clause = _REFERENCE.sub(" ", clause)
    if not _DISCOURSE.search(clause):
        return False
    return not (re.search(r"\bingegaan\b|\bin\s+(?:die|de|het|deze)\s+", clause, _F) and _DOCUMENT_TO_COME.search(clause))


def is_statement_of_fact(clause: str) -> bool:
    """A future fact, not an action: judged on the clause's last words (its verbs, in Dutch)."""
    return bool(_FACT.search(clause.rstrip(" .!;")))


# "blijven" + a verb: continuing what is done already, unless it is keeping watch on something.
_CONTINUING = re.compile(
    r"\b(?:blijf|blijft|blijven)\s+(?P<verb>(?!de\b|het\b|een\b|deze\b|die\b)\w+en)\b|"
    r"\b(?:blijf|blijft|blijven)\b(?:\s+[\w’'-]+){0,8}?\s+(?P<last>\w+en)\s*[.!;]?$",
    _F,
)
_WATCHING = re.compile(r"^(?:volgen|monitoren|bewaken|bezien|kijken|bekijken|onderzoeken|informeren|rapporteren|evalueren)$", _F)


def is_general_effort(clause: str) -> bool:
    if _GENERAL_EFFORT.search(clause):
        return True
    continuing = _CONTINUING.search(clause)
    return bool(continuing) and not _WATCHING.match(continuing["verb"] or continuing["last"])
