"""Step 2: the clauses of a sentence, and which of them is the main clause.

Without a parser, a clause is cut where Dutch marks one: at a comma, semicolon, colon, bracket or
dash, and before a subordinating word ("dat", "omdat", "zodat", "die", "waarmee", "zoals", "als" …).
A clause that opens with a subordinating word is subordinate; the others are the main clause (its
parts around a subordinate clause belong together: "Ik zal, zoals gezegd, de sector horen"). A
subordinate clause that opens the sentence without a comma ends where the main clause's finite verb
stands before its subject: "Zoals ik eerder heb uitgelegd | kan ik …" (verbs.py).

What the minister promises is said in the main clause: "Ik verwacht dat de gemeenten een plan
zullen opmaken" announces nothing of the minister's; the future tense sits in the subordinate clause.
"""

import re
from dataclasses import dataclass

from tracker.imports.suggesting import verbs

# Words that open a subordinate clause wherever they stand.
_SUBORDINATORS = [
    "dat",
    "omdat",
    "doordat",
    "zodat",
    "opdat",
    "aangezien",
    "hoewel",
    "ofschoon",
    "terwijl",
    "indien",
    "mits",
    "tenzij",
    "zodra",
    "nadat",
    "voordat",
    "totdat",
    "alvorens",
    "wanneer",
    "waarmee",
    "waarin",
    "waarbij",
    "waardoor",
    "waarvan",
    "waarover",
    "waarop",
    "waaraan",
    "waarna",
    "waarvoor",
    "waaruit",
    "waarbinnen",
    "waaronder",
    "welke",
    "wie",
    "hoe",
    "hoeveel",
    "waarom",
    "zoals",
]
# Words that open one only at the start of a clause (elsewhere they mean "as", "or", "which", "than").
_OPENING_ONLY = {"als", "of", "die", "wat", "waar", "sinds", "tot"}
# "of" after these verbs opens an indirect question: "ik onderzoek of ...".
_QUESTION_VERBS = re.compile(
    r"(?:bekijk|bekijken|bekijkt|onderzoek|onderzoeken|onderzoekt|na|kijk|kijken|kijkt|bezien|beoordelen|beoordeelt|"
    r"weet|weten|vraag|afwegen|verkennen|verkent|bepalen|bepaalt|besluiten|nagaan|uitzoeken|toetsen|toetst|"
    r"vraagt|vragen|is|zijn|beslissen|beslist|evalueren|analyseren)$",
    re.IGNORECASE,
)
_PREPOSITIONS = set(
    [
        "voor",
        "in",
        "met",
        "op",
        "aan",
        "bij",
        "over",
        "van",
        "uit",
        "naar",
        "door",
        "tot",
        "om",
        "onder",
        "tegen",
        "na",
        "zonder",
        "via",
        "volgens",
    ]
)
_BOUNDARY = re.compile(r"\s*[,;:()–]\s*|\s+-\s+")
_WORD = re.compile(r"[\wÀ-ÿ'’-]+")


@dataclass(frozen=True)
class Clause:
    text: str
    start: int  # in the readable sentence
    main: bool


# A short aside in brackets ("het lid Wassenberg (PvdD)", "een onderzoek (lopend)") names or
# qualifies a word of its clause: it does not end that clause.
_ASIDE = re.compile(r"\((?:\s*[^\s(),;:–]+){1,4}\s*\)")


def _pieces(sentence: str):
    asides = [aside.span() for aside in _ASIDE.finditer(sentence)]
    position = 0
    for boundary in _BOUNDARY.finditer(sentence):
        if any(start <= boundary.start() < end or start < boundary.end() <= end for start, end in asides):
            continue
        yield position, sentence[position : boundary.start()]
        position = boundary.end()
    yield position, sentence[position:]


