"""Finding a deadline in a Dutch sentence and turning it into a date, keeping the original words.

Reading rules (README, "Deadlines"):
- "eind", "in", "in de loop van", "tijdens" a period: the period's last day ("tegen eind 2019" = 31/12/2019);
- "tegen" or "vóór" a month or a season: its first day ("tegen de zomer" = 21 June); "tegen" a year: the
  year's last day, "vóór" a year: the last day of the year before;
- "begin" a year: 31 March; "midden" or "medio": 30 June; "begin" a month: the 10th;
- seasons: spring ends 20 June, summer 22 September, autumn 20 December, winter 20 March;
- "binnen zes maanden", "over twee jaar": counted from the date the promise was made;
- "voor het einde van de legislatuur": the end of the term as this installation defines it (the
  default horizon: the end of the legislature or of the government, setting DEFAULT_HORIZON), when known.
Relative words ("volgend jaar", "dit najaar") count from the date the promise was made.
"""

import datetime
import re
from dataclasses import dataclass

from tracker.dates import add_months
from tracker.imports.dutch_dates import MONTH_PATTERN, MONTHS, NUMBER_PATTERN, number_value
from tracker.models import Precision


@dataclass(frozen=True)
class Deadline:
    date: datetime.date
    wording: str
    precision: str


_YEAR = r"(?P<year>\d{4}|(?:(?:het\s+)?(?:dit|deze|volgend|volgende|komend|komende|lopend|lopende)\s+jaar))"
_OPT_YEAR = rf"(?:\s+(?:van\s+)?{_YEAR})?"
_BY = r"(?:tegen|uiterlijk|ten\s+laatste|vóór|voor|pas|na)"
_SEASONS = {
    # name: (start month, start day, end month, end day, end falls in the next year)
    "voorjaar": (3, 21, 6, 20, False),
    "lente": (3, 21, 6, 20, False),
    "zomer": (6, 21, 9, 22, False),
    "najaar": (9, 23, 12, 20, False),
    "herfst": (9, 23, 12, 20, False),
    "winter": (12, 21, 3, 20, True),
}
_ORDINALS = {
    "eerste": 1,
    "1e": 1,
    "1ste": 1,
    "tweede": 2,
    "2e": 2,
    "2de": 2,
    "derde": 3,
    "3e": 3,
    "3de": 3,
    "vierde": 4,
    "4e": 4,
    "4de": 4,
    "laatste": 4,
}
_TERM_WORDS = r"(?:legislatuur|regeerperiode|zittingsperiode|bestuursperiode|beleidsperiode)"


def _year(match: re.Match, made_on: datetime.date) -> int | None:
    word = match.groupdict().get("year")
    if not word:
        return None
    if word.isdigit():
        return int(word)
    if re.search(r"volgend|komend", word):
        return made_on.year + 1
    return made_on.year


def _clean(wording: str) -> str:
    return " ".join(wording.split()).strip(" ,.")


def _day_date(match, made_on, term_end):
    day, month = int(match["day"]), MONTHS[match["month"].lower()]
    year = int(match["year"]) if match["year"] else made_on.year
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return None
    if not match["year"] and date < made_on:
        date = date.replace(year=year + 1)
    return date, Precision.DAY


def _month_date(match, made_on, term_end):
    month = MONTHS[match["month"].lower()]
    year = _year(match, made_on) or (made_on.year if month >= made_on.month else made_on.year + 1)
    first = datetime.date(year, month, 1)
    last = add_months(first, 1) - datetime.timedelta(days=1)
    modifier = (match["modifier"] or "").lower()
    if modifier.startswith("begin") or modifier == "start":
        return first.replace(day=10), Precision.MONTH
    if modifier in ("midden", "medio", "half"):
        return first.replace(day=20), Precision.MONTH
    if re.match(r"tegen|vóór|voor", modifier):
        return first, Precision.MONTH
    return last, Precision.MONTH


def _season_date(match, made_on, term_end):
    start_month, start_day, end_month, end_day, wraps = _SEASONS[match["season"].lower()]
    year = _year(match, made_on)
    if year is None:
        year = made_on.year
        end = datetime.date(year + (1 if wraps else 0), end_month, end_day)
        if end < made_on:
            year += 1
    modifier = (match["modifier"] or "").lower()
    by_start = bool(re.match(r"tegen|vóór|voor", modifier))
    if by_start and _year(match, made_on) is None and datetime.date(year, start_month, start_day) < made_on:
        year += 1  # "tegen de zomer", said in July: the next summer
    start = datetime.date(year, start_month, start_day)
    end = datetime.date(year + (1 if wraps else 0), end_month, end_day)
    if by_start:
        return start, Precision.SEASON
    if modifier == "na":
        return add_months(end, 1), Precision.SEASON
    return end, Precision.SEASON


