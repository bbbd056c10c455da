from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from tracker.models import DeadlineSource, Status
from tracker.presentation import DEADLINE_SOURCE_TONES, STATUS_TONES

register = template.Library()


@register.simple_tag
def status_badge(status: str) -> SafeString:
    """A status as a coloured badge with its name (never colour alone)."""
    label = Status(status).label if status in Status.values else status
    return render_to_string("tracker/includes/status_badge.html", {"tone": STATUS_TONES.get(status, "announced"), "label": label})


@register.filter
def deadline_tone(source: str) -> str:
    return DEADLINE_SOURCE_TONES.get(source, DEADLINE_SOURCE_TONES[DeadlineSource.NONE])


@register.filter
def status_tone(status: str) -> str:
    return STATUS_TONES.get(status, "announced")


@register.filter
def paragraphs(text: str) -> list[str]:
    """Split a document text into paragraphs, as stored (blank-line separated)."""
    return [part.strip() for part in text.split("\n\n") if part.strip()]


@register.filter
def days_overdue(commitment, as_of) -> int:
    return commitment.days_overdue_on(as_of) or 0
