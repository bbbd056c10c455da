"""Step 2b: what in a main clause announces action to come, and its finite verb.

- **future**: "zal", "zullen", "ga/gaan" + an infinitive ("ik zal …", "we gaan … evalueren");
- **intent**: "wil", "van plan", "voornemens", "de intentie", "het is mijn bedoeling", "streef ernaar",
  "neem het initiatief", "engageer mij", "beoog";
- **assent**: "ben bereid", "zeg toe", "dat engagement neem ik op", "dat wil ik graag doen", and the
  other commissive verbs, which bind whoever says them: "kan ik toezeggen", "beloof ik", "het kabinet
  committeert zich aan", "verplicht zich om", "verbind ik mij aan";
- **request**: the minister asked someone else to act ("heb het RIVM gevraagd", "laat onderzoeken",
  "heb besloten … te", in the passive "is Divosa gevraagd om … te"): the minister made it happen, the
  result is to come;
- **ongoing**: work under way with a result to come ("momenteel", "op dit moment", "bezig met", "in
  overleg", "wordt gewerkt aan", "lopen gesprekken", "zijn begonnen met") or a preparatory verb in
  the present ("ik onderzoek", "het ministerie verkent", "wordt uitgewerkt", "wordt voorbereid", "is
  in ontwikkeling"), pressing others ("dringen aan op", "pleit voor") and positions taken in a
  negotiation or revision under way ("bij de herziening van … zet Nederland in op …");
- **plan**: a passive or nominal plan ("is gepland", "staat gepland", "volgt", "komt er", "treedt in
  werking", "wordt … gepubliceerd") — a plan only with a time still to come (see timing.py).

Each signal keeps the span of its finite verb, for actors.py to find its subject.
"""

import re
from dataclasses import dataclass

from tracker.imports.suggesting import verbs

FUTURE = "future"
INTENT = "intent"
ASSENT = "assent"
REQUEST = "request"
ONGOING = "ongoing"
PLAN = "plan"
PRESENT = "present"  # a present-tense action of the minister's side, a promise only with a time to come

_F = re.IGNORECASE
_PREPARATORY_STEMS = (
    r"onderzo\w*|bekijk\w*|bekeken|verken\w*|analyse\w*|analyseer\w*|evalue\w*|geëvalueerd|uitgewerkt|werk\w*\s+(?:\w+\s+){0,6}?(?:uit|aan)\b|"
    r"voorbereid\w*|bereid\w*\s+(?:\w+\s+){0,8}?voor\b|ontwikkel\w*|besproken|bespreek\w*|overleg\w*|inventari\w*|"
    r"in\s+kaart|nagegaan|ga\s+(?:\w+\s+){0,4}?na\b|gaat\s+(?:\w+\s+){0,4}?na\b|bestudeer\w*|opgesteld|stel\w*\s+(?:\w+\s+){0,6}?op\b(?!\s+prijs)|"
    r"herzien|herzie\w*|verkend|geprobeerd|gewerkt|uitgezocht|zoek\w*\s+(?:\w+\s+){0,6}?uit\b|afgewogen|"
    r"kijk\w*\s+(?:\w+\s+){0,8}?naar|aan\s+het\s+(?:kijken|werken|onderzoeken|bekijken|verkennen|uitwerken|voorbereiden)"
)
PREPARATORY = re.compile(rf"\b(?:{_PREPARATORY_STEMS})", _F)
# The participles of that work, for the passive: "wordt uitgewerkt", "wordt er gewerkt aan".
_PREPARATORY_PARTICIPLES = (
    r"onderzocht|bekeken|verkend|geanalyseerd|geëvalueerd|uitgewerkt|voorbereid|ontwikkeld|besproken|opgesteld|herzien|"
    r"nagegaan|in\s+kaart\s+gebracht|gewerkt\s+aan|aan\s+(?:[\w’'-]+\s+){0,6}?gewerkt|geprobeerd|afgewogen|uitgezocht|bestudeerd|geïnventariseerd|"
    r"overlegd|getoetst|uitgevoerd\s+naar|gekeken\s+(?:naar|of|hoe)|bezien|verkend|meegenomen|betrokken\s+bij"
)
# A preparatory verb in the present tense, whoever its subject: "het ministerie verkent", "bereidt … voor".
_PREPARING = (
    r"\b(?:ik|we|wij|diensten|ministeries?|departement(?:en)?|administratie|agentschap(?:pen)?|ambtenaren)\s+(?:[\w’'-]+\s+){0,2}?(?P<verb>onderzoek|bekijk|verken|analyseer|evalueer|ontwikkel|bespreek|overleg|"
    r"inventariseer|bestudeer|herbekijk|toets|onderzoeken|bekijken|verkennen|analyseren|evalueren|ontwikkelen|bespreken|"
    r"inventariseren|bestuderen|toetsen)\b|"
    r"\b(?P<verb2>onderzoek|bekijk|verken|analyseer|evalueer|ontwikkel|bespreek|overleg|inventariseer|bestudeer|toets)\s+(?:ik|we|wij)\b|"
    r"\b(?P<verb3>onderzoekt|bekijkt|verkent|analyseert|evalueert|ontwikkelt|ontwikkelen|bespreekt|overlegt|inventariseert|"
    r"bestudeert|herbekijkt|toetst|beziet|bezint|beraadt)\b|"
    r"\b(?P<verb4>bereid|bereidt|bereiden|werk|werkt|werken|stel|stelt|zoek|zoekt|kijk|kijkt)\s+"
    r"(?:[\w’'-]+\s+){0,12}?(?:voor|aan|uit|op|naar)\b(?!\s+(?:de\s+)?(?:samenwerking|uw|u\b|prijs\b))|"
    r"\b(?P<verb5>voert|voeren|voer)\s+(?:[\w’'-]+\s+){0,8}?(?:onderzoek\w*|test\w*|analyse\w*|evaluatie\w*|studie\w*|"
    r"verkenning\w*|proef\w*|pilot\w*|audit\w*|doorlichting\w*)\s+(?:[\w’'-]+\s+){0,4}?uit\b"
)
# A negotiation or revision under way, as the setting of a position taken: "bij de (lopende)
# onderhandelingen over", "bij de herziening van", "in de Raad".
_NEGOTIATION = (
    r"\b(?:(?:bij|in|tijdens)\s+(?:de|het)\s+(?:lopende\s+|komende\s+|huidige\s+)?(?:onderhandeling\w*|herziening\w*|"
    r"besprekingen|evaluatie\w*|raad\b|raadswerkgroep\w*|trilogen|wetgevingsproces\w*|totstandkoming)|"
    # or inside an international body or forum: "binnen de OESO", "in EU-verband", "in Brussel"
    r"(?:binnen|in|bij)\s+(?:de\s+|het\s+)?(?:OESO|OECD|EU|Europese\s+Unie|VN|Verenigde\s+Naties|NAVO|WTO|Europese\s+Commissie|"
    r"Brussel|EU-verband|Europees\s+verband|internationaal\s+verband|Benelux(?:-verband)?))\s*"
)
_GOVERNMENT = r"(?:het\s+kabinet|de\s+regering|(?:mijn|ons|het)\s+ministerie|het\s+departement)"
# An infinitive, not a finite verb: "te ontwikkelen", "kunnen ontwikkelen".
_INFINITIVE_BEFORE = re.compile(r"\b(?:te|kan|kunnen|zal|zullen|moet|moeten|wil|willen|gaan|mag|mogen|om)\s+$", _F)


