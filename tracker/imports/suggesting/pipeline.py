"""Step 6: the decision, sentence by sentence, and the suggestions of an answer.

For each sentence (sentences.py): read its main clause (clauses.py); a refusal when it declines an
action by structure (refusals.py); otherwise look for what announces action to come (signals.py),
find who acts (actors.py), and keep it when that is the minister's side, the clause is not about
the past (timing.py), and it is no condition, expectation, discourse or statement of fact
(modality.py). Its kind and title come from kinds.py, its deadline from deadlines.py.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass

from tracker.imports.deadlines import Deadline, find_deadline
from tracker.imports.suggesting import actors, modality, refusals, signals, timing, verbs
from tracker.imports.suggesting.clauses import main_clause, main_clause_with_object
from tracker.imports.suggesting.kinds import kind_of, title_for
from tracker.imports.suggesting.sentences import readable, split_sentences
from tracker.models import Kind

COMMITMENT = "commitment"
REFUSAL = "refusal"

_F = re.IGNORECASE
_ONGOING_MARKER = re.compile(r"\b(?:momenteel|op\s+dit\s+moment|op\s+het\s+moment|thans|op\s+dit\s+ogenblik|volop|nu)\b", _F)
# A subject that is a thing may still be planned: "Een nieuwe oproep volgt na de zomer", "De
# publicatie is gepland in juni", "Het rapport zal in mei verschijnen".
_PLAN_VERB = re.compile(
    r"\b(?:verwacht|volg\w*|kom\w*|start\w*|verschijn\w*|plaatsvind\w*|vindt\s+\w*\s*plaats|in\s+werking|beschikbaar|klaar|gereed|"
    r"afgerond|gepubliceerd|publiceren|gelanceerd|opgestart|ingevoerd|gepland|voorzien|in\s+gebruik|operationeel|"
    r"ingediend|voorgelegd|uitgerold|opgeleverd|online|open|lopen|loopt|gaat\s+\w*\s*in|ingaan|ingaat|in\s+consultatie)\b",
    _F,
)
# One-time events announced in the present, informing the House among them: a plan even without a date.
_LAUNCH = re.compile(
    r"^(?:wordt|worden)\s+(?:er\s+)?(?:[\w’'-]+\s+){0,8}?(?:gelanceerd|opgestart|gestart|ingevoerd|opgericht|uitgeschreven|"
    r"ingediend|voorgelegd|georganiseerd|uitgerold|geïnformeerd|geinformeerd|op\s+de\s+hoogte\s+gesteld|toegezonden|"
    r"toegestuurd|gerealiseerd|aangelegd|gebouwd|ingericht|opgezet)\b|^(?:komt|komen)\s+(?:er\s+)?(?:een|nog|binnenkort|ook)\b|"
    r"^(?:volgt|volgen)\s+(?:er\s+)?(?:nog\s+)?(?:een|nog)\b|^(?:volgt|volgen)\s+nog\s*[.!]?$",
    _F,
)
# Present tense that promises by itself: informing, coming back to it, taking it into account,
# keeping a close watch ("Ik informeer uw Kamer hierover", "Ik kom hierop terug", "Ik neem dit mee").
_PROMISING_PRESENT = re.compile(
    r"^(?:informeer|informeren|bericht|berichten|rapporteer|rapporteren|stuur|sturen|zend|zenden)\b|"
    r"^(?:kom|komen)\s+(?:[\w’'-]+\s+){0,8}?terug\b|^(?:neem|nemen)\s+(?:[\w’'-]+\s+){0,8}?mee\b|"
    r"^(?:betrek|betrekken)\s+(?:[\w’'-]+\s+){0,8}?bij\b|"
    r"^(?:blijf|blijven)\s+(?:[\w’'-]+\s+){0,6}?(?:volgen|monitoren|bewaken)\b|"
    r"^(?:ik|we|wij)\s+(?:informeer|informeren|bericht|rapporteer|stuur|zend|kom|neem|blijf|blijven)\b(?:\s+[\w’'-]+){0,8}?\s*"
    r"(?:terug|mee|volgen|monitoren|bewaken|\w+)?",
    _F,
)


@dataclass(frozen=True)
class Decision:
    verdict: str | None  # COMMITMENT, REFUSAL or None
    main: str = ""  # the main clause, in readable words
    reason: str = ""


def decide(sentence: str, *, made_on: datetime.date, term_end: datetime.date | None = None) -> Decision:
    """Whether one sentence is a commitment, a refusal or neither, and why."""
    decision = _decide(sentence, made_on=made_on, term_end=term_end)
    if decision.verdict == COMMITMENT and modality.opens_with_condition(readable(sentence)):
        return Decision(None, decision.main, "only under the condition that opens the sentence")
    return decision


def _decide(sentence: str, *, made_on: datetime.date, term_end: datetime.date | None) -> Decision:
    words = readable(sentence)
    if words.endswith("?") or len(words) < 8:
        return Decision(None, reason="question or fragment")
    main = main_clause(words)
    if not main:
        return Decision(None, reason="no main clause")
    found = signals.signals_in(main)
    if refusals.refuses(main) and not _third_party_subject(main):
        return Decision(REFUSAL, main, "negated intent, need, support, room or possibility")
    for signal in found:
        actor = _actor(main, signal)
        if (
            signal.kind in (signals.FUTURE, signals.INTENT)
            and refusals.declines_future_action(main)
            and actor in actors.MINISTERS_SIDE - {actors.IMPLIED}
        ):
            return Decision(REFUSAL, main, "the minister's side declines a future action")
        if actor != actors.THIRD_PARTY and signal.kind != signals.REQUEST and _by_a_third_party(words, main):
            continue  # "wordt … onderzocht door de sector"
        verdict = _judge(main, signal, actor, made_on=made_on, term_end=term_end)
        if verdict:
            return Decision(COMMITMENT, main, verdict)
    if _ONGOING_MARKER.search(main) and not _vetoed(main, made_on) and not _hedged(main):
        if _ministers_side_subject(main) and not (_CONTACTS.search(main) and not _OUTCOME.search(main)):
            return Decision(COMMITMENT, main, "work under way on the minister's side")
        if _passive_now(main) and not _by_a_third_party(words, main):
            return Decision(COMMITMENT, main, "work under way, in the passive")  # "Op dit moment worden … gesprekken gevoerd"
    if _talks_aimed_at_an_outcome(words, main) and not _vetoed(main, made_on) and not _hedged(main):
        return Decision(COMMITMENT, main, "talks aimed at an outcome")  # "Ik ben in gesprek met … over welke verbeteringen …"
    content = _reported_content(words, main)
    if content and refusals.refuses(content):
        return Decision(
            REFUSAL, main, "a refusal of the minister's side, reported"
        )  # "Dit betekent dat het kabinet geen reden ziet …"
    reported = _reported_promise(content)
    if reported and not _hedged(reported) and not timing.is_past(reported):
        return Decision(COMMITMENT, main, "a promise of the minister's side, reported")
    return Decision(None, main, "no announcement of the minister's side")


# Talks of the minister's side (the corpus README: talks aimed at an outcome are a promise, contacts
# without one are not) and what marks their outcome: a purpose ("om … te", "gericht op") or its
# subject ("over welke verbeteringen", "over een oplossing").
_TALKS = re.compile(
    r"\b(?P<verb>ben|zijn|is|heb|hebben|heeft)\s+(?:[\w’'-]+\s+){0,6}?(?:in\s+)?(?:nauw\s+|goed\s+|intensief\s+|constructief\s+)?"
    r"(?:gesprek|contact|overleg|dialoog)\s+met\b|"
    # the partner may stand before the talks: "Ik ben met de sector in gesprek om …"
    r"\b(?P<verb2>ben|zijn|is)\s+(?:[\w’'-]+\s+){0,3}?met\s+(?:[\w’'-]+\s+){1,8}?in\s+(?:nauw\s+|goed\s+|intensief\s+)?"
    r"(?:gesprek|contact|overleg|dialoog)\b",
    _F,
)
_OUTCOME = re.compile(
    r"\bom\s+(?:[\w’'-]+\s+){0,12}?te\s+\w+|\bover\s+(?:welke|hoe|de\s+mogelijkhe\w+|mogelijke|een\s+oplossing|oplossingen|"
    r"afspraken|verbeter\w*|(?:een|het|de)\s+(?:\w+\s+)?(?:akkoord|overeenkomst|convenant|oplossing))|\bmet\s+als\s+doel\b|\bgericht\s+op\b|\bteneinde\b",
    _F,
)


_COMPLETED = re.compile(
    r"\b(?:is|zijn)\s+(?:[\w’'-]+\s+){0,10}?(?:afgerond|gereed|klaar|voltooid|gerealiseerd|opgeleverd|ingevoerd|"
    r"geïmplementeerd|operationeel|beschikbaar)\b",
    _F,
)


def _done_by_a_date_to_come(main: str, made_on: datetime.date, term_end: datetime.date | None) -> bool:
    """ "Naar verwachting is het onderzoek in het najaar afgerond": a perfect with a date still to come
    is the future perfect, a result announced, not history."""
    if not _COMPLETED.search(main):
        return False
    deadline = timing.time_to_come(main, made_on=made_on, term_end=term_end)
    return bool(deadline and deadline.date)


_CONTACTS = re.compile(
    r"\b(?:(?:het\s+)?gesprek(?:ken)?\s+met|dialoog|contact\s+met|samen\s*werk\w*|werk\w*\s+(?:\w+\s+){0,4}?samen)\b", _F
)


def _talks_aimed_at_an_outcome(words: str, main: str) -> bool:
    talks = _TALKS.search(main)
    if not talks or not _OUTCOME.search(words):
        return False
    verb = "verb" if talks.group("verb") else "verb2"
    return actors.actor_of(main, *talks.span(verb)) in (actors.MINISTER, actors.GOVERNMENT, actors.ADMINISTRATION)


def _passive_now(main: str) -> bool:
    """A passive in the present ("worden … gevoerd"), whose doer is left unsaid."""
    verb = re.search(r"\b(?:wordt|worden)\b", main, _F)
    if not verb or not actors.is_passive(main) or _JUDGED.search(main):
        return False
    if re.search(r"\ben\b", main[: verb.start()], _F):
        return False  # "De vervoerder kijkt … en daarna worden …": the passive is another clause's
    return not _modal_finite(main, signals.Signal(signals.PLAN, verb.start(), verb.end(), ""))


# The passive of a verb of judging or naming is a view, not work: "wordt … als veilig beschouwd".
_JUDGED = re.compile(
    r"\b(?:beschouwd|gezien|geacht|verwacht|genoemd|gevonden|erkend|herkend|ervaren|beoordeeld\s+als|aangemerkt|"
    r"gekwalificeerd|gewaardeerd)\b",
    _F,
)


# Verbs that report what was said, promised or agreed (Dutch grammar's verbs of saying and the
# commissive speech acts): what follows "dat" is their content.
_REPORTING = re.compile(
    r"\b(?:aangegeven|aan\s+te\s+geven|geef\s+\w+\s+aan|gemeld|meld|laten\s+weten|laat\s+\w+\s+weten|toegezegd|toezeggen|"
    r"zeg\s+\w+\s+toe|beloofd|beloven|aangekondigd|kondig\s+\w+\s+aan|afgesproken|spreken\s+af|overeengekomen|besloten|"
    r"besluit|medegedeeld|meegedeeld|bevestigd|bevestig|geschreven|vermeld|betekent|houdt\s+in)\b",
    _F,
)
_PROMISING_VERB = re.compile(
    r"\b(?:informeert|informeren|informeer|stuurt|sturen|zendt|zenden|toestuurt|toesturen|terugkomt|terugkomen|rapporteert|"
    r"rapporteren|bericht|berichten|voorlegt|voorleggen|meeneemt|meenemen|uitvoert|uitvoeren)\b",
    _F,
)


def _reported_content(words: str, main: str) -> str:
    """What a main clause that reports ("In de brief is aangegeven dat …", "Ik heb toegezegd dat …",
    "Dit betekent dat …") says the minister's side does: its "dat" clause, when that clause's subject
    is the minister's side; "" otherwise."""
    if not _REPORTING.search(main) or modality.is_expectation(main):
        return ""
    content = re.search(r"\bdat\s+(.+)$", words, _F)
    if not content:
        return ""
    clause = content.group(1)
    subject = re.match(r"(?:ik|we|wij|het\s+kabinet|de\s+regering|(?:mijn|het|ons)\s+ministerie)\b", clause, _F)
    return clause if subject else ""


