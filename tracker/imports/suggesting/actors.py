"""Step 3: who performs the action of a clause.

The minister's side is the minister ("ik", "wij", "we"), the government ("het kabinet", "de
(Vlaamse) Regering", a fellow minister or state secretary, "Nederland" or "Vlaanderen" in
negotiations) and the administration ("mijn ministerie", "het departement", "mijn diensten", an
executive agency under the minister: ILT, UWV, Logius, RVO, VDAB, "het Agentschap …"). Everyone else
is a third party: EU bodies, the federal level, municipalities and provinces, courts, courts of
audit, juries, independent regulators and advisory bodies, companies, the sector.

A passive whose doer is named ("door de autoriteiten", "door het bevoegd gezag") is that doer's,
unless the doer is the minister's side. A passive clause without "door …" ("Uw Kamer wordt voor de zomer geïnformeerd", "het decreet zal
worden geëvalueerd") is the administration's doing: who else would inform the House.

The subject is found from Dutch word order: the finite verb comes second, so the subject is either
what precedes it ("De gemeenten zullen …") or, after an adverbial opening, the words right after it
("Daarnaast zal Gasunie …", "Begin juli zal de Raad …").
"""

import re

from tracker.imports.suggesting.verbs import AUXILIARIES

MINISTER = "minister"
GOVERNMENT = "government"
ADMINISTRATION = "administration"
IMPLIED = "implied"  # a passive clause, or one without a subject: the administration's doing
THING = "thing"  # a subject that acts on nobody's behalf: "het rapport", "de nieuwe regeling", "dit"
EXISTENTIAL = "existential"  # "er lopen gesprekken", "er zal sprake zijn van": what happens, not who acts
THIRD_PARTY = "third party"
MINISTERS_SIDE = frozenset({MINISTER, GOVERNMENT, ADMINISTRATION, IMPLIED})

_F = re.IGNORECASE
_MINISTER = re.compile(r"^(?:ik|wij|we|mij|me|ikzelf|ons)$", _F)
_GOVERNMENT = re.compile(
    r"\b(?:het\s+kabinet|dit\s+kabinet|het\s+huidige\s+kabinet|de\s+(?:vlaamse\s+|nederlandse\s+)?regering|de\s+vlaamse\s+overheid|"
    r"de\s+rijksoverheid|het\s+rijk|de\s+staat|nederland|vlaanderen|de\s+(?:vice)?minister(?:-president)?\b|de\s+staatssecretaris|"
    r"de\s+bewindspersonen?|mijn\s+collega'?s?|de\s+ministers)",
    _F,
)
_ADMINISTRATION = re.compile(
    r"\b(?:mijn|ons|onze|het|de)\s+(?:ministerie|departement|administratie|agentschap|diensten|dienst|ambtenaren|inspectie)\b|"
    r"\b(?:mijn|ons)\s+kabinet\b|"
    r"\bministerie\s+van\b|\bdepartement\s+\w+|\bagentschap\s+\w+|\b(?:ILT|UWV|SVB|Logius|RVO|RIVM|NVWA|DUO|IND|CJIB|DJI|"
    r"Rijkswaterstaat|Belastingdienst|Douane|KNMI|AIVD|MIVD|NCSC|NCTV|VDAB|VLAIO|VMM|AWV|Kind\s+en\s+Gezin|Opgroeien|Inspectie\s+\w+|"
    # the other state inspectorates (rijksinspecties)
    r"IGJ|IJenV|NLA|Arbeidsinspectie|Rijksinspectie\w*)\b",
    _F,
)
# Third parties named as such: the and the corpus README's examples and their kind.
_THIRD_PARTY = re.compile(
    r"\b(?:gemeente|gemeenten|steden|stad|provincie|provincies|lokale\s+besturen|lokaal\s+bestuur|europe\w*|eu|unie|"
    r"federale|federaal|parlement|kamerleden|rechter|rechtbank|hof|rekenhof|rekenkamer|jury|commissie|raad|sector|"
    r"bedrijven|bedrijf|ondernemers|werkgevers|werknemers|instellingen|scholen|ziekenhuizen|zorgaanbieders|"
    r"zorgverzekeraars|verzekeraars|partijen|organisaties|onderzoekers|universiteit|experts|burgers|ouders|"
    r"initiatiefnemers|netbeheerders|toezichthouder|ombudsman|nza|dnb|afm|acm|ap|vng|ipo|zij|ze|hij|men|deze\s+partijen)\b",
    _F,
)
# A subject of the minister's side anywhere in a clause, for verbs.py to find its verb beside it.
MINISTERS_SIDE_SUBJECT = re.compile(rf"\b(?:ik|wij|we)\b|{_GOVERNMENT.pattern}|{_ADMINISTRATION.pattern}", _F)
_PERSONAL = re.compile(r"^(?:ik|wij|we|hij|zij|ze|men|u|jullie|het|er|dit|dat|deze|die)$", _F)
# Openings that are adverbials: after them, the subject follows the finite verb.
_ADVERBIAL_OPENING = re.compile(
    r"^(?:er|daar|hier|binnen|daarnaast|ook|daarom|verder|bovendien|tevens|vervolgens|eerst|hierbij|hiervoor|daarbij|daarvoor|hierover|"
    r"daarover|hierin|daarin|hiermee|daarmee|hierop|daarop|binnenkort|momenteel|nu|thans|zo|dan|eind|einde|begin|midden|"
    r"na|voor|vóór|in|op|met|bij|tegen|vanaf|over|onder|uit|door|via|samen|graag|uiteraard|wel|echter|dus|ten|tot|"
    r"gelet|gezien|naast|rond|per|sinds|enkel|alleen|wellicht|mogelijk|opnieuw|nogmaals|ja|nee|concreet|aansluitend|"
    r"inmiddels|intussen|vandaar|hiertoe|daartoe|eerder|later|spoedig|volgend\w*|komend\w*|deze\s+week|dit\s+(?:jaar|najaar|voorjaar)|"
    r"\d{4}|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|namens|conform|"
    r"vanuit|middels|zodoende|evenzeer|evenmin|daarentegen|tenslotte|tot\s+slot|ten\s+slotte|ten\s+eerste|ten\s+tweede|"
    r"ten\s+derde|allereerst|kortom|hiernaast|overigens|wat|zoals|om|als|aan|omwille|krachtens|wegens|vanwege|"
    r"rekening|onder\s+regie|op\s+basis)\b",
    _F,
)
_DETERMINER = re.compile(r"^(?:de|het|een|deze|dit|die|dat|mijn|onze|ons|uw|zijn|haar|hun|alle|elke|ieder|iedere)\b", _F)
_PASSIVE = re.compile(r"\b(?:word|wordt|worden|werd|werden)\b", _F)
_PASSIVE_PERFECT = re.compile(r"\b(?:zal|zullen|zijn|is)\b.*\b(?:ge\w+(?:d|t|en)|\w+(?:eerd|ëerd))\s+(?:zijn|worden)\b", _F)
# The agent of a passive: "door de gemeenten", "door autoriteiten van …", "door RVO" (not "door middel
# van", "door te …": means, not a doer; nor "de door Nederland gedeelde informatie": an attribute).
BY_AGENT = re.compile(
    r"(?<!\bde\s)(?<!\bhet\s)(?<!\been\s)\bdoor\s+(?!middel\b|te\b|het\s+feit\b)((?:de|het|een|mijn|onze|ons)\s+[\w\s-]{2,40}|[A-Z][\w-]+|[a-zà-ÿ]{4,}(?:\s+[\w-]+){0,3})",
    re.UNICODE,
)


