"""Dates and times in the interface's formats (tracker/formats/), as `{{ value|date:"SHORT_DATE_FORMAT" }}`
shows them, written by a formatter compiled once per format and language.

Django's date_format() reads the format and parses it at every call (about 25 µs); a commitment's
timeline and a list page call it a hundred times or more. The formats here use a few codes only;
any other code falls back to Django (tests/test_date_display.py compares the two).
"""

import datetime
from collections.abc import Callable

from django.utils import dates
from django.utils.formats import date_format, get_format
from django.utils.translation import get_language

Part = Callable[[datetime.date], str] | str

_CODES: dict[str, Callable[[datetime.date], str]] = {
    "d": lambda value: f"{value.day:02d}",
    "j": lambda value: str(value.day),
    "m": lambda value: f"{value.month:02d}",
    "n": lambda value: str(value.month),
    "Y": lambda value: f"{value.year:04d}",
    "H": lambda value: f"{value.hour:02d}",
    "G": lambda value: str(value.hour),
    "i": lambda value: f"{value.minute:02d}",
    "s": lambda value: f"{value.second:02d}",
    # Month names are translated when the format is compiled, for its language.
    "F": lambda value: str(dates.MONTHS[value.month]),
    "M": lambda value: str(dates.MONTHS_3[value.month]).title(),
    "b": lambda value: str(dates.MONTHS_3[value.month]),
}
_TIME_CODES = frozenset("HGis")


class _Format:
    """One format, compiled: literal text and a function per code."""

    def __init__(self, format_string: str):
        self.parts: list[Part] = []
        self.has_time = any(character in _TIME_CODES for character in format_string)
        self.usable = "\\" not in format_string
        for character in format_string:
            if character in "FMb":
                names = {month: _CODES[character](datetime.date(2000, month, 1)) for month in range(1, 13)}
                self.parts.append(lambda value, names=names: names[value.month])
            elif character in _CODES:
                self.parts.append(_CODES[character])
            elif character.isalpha():
                self.usable = False  # a code not above: Django formats it
            elif self.parts and isinstance(self.parts[-1], str):
                self.parts[-1] += character
            else:
                self.parts.append(character)

    def __call__(self, value) -> str:
        return "".join(part if isinstance(part, str) else part(value) for part in self.parts)


_compiled: dict[tuple[str, str], _Format] = {}


def format_date(value: datetime.date | datetime.datetime, format_name: str) -> str:
    """`date_format(value, format_name)`: *format_name* a setting ("SHORT_DATE_FORMAT") or a format ("Y-m-d")."""
    key = (format_name, get_language() or "")
    compiled = _compiled.get(key)
    if compiled is None:
        compiled = _compiled[key] = _Format(get_format(format_name))
    if not compiled.usable or (compiled.has_time and not isinstance(value, datetime.datetime)):
        return date_format(value, format_name)
    return compiled(value)