def _reported_promise(clause: str) -> str:
    """The reported clause when it promises: the future, an intent or a promising verb ("informeert")."""
    if clause and (re.search(r"\b(?:zal|zullen|gaat|gaan|wil|willen)\b", clause, _F) or _PROMISING_VERB.search(clause)):
        return clause
    return ""


def _by_a_third_party(words: str, main: str) -> bool:
    if not actors.is_passive(main):
        return False
    agent = actors.BY_AGENT.search(words)
    return bool(agent) and actors.classify_subject(agent.group(1)) not in (
        actors.MINISTER,
        actors.GOVERNMENT,
        actors.ADMINISTRATION,
    )


def _vetoed(main: str, made_on: datetime.date) -> bool:
    """Past, existing or habitual: no result to come."""
    return timing.is_past(main) or timing.is_existing(main) or timing.names_a_past_date(main, made_on)


def _actor(main: str, signal: signals.Signal) -> str:
    if signal.kind == signals.INTENT and re.search(r"\b(?:mijn|onze)\s+(?:bedoeling|intentie|ambitie|plan)\b", signal.text, _F):
        return actors.MINISTER
    if signal.kind == signals.INTENT and re.search(r"\b(?:streven|voornemen|planning)\s+is\b", signal.text, _F):
        return actors.IMPLIED  # "het streven is om …": the government's, unnamed
    if signal.kind == signals.PRESENT:
        return actors.MINISTER
    actor = actors.actor_of(main, signal.start, signal.end)
    if (
        signal.kind == signals.REQUEST
        and re.match(r"(?:is|zijn)\b", signal.text, _F)
        and actor in (actors.THING, actors.THIRD_PARTY)
    ):
        return actors.IMPLIED  # "Daarom is Divosa gevraagd om …": Divosa was asked; the asker is unsaid
    if (
        signal.kind == signals.ONGOING
        and actor == actors.THING
        and re.search(r"\bin\s+(?:voorbereiding|ontwikkeling|de\s+maak)\b", signal.text, _F)
    ):
        return actors.IMPLIED  # "De handreiking is in ontwikkeling": someone on the minister's side prepares it
    return actor


