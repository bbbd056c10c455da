"""Dates written by tracker.date_display are exactly what Django's date_format writes."""

import datetime

import pytest
from django.utils import translation
from django.utils.formats import date_format

from tracker.date_display import format_date

DAYS = [datetime.date(2024, month, day) for month, day in ((1, 1), (3, 5), (5, 31), (9, 9), (12, 31))]
MOMENTS = [
    datetime.datetime(2024, 3, 5, 9, 7, 3),
    datetime.datetime(2023, 12, 31, 23, 59, 59),
    datetime.datetime(2026, 7, 1, 0, 0),
]
FORMATS = ["SHORT_DATE_FORMAT", "DATE_FORMAT", "Y-m-d", "d/m/Y", "D j N Y", r"j \\d\\e F"]
TIME_FORMATS = ["SHORT_DATETIME_FORMAT", "DATETIME_FORMAT", "Y-m-d H:i:s", "j M Y, G:i"]


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("format_name", FORMATS)
def test_days_read_as_djangos_date_format_writes_them(language, format_name):
    with translation.override(language):
        for day in DAYS:
            assert format_date(day, format_name) == date_format(day, format_name)


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("format_name", FORMATS + TIME_FORMATS)
def test_moments_read_as_djangos_date_format_writes_them(language, format_name):
    with translation.override(language):
        for moment in MOMENTS:
            assert format_date(moment, format_name) == date_format(moment, format_name)


def test_month_names_follow_the_active_language():
    day = datetime.date(2024, 3, 5)
    with translation.override("nl"):
        assert format_date(day, "SHORT_DATE_FORMAT") == "5 mrt 2024"
    with translation.override("en"):
        assert format_date(day, "DATE_FORMAT") == "5 March 2024"


def test_a_time_format_on_a_day_is_refused_as_django_refuses_it():
    with pytest.raises(TypeError):
        format_date(datetime.date(2024, 3, 5), "SHORT_DATETIME_FORMAT")
