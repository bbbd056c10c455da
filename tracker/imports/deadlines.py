"""Finding a deadline in a Dutch sentence and turning it into a date, keeping the original words.

Reading rules (README, "Suggestions", the deadline table, which lists every convention):
- "eind", "in", "in de loop van", "tijdens" a period: the period's last day ("tegen eind 2019" = 31/12/2019);
- "tegen" a month or a season: its first day ("tegen de zomer" = 21 June); "vóór" a day, a month, a season
  or a year: the day before it begins ("vóór 1 december" = 30 November, "vóór 2020" = 31/12/2019);
  "tegen" a year: the year's last day;
- "begin" a year: 31 March; "midden" or "medio": 30 June; "begin" a month: the 10th;
- seasons: spring ends 20 June, summer 22 September, autumn 20 December, winter 20 March; "na" a season:
  the end of the season after it ("na de zomer" = 20 December);
- a year named alone: "dit jaar" its last day, "volgend jaar" next year's; "het komend jaar" and "de
  komende drie jaar" are periods, kept without a date like "de komende tijd";
- spans counted from the date of the answer: "deze week" (its Sunday), "deze maand", "volgende maand",
  "dit kwartaal", "binnen zes weken", "over twee jaar";
- "met Prinsjesdag": the third Tuesday of September; "voor het zomerreces": the day before the Tweede
  Kamer's summer recess, which begins on the first Friday of July;
- "vanaf" a year or a month: its first day;
- "voor het einde van de legislatuur": the end of the term as this installation defines it (the
  default horizon: the end of the legislature or of the government, setting DEFAULT_HORIZON), when known;
- "binnenkort", "op korte termijn", "zo spoedig mogelijk", "de komende tijd", "over enkele maanden",
  "na afronding van het onderzoek", "bij de
  begrotingsaanpassing", "totdat …": a deadline without a date (`date` None), its wording kept.
Relative words ("volgend jaar", "dit najaar") count from the date the promise was made. A date
marked "jl." or "ll." (jongstleden, laatstleden), or any date before the answer, is history: never a
deadline. A day or a month named without a year that has passed this year is next year's only after
"tegen", "uiterlijk", "vóór" or "vanaf" ("tegen 1 maart" said in June: next March); otherwise it is
history ("op 12 maart heb ik …").
"""

import datetime
import re
from dataclasses import dataclass

from tracker.dates import add_months
from tracker.imports.dutch_dates import MONTH_PATTERN, MONTHS, NUMBER_PATTERN, number_value
from tracker.models import Precision


@dataclass(frozen=True)
class Deadline:
    """A deadline as the answer words it. *date* is None for a wording that names no date
    ("binnenkort", "zo spoedig mogelijk"): the wording is kept, the date left to the default horizon."""

    date: datetime.date | None
    wording: str
    precision: str

    @property
    def dated(self) -> bool:
        return self.date is not None