def _hedged(main: str) -> bool:
    return (
        modality.is_conditional(main)
        or modality.is_expectation(main)
        or modality.is_discourse(main)
        or modality.is_general_effort(main)
    )


def _judge(main: str, signal: signals.Signal, actor: str, *, made_on, term_end) -> str:
    """The reason this signal makes a commitment, or "" when it does not."""
    if signal.kind == signals.PLAN and re.match(r"ontvang|krijg", main[signal.start : signal.end], _F):
        actor = actors.IMPLIED  # "De instellingen ontvangen …": they receive, someone gives
    if actor == actors.THIRD_PARTY or _hedged(main):
        return ""
    if signal.kind != signals.REQUEST and timing.is_past(main) and not _done_by_a_date_to_come(main, made_on, term_end):
        return ""
    if signal.kind in (signals.PLAN, signals.ONGOING) and _modal_finite(main, signal):
        return ""  # "Bingo kan … worden georganiseerd", "moeten … worden afgewogen": may or must, no plan
    if _NEGATED.match(main, signal.end):
        return ""  # "Er wordt niet gewerkt met …"
    after = main[signal.end :]
    wish = re.fullmatch(r"wil|willen", main[signal.start : signal.end], _F) and not _INFINITIVE_CLOSES.search(after)
    if signal.kind == signals.INTENT and wish:
        return ""  # "Ik wil dat …", "Ik wil graag …": a wish, no action of one's own
    if (
        signal.kind == signals.INTENT
        and re.fullmatch(r"wil|willen", main[signal.start : signal.end], _F)
        and re.search(r"\b(?:kunnen\s+\w+en|\w+en\s+kunnen|houden|behouden)\b", after, _F)
    ):
        return ""  # "wil … beter kunnen beheersen", "willen de zorg toegankelijk houden": an aim, not an act
    last = re.findall(r"[\wÀ-ÿ]+", main)[-1:] if signal.kind in (signals.INTENT, signals.FUTURE) else []
    if last and verbs.is_speech(last[0]) and last[0].lower().endswith("en"):
        return ""  # "Wel wil ik benoemen dat …", "Ik zal daarbij opmerken dat …": a remark
    if signal.kind in (signals.ASSENT, signals.REQUEST, signals.INTENT):
        return signal.kind if actor not in (actors.THING, actors.EXISTENTIAL) else ""
    if signal.kind == signals.FUTURE:
        if actor in (actors.THING, actors.EXISTENTIAL):
            planned = _PLAN_VERB.search(after) and not re.search(r"\bnaar\s+verwachting\b", main, _F)
            return "a thing planned" if planned else ""
        if actor == actors.MINISTER and modality.is_statement_of_fact(after) and not re.search(r"\bzijn\b", after[-6:]):
            return ""
        return "future action of the minister's side"
    if timing.is_existing(main) or timing.names_a_past_date(main, made_on):
        return ""
    to_come = timing.time_to_come(main, made_on=made_on, term_end=term_end)
    if signal.kind in (signals.ONGOING, signals.PRESENT) and _CONTACTS.search(main) and not _OUTCOME.search(main) and not to_come:
        return ""  # "Momenteel voer ik het gesprek met …", "werk ik samen met …": contacts, no outcome announced
    if signal.kind == signals.ONGOING:
        return "work under way" if actor != actors.THING else ""  # "er lopen gesprekken" too
    if signal.kind == signals.PLAN:
        if to_come and (actor != actors.THING or _PLAN_VERB.search(main)):
            return "a plan with a time to come"
        if _LAUNCH.search(main[signal.start :]) and (
            not re.match(r"kom", main[signal.start :], _F)
            or re.search(r"\ber\s+(?:komt|komen)\b|\b(?:komt|komen)\s+er\b", main, _F)
        ):
            return "a launch announced"  # "Er wordt een oproep gelanceerd", "Er komt een nieuwe regeling"
        return ""
    acting_now = _ONGOING_MARKER.search(main) or signals.PREPARATORY.match(main, signal.start) or _promising(main, signal)
    if signal.kind == signals.PRESENT and (to_come or acting_now):
        return "the minister's side acting now, or with a time to come"
    return ""