def _quarter_date(match, made_on, term_end):
    groups = match.groupdict()
    quarter = _ORDINALS.get((groups.get("ordinal") or "").lower()) or int(groups["q"])
    year = _year(match, made_on) or made_on.year
    end_month = quarter * 3
    return add_months(datetime.date(year, end_month, 1), 1) - datetime.timedelta(days=1), Precision.QUARTER


def _half_date(match, made_on, term_end):
    half = _ORDINALS[match["ordinal"].lower()]
    year = _year(match, made_on) or made_on.year
    return (datetime.date(year, 6, 30) if half == 1 else datetime.date(year, 12, 31)), Precision.HALF_YEAR


def _year_part_date(match, made_on, term_end):
    year = _year(match, made_on)
    modifier = re.sub(r"\s+", " ", (match["modifier"] or "").lower())
    if re.search(r"begin|start", modifier):
        return datetime.date(year, 3, 31), Precision.QUARTER
    if re.search(r"midden|medio|halfweg", modifier):
        return datetime.date(year, 6, 30), Precision.HALF_YEAR
    if re.fullmatch(r"(?:vóór|voor)", modifier):
        return datetime.date(year - 1, 12, 31), Precision.YEAR
    return datetime.date(year, 12, 31), Precision.YEAR


def _this_year_date(match, made_on, term_end):
    return datetime.date(made_on.year, 12, 31), Precision.YEAR


_UNITS = {
    "dag": "days",
    "dagen": "days",
    "week": "weeks",
    "weken": "weeks",
    "maand": "months",
    "maanden": "months",
    "jaar": "years",
    "jaren": "years",
}


def _within_date(match, made_on, term_end):
    amount = number_value(match["amount"]) if match["amount"] else 1
    unit = _UNITS[match["unit"].lower()]
    if unit == "days":
        return made_on + datetime.timedelta(days=amount), Precision.DAY
    if unit == "weeks":
        return made_on + datetime.timedelta(weeks=amount), Precision.DAY
    if unit == "months":
        return add_months(made_on, amount), Precision.MONTH
    return add_months(made_on, 12 * amount), Precision.YEAR


def _next_month_date(match, made_on, term_end):
    first_of_next = add_months(made_on.replace(day=1), 1)
    return add_months(first_of_next, 1) - datetime.timedelta(days=1), Precision.MONTH


def _term_date(match, made_on, term_end):
    return (term_end, Precision.TERM) if term_end else None


def _school_year_date(match, made_on, term_end):
    if match["start"]:
        return datetime.date(int(match["start"]), 9, 1), Precision.DAY
    year = made_on.year if made_on < datetime.date(made_on.year, 9, 1) else made_on.year + 1
    return datetime.date(year, 9, 1), Precision.DAY


