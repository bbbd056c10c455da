"""Deadlines as an iCalendar feed, parsed back with the icalendar library as a calendar program would."""

import datetime

import pytest
from django.utils import translation
from icalendar import Calendar

from tests.factories import AnswerFactory, CommitmentFactory, QuestionFactory
from tracker.exports.ical import deadline_calendar
from tracker.models import Commitment

pytestmark = pytest.mark.django_db


def build(commitments, **kwargs) -> Calendar:
    data = deadline_calendar(
        commitments,
        name=kwargs.get("name", "Deadlines: Vera"),
        description="Deadlines of the commitments you follow.",
        host="tracker.example.org",
        url_for=lambda c: f"https://tracker.example.org{c.get_absolute_url()}",
    )
    return Calendar.from_ical(data)


@pytest.fixture
def stated():
    answer = AnswerFactory(question=QuestionFactory(asked_on=datetime.date(2018, 6, 29)))
    commitment = CommitmentFactory(
        answer=answer,
        title="Projectoproep buddywerking",
        deadline=datetime.date(2019, 12, 31),
        deadline_wording="tegen eind 2019",
    )
    return Commitment.objects.get(pk=commitment.pk)


def test_each_commitment_is_an_all_day_event_on_its_deadline(stated):
    [event] = build([stated]).walk("VEVENT")
    assert event["UID"] == f"commitment-{stated.pk}@tracker.example.org"
    assert event.decoded("DTSTART") == datetime.date(2019, 12, 31)
    assert event.decoded("DTEND") == datetime.date(2020, 1, 1)
    assert event["SUMMARY"] == f"{stated.reference} Projectoproep buddywerking"
    assert str(event["URL"]) == f"https://tracker.example.org/commitments/{stated.pk}/"
    assert event["TRANSP"] == "TRANSPARENT"
    changed = max(stated.updated_at, stated.last_recorded_at).replace(microsecond=0)
    assert event.decoded("LAST-MODIFIED") == event.decoded("DTSTAMP") == changed


def test_the_description_quotes_the_promise_with_its_status_deadline_source_and_wording(stated):
    [event] = build([stated]).walk("VEVENT")
    description = str(event["DESCRIPTION"])
    assert description.startswith(f"\u201c{stated.quote}\u201d")
    assert "Status: Announced" in description
    assert "Deadline: 31 December 2019 (Stated in the answer: \u201ctegen eind 2019\u201d)" in description
    assert description.endswith(f"https://tracker.example.org/commitments/{stated.pk}/")


def test_the_calendar_is_named_and_asks_to_be_refreshed_hourly(stated):
    calendar = build([stated])
    assert calendar["X-WR-CALNAME"] == "Deadlines: Vera"
    assert calendar["NAME"] == "Deadlines: Vera"
    assert calendar["VERSION"] == "2.0"
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar.decoded("REFRESH-INTERVAL") == datetime.timedelta(hours=1)
    assert calendar["X-PUBLISHED-TTL"].to_ical() == b"PT1H"


def test_the_texts_are_in_the_language_it_is_built_in(stated):
    with translation.override("nl"):
        [event] = build([stated]).walk("VEVENT")
    description = str(event["DESCRIPTION"])
    assert "Status: Aangekondigd" in description
    assert "Termijn: 31 december 2019" in description


def test_the_same_data_gives_the_same_calendar(stated):
    assert build([stated]).to_ical() == build([stated]).to_ical()


def test_a_calendar_without_deadlines_is_still_a_valid_calendar():
    calendar = build([])
    assert calendar.walk("VEVENT") == []
    assert calendar["PRODID"] == "-//Commitment tracker//Deadlines//EN"