def clauses(sentence: str) -> list[Clause]:
    """The clauses of a readable sentence, in order, each marked main or subordinate."""
    found = []
    continues = False  # "Deze stelt dat, om …, de ontwikkeling … wordt versterkt": "dat" runs on
    for offset, piece in _pieces(sentence):
        if not piece.strip():
            continue
        words = list(_WORD.finditer(piece))
        cut_points = []
        for index, word in enumerate(words):
            lower = word.group(0).lower()
            first = index == 0
            previous = words[index - 1].group(0).lower() if index else ""
            if lower in ("dat", "die") and (
                previous in _PREPOSITIONS or (first and offset == 0 and _demonstrative(words, index))
            ):
                continue  # "voor dat laatste", "Dat zal ik doen": pointing back, not a clause
            if lower in ("dat", "die") and (first or previous in _CONJUNCTIONS) and _verb_follows(words, index):
                continue  # "maar dat is niet aan mij": pointing back
            if lower == "dat" and not first and _object_follows(words, index):
                continue  # "Ik ga dat niet doen", "Ik zal dat doen": the object, pointing back
            if lower in ("die", "waar") and not first and not _function_word_follows(words, index):
                continue  # "die regeling": a determiner
            if lower in _SUBORDINATORS or (lower in ("die", "waar") and not first):
                cut_points.append(word.start())
            elif lower in _OPENING_ONLY and first and (offset > 0 or lower in ("als", "wat")):
                if not (offset == 0 and lower == "wat" and _demonstrative(words, index)):
                    cut_points.append(word.start())
            elif lower == "of" and any(_QUESTION_VERBS.search(words[back].group(0)) for back in range(max(0, index - 2), index)):
                cut_points.append(word.start())
        if continues and not (words and words[0].group(0).lower() in _FINITE):
            found.append(Clause(text=piece.strip(), start=offset, main=False))
            continue
        continues = False
        main_starts = []
        if offset == 0 and 0 in cut_points:
            inverted = _inverted_main_clause(piece, words)
            if inverted is not None:
                main_starts = [inverted]
                cut_points = [point for point in cut_points if point < inverted or point > inverted]
        starts = sorted({0, *[point for point in cut_points if point > 0], *main_starts})
        for number, start in enumerate(starts):
            end = starts[number + 1] if number + 1 < len(starts) else len(piece)
            text = piece[start:end].strip()
            if text:
                subordinate = start in cut_points or (start == 0 and 0 in cut_points)
                found.append(Clause(text=text, start=offset + start, main=not subordinate))
                if subordinate and len(text.split()) <= 1 and end == len(piece):
                    continues = True
    return found


_INVERTED_SUBJECT = re.compile(r"^(?:ik|we|wij|u|hij|zij|het\s+kabinet|de\s+regering)\b", re.IGNORECASE)


def _inverted_main_clause(piece: str, words) -> int | None:
    """Where the main clause begins after a subordinate clause that opens the sentence without a comma:
    "Zoals ik eerder heb uitgelegd kan ik de vergunning niet intrekken". Dutch puts the main clause's
    finite verb first after such a clause, its subject right behind it ("kan ik"); the subordinate
    clause's own verbs close it ("heb uitgelegd")."""
    for index in range(2, len(words) - 1):
        word = words[index].group(0)
        if not verbs.can_be_finite(word) or words[index - 1].group(0).lower() in _SUBORDINATORS:
            continue
        following = piece[words[index + 1].start() :]
        if word.lower() not in verbs.AUXILIARIES and not re.search(r"(?:t|en)$", word) and not re.match(r"ik\b", following, re.I):
            continue
        if _INVERTED_SUBJECT.match(following) and (word.lower() in verbs.AUXILIARIES or _verb_like(words[index - 1].group(0))):
            return words[index].start()
    return None


def _verb_like(word: str) -> bool:
    """The last word of the subordinate clause is one of its verbs: a participle, an infinitive or a
    finite form ("heb uitgelegd", "is toegezegd", "aangeven", "wordt")."""
    lower = word.lower()
    return lower in verbs.AUXILIARIES or (bool(re.search(r"(?:d|t|en)$", lower)) and lower not in verbs.CLOSED)


