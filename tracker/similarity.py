"""How alike two sentences are: PostgreSQL pg_trgm's `similarity()`, computed in Python, of the
sentences without their Dutch function words. No database needed: the matching of re-statements
(tracker.services.matching) uses it where PostgreSQL cannot, and the measurement
(bench/restatements.py) uses it on the labelled pairs."""

import re

# From this similarity up a suggestion is proposed as a re-statement (the setting
# TRACKER_RESTATEMENT_THRESHOLD's default): chosen on the development half of tests/data/pairs/
# (bench/restatements.py --split dev --sweep): the best balance there (precision 0.73, recall 0.73;
# 0.30 gives 0.77 and 0.67). A wrong proposal costs the editor a click on "New promise"; a missed one
# costs a duplicate commitment, so recall weighs as much as precision.
RESTATEMENT_THRESHOLD = 0.25

# Dutch articles, pronouns, prepositions, conjunctions and auxiliaries: they occur in almost every
# sentence of an answer, so sharing them says nothing about sharing a promise.
STOP_WORDS = frozenset(
    [
        "aan",
        "al",
        "alle",
        "als",
        "bij",
        "dan",
        "dat",
        "de",
        "deze",
        "die",
        "dit",
        "door",
        "dus",
        "een",
        "en",
        "er",
        "ge",
        "had",
        "heb",
        "hebben",
        "heeft",
        "het",
        "hier",
        "hij",
        "hoe",
        "hun",
        "ik",
        "in",
        "is",
        "je",
        "kan",
        "kunnen",
        "maar",
        "me",
        "meer",
        "met",
        "mij",
        "mijn",
        "na",
        "naar",
        "niet",
        "nog",
        "nu",
        "of",
        "om",
        "onder",
        "ons",
        "ook",
        "op",
        "over",
        "te",
        "tegen",
        "ten",
        "ter",
        "tot",
        "u",
        "uit",
        "van",
        "veel",
        "voor",
        "want",
        "was",
        "wat",
        "we",
        "wel",
        "werd",
        "wij",
        "wil",
        "wordt",
        "worden",
        "zal",
        "ze",
        "zelf",
        "zij",
        "zich",
        "zijn",
        "zo",
        "zou",
        "zullen",
    ]
)

_WORD = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    """The words of *text* in lower case, without the function words."""
    return " ".join(word for word in _WORD.findall(text.lower()) if word not in STOP_WORDS)


def trigrams(text: str) -> frozenset[str]:
    """pg_trgm's trigrams of *text* (already normalised)."""
    pieces = set()
    for word in text.split():
        padded = f"  {word} "
        pieces.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(pieces)


def similarity(first: str, second: str) -> float:
    """pg_trgm's `similarity()` of the two texts without their function words, from 0 to 1."""
    a, b = trigrams(normalise(first)), trigrams(normalise(second))
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)
