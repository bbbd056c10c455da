"""Step 5: refusals, read from structure: a negation ("niet", "geen", "niets", "nooit") of an intent,
a need, support, room or a possibility, held by the minister's side (or impersonally, "het is niet
opportuun"), about an action.

- intent: "ik ben niet van plan", "het kabinet is niet voornemens", "overweeg niet", "wordt geen … overwogen",
  "ik plan geen", "wil ik niet op vooruitlopen", "zal de proefperiode niet verlengen" (the minister's side);
- need: "acht ik niet nodig", "is niet opportuun", "zie geen reden/aanleiding/noodzaak";
- need and use: "evenmin acht ik … nodig", "acht ik niet proportioneel", "is niet van toegevoegde
  waarde", "heeft geen meerwaarde",
  "geen reden gezien om";
- support: "ben geen voorstander van", "steun ik niet", "verzet zich tegen";
- refraining and deciding not to act: "zie ik af van", "heb besloten … niet te verlengen";
- the minister's own action declared impossible: "kan ik de vergunning niet zomaar intrekken" (not
  giving figures or knowledge: "kan ik niet aangeven");
- room: "daar is geen ruimte voor", "is niet aan mij", and a decision left to the next government
  ("ik laat het aan het nieuwe kabinet om …", "is aan het volgende kabinet");
- possibility of saying or sharing, declined on principle: "kan geen uitspraken doen", "kan niet ingaan
  op", "kan de informatie niet delen", "kan geen antwoord geven", "niet in het belang … om".

Not refusals: lacking information that does not exist ("heb geen zicht op", "dat overzicht kan ik niet
geven", "is niet bekend"), statements of competence ("heb hierin geen rol"), a promise to refrain
("zal niets doen dat … in de weg staat": a commitment), "niet alleen … maar ook".
"""

import re