def _demonstrative(words, index: int) -> bool:
    """ "Dat zal ik doen", "Dat engagement neem ik op", "Wat betreft …": at the start of a sentence
    "dat", "die" and "wat" point back, unless a subject and its verb follow ("Dat de sector …, is …")."""
    following = words[index + 1].group(0).lower() if index + 1 < len(words) else ""
    return following not in {"de", "het", "een", "er", "ik", "we", "wij", "u", "zij", "ze", "hij", "men", "deze", "dit"}


_CONJUNCTIONS = {"en", "maar", "want", "of", "dus", "doch"}
_FINITE = set(
    [
        "is",
        "zijn",
        "zal",
        "zullen",
        "wordt",
        "worden",
        "kan",
        "kunnen",
        "moet",
        "moeten",
        "heeft",
        "hebben",
        "wil",
        "willen",
        "blijkt",
        "blijken",
        "geldt",
        "gelden",
        "komt",
        "komen",
        "gaat",
        "gaan",
        "betekent",
        "was",
        "waren",
        "werd",
        "werden",
        "had",
        "hadden",
    ]
)
# Words that carry no content of their own: determiners, pronouns, particles, the prepositions above,
# and the auxiliaries.
_FUNCTION_WORDS = _PREPOSITIONS | {
    "de",
    "het",
    "een",
    "er",
    "ik",
    "we",
    "wij",
    "u",
    "zij",
    "ze",
    "hij",
    "men",
    "deze",
    "dit",
    "nog",
    "al",
    "niet",
    "ook",
    "nu",
    "zich",
    "daar",
    "hier",
    "wel",
    "zelf",
    "geen",
    "sinds",
    "binnen",
    "zijn",
    "worden",
    "wordt",
    "is",
    "kan",
    "kunnen",
    "moet",
    "moeten",
    "zal",
    "zullen",
    "heeft",
    "hebben",
}


def _object_follows(words, index: int) -> bool:
    """ "dat" as an object pointing back: a negation or adverb follows it, or only the clause's closing
    infinitive ("Ik ga dat niet doen", "Ik wil dat graag doen", "Ik zal dat doen"); a conjunction "dat"
    is followed by its clause's subject."""
    if index + 1 >= len(words):
        return False
    following = words[index + 1].group(0).lower()
    return following in {"niet", "graag", "zeker", "zelf", "gaarne"} or (index + 2 == len(words) and following.endswith("en"))


# The first person's finite verbs that follow a "dat" pointing back: "Ja, dat ben ik bereid", "dat doe ik".
_FIRST_PERSON_FINITE = {"ben", "heb", "doe", "ga", "zal", "kan", "wil", "zie", "vind", "acht", "deel", "neem", "steun"}


def _verb_follows(words, index: int) -> bool:
    return index + 1 < len(words) and words[index + 1].group(0).lower() in _FINITE | _FIRST_PERSON_FINITE


def _function_word_follows(words, index: int) -> bool:
    """A relative "die" or "waar" is followed by its subject, a preposition, an adverb or a verb."""
    if index + 1 >= len(words):
        return False
    following = words[index + 1].group(0)
    return following.lower() in _FUNCTION_WORDS or following[:1].isupper()


def main_clause(sentence: str) -> str:
    """The words of the main clause, its parts joined: what the sentence itself asserts."""
    return " ".join(clause.text for clause in clauses(sentence) if clause.main)


def main_clause_with_object(sentence: str) -> str:
    """The main clause with the indirect question that is its object ("bekijk ik of …", "wordt
    uitgewerkt hoe …"): what the promised action is about, for its kind."""
    kept = []
    for clause in clauses(sentence):
        if clause.main or (kept and re.match(r"(?:hoe|of|welke|wat|waarom|hoeveel)\b", clause.text, re.IGNORECASE)):
            kept.append(clause.text)
    return " ".join(kept)