_PATTERNS = [
    (FUTURE, r"\b(?P<verb>zal|zullen|zult)\b"),
    (
        FUTURE,
        r"(?:\b(?:ik|we|wij)\s+(?P<verb>ga|gaan)\b|\b(?P<verb2>ga|gaan)\s+(?:ik|we|wij)\b)"
        r"(?!\s+(?:er\s*van\s+uit|ervan\s+uit|uit\s+van|akkoord|over\b|om\b|door\b|verder\s+in\s+op|in\s+op))",
    ),
    # The same future with the government or the department as its subject, the infinitive closing the
    # clause: "Het kabinet gaat de regels aanscherpen", "Daarom gaat het ministerie … uitbreiden".
    (
        FUTURE,
        rf"(?:\b{_GOVERNMENT}\s+(?P<verb>gaat|gaan)\b|\b(?P<verb2>gaat|gaan)\s+{_GOVERNMENT})"
        r"(?!\s+(?:er\s*van\s+uit|ervan\s+uit|uit\s+van|akkoord|over\b|om\b|door\b|verder\s+in\s+op|in\s+op))"
        r"(?=(?:\s+[\w’'-]+){1,12}?\s+\w+en\s*[.!;]?$)",
    ),
    (
        INTENT,
        r"\b(?P<verb>wil|willen)\b(?!(?:\s+\w+){0,4}?\s+(?:benadrukken|onderstrepen|beklemtonen|opmerken|wijzen|verwijzen|herhalen|"
        r"meegeven|preciseren|verduidelijken|aanstippen|signaleren|vermelden|toevoegen|stellen|danken|bedanken|geruststellen|"
        r"erop\s+wijzen|attenderen|aangeven|zeggen|opmerken|toelichten|uitleggen|schetsen|nuanceren|onderschrijven|"
        r"herinneren|wijzen|verwijzen|melden))",
    ),
    (
        INTENT,
        r"\b(?P<verb>ben|zijn|is)\s+(?:\w+\s+){0,3}?(?:van\s+plan|voornemens|van\s+zins)\b|\b(?:van\s+plan|voornemens)\s+(?P<verb2>ben|zijn|is)\b",
    ),
    (INTENT, r"\bhet\s+(?P<verb>is)\s+(?:\w+\s+){0,2}?(?:mijn|onze|de)\s+(?:bedoeling|intentie|ambitie|plan)\b"),
    (INTENT, r"\b(?:het|mijn|ons|de)\s+(?:streven|voornemen|planning)\s+(?P<verb>is)\b"),
    # "Naar verwachting kan ik uw Kamer in het najaar informeren": a plan, with a time to come.
    (PLAN, r"\b(?P<verb>kan|kunnen)\s+(?:ik|we|wij|het\s+kabinet|uw\s+kamer)\b"),
    (INTENT, r"\b(?P<verb>heb|hebben|heeft)\s+(?:\w+\s+){0,2}?(?:de\s+intentie|het\s+plan|het\s+voornemen|de\s+ambitie)\b"),
    (
        INTENT,
        r"\b(?P<verb>plan|plannen|beoog|beogen|streef|streven|engageer|engageren)\b(?=\s+(?:ik|we|wij|ernaar|me|mij|ons|\w+\s+ernaar))"
        r"(?!\s+(?:ik|we|wij)\s+naar\b)|"
        r"\b(?:ik|we|wij)\s+(?P<verb2>plan|plannen|beoog|beogen|streef|streven|engageer|engageren|verbind|verbinden|voorzie|voorzien)\b"
        r"(?!\s+naar\b)"
        r"(?!\s+(?:geen|niet|dat)\b)",
    ),
    (INTENT, r"\b(?P<verb>neem|nemen|neemt)\s+(?:\w+\s+){0,3}?(?:het\s+)?initiatief\b"),
    (ASSENT, r"\b(?P<verb>ben|zijn|is)\s+(?:\w+\s+){0,3}?bereid\b|\bbereid\s+(?P<verb2>ben|zijn)\b"),
    (
        ASSENT,
        r"\b(?P<verb>zeg|zeggen)\s+(?:ik|we|wij)\s+(?:\w+\s+){0,4}?toe\b|\b(?:ik|we|wij)\s+(?P<verb2>zeg|zeggen)\s+(?:\w+\s+){0,4}?toe\b",
    ),
    (ASSENT, r"\bengagement\s+(?P<verb>neem|nemen)\b"),
    # Taking over advice or a proposal: "Het kabinet neemt de aanbevelingen over" (refusals.py reads "niet over").
    (
        ASSENT,
        r"\b(?P<verb>neem|neemt|nemen)\s+(?:[\w’'-]+\s+){0,6}?(?:advie\w*|aanbeveling\w*|voorstel\w*|conclusie\w*|suggestie\w*)\s+"
        r"(?:[\w’'-]+\s+){0,6}?over\b",
    ),
    # Commissive verbs (the speech acts that bind the speaker): "kan ik toezeggen", "beloof ik",
    # "committeert het kabinet zich aan", "verplicht Nederland zich om", "verbind ik mij aan".
    (
        ASSENT,
        r"\b(?P<verb>kan|kunnen|wil|willen)\s+(?:[\w’'-]+\s+){0,8}?(?:toezeggen|beloven|garanderen)\b|"
        r"\b(?P<verb2>beloof|belooft|beloven|garandeer|garandeert|garanderen)\s+(?:ik|we|wij|het\s+kabinet|de\s+regering)\b|"
        r"\b(?:ik|we|wij)\s+(?P<verb3>beloof|beloven|garandeer|garanderen)\b(?!\s+(?:niet|geen)\b)|"
        r"\b(?P<verb4>committeer|committeert|committeren|verplicht|verplichten|verbind|verbindt|verbinden|engageer|engageert|"
        r"engageren)\s+(?:[\w’'-]+\s+){0,3}?(?:zich|mij|me|ons)\s+(?:[\w’'-]+\s+){0,8}?(?:aan|tot|om|voor)\b",
    ),
    (
        REQUEST,
        r"\b(?P<verb>heb|hebben|heeft)\s+(?:[\w’'-]+\s+){0,8}?(?:gevraagd|verzocht|opgedragen|opdracht\s+gegeven|de\s+opdracht\s+gegeven)"
        r"(?=(?:\s+[\w’'-]+){0,14}?\s+te\s+\w+)|\b(?P<verb2>heb|hebben|heeft)\s+(?:[\w’'-]+\s+){0,14}?te\s+\w+\s+(?:gevraagd|verzocht)\b|"
        r"\b(?P<verb3>heb|hebben|heeft)\s+(?:[\w’'-]+\s+){0,8}?opdracht\s+gegeven\s+(?:tot|voor)\b",
    ),
    (REQUEST, r"\b(?P<verb>heb|hebben|heeft)\s+(?:\w+\s+){0,5}?besloten\s+(?:om\s+)?(?:\w+\s+){0,10}?te\s+\w+"),
    # The request in the passive, its asker unsaid: "Daarom is Divosa gevraagd om … te doen".
    (
        REQUEST,
        r"\b(?P<verb>is|zijn)\s+(?:[\w’'-]+\s+){0,4}?(?:gevraagd|verzocht|opgedragen)\s+(?:om\s+)?(?:[\w’'-]+\s+){0,14}?te\s+\w+",
    ),
    # A promise made before and restated: "ik heb toegezegd uw Kamer te informeren".
    (
        REQUEST,
        r"\b(?P<verb>heb|hebben|heeft)\s+(?:[\w’'-]+\s+){0,6}?(?:toegezegd|aangekondigd|beloofd)\s+(?:om\s+)?(?:[\w’'-]+\s+){0,10}?te\s+\w+",
    ),
    (
        REQUEST,
        r"\b(?P<verb>laat|laten)\s+(?:\w+\s+){0,8}?(?:onderzoeken|uitvoeren|kijken|uitzoeken|nagaan|bekijken|opstellen|"
        r"evalueren|analyseren|onderzoek|uitwerken|doorlichten|in\s+kaart\s+brengen)\b",
    ),
    (
        ONGOING,
        r"\b(?P<verb>ben|zijn|is|wordt|worden)\s+(?:[\w’'-]+\s+){0,8}?(?:momenteel\s+|op\s+dit\s+moment\s+|nu\s+|volop\s+)?"
        r"(?:bezig\s+(?:met|aan)|in\s+overleg|in\s+voorbereiding|in\s+ontwikkeling|in\s+de\s+maak|begonnen\s+(?:met|aan)|gestart\s+met|aan\s+het\s+\w+en\s*[.!;]?$)",
    ),
    (
        ONGOING,
        r"\b(?P<verb>lopen|loopt)\s+(?:[\w’'-]+\s+){0,6}?(?:gesprekken|onderhandelingen|overleg|besprekingen|verkenningen|"
        r"onderzoek\w*|evaluatie\w*|studie\w*|analyse\w*|pilot\w*|proef\w*)\b",
    ),
    (ONGOING, r"\b(?P<verb>wordt|worden)\s+(?:er\s+)?(?:\w+\s+){0,10}?" + rf"(?:{_PREPARATORY_PARTICIPLES})\b"),
    (ONGOING, _PREPARING),
    # Carrying out what the House or advisers asked: "Ik voer de motie uit", "geef ik uitvoering aan de
    # motie", "geeft het kabinet opvolging aan de aanbevelingen", "tref voorbereidingen voor".
    (
        ONGOING,
        r"\b(?P<verb>voer|voert|voeren)\s+(?:[\w’'-]+\s+){0,4}?(?:motie\w*|aanbeveling\w*|toezegging\w*|advie\w*)\s+"
        r"(?:[\w’'/-]+\s+){0,6}?uit\b|"
        r"\b(?P<verb2>geef|geeft|geven)\s+(?:[\w’'-]+\s+){0,4}?(?:uitvoering|invulling|opvolging|gevolg)\s+aan\b|"
        r"\b(?P<verb3>tref|treft|treffen)\s+(?:[\w’'-]+\s+){0,4}?voorbereidingen\b",
    ),
    # Pressing others, and positions taken in negotiations under way: "dringen bij de Commissie aan op
    # …", "pleit voor …", "bij de herziening van de verordening zet Nederland in op …" (a standing
    # effort, "met het programma … zet ik in op …", is no promise: the negotiation makes it one).
    (
        ONGOING,
        r"\b(?P<verb>dring|dringt|dringen)\s+(?:[\w’'-]+\s+){0,10}?aan\s+op\b|"
        r"\b(?P<verb2>pleit|pleiten|ijver|ijvert|ijveren)\s+(?:[\w’'-]+\s+){0,6}?voor\b|"
        rf"{_NEGOTIATION}(?:[\w’'-]+\s+){{0,12}}?(?P<verb3>zet|zetten)\s+(?:[\w’'-]+\s+){{0,10}}?in\s+(?:op|voor)\b|"
        rf"\b(?P<verb4>zet|zetten)\s+(?:[\w’'-]+\s+){{0,10}}?(?:in\s+(?:op|voor)|(?:op|voor)\s+in)\b(?=.*{_NEGOTIATION})|"
        rf"\b(?P<verb5>zet|zetten)\s+(?:[\w’'-]+\s+){{0,4}}?{_NEGOTIATION}(?:[\w’'-/]+\s+){{0,8}}?(?:in\s+(?:op|voor)|in)\b",
    ),
    (
        PLAN,
        r"\b(?P<verb>is|zijn|staat|staan|wordt|worden)\s+(?:\w+\s+){0,6}?(?:gepland|voorzien\s+(?:in|voor|tegen|na|op)|"
        r"ingepland|geagendeerd)\b",
    ),
    (PLAN, r"\b(?P<verb>volgt|volgen|komt|komen|start|starten|verschijnt|verschijnen|treedt|treden|gaat|gaan|ligt|liggen)\b"),
    (PLAN, r"\b(?P<verb>wordt|worden)\b"),
    (INTENT, r"\b(?P<verb>kom|komt|komen)\s+(?:[\w’'-]+\s+){0,6}?met\s+(?:een|de|het|nieuwe|voorstellen)\b"),
    (PLAN, r"\b(?P<verb>ontvangt|ontvangen|krijgt|krijgen)\b"),
    # A result by a date to come, in the perfect: "Naar verwachting is het onderzoek in het najaar afgerond".
    (
        PLAN,
        r"\b(?P<verb>is|zijn)\s+(?:[\w’'-]+\s+){0,10}?(?:afgerond|gereed|klaar|voltooid|gerealiseerd|opgeleverd|ingevoerd|"
        r"geïmplementeerd|operationeel)\b",
    ),
    (PLAN, r"\b(?P<verb>verwacht|verwachten)\s+(?:[\w’'-]+\s+){0,8}?te\s+(?:kunnen\s+)?\w+"),
    (PLAN, r"\b(?P<verb>moet|moeten)\s+(?:\w+\s+){0,8}?(?:in\s+werking\s+treden|klaar\s+zijn|afgerond\s+zijn|gereed\s+zijn)\b"),
]
_COMPILED = [(kind, re.compile(pattern, _F)) for kind, pattern in _PATTERNS]
# A present-tense verb of the minister's side: "ik informeer", "informeer ik", "we maken … op".
_PRESENT_FIRST_PERSON = re.compile(
    r"\b(?:ik|we|wij)\s+(?P<verb>(?!zal|zullen|ga|gaan|wil|willen|ben|zijn|heb|hebben|kan|kunnen|moet|moeten|had|was|werd|kijk\s+uit)\w+)\b|"
    r"\b(?P<verb2>(?!zal|zullen|ga|gaan|wil|willen|ben|zijn|heb|hebben|kan|kunnen|moet|moeten|had|was|werd)\w+)\s+(?:ik|we|wij)\b",
    _F,
)


@dataclass(frozen=True)
class Signal:
    kind: str
    start: int  # the finite verb, in the clause
    end: int
    text: str  # the words that matched


def _verb_span(match: re.Match) -> tuple[int, int]:
    for group in ("verb", "verb2", "verb3", "verb4", "verb5"):
        if match.groupdict().get(group):
            return match.span(group)
    return match.span()


def signals_in(clause: str) -> list[Signal]:
    """The signals of action to come in a (main) clause, in order of their finite verb."""
    found = []
    for kind, pattern in _COMPILED:
        for match in pattern.finditer(clause):
            start, end = _verb_span(match)
            if kind == ONGOING and _INFINITIVE_BEFORE.search(clause[:start]):
                continue
            found.append(Signal(kind=kind, start=start, end=end, text=match.group(0)))
    for match in _PRESENT_FIRST_PERSON.finditer(clause):
        start, end = _verb_span(match)
        if not verbs.can_be_finite(clause[start:end]):
            continue  # "Zoals ik …", "en ik …", "ik in …": no verb next to the subject
        found.append(Signal(kind=PRESENT, start=start, end=end, text=match.group(0)))
    return sorted(found, key=lambda signal: (signal.start, _PRIORITY.index(signal.kind)))


_PRIORITY = [ASSENT, REQUEST, INTENT, FUTURE, ONGOING, PLAN, PRESENT]