_F = re.IGNORECASE
_NEGATION = r"(?:niet|geen|niets|nooit|evenmin)"
_REFUSALS = [
    re.compile(pattern, _F)
    for pattern in (
        # intent
        rf"\b(?:ben|is|zijn)\s+(?:\w+\s+){{0,4}}?{_NEGATION}\s+(?:\w+\s+){{0,2}}?(?:van\s+plan|voornemens|van\s+zins|bereid)\b",
        rf"\b(?:overweeg|overweegt|overwegen|plan|plannen|beoog|beogen|voorzie|voorzien)\s+(?:\w+\s+){{0,3}}?{_NEGATION}\b",
        rf"\b(?:wordt|worden)\s+(?:\w+\s+){{0,6}}?{_NEGATION}\s+(?:\w+\s+){{0,8}}?(?:overwogen|gepland|voorzien|beoogd|verlengd|ingevoerd|uitgebreid|aangepast)\b",
        rf"\b(?:het|dat|dit)\s+is\s+(?:\w+\s+){{0,3}}?{_NEGATION}\s+(?:de|mijn|onze)\s+(?:bedoeling|intentie|plan)\b(?!\s+van\b)",
        rf"\b(?:heb|hebben|heeft)\s+(?:\w+\s+){{0,2}}?{_NEGATION}\s+(?:de\s+|het\s+)?(?:intentie|plannen|plan|voornemen)\b",
        r"\ber\s+(?:zijn|bestaan|komen|worden)\s+(?:\w+\s+){0,3}?geen\s+(?:plannen|bijkomende|extra|nieuwe|specifieke|aparte|verdere)\b",
        rf"\b(?:wil|willen)\s+(?:\w+\s+){{0,4}}?{_NEGATION}\s+(?:\w+\s+){{0,3}}?(?:op\s+)?vooruitlopen\b|\b{_NEGATION}\s+(?:\w+\s+){{0,2}}?op\s+vooruitlopen\b",
        # need (and the other judgements by which a minister declines a measure: proportionate, wise, feasible)
        rf"\b(?:acht|vind|achten|vinden)\s+(?:\w+\s+){{0,6}}?{_NEGATION}\s+(?:\w+\s+){{0,2}}?(?:opportuun|nodig|noodzakelijk|aangewezen|wenselijk|zinvol|nuttig|aan\s+de\s+orde|"
        r"proportioneel|verstandig|passend|gepast|haalbaar|effectief|doelmatig|gerechtvaardigd)\b",
        # refraining, and a decision not to act: "zie ik af van", "heb besloten de regeling niet te verlengen"
        r"\b(?:zie|ziet|zien)\s+(?:\w+\s+){0,4}?af\s+van\b|\bafzien\s+van\b",
        r"\b(?:besloten|besluit|besluiten)\s+(?:om\s+)?(?:\w+\s+){0,8}?(?:niet|geen)\s+(?:\w+\s+){0,6}?te\s+\w+",
        # (the middle field between the verb and "geen" may be long: "Ik zie op dit moment in het handelen van … geen aanleiding")
        r"\b(?:zie|ziet|zien)\s+(?:\S+\s+){0,24}?geen\s+(?:\w+\s+){0,1}?(?:reden|noodzaak|nood|aanleiding|meerwaarde|grond)\b",
        r"\b(?:zie|ziet|zien|is|bestaat)\s+(?:\w+\s+){0,4}?geen\s+(?:\w+\s+){0,1}?(?:reden|noodzaak|nood|aanleiding|meerwaarde|grond|"
        r"mogelijkheid|mogelijkheden)\b",
        # need, said of the measure itself: "Aanvullende maatregelen zijn niet nodig"
        r"\b(?:maatregel\w*|regeling|wijziging\w*|aanpassing\w*|onderzoek|studie|actie\w*|wetgeving|wetswijziging|stappen)\s+"
        r"(?:\w+\s+){0,3}?(?:is|zijn|lijkt|lijken)\s+(?:\w+\s+){0,3}?(?:niet|geen)\s+(?:\w+\s+){0,1}?(?:nodig|noodzakelijk)\b",
        # choosing or taking over: "Daar kies ik niet voor", "dat voorstel neem ik niet over", "wijs ik af"
        r"\b(?:kies|kiest|kiezen)\s+(?:\w+\s+){0,4}?(?:niet|geen)\s+(?:\w+\s+){0,3}?voor\b",
        r"\b(?:neem|neemt|nemen)\s+(?:\w+\s+){0,4}?niet\s+over\b|\b(?:wijs|wijst|wijzen)\s+(?:ik|we|wij|het\s+kabinet)\s+(?:\w+\s+){0,4}?af\b",
        # support
        r"\b(?:ben|zijn|is)\s+(?:\w+\s+){0,3}?(?:geen|niet\s+een)\s+(?:\w+\s+){0,1}?(?:voorstander|voorstanders)\b",
        r"\b(?:steun|steunen|onderschrijf|onderschrijven)\s+(?:ik|we|wij|het\s+kabinet)\s+(?:\w+\s+){0,4}?niet\b",
        # room
        r"\b(?:is|zijn|bestaat)\s+(?:\w+\s+){0,4}?geen\s+(?:\w+\s+){0,2}?(?:ruimte|budget|middelen)\s+(?:voor|om)\b|\bgeen\s+(?:\w+\s+){0,1}?ruimte\s+(?:voor|om)\b",
        r"\bis\s+(?:\w+\s+){0,2}?niet\s+aan\s+(?:mij|ons|het\s+kabinet)\b",
        r"\b(?:zijn|is)\s+(?:\w+\s+){0,3}?geen\s+(?:extra\s+|aanvullende\s+|bijkomende\s+)?(?:middelen|budget|geld)\s+(?:beschikbaar|voorzien)\b",
        r"\bniet\s+in\s+het\s+belang\s+(?:\w+\s+){0,5}?om\b",
        r"\bligt\s+(?:\w+\s+){0,3}?niet\s+in\s+de\s+rede\b",
        # "het ligt niet voor de hand om …": declining as not the obvious course
        r"\bligt\s+(?:\S+\s+){0,14}?niet\s+(?:\S+\s+){0,2}?voor\s+de\s+hand\b",
        # declining to act: "neem ik geen maatregelen", "zet het kabinet geen stappen"
        r"\b(?:neem|neemt|nemen|zet|zetten|onderneem|onderneemt|ondernemen)\s+(?:\w+\s+){0,3}?geen\s+(?:\w+\s+){0,2}?"
        r"(?:maatregelen|stappen|actie|acties|initiatief|initiatieven)\b",
        # declining to say or share: "ga ik niet in op", "worden geen mededelingen gedaan", "verstrek ik geen informatie"
        r"\b(?:ga|gaat|gaan)\s+(?:\w+\s+){0,4}?niet\s+(?:\w+\s+){0,4}?in\s+op\b|\bniet\s+(?:\w+\s+){0,3}?op\s+vooruit\b",
        r"\b(?:wordt|worden)\s+(?:\w+\s+){0,4}?geen\s+(?:mededelingen|uitspraken|informatie)\s+(?:\w+\s+){0,3}?(?:gedaan|gegeven|verstrekt)\b",
        r"(?:\b(?:verstrek|verstrekt|verstrekken|deel|deelt|delen)\s+(?:ik|we|wij|het\s+kabinet)|"
        r"\b(?:ik|we|wij|het\s+kabinet|de\s+regering)\s+(?:verstrek|verstrekt|verstrekken|deel|deelt|delen))"
        r"\s+(?:\w+\s+){0,3}?geen\s+(?:\w+\s+){0,2}?(?:informatie|gegevens|details)\b",
        # need, with the negation before the judgement: "Evenmin acht ik een «groot» onderzoek nodig"
        rf"^(?:\S+\s+){{0,3}}?{_NEGATION}\s+(?:acht|vind|achten|vinden)\s+(?:\S+\s+){{0,10}}?(?:opportuun|nodig|noodzakelijk|"
        r"aangewezen|wenselijk|zinvol|nuttig)\b",
        # declining to say, in the passive: "kunnen geen uitspraken worden gedaan"
        r"\b(?:kan|kunnen)\s+(?:\w+\s+){0,6}?geen\s+(?:\w+\s+){0,2}?(?:uitspraken|mededelingen)\s+(?:worden\s+gedaan|gedaan\s+worden)\b",
        # the minister's own action declined as impossible: "kan ik de vergunning niet zomaar intrekken"
        r"\b(?:kan|kunnen)\s+(?:ik|we|wij|het\s+kabinet|de\s+regering)\s+(?:\S+\s+){0,6}?(?:niet|geen)\s+(?:\S+\s+){0,4}?"
        r"(?!(?:aangeven|zeggen|geven|inschatten|beoordelen|overzien|vaststellen|voorspellen|bevestigen|beantwoorden|"
        r"verklaren|achterhalen|nagaan|weten|garanderen|uitsluiten|ingaan|treden|delen)\b)\w+en\s*[.!]?$",
        # usefulness denied: "lijkt niet van toegevoegde waarde", "heeft geen meerwaarde"
        r"\b(?:is|zijn|lijkt|lijken|heeft|hebben|biedt|bieden)\s+(?:\w+\s+){0,4}?(?:niet\s+van\s+(?:\w+\s+)?toegevoegde\s+waarde|"
        r"geen\s+(?:\w+\s+)?(?:toegevoegde\s+waarde|meerwaarde))\b",
        r"\bgeen\s+(?:\w+\s+){0,1}?(?:reden|aanleiding|noodzaak)\s+(?:\w+\s+){0,2}?(?:gezien|ziet|zien|zie)\b",
        r"\b(?:zie|ziet|zien)\s+(?:\w+\s+){0,6}?niet\s+(?:de|een)\s+(?:reden|aanleiding|noodzaak)\b",
        r"\b(?:is\s+het|het\s+is)\s+(?:\w+\s+){0,3}?niet\s+(?:nodig|noodzakelijk)\b",
        # opposing: "Nederland verzet zich tegen de herziening"
        r"\b(?:verzet|verzetten)\s+(?:\w+\s+){0,3}?(?:zich|mij|me|ons)\s+(?:\w+\s+){0,3}?tegen\b",
        # passing a decision on to the next government: "Ik laat het aan het nieuwe kabinet om …",
        # "dat is aan een volgend kabinet" (a demissionary government's way of declining)
        r"\b(?:laat|laten|is|ligt|zijn)\s+(?:\w+\s+){0,4}?(?:over\s+)?aan\s+(?:een|het|de|mijn)\s+(?:nieuwe?|volgende?|"
        r"(?:ambts)?opvolger)\s*(?:kabinet|regering|bewindspersoon|minister|staatssecretaris)?\b",
        # possibility of saying or sharing
        rf"\b(?:kan|kunnen)\s+(?:\w+\s+){{0,10}}?{_NEGATION}\s+(?:\w+\s+){{0,8}}?(?:uitspra(?:ak|ken)\s+doen|ingaan|delen|vooruitlopen|"
        r"uitspra(?:ak|ken)\s+(?:\w+\s+){0,2}?doen|antwoord\s+geven|openbaar\s+maken|bekendmaken|toezeggen|commentaar\s+geven|mededelingen\s+doen|in\s+detail\s+treden|"
        r"ingrijpen|worden\s+gegeven|verstrekken)\b",
        rf"\bkan\s+(?:\w+\s+){{0,3}}?{_NEGATION}\s+(?:\w+\s+){{0,6}}?(?:op\s+)?(?:ingaan|reageren)\b",
    )
]
# A negated judgement said of a thing ("… is niet opportuun", "lijkt niet zinvol", "is niet aan de
# orde") declines an action only when what it judges is one: an action named as its subject ("een
# dergelijk onderzoek is niet opportuun") or an "om … te" clause ("Het is niet wenselijk om … te …");
# "Dat is niet wenselijk omdat …", "Nee, dit is niet aan de orde" judge a state of affairs.
_JUDGED_NOT = re.compile(
    rf"\b(?:is|zijn|lijkt|lijken)\s+(?:\w+\s+){{0,6}}?{_NEGATION}\s+(?:\w+\s+){{0,2}}?(?:opportuun|aangewezen|wenselijk|zinvol|"
    r"aan\s+de\s+orde)\b",
    _F,
)
_AN_ACTION = re.compile(
    r"\bom\s+(?:\S+\s+){0,12}?te\s+\w+|\b(?:maatregel\w*|regeling\w*|wijziging\w*|aanpassing\w*|onderzoek\w*|studie\w*|"
    r"evaluatie\w*|actie\w*|wetgeving|wetswijziging\w*|wetsvoorstel\w*|stappen|verbod\w*|verplichting\w*|verlenging\w*|"
    r"uitbreiding\w*|invoering|herziening\w*|heroverweging|bijdrage\w*|subsidie\w*|compensatie|voorstel\w*|"
    r"\w+onderzoek|\w+maatregel\w*|\w+regeling\w*|\w+verbod|\w{3,}(?:atie|ering))\b",
    _F,
)

