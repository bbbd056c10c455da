"""Normalising people's names so that spelling and case variants of one name compare equal."""

import re
import unicodedata

_NON_LETTERS = re.compile(r"[^\w\s-]", re.UNICODE)
_SPACES = re.compile(r"[\s-]+")


def normalise_name(name: str) -> str:
    """Return a matching key: no accents, no case, no punctuation, words in alphabetical order.

    "CINDY FRANSSEN", "Franssen, Cindy" and "Cindy  Franssen" all give "cindy franssen".
    """
    decomposed = unicodedata.normalize("NFKD", name)
    without_accents = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = _SPACES.split(_NON_LETTERS.sub(" ", without_accents.casefold()).strip())
    return " ".join(sorted(word for word in words if word))


def display_name(name: str) -> str:
    """Turn a name printed in capitals ("CINDY FRANSSEN") into "Cindy Franssen"; keep mixed case."""
    name = " ".join(name.split())
    if name.isupper():
        return name.title()
    return name


def one_letter_apart(first: str, second: str) -> bool:
    """True when two words differ by one inserted, deleted or changed letter (FRANSEN, FRANSSEN)."""
    if first == second:
        return True
    if abs(len(first) - len(second)) > 1:
        return False
    if len(first) > len(second):
        first, second = second, first
    for index, (a, b) in enumerate(zip(first, second, strict=False)):
        if a != b:
            if len(first) == len(second):
                return first[index + 1 :] == second[index + 1 :]
            return first[index:] == second[index + 1 :]
    return True