def _promising(main: str, signal: signals.Signal) -> bool:
    verb_on = main[signal.start :]
    if re.match(r"(?:ik|we|wij)\s+", verb_on, _F):
        verb_on = re.sub(r"^(?:ik|we|wij)\s+", "", verb_on, flags=_F)
    return bool(_PROMISING_PRESENT.match(verb_on)) and not re.match(r"(?:kom|komen)\s+(?:op|tot|uit|in|voor)\b", verb_on, _F)


_MODAL = re.compile(r"\b(?:kan|kunnen|mag|mogen|moet|moeten|hoeft|hoeven)\b", _F)


def _modal_finite(main: str, signal: signals.Signal) -> bool:
    """A modal of possibility, permission or necessity carries the passive or plan: "… kan worden
    georganiseerd", "moeten … worden afgewogen" (not "kan ik u … informeren", read as a plan)."""
    if re.match(r"kan|kunnen", main[signal.start :], _F) and signal.kind == signals.PLAN:
        return False
    modal = _MODAL.search(main)
    return bool(modal) and modal.start() < signal.start


# The infinitive that closes a clause with "wil": at its end, or before what Dutch puts after it (a
# prepositional phrase or an "om … te" clause: "wil ik ruimte bieden voor het gesprek over …").
_INFINITIVE_CLOSES = re.compile(
    r"\w(?:en|n)\s*[.!;]?$|\b[a-zà-ÿ]{3,}(?:en|ën)\s+(?:om|voor|over|met|aan|naar|van|bij|tot|tegen|via|door)\s+(?!te\b)", _F
)
_NEGATED = re.compile(r"(?:\s+[\w’'-]+){0,2}?\s+(?:niet|geen|nooit)\b", _F)