_YEAR = r"(?P<year>\d{4}|(?:(?:het\s+)?(?:dit|deze|volgend|volgende|komend|komende|lopend|lopende)\s+jaar))"
_OPT_YEAR = rf"(?:\s+(?:van\s+)?{_YEAR})?"
_BY = r"(?:tegen|uiterlijk|ten\s+laatste|vóór|voor|pas|na|in\s+de\s+loop\s+van)"
_SEASONS = {
    # name: (start month, start day, end month, end day, end falls in the next year)
    "voorjaar": (3, 21, 6, 20, False),
    "lente": (3, 21, 6, 20, False),
    "zomer": (6, 21, 9, 22, False),
    "najaar": (9, 23, 12, 20, False),
    "herfst": (9, 23, 12, 20, False),
    "winter": (12, 21, 3, 20, True),
}
_SEASON_AFTER = {
    "voorjaar": "zomer",
    "lente": "zomer",
    "zomer": "najaar",
    "najaar": "winter",
    "herfst": "winter",
    "winter": "voorjaar",
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
_TERM_WORDS = r"(?:legislatuur|regeerperiode|zittingsperiode|bestuursperiode|beleidsperiode|kabinetsperiode)"
# Words that make a passed day or month next year's: "tegen 1 maart", said in June.
_LIMIT = re.compile(r"^\s*(?:tegen|uiterlijk|ten\s+laatste|vóór|voor|vanaf|met\s+ingang\s+van|per)\b", re.IGNORECASE)
_BEFORE = re.compile(r"^\s*(?:ruim\s+|kort\s+|al\s+)?(?:vóór|voor)\b", re.IGNORECASE)


def _is_before(wording: str) -> bool:
    return bool(_BEFORE.match(wording))


def _year(match: re.Match, made_on: datetime.date) -> int | None:
    word = match.groupdict().get("year")
    if not word:
        return None
    if word.isdigit():
        return int(word)
    if re.search(r"volgend|komend", word, re.IGNORECASE):
        return made_on.year + 1
    return made_on.year


def _clean(wording: str) -> str:
    return " ".join(wording.split()).strip(" ,.;:")


def _day_date(match, made_on, term_end):
    day, month = int(match["day"]), MONTHS[match["month"].lower()]
    year = int(match["year"]) if match["year"] else made_on.year
    date = datetime.date(year, month, day)
    if not match["year"] and date < made_on and _LIMIT.match(match.group(0)):
        date = date.replace(year=year + 1)
    if _is_before(match.group(0)):
        date -= datetime.timedelta(days=1)
    return date, Precision.DAY


def _month_date(match, made_on, term_end):
    month = MONTHS[match["month"].lower()]
    modifier = (match["modifier"] or "").lower()
    year = _year(match, made_on)
    if year is None:
        year = made_on.year
        if month < made_on.month and _LIMIT.match(modifier):
            year += 1
    first = datetime.date(year, month, 1)
    last = add_months(first, 1) - datetime.timedelta(days=1)
    if modifier.startswith("begin") or modifier == "start":
        return first.replace(day=10), Precision.MONTH
    if modifier in ("midden", "medio", "half"):
        return first.replace(day=20), Precision.MONTH
    if re.match(r"vanaf|met\s+ingang", modifier):
        return first, Precision.MONTH
    if re.match(r"vóór|voor", modifier):
        return first - datetime.timedelta(days=1), Precision.MONTH
    if modifier.startswith("tegen") and "eind" not in modifier:
        return first, Precision.MONTH
    return last, Precision.MONTH


def _season_date(match, made_on, term_end):
    season = match["season"].lower()
    modifier = re.sub(r"\s+", " ", (match["modifier"] or "").lower())
    if modifier == "na":
        season = _SEASON_AFTER[season]  # "na de zomer": in the autumn
    start_month, start_day, end_month, end_day, wraps = _SEASONS[season]
    year = _year(match, made_on)
    if year is None:
        year = made_on.year
        end = datetime.date(year + (1 if wraps else 0), end_month, end_day)
        if end < made_on:
            year += 1
    by_start = bool(re.match(r"tegen|vóór|voor", modifier))
    if by_start and _year(match, made_on) is None and datetime.date(year, start_month, start_day) < made_on:
        year += 1  # "tegen de zomer", said in July: the next summer
    start = datetime.date(year, start_month, start_day)
    end = datetime.date(year + (1 if wraps else 0), end_month, end_day)
    if re.match(r"vóór|voor", modifier):
        return start - datetime.timedelta(days=1), Precision.SEASON
    if by_start:
        return start, Precision.SEASON
    return end, Precision.SEASON


def _quarter_end(year: int, quarter: int) -> datetime.date:
    return add_months(datetime.date(year, quarter * 3, 1), 1) - datetime.timedelta(days=1)


def _quarter_date(match, made_on, term_end):
    groups = match.groupdict()
    quarter = _ORDINALS.get((groups.get("ordinal") or "").lower()) or int(groups["q"])
    year = _year(match, made_on)
    if year is None:
        year = made_on.year if _quarter_end(made_on.year, quarter) >= made_on else made_on.year + 1
    return _quarter_end(year, quarter), Precision.QUARTER


def _this_quarter_date(match, made_on, term_end):
    quarter = (made_on.month - 1) // 3 + 1
    if re.search(r"volgend|komend", match.group(0), re.IGNORECASE):
        quarter += 1
    year = made_on.year + (quarter - 1) // 4
    return _quarter_end(year, (quarter - 1) % 4 + 1), Precision.QUARTER


def _half_date(match, made_on, term_end):
    half = _ORDINALS[match["ordinal"].lower()]
    year = _year(match, made_on)
    if year is None:
        year = made_on.year if half == 2 or made_on <= datetime.date(made_on.year, 6, 30) else made_on.year + 1
    return (datetime.date(year, 6, 30) if half == 1 else datetime.date(year, 12, 31)), Precision.HALF_YEAR


def _year_part_date(match, made_on, term_end):
    year = _year(match, made_on)
    modifier = re.sub(r"\s+", " ", (match["modifier"] or "").lower())
    if re.search(r"begin|start", modifier):
        return datetime.date(year, 3, 31), Precision.QUARTER
    if re.search(r"midden|medio|halfweg", modifier):
        return datetime.date(year, 6, 30), Precision.HALF_YEAR
    if re.fullmatch(r"(?:vanaf|met ingang van)", modifier):
        return datetime.date(year, 1, 1), Precision.YEAR
    if re.fullmatch(r"(?:ruim |kort )?(?:vóór|voor)", modifier):
        return datetime.date(year - 1, 12, 31), Precision.YEAR
    return datetime.date(year, 12, 31), Precision.YEAR


def _named_year_date(match, made_on, term_end):
    return datetime.date(_year(match, made_on), 12, 31), Precision.YEAR


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


def _week_date(match, made_on, term_end):
    sunday = made_on + datetime.timedelta(days=6 - made_on.weekday())
    if re.search(r"volgend|komend", match.group(0), re.IGNORECASE):
        sunday += datetime.timedelta(weeks=1)
    return sunday, Precision.DAY


def _this_month_date(match, made_on, term_end):
    first = made_on.replace(day=1)
    if re.search(r"volgend|komend", match.group(0), re.IGNORECASE):
        first = add_months(first, 1)
    if re.search(r"begin", match.group(0), re.IGNORECASE):
        return first.replace(day=10), Precision.MONTH
    return add_months(first, 1) - datetime.timedelta(days=1), Precision.MONTH


def _term_date(match, made_on, term_end):
    return (term_end, Precision.TERM) if term_end else None


def _school_year_date(match, made_on, term_end):
    if match["start"]:
        return datetime.date(int(match["start"]), 9, 1), Precision.DAY
    year = made_on.year if made_on < datetime.date(made_on.year, 9, 1) else made_on.year + 1
    return datetime.date(year, 9, 1), Precision.DAY


def _third_tuesday_of_september(year: int) -> datetime.date:
    first = datetime.date(year, 9, 1)
    return first + datetime.timedelta(days=(1 - first.weekday()) % 7 + 14)


def _prinsjesdag_date(match, made_on, term_end):
    year = int(match["year"]) if match["year"] else made_on.year
    day = _third_tuesday_of_september(year)
    if not match["year"] and day < made_on:
        day = _third_tuesday_of_september(year + 1)
    return day, Precision.DAY


def _summer_recess_start(year: int) -> datetime.date:
    """The Tweede Kamer's summer recess begins on the first Friday of July (2024: 5 July)."""
    first = datetime.date(year, 7, 1)
    return first + datetime.timedelta(days=(4 - first.weekday()) % 7)


def _summer_recess_date(match, made_on, term_end):
    year = int(match["year"]) if match["year"] else made_on.year
    start = _summer_recess_start(year)
    if not match["year"] and start <= made_on:
        start = _summer_recess_start(year + 1)
    if re.match(r"\s*(?:vóór|voor|tegen)", match.group(0), re.IGNORECASE):
        return start - datetime.timedelta(days=1), Precision.DAY
    return start + datetime.timedelta(days=59), Precision.DAY  # "na het zomerreces": by its end, early September


def _no_date(match, made_on, term_end):
    return None, ""


# (pattern, reader, strong): a strong pattern names a limit ("tegen", "uiterlijk", "eind", "binnen");
# a weak one only a time ("in 2020"), and loses to a strong one in the same sentence. A dated
# reading always wins over one without a date.
_RULES = [
    (
        rf"(?:(?:ruim\s+|kort\s+)?{_BY}\s+)?(?:(?:op|vanaf|per|met\s+ingang\s+van)\s+)?(?:(?:de|het)\s+)?(?P<day>\d{{1,2}})\s*(?:e|ste|de)?\s+(?P<month>{MONTH_PATTERN})\.?(?:\s+(?P<year>\d{{4}}))?",
        _day_date,
        True,
    ),
    (
        rf"(?P<modifier>begin|start|midden|medio|eind|einde|tegen(?:\s+eind)?|uiterlijk(?:\s+eind)?|vóór|voor|vanaf|met\s+ingang\s+van|in(?:\s+de\s+loop\s+van)?|tijdens)\s+(?:de\s+maand\s+)?(?P<month>{MONTH_PATTERN})\b(?:\s+(?:van\s+)?(?P<year>\d{{4}}))?",
        _month_date,
        True,
    ),
    (
        rf"(?P<modifier>{_BY}|in|tijdens)?\s*(?:(?:de|het|dit|deze|volgend|volgende|komend|komende)\s+)?(?P<season>voorjaar|lente|zomer|najaar|herfst|winter)(?!s?reces){_OPT_YEAR}",
        _season_date,
        False,
    ),
    (
        rf"(?:(?:in|tijdens|tegen|uiterlijk|in\s+de\s+loop\s+van)\s+)?(?:het\s+)?(?P<ordinal>eerste|tweede|derde|vierde|laatste|[1-4](?:e|ste|de))\s+kwartaal{_OPT_YEAR}",
        _quarter_date,
        True,
    ),
    (r"(?:(?:in|tijdens|tegen|uiterlijk)\s+)?Q(?P<q>[1-4])\s+(?P<year>\d{4})", _quarter_date, True),
    (
        r"(?:(?:tegen|vóór|voor|in\s+de\s+loop\s+van|tijdens|in|binnen)\s+)?(?:(?:het\s+)?(?:einde?|eind)\s+van\s+)?(?:het|dit|deze)\s+kwartaal"
        r"|(?:(?:in|tijdens|tegen)\s+)?(?:het\s+)?(?:volgende?|komende?)\s+kwartaal",
        _this_quarter_date,
        True,
    ),
    (
        rf"(?:(?:in|tijdens|tegen|in\s+de\s+loop\s+van)\s+)?(?:de\s+|het\s+)?(?P<ordinal>eerste|tweede)\s+(?:helft|jaarhelft|semester){_OPT_YEAR}",
        _half_date,
        True,
    ),
    (
        rf"(?P<modifier>(?:tegen\s+|uiterlijk\s+|ten\s+laatste\s+|vóór\s+|voor\s+)?(?:het\s+|aan\s+het\s+)?(?:begin|start|eind|einde|midden|medio|halfweg)(?:\s+van)?|in\s+de\s+loop\s+van|tegen|uiterlijk(?:\s+in)?|ten\s+laatste(?:\s+in)?|(?:ruim\s+|kort\s+)?vóór|(?:ruim\s+|kort\s+)?voor|vanaf|met\s+ingang\s+van|in|tijdens|later\s+in)\s+(?:het\s+)?(?:jaar\s+)?{_YEAR}",
        _year_part_date,
        False,
    ),
    (
        r"(?:nog|later)\s+dit\s+jaar|(?:tegen|vóór|voor|aan)\s+het\s+einde?\s+van\s+(?:het|dit)\s+jaar|(?:tegen\s+)?eind\s+dit\s+jaar",
        _this_year_date,
        True,
    ),
    # A year named alone, without "in" or "eind": "u dit jaar nog informeren", "volgend jaar volgt …".
    (r"(?<!het\s)(?P<year>(?:dit|volgend|volgende|komend|komende)\s+jaar)(?!\s+(?:en|of)\b)", _named_year_date, False),
    (
        rf"(?:binnen|over|in)\s+(?:de|het|een\s+termijn\s+van|een\s+periode\s+van)?\s*(?P<amount>{NUMBER_PATTERN})?\s*(?P<unit>dagen|dag|weken|week|maanden|maand|jaren|jaar)\b",
        _within_date,
        True,
    ),
    (r"(?:(?:nog|later|eind|einde\s+van)\s+)?(?:deze|(?:de\s+)?(?:volgende|komende))\s+week", _week_date, True),
    (
        r"(?:(?:nog|later|eind|einde\s+van|begin|tegen\s+het\s+einde\s+van)\s+)?(?:deze\s+maand|(?:de\s+)?(?:volgende|komende)\s+maand)",
        _this_month_date,
        False,
    ),
    (
        rf"(?:(?:tegen|vóór|voor|tijdens|in\s+de\s+loop\s+van|binnen)\s+)?(?:het\s+)?(?:einde\s+van\s+)?(?:de|deze|het|dit)\s+{_TERM_WORDS}",
        _term_date,
        True,
    ),
    (
        r"(?:tegen|vanaf|voor|vóór|bij)\s+(?:(?:het\s+begin|de\s+start|aanvang)\s+van\s+)?(?:het\s+)?(?:nieuwe\s+|volgende\s+|komende\s+)?schooljaar(?:\s+(?P<start>\d{4})\s*-\s*\d{4})?",
        _school_year_date,
        True,
    ),
    (r"(?:(?:op|met|tegen|vóór|voor)\s+)?prinsjesdag(?:\s+(?P<year>\d{4}))?", _prinsjesdag_date, True),
    (r"(?:vóór|voor|tegen|na)\s+het\s+(?:zomer)?reces(?:\s+(?:van\s+)?(?P<year>\d{4}))?", _summer_recess_date, True),
    # Wordings that name no date: kept, with the date left to the default horizon.
    (
        r"(?:op\s+(?:zeer\s+)?korte\s+termijn|binnenkort|eerstdaags|weldra|spoedig|zo\s+(?:spoedig|snel|vlug|gauw)\s+mogelijk"
        r"|(?:in\s+)?de\s+komende\s+(?:\w+\s+)?(?:tijd|periode|maanden|jaren|jaar|weken)|het\s+komende?\s+jaar"
        r"|in\s+de\s+(?:nabije\s+)?toekomst|(?:binnen|over|in)\s+(?:enkele|een\s+aantal|een\s+paar|afzienbare)\s+(?:weken|maanden|tijd)"
        r"|na\s+(?:de\s+)?(?:afronding|oplevering|ontvangst|publicatie|vaststelling)\s+van\s+(?:het|de|dit|deze)\s+\w+"
        r"|bij\s+de\s+(?:volgende\s+)?begrotings(?:aanpassing|opmaak|wijziging|controle|bespreking)|bij\s+de\s+(?:volgende\s+)?begroting"
        r"|(?:bij|met)\s+de\s+(?:voorjaars|najaars)nota|tot(?:dat)?\s+(?:alle|de|het)\s+[^,.;]{3,80}?\s+(?:zijn|is)\s+\w+)",
        _no_date,
        True,
    ),
]
_COMPILED = [(re.compile(rf"(?<![\w-]){pattern}(?![\w])", re.IGNORECASE), reader, strong) for pattern, reader, strong in _RULES]
# Past-tense context: a date in "werd in 2017 uitgevoerd" is history, not a deadline.
_PAST_BEFORE = re.compile(r"\b(?:sinds|sedert|vorig|afgelopen|geleden)\s*$", re.IGNORECASE)
# "12 maart jl.", "15 december ll.", "op 3 mei jongstleden": history.
_HISTORY_AFTER = re.compile(r"^\s*(?:jl|ll)\b\.?|^\s*(?:jongst|laatst)leden\b", re.IGNORECASE)
# "ruim voor het sluiten van de inschrijvingen (1 december 2023)": the date explains a "vóór".
_BEFORE_EVENT = re.compile(r"\b(?:ruim\s+|kort\s+)?(?:vóór|voor)\s+(?:het|de)\s+[^.;()]{3,80}\(\s*$", re.IGNORECASE)


def _reading(reader, match: re.Match, sentence: str, made_on: datetime.date, term_end: datetime.date | None):
    if _PAST_BEFORE.search(sentence[: match.start()]) or _HISTORY_AFTER.match(sentence[match.end() :]):
        return None
    try:
        result = reader(match, made_on, term_end)
    except (ValueError, KeyError, TypeError, IndexError, OverflowError):
        return None  # a wording that names no real date (31 februari, year 99999): no deadline
    if result is None:
        return None
    date, precision = result
    wording = match.group(0)
    if date is not None and reader is _day_date and not _is_before(wording):
        before_event = _BEFORE_EVENT.search(sentence[: match.start()])
        if before_event:
            date -= datetime.timedelta(days=1)
            closing = re.match(r"\s*\)", sentence[match.end() :])
            wording = sentence[before_event.start() : match.end() + (closing.end() if closing else 0)]
    if date is not None and date < made_on:
        return None
    return date, precision, wording


def find_deadline(sentence: str, *, made_on: datetime.date, term_end: datetime.date | None = None) -> Deadline | None:
    """The deadline a sentence states, or None. Dates before *made_on*, and dates marked "jl." or
    "ll.", are history, not deadlines. A wording without a date ("binnenkort") gives a Deadline
    whose date is None."""
    candidates = []
    for pattern, reader, strong in _COMPILED:
        for match in pattern.finditer(sentence):
            reading = _reading(reader, match, sentence, made_on, term_end)
            if reading is None:
                continue
            date, precision, wording = reading
            is_strong = strong or bool(
                re.match(r"\s*(tegen|uiterlijk|ten\s+laatste|eind|vóór|voor|binnen)", match.group(0), re.I)
            )
            candidates.append(
                (date is None, not is_strong, match.start(), -(match.end() - match.start()), date, precision, wording)
            )
    if not candidates:
        return None
    *_, date, precision, wording = min(candidates, key=lambda candidate: candidate[:4])
    return Deadline(date=date, wording=_clean(wording), precision=str(precision))