def classify_subject(subject: str) -> str:
    """The side of a subject phrase ("het kabinet", "De gemeenten", "Gasunie", "het rapport")."""
    words = subject.strip(" ,.").split()
    if not words:
        return IMPLIED
    if [word.lower() for word in words] == ["er"]:
        return EXISTENTIAL
    if _MINISTER.match(words[0]) and (len(words) == 1 or words[1].lower() in ("en", "samen", "zelf", "ook")):
        return MINISTER
    if words[0].lower() in ("ik", "wij", "we"):
        return MINISTER
    if _ADMINISTRATION.search(subject):
        return ADMINISTRATION
    if _GOVERNMENT.search(subject):
        return GOVERNMENT
    if _THIRD_PARTY.search(subject):
        return THIRD_PARTY
    if (
        words[0][:1].isupper()
        and not _DETERMINER.match(words[0])
        and not _PERSONAL.match(words[0])
        and not _ADVERBIAL_OPENING.match(words[0])
        and (len(words) == 1 or words[1][:1].isupper() or words[0].isupper())
    ):
        return THIRD_PARTY  # a name: "Gasunie", "Arriva Nederland" (not "Aanvullende maatregelen")
    if len(words) > 1 and _DETERMINER.match(words[0]) and words[1][:1].isupper() and words[1].isalpha():
        return THIRD_PARTY  # "de Raad voor Cultuur", "het Europees Parlement"
    return THING


# A past participle: "geëvalueerd", "uitgewerkt", "onderzocht", "voorbereid" (not "zichtbaar worden").
PARTICIPLE = re.compile(
    r"\b(?![a-zà-ÿ]+(?:ingen|heden|schappen|isten|aties|ieën)\b)(?:ge[a-zà-ÿ]{2,}(?:d|t|en)|[a-zà-ÿ]{2,6}ge[a-zà-ÿ]{2,}(?:d|t|en)|(?:be|ver|ont|her|er|onder|over|voorbe|door)[a-zà-ÿ]{2,}(?:d|t|en))\b",
    _F,
)