# (pattern, reader, strong): a strong pattern names a limit ("tegen", "uiterlijk", "eind", "binnen");
# a weak one only a time ("in 2020"), and loses to a strong one in the same sentence.
_RULES = [
    (
        rf"(?:{_BY}\s+)?(?:(?:op|vanaf)\s+)?(?:(?:de|het)\s+)?(?P<day>\d{{1,2}})\s*(?:e|ste|de)?\s+(?P<month>{MONTH_PATTERN})\.?(?:\s+(?P<year>\d{{4}}))?",
        _day_date,
        True,
    ),
    (
        rf"(?P<modifier>begin|start|midden|medio|eind|einde|tegen(?:\s+eind)?|uiterlijk(?:\s+eind)?|vóór|voor|in(?:\s+de\s+loop\s+van)?|tijdens)\s+(?:de\s+maand\s+)?(?P<month>{MONTH_PATTERN})\b(?:\s+(?P<year>\d{{4}}))?",
        _month_date,
        True,
    ),
    (
        rf"(?P<modifier>{_BY}|in|tijdens|in\s+de\s+loop\s+van)?\s*(?:(?:de|het|dit|deze|volgend|volgende|komend|komende)\s+)?(?P<season>voorjaar|lente|zomer|najaar|herfst|winter)(?:sreces)?{_OPT_YEAR}",
        _season_date,
        False,
    ),
    (
        rf"(?:(?:in|tijdens|tegen|uiterlijk)\s+)?(?:het\s+)?(?P<ordinal>eerste|tweede|derde|vierde|laatste|[1-4](?:e|ste|de))\s+kwartaal{_OPT_YEAR}",
        _quarter_date,
        True,
    ),
    (r"(?:(?:in|tijdens|tegen|uiterlijk)\s+)?Q(?P<q>[1-4])\s+(?P<year>\d{4})", _quarter_date, True),
    (
        rf"(?:(?:in|tijdens|tegen)\s+)?(?:de\s+|het\s+)?(?P<ordinal>eerste|tweede)\s+(?:helft|jaarhelft|semester){_OPT_YEAR}",
        _half_date,
        True,
    ),
    (
        rf"(?P<modifier>(?:tegen\s+|uiterlijk\s+|ten\s+laatste\s+|vóór\s+|voor\s+)?(?:het\s+)?(?:begin|start|eind|einde|midden|medio|halfweg)(?:\s+van)?|in\s+de\s+loop\s+van|tegen|uiterlijk(?:\s+in)?|ten\s+laatste(?:\s+in)?|vóór|voor|in|tijdens|later\s+in)\s+(?:het\s+)?(?:jaar\s+)?{_YEAR}",
        _year_part_date,
        False,
    ),
    (
        r"(?:nog|later)\s+dit\s+jaar|(?:tegen|vóór|voor)\s+het\s+einde\s+van\s+(?:het|dit)\s+jaar|(?:tegen\s+)?eind\s+dit\s+jaar",
        _this_year_date,
        True,
    ),
    (
        rf"(?:binnen|over|in)\s+(?:de|het|een\s+termijn\s+van|een\s+periode\s+van)?\s*(?P<amount>{NUMBER_PATTERN})?\s*(?P<unit>dagen|dag|weken|week|maanden|maand|jaren|jaar)\b",
        _within_date,
        True,
    ),
    (r"(?:de\s+)?(?:volgende|komende)\s+maand", _next_month_date, False),
    (
        rf"(?:(?:tegen|vóór|voor|tijdens|in\s+de\s+loop\s+van|binnen)\s+)?(?:het\s+)?(?:einde\s+van\s+)?(?:de|deze|het|dit)\s+{_TERM_WORDS}",
        _term_date,
        True,
    ),
    (
        r"(?:tegen|vanaf|voor|vóór|bij\s+de\s+start\s+van)\s+(?:het\s+)?(?:nieuwe\s+|volgende\s+|komende\s+)?schooljaar(?:\s+(?P<start>\d{4})\s*-\s*\d{4})?",
        _school_year_date,
        True,
    ),
]
_COMPILED = [(re.compile(rf"(?<![\w-]){pattern}(?![\w])", re.IGNORECASE), reader, strong) for pattern, reader, strong in _RULES]
# Past-tense context: a date in "werd in 2017 uitgevoerd" is history, not a deadline.
_PAST_BEFORE = re.compile(r"\b(?:sinds|sedert|vorig|afgelopen|geleden)\s*$", re.IGNORECASE)


def find_deadline(sentence: str, *, made_on: datetime.date, term_end: datetime.date | None = None) -> Deadline | None:
    """The deadline a sentence states, or None. Dates before *made_on* are history, not deadlines."""
    candidates = []
    for pattern, reader, strong in _COMPILED:
        for match in pattern.finditer(sentence):
            if _PAST_BEFORE.search(sentence[: match.start()]):
                continue
            try:
                result = reader(match, made_on, term_end)
            except (ValueError, KeyError, TypeError, IndexError, OverflowError):
                continue  # a wording that names no real date (31 februari, year 99999): no deadline
            if result is None:
                continue
            date, precision = result
            if date < made_on:
                continue
            is_strong = strong or bool(
                re.match(r"\s*(tegen|uiterlijk|ten\s+laatste|eind|vóór|voor|binnen)", match.group(0), re.I)
            )
            candidates.append((not is_strong, match.start(), -(match.end() - match.start()), date, precision, match.group(0)))
    if not candidates:
        return None
    _, _, _, date, precision, wording = min(candidates)
    return Deadline(date=date, wording=_clean(wording), precision=str(precision))