def _ministers_side_subject(main: str) -> bool:
    """The minister's side does something now: its subject with a verb of action in the present,
    found by word order (verbs.py), not a state ("Het kabinet is momenteel demissionair") nor a view
    ("Ik vind …")."""
    for subject in actors.MINISTERS_SIDE_SUBJECT.finditer(main):
        verb = verbs.finite_verb_of(main, subject.start(), subject.end())
        acting = verb and (
            verb.word.lower() not in verbs.AUXILIARIES or verb.word.lower() in ("ga", "gaat", "gaan", "laat", "laten")
        )
        if acting and verb.tense == verbs.PRESENT and not verbs.is_mind_or_speech(verb.word):
            return True
    return False


_FIRST_FINITE = re.compile(
    r"\b(?:zal|zullen|is|zijn|ben|wordt|worden|kan|kunnen|wil|willen|heeft|hebben|heb|gaat|gaan|voert|voeren|moet|moeten|"
    r"werk|werkt|werken|geef|geeft|geven|maak|maakt|maken|neem|neemt|nemen|zet|zetten|houd|houdt|doe|doet|doen|"
    r"bekijk|bekijkt|onderzoek|onderzoekt|verken|verkent|vraagt|vraag|stuurt|stuur|test|testen|kijk|kijkt|laat|laten)\b",
    _F,
)


