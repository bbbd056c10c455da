import datetime

import pytest

from tracker.dates import add_months, is_working_day, months_before, working_days_after

D = datetime.date


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2018, 6, 29), True),  # a Friday
        (D(2018, 6, 30), False),  # Saturday
        (D(2018, 7, 1), False),  # Sunday
        (D(2018, 7, 11), False),  # the Flemish Community's holiday, a Wednesday
        (D(2018, 7, 21), False),  # the national holiday (a Saturday anyway)
        (D(2019, 4, 22), False),  # Easter Monday
        (D(2019, 5, 30), False),  # Ascension Day
        (D(2019, 6, 10), False),  # Whit Monday
        (D(2026, 11, 11), False),  # Armistice Day
        (D(2026, 12, 24), True),  # Christmas Eve is a working day
    ],
)
def test_working_days_are_weekdays_except_belgian_and_flemish_holidays(day, working):
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("day", "due"),
    [
        (D(2018, 6, 29), D(2018, 7, 30)),  # the seed: four weeks, plus 11 July
        (D(2019, 1, 7), D(2019, 2, 4)),  # a Monday, no holiday: exactly four weeks
        (D(2019, 1, 5), D(2019, 2, 1)),  # asked on a Saturday: counting starts on Monday
        (D(2019, 4, 1), D(2019, 4, 30)),  # Easter Monday in between
        (D(2019, 12, 16), D(2020, 1, 15)),  # Christmas Day and New Year's Day in between (26 December is a working day)
    ],
)
def test_twenty_working_days_after_a_date(day, due):
    assert working_days_after(day, 20) == due


def test_the_day_itself_does_not_count():
    assert working_days_after(D(2019, 1, 7), 1) == D(2019, 1, 8)
    assert working_days_after(D(2019, 1, 4), 1) == D(2019, 1, 7)  # Friday: the next working day is Monday


def test_months_are_added_and_taken_away_with_the_day_clamped_to_the_month():
    assert add_months(D(2019, 1, 31), 1) == D(2019, 2, 28)
    assert months_before(D(2020, 5, 31), 3) == D(2020, 2, 29)
    assert add_months(D(2019, 11, 15), 3) == D(2020, 2, 15)
