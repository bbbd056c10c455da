"""Step 2c: the finite verb of a main clause, found from Dutch word order, and its tense.

Dutch puts the finite verb second in a main clause (V2): the subject stands right before it ("Het
kabinet zet zich in voor …") or, behind an opening adverbial or object, right after it ("Daarnaast
zet het kabinet zich in", "Die motie voer ik uit"). So once the subject is known, the word next to
it is the finite verb, when that word can be a verb at all (not an article, pronoun, preposition,
conjunction or adverb: the closed word classes of Dutch grammar, listed below).

The verb is then read by its form and its class:
- **tense**: the past of weak verbs ends in -de/-te ("noemde", "zette"); strong and irregular verbs
  change their vowel ("nam", "ging", "besloot"; the list below is the usual table of Dutch strong
  verbs); the perfect is "heb/is" + a participle (timing.py);
- **auxiliaries and modals** ("zal", "wil", "kan", "moet", "wordt", "ben", "heb", "ga"): their meaning
  is read by signals.py and modality.py;
- **verbs of mind, judgement and speech** ("vind", "acht", "deel", "begrijp", "betreur", "verwijs",
  "benadruk"): a view or a remark, no action (Dutch grammar's verbs of perception, cognition,
  emotion and saying);
- every other present-tense verb of the minister's side is an **action now** ("voer … uit", "zet …
  in op", "committeert zich aan", "leg … vast"): a promise when the clause announces no existing or
  habitual work (the pipeline decides).
"""

import re
from dataclasses import dataclass

_F = re.IGNORECASE


def _words(listed: str) -> list[str]:
    return listed.split()


# Closed word classes (Dutch grammar): a word of these is never the finite verb.
CLOSED = frozenset(
    _words("""
    de het een der des den 't
    ik jij je u hij zij ze wij we jullie men het er zich mij me mijn mijnen ons onze uw hun haar zijn
    dit dat deze die wat wie welk welke zulk zulke
    aan achter af bij binnen boven buiten door in langs met na naar naast om onder op over per rond
    sinds te tegen tot tussen uit van vanaf vanuit via volgens voor vóór zonder omtrent wegens
    vanwege dankzij ondanks gedurende betreffende inzake middels
    en of maar want dus doch noch zowel als dan zoals omdat doordat zodat opdat aangezien hoewel terwijl
    indien mits tenzij zodra nadat voordat totdat wanneer waar waarbij waarmee waarin hoe waarom
    niet geen nooit niets ook nog al wel reeds echter daarom daarnaast verder bovendien tevens
    vervolgens eerst hierbij daarbij hiervoor daarvoor hierover daarover hierin daarin hiermee daarmee
    hierop daarop daar hier nu thans momenteel binnenkort straks dan toen zo graag uiteraard
    inmiddels intussen eerder later opnieuw nogmaals samen zelf zeker vooral met name ja nee
    alleen enkel slechts sterk nauw goed verder steeds altijd regelmatig vaak soms evenmin
    """)
)
AUXILIARIES = frozenset(
    _words("""
    ben bent is zijn was waren wees heb hebt heeft hebben had hadden word wordt worden werd werden
    zal zult zullen zou zouden ga gaat gaan ging gingen kan kunt kunnen kon konden moet moeten moest
    moesten wil wilt willen wilde wilden wou mag mogen mocht mochten blijf blijft blijven bleef bleven
    laat laten liet lieten kom komt komen kwam kwamen
    """)
)
# Verbs of mind, judgement, feeling and speech (Dutch grammar's cognitive, emotive and reporting
# verbs), present tense: what the minister thinks or says, not what the minister's side does.
_SPEECH = frozenset(
    _words("""
    benadruk onderstreep beklemtoon wijs verwijs herhaal bevestig stel meld noem benoem schrijf zeg
    antwoord licht beantwoord geef signaleer verklaar memoreer schets opmerk aanstip preciseer nuanceer
    constateer concludeer erken ontken dank bedank
    """)
)
_MIND_AND_SPEECH = _SPEECH | frozenset(
    _words("""
    vind acht meen denk begrijp deel herken betreur waardeer weet ken zie vertrouw hoop verwacht
    onderschrijf steun hecht merk twijfel realiseer besef verneem lees hoor sta ervaar voel vrees
    respecteer snap
    """)
)
# Strong and irregular verbs: their past singular and plural (the usual table of Dutch grammar).
STRONG_PAST = frozenset(
    _words("""
    bad baden bakte begon begonnen bedroog bedrogen beet beten bewoog bewogen bezat bezaten bleek bleken
    blies bliezen bond bonden boog bogen bood boden brak braken bracht brachten dacht dachten deed deden
    dook doken dronk dronken droeg droegen dreef dreven dwong dwongen gaf gaven ging gingen gold golden
    greep grepen hield hielden hing hingen hief hieven hielp hielpen joeg joegen kwam kwamen kocht
    kochten koos kozen kreeg kregen kroop kropen lag lagen las lazen leed leden leek leken liep liepen
    liet lieten loog logen mat maten meed meden nam namen ontving ontvingen onderging ondergingen
    overleed overleden reed reden riep riepen rook roken sloeg sloegen sliep sliepen sloot sloten
    sloop slopen smeet smeten sneed sneden schreef schreven schoot schoten schoof schoven sprak spraken
    sprong sprongen stak staken stond stonden stierf stierven streed streden stal stalen steeg stegen
    trok trokken trad traden trof troffen verbood verboden verdween verdwenen vergat vergaten verliet
    verlieten verloor verloren verscheen verschenen vertrok vertrokken verwierf verwierven vlocht vloog
    vlogen vond vonden vroeg vroegen was waren werd werden wierp wierpen wist wisten woog wogen won
    wonnen wees wezen zag zagen zat zaten zei zeiden zocht zochten zond zonden zong zongen zonk zonken
    zweeg zwegen zwom zwommen besloot besloten ontstond ontstonden onderhield onderhielden ontbrak
    ontbraken ontsprong ondernam ondernamen voerde voerden had hadden kon konden mocht mochten moest
    moesten wilde wilden zou zouden bleef bleven
    """)
)

