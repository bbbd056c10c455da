"""Deadlines as an iCalendar feed (RFC 5545, written with the `icalendar` library): one all-day
event per commitment on its deadline, for Outlook, Thunderbird, Google Calendar or a phone.

The texts are in the language active when it is built (the feed's owner's, see views/feeds.py).
Each event's UID is the commitment's (`commitment-42@host`), so a changed deadline moves the event
instead of adding one, and its DTSTAMP and LAST-MODIFIED are the commitment's last change, so the
same data gives the same bytes.
"""

import datetime
from collections.abc import Callable, Iterable

from django.utils import formats
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vDuration

from tracker.models import Commitment, DeadlineSource, Status

PRODUCT = "-//Commitment tracker//Deadlines//EN"
REFRESH = datetime.timedelta(hours=1)  # how often calendar programs are asked to fetch it again


def _deadline_line(commitment: Commitment) -> str:
    day = formats.date_format(commitment.deadline, "DATE_FORMAT")
    source = DeadlineSource(commitment.deadline_source).label
    if commitment.deadline_source == DeadlineSource.STATED and commitment.deadline_wording:
        return _("Deadline: %(day)s (%(source)s: “%(wording)s”)") % {
            "day": day,
            "source": source,
            "wording": commitment.deadline_wording,
        }
    return _("Deadline: %(day)s (%(source)s)") % {"day": day, "source": source}


def deadline_event(commitment: Commitment, *, host: str, url: str) -> Event:
    changed = max(commitment.updated_at, commitment.last_recorded_at)
    event = Event()
    event.add("uid", f"commitment-{commitment.pk}@{host}")
    event.add("dtstamp", changed)
    event.add("last-modified", changed)
    event.add("dtstart", commitment.deadline)
    event.add("dtend", commitment.deadline + datetime.timedelta(days=1))
    event.add("summary", f"{commitment.reference} {commitment.title}")
    description = [
        f"\u201c{commitment.quote.strip()}\u201d",
        "",
        _("Status: %(status)s") % {"status": Status(commitment.current_status).label},
        _deadline_line(commitment),
        "",
        url,
    ]
    event.add("description", "\n".join(description))
    event.add("url", url)
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy that day
    return event


def deadline_calendar(
    commitments: Iterable[Commitment], *, name: str, description: str, host: str, url_for: Callable[[Commitment], str]
) -> bytes:
    """The calendar named *name*: an event for each of *commitments* (with a deadline), its link
    made absolute by *url_for*."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-caldesc", description)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))  # Outlook reads this one
    for commitment in commitments:
        if commitment.deadline:
            calendar.add_component(deadline_event(commitment, host=host, url=url_for(commitment)))
    return calendar.to_ical()
