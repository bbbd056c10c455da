"""Small calendar helpers shared by the domain rules."""

import calendar
import datetime
import functools

import holidays
from django.utils import timezone


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day *months* months earlier, clamped to the month's last day (31 May - 3 = 28/29 Feb)."""
    return add_months(day, -months)


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(month_index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# The Flemish Community's holiday: the Flemish Parliament and administration are closed on 11 July.
_FLEMISH_HOLIDAY = (7, 11)


@functools.lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[datetime.date]:
    belgian = holidays.country_holidays("BE", years=year)
    return frozenset([*belgian.keys(), datetime.date(year, *_FLEMISH_HOLIDAY)])


def is_working_day(day: datetime.date) -> bool:
    """Monday to Friday, except Belgian public holidays and the Flemish Community's holiday."""
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def working_days_after(day: datetime.date, count: int) -> datetime.date:
    """The *count*-th working day after *day* (the day itself does not count)."""
    current, remaining = day, count
    while remaining > 0:
        current += datetime.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def aware(moment: datetime.datetime) -> datetime.datetime:
    """A date and time from a file, in the installation's time zone when it names none."""
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment
