"""A list of Dutch words, to part words that a PDF converter glued together ("zaldaarom", "ikde").

The list is OpenTaal's, as Debian's `wdutch` package installs it (/usr/share/dict/dutch, 413,000 word
forms, read once); `make test` and `make run` install the package where they can, as they do Chromium.
Without it the rules still work: they then part only what capitals show ("deTweede", sentences.py),
and the README gives the measured figures both ways.

A glued word is parted where it is no Dutch word itself but a grammatical word (an article, pronoun,
preposition, conjunction, auxiliary: verbs.py's closed classes) joined to a Dutch word: "ikde" -> "ik
de", "kannemen" -> "kan nemen", "deuitvoering" -> "de uitvoering", "ministerzal" -> "minister zal".
Words that begin Dutch compounds and verbs ("aan", "in", "bij", "uit", "voor") are parted only from
another grammatical word ("ophet", "vooreen"), since "instroom" or "uitvoeringsdiensten" may simply be
missing from the list; "hier", "daar", "waar" and "er" begin pronominal adverbs ("hiervan") and are
never parted.
"""

import functools
import os
from pathlib import Path

from tracker.imports.suggesting.verbs import AUXILIARIES, CLOSED

WORD_LIST = Path(os.environ.get("DUTCH_WORD_LIST", "/usr/share/dict/dutch"))

_GRAMMATICAL = (CLOSED | AUXILIARIES | {"te"}) - {"'t", "der", "des", "den", "zo", "dan", "nu"}
_PREFIXES = frozenset(
    [
        "aan",
        "af",
        "bij",
        "door",
        "in",
        "mee",
        "met",
        "na",
        "om",
        "onder",
        "op",
        "over",
        "toe",
        "uit",
        "voor",
        "achter",
        "tegen",
        "tussen",
        "binnen",
        "boven",
        "buiten",
        "rond",
        "samen",
        "tot",
        "van",
        "via",
        "al",
        "wel",
    ]
)
_PRONOMINAL = frozenset({"hier", "daar", "waar", "er", "zo"})


@functools.cache
def _words() -> frozenset[str]:
    try:
        return frozenset(line.strip() for line in WORD_LIST.read_text(encoding="utf-8").splitlines() if line.strip())
    except OSError:
        return frozenset()


def available() -> bool:
    """Whether the word list is installed."""
    return bool(_words())


def is_word(word: str) -> bool:
    return word in _words()


@functools.lru_cache(maxsize=65536)
def unglued(word: str) -> str:
    """A lower-case word a converter glued to its neighbour, parted ("ikde" -> "ik de"), or the word."""
    if not available() or is_word(word):
        return word
    for cut in range(len(word) - 2, 1, -1):  # the longest grammatical word first
        head, tail = word[:cut], word[cut:]
        if head not in _GRAMMATICAL or head in _PRONOMINAL or (head in _PREFIXES and tail == "een"):
            continue  # "hiervan", "bijeen", "meteen": one word
        if tail in _GRAMMATICAL or (head not in _PREFIXES and is_word(tail)):
            return f"{head} {unglued(tail)}"
    for cut in range(4, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        if tail in _GRAMMATICAL and tail not in _PREFIXES and len(tail) >= 3 and tail != "een" and is_word(head):
            return f"{head} {tail}"
    return word