def _third_party_subject(main: str) -> bool:
    """The main clause's subject, read before its first finite verb, is a third party."""
    verb = _FIRST_FINITE.search(main)
    if not verb:
        return False
    return actors.actor_of(main, verb.start(), verb.end()) == actors.THIRD_PARTY


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


def classify(sentence: str, *, made_on: datetime.date | None = None) -> str | None:
    """'refusal', 'commitment' or None for one sentence."""
    return decide(sentence, made_on=made_on or datetime.date.today()).verdict


def suggest_commitments(text: str, *, made_on: datetime.date, term_end: datetime.date | None = None) -> list[SuggestedCommitment]:
    """The commitments and refusals a Dutch answer text appears to make, in the order they appear."""
    suggestions: list[SuggestedCommitment] = []
    previous_was_suggested = False
    for sentence in split_sentences(text):
        decision = decide(sentence.text, made_on=made_on, term_end=term_end)
        if decision.verdict is None:
            previous_was_suggested = False
            continue
        if decision.verdict == COMMITMENT and previous_was_suggested and _elaborates(sentence.text, suggestions[-1].sentence):
            continue
        refusal = decision.verdict == REFUSAL
        deadline = None if refusal else _deadline(readable(sentence.text), decision.main, made_on=made_on, term_end=term_end)
        suggestions.append(
            SuggestedCommitment(
                sentence=sentence.text,
                start=sentence.start,
                kind=Kind.REFUSAL if refusal else kind_of(main_clause_with_object(readable(sentence.text))),
                title=title_for(sentence.text, refusal=refusal, deadline_wording=deadline.wording if deadline else ""),
                deadline=deadline,
            )
        )
        previous_was_suggested = True
    return suggestions


def _deadline(words: str, main: str, *, made_on: datetime.date, term_end: datetime.date | None) -> Deadline | None:
    """The deadline the main clause names ("Dit jaar volgt …, die uiterlijk in 2030 … moeten zijn"),
    or else one named elsewhere in the sentence."""
    whole = find_deadline(words, made_on=made_on, term_end=term_end)
    if whole is None or _bare(whole.wording) in _bare(main):
        return whole
    return find_deadline(main, made_on=made_on, term_end=term_end) or whole


def _bare(text: str) -> str:
    return " ".join(re.sub(r"[()\[\],;:]", " ", text).casefold().split())


_SUBJECT = re.compile(r"^(?:de|het|deze|dit|die)\s+(\w{5,})", _F)


def _elaborates(sentence: str, previous: str) -> bool:
    """'De projectoproep zal ...' right after 'wil ik een projectoproep lanceren': the same promise."""
    subject = _SUBJECT.match(readable(sentence))
    return bool(subject) and subject.group(1).casefold() in readable(previous).casefold()