PRESENT = "present"
PAST = "past"


@dataclass(frozen=True)
class FiniteVerb:
    word: str
    start: int
    end: int
    tense: str  # PRESENT or PAST


_WORD = re.compile(r"[A-Za-zÀ-ÿ][\wÀ-ÿ'’-]*")


def can_be_finite(word: str) -> bool:
    """Whether a word may be a finite verb: not of a closed class, not a name or a number."""
    lower = word.lower()
    if lower in CLOSED or not word[:1].islower():
        return False
    return lower in AUXILIARIES or lower in STRONG_PAST or len(lower) >= 2


def tense_of(word: str) -> str:
    """PAST for "werd", "nam", "noemde", "zette"; PRESENT otherwise."""
    lower = word.lower()
    if lower in STRONG_PAST:
        return PAST
    if re.fullmatch(r"\w{2,}[^aeiouy\W](?:de|te)", lower) or re.fullmatch(r"\w{2,}(?:dde|tte|vde|fde|sde|zde)", lower):
        return PAST
    return PRESENT


def finite_verb_of(clause: str, subject_start: int, subject_end: int) -> FiniteVerb | None:
    """The finite verb next to the subject at clause[subject_start:subject_end]: the word right after it
    when the subject opens the clause, otherwise the word right before it (inversion)."""
    before = clause[:subject_start].strip(" ,")
    if before and not re.fullmatch(r"(?:ja|nee|neen)", before, _F):
        preceding = list(_WORD.finditer(clause[:subject_start]))
        if preceding and can_be_finite(preceding[-1].group(0)):
            word = preceding[-1]
            return FiniteVerb(word.group(0), word.start(), word.end(), tense_of(word.group(0)))
        return None
    following = _WORD.search(clause, subject_end)
    if following and can_be_finite(following.group(0)):
        word = following.group(0)
        return FiniteVerb(word, following.start(), following.end(), tense_of(word))
    return None


def is_mind_or_speech(word: str) -> bool:
    """A verb of thinking, judging, feeling, perceiving or saying ("vind", "acht", "verwijs")."""
    return _in(word, _MIND_AND_SPEECH)


def is_speech(word: str) -> bool:
    """A verb of saying: a remark about the answer, not an action ("benadrukken", "opmerken", "noem")."""
    return _in(word, _SPEECH)


def _in(word: str, stems: frozenset) -> bool:
    lower = word.lower()
    stem = re.sub(r"(?:t|en)$", "", lower) if len(lower) > 4 else lower
    return lower in stems or stem in stems or _undouble(stem) in stems


def _undouble(stem: str) -> str:
    """ "stellen" -> "stel", "delen" -> "deel": the spelling of the stem."""
    if re.search(r"([bdfgklmnprst])\1$", stem):
        return stem[:-1]
    if re.search(r"[^aeiou][aeou][^aeiouy]$", stem):
        return stem[:-2] + stem[-2] * 2 + stem[-1]
    return stem
