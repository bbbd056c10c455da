"""Reading dates written in Dutch ("29 juni 2018") and the numbers that go with them."""

import datetime
import re

MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "maart": 3,
    "mrt": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))

NUMBER_WORDS = {
    "een": 1,
    "één": 1,
    "eén": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "achttien": 18,
    "vierentwintig": 24,
    "dertig": 30,
    "zestig": 60,
    "negentig": 90,
}
NUMBER_PATTERN = r"\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))

_WRITTEN_DATE = re.compile(rf"\b(\d{{1,2}})\s*(?:e\s+)?({MONTH_PATTERN})\.?\s+(\d{{4}})\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def number_value(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def parse_dutch_date(text: str) -> datetime.date | None:
    """The first date in *text*, written as "29 juni 2018", "29/06/2018" or "2018-06-29"."""
    candidates = []
    for pattern, order in ((_WRITTEN_DATE, "dmy_word"), (_NUMERIC_DATE, "dmy"), (_ISO_DATE, "ymd")):
        match = pattern.search(text)
        if match:
            candidates.append((match.start(), match, order))
    for _, match, order in sorted(candidates, key=lambda candidate: candidate[0]):
        try:
            if order == "dmy_word":
                return datetime.date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
            if order == "dmy":
                return datetime.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
            return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            continue
    return None


MONTH_NAMES = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def format_dutch_date(day: datetime.date) -> str:
    """A date as Dutch documents write it: "29 juni 2018", whatever the interface language."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