# Prepositions that open a phrase Dutch may put after the participle that closes the clause.
_EXTRAPOSED = {"over", "met", "naar", "aan", "voor", "van", "bij", "tot", "tegen", "via", "door", "om", "in", "op", "onder"}


def is_passive(clause: str) -> bool:
    """A form of "worden" with a past participle before it or anywhere after it ("wordt besproken",
    "wordt … geëvalueerd", "geïnformeerd worden"), or "zal … afgerond zijn"; not "zichtbaar worden"."""
    if _PASSIVE_PERFECT.search(clause):
        return True
    words = [word.strip(".,;:!?()") for word in clause.split()]
    for index, word in enumerate(words):
        if word.lower() in ("word", "wordt", "worden", "werd", "werden"):
            neighbours = [words[index - 1] if index else "", *words[index + 1 : index + 4], words[-1]]
            if any(PARTICIPLE.fullmatch(neighbour) for neighbour in neighbours if neighbour):
                return True  # "worden … gesprekken gevoerd over …": the participle may stand far behind
            if any(
                PARTICIPLE.fullmatch(word) and re.search(r"[dt]$", word) and following.lower() in _EXTRAPOSED
                for word, following in zip(words[index + 1 :], words[index + 2 :], strict=False)
            ):
                return True  # the participle before what Dutch puts after it: "… gesprekken gevoerd over vervolgacties"
    return False


def subject_around(clause: str, verb_start: int, verb_end: int) -> str:
    """The subject of the finite verb at clause[verb_start:verb_end], from word order."""
    before = re.sub(r"^(?:ja|nee|neen)\b[\s,]*", "", clause[:verb_start].strip(" ,"), flags=_F)
    after = clause[verb_end:].strip()
    after_words = after.split()
    first_after = after_words[0].lower().strip(",.") if after_words else ""
    if first_after in ("ik", "wij", "we", "hij", "zij", "men"):
        return first_after  # "Die regeling zal ik aanpassen": only a subject takes these forms
    near = before.split()[-3:]
    pronoun = next(
        (word.lower() for word in reversed(near) if word.lower() in ("ik", "wij", "we", "zij", "ze", "hij", "men")), None
    )
    if pronoun and before.split()[0].lower() not in ("ik", "wij", "we"):
        return pronoun  # "waar zij … willen", "kunnen zij": the nearest subject pronoun
    if before.lower() == "er":
        return "er"  # "Er lopen gesprekken", "Er zal sprake zijn van"
    if not before or _ADVERBIAL_OPENING.match(before):
        if not after_words:
            return ""
        first = after_words[0].lower().strip(",.")
        if first in ("ik", "wij", "we", "hij", "zij", "ze", "men", "u"):
            return first
        if first == "er":
            return "er"  # "wordt er gewerkt aan", "komt er een oproep": no subject acting
        if _DETERMINER.match(first) or after_words[0][:1].isupper():
            return _noun_phrase(after_words)
        return ""
    return before


def _noun_phrase(words: list[str]) -> str:
    phrase = []
    for index, word in enumerate(words[:7]):
        clean = word.strip(",.;:")
        if index > 0 and clean.lower() in ("zijn", "haar", "hun", "het", "de", "een") and phrase:
            break  # "zal de Raad voor Cultuur zijn adviezen publiceren"
        if index > 0 and clean.lower() in ("ook", "daarom", "nog", "dan", "wel", "niet", "samen", "in", "op", "met", "naar"):
            break
        phrase.append(clean)
        if clean != word:
            break
    return " ".join(phrase)


def actor_of(clause: str, verb_start: int, verb_end: int) -> str:
    """Who acts in the clause whose finite verb is at clause[verb_start:verb_end]."""
    subject = subject_around(clause, verb_start, verb_end)
    side = classify_subject(subject)
    # Only an auxiliary ("wordt", "zal", "is", a modal) can carry a passive: "NS kijkt naar … en daarna
    # worden … ingezet" is active where "kijkt" stands, whatever its other half says.
    passive = clause[verb_start:verb_end].lower() in AUXILIARIES and is_passive(clause)
    if side == IMPLIED and not passive:
        return THING  # no subject and no passive: no one acts
    if side == EXISTENTIAL and passive:
        return IMPLIED  # "wordt er gewerkt aan …"
    if passive and side in (THING, THIRD_PARTY) and not _first_person(subject):
        agent = BY_AGENT.search(clause)
        if agent and classify_subject(agent.group(1)) == THIRD_PARTY:
            return THIRD_PARTY
        if side == THIRD_PARTY and not re.search(r"\b(?:kamer|kamerleden|parlement)\b", subject, _F):
            # "De gemeenten worden gevraagd …": the third party undergoes; still the minister's doing.
            return IMPLIED
        return IMPLIED
    return side


def _first_person(subject: str) -> bool:
    return bool(re.match(r"^(?:ik|wij|we)\b", subject, _F))
