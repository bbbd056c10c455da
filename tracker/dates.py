"""Small calendar helpers shared by the domain rules."""

import calendar
import datetime


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day *months* months earlier, clamped to the month's last day (31 May - 3 = 28/29 Feb)."""
    return add_months(day, -months)


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(month_index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