# The minister's side declining a future action: "ik zal geen …", "de regering zal … niet verlengen".
_NEGATED_FUTURE = re.compile(
    rf"\b(?:zal|zullen|ga|gaan|wil|willen)\b(?:\s+\w+){{0,6}}?\s+{_NEGATION}\b(?!\s+(?:alleen|enkel|nalaten|langer|meer\s+dan|eerder|later|het\s+risico|"
    r"zomaar|zonder|uitsluiten|onvermeld|ontkennen|verhelen|verzwijgen))",
    _F,
)
_REFRAIN = re.compile(r"\bniets\s+(?:\w+\s+){0,2}?(?:doen|ondernemen)\b", _F)
_NOT_A_REFUSAL = re.compile(
    r"\b(?:geen\s+(?:zicht|inzicht|informatie|gegevens|cijfers|zicht|rol|signalen|weet|kennis|overzicht)|niet\s+bekend|"
    r"niet\s+alleen|niet\s+enkel|(?:reden|aanleiding)\s+om\s+(?:aan\s+te\s+nemen|te\s+veronderstellen|te\s+twijfelen|te\s+denken|"
    r"te\s+verwachten|te\s+vrezen)|niet\s+over\s+(?:informatie|gegevens|cijfers)|niet\s+(?:geregistreerd|bijgehouden))\b",
    _F,
)


def refuses(main: str) -> bool:
    """The main clause declines an action by structure (negated intent, need, support, room or possibility)."""
    if _NOT_A_REFUSAL.search(main) and not re.search(r"\b(?:uitspraken|delen|deel|ingaan|vooruitlopen|verstrek\w*)\b", main, _F):
        return False
    if _JUDGED_NOT.search(main) and _AN_ACTION.search(main):
        return True
    return any(pattern.search(main) for pattern in _REFUSALS)


def declines_future_action(main: str) -> bool:
    """A negated future action: a refusal when the minister's side is its actor (pipeline.py checks)."""
    return bool(_NEGATED_FUTURE.search(main)) and not _REFRAIN.search(main)


def refrains(main: str) -> bool:
    """A promise to refrain from something: "zal niets doen dat …"."""
    return bool(_REFRAIN.search(main))
