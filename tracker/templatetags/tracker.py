from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tracker.models import DeadlineSource, Status
from tracker.presentation import DEADLINE_SOURCE_TONES, STATUS_TONES
from tracker.selectors.team import user_name as name_of

register = template.Library()


@register.simple_tag
def status_badge(status: str) -> SafeString:
    """A status as a coloured badge with its name (never colour alone)."""
    label = Status(status).label if status in Status.values else status
    return format_html('<span class="status-badge status-{}">{}</span>', STATUS_TONES.get(status, "announced"), label)


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


@register.simple_tag
def deadline(commitment) -> SafeString:
    """A commitment's deadline with its source (stated, set by staff, default horizon): a tag, not an
    include, because every list row shows one."""
    if commitment.deadline is None:
        text = _("no deadline (refusal)") if commitment.kind == "refusal" else _("no deadline")
        return format_html('<span class="text-muted">{}</span>', text)
    source = commitment.deadline_source
    label = {"stated": _("stated"), "staff": _("set by staff")}.get(source, _("default horizon"))
    title = commitment.get_deadline_source_display()
    if commitment.deadline_wording:
        title = f"{title}: “{commitment.deadline_wording}”"
    return format_html(
        '<span class="deadline">{}</span>\n<span class="deadline-source deadline-{}" title="{}">{}</span>',
        date_format(commitment.deadline, "SHORT_DATE_FORMAT"),
        deadline_tone(source),
        title,
        label,
    )


@register.simple_tag
def slip_badge(commitment) -> SafeString:
    """ "moved 2×" beside a deadline that moved, with the days in its title: a tag, because list
    rows show it (from the stored figures, no query)."""
    moves, days = commitment.deadline_moves, commitment.deadline_slip_days
    title = ngettext("Deadline moved %(count)d time, %(days)+d days", "Deadline moved %(count)d times, %(days)+d days", moves)
    return format_html(
        ' <span class="slip-tag" title="{}">{}</span>',
        title % {"count": moves, "days": days},
        _("moved %(count)d×") % {"count": moves},
    )


@register.simple_tag
def days_late(commitment) -> SafeString:
    """The days a commitment is overdue, marked when long overdue: from the annotations of
    CommitmentQuerySet.with_overdue_flag(), which every list row has."""
    days = getattr(commitment, "days_overdue", None)
    if not days:
        return format_html('<span class="text-muted">{}</span>', "—")
    long = " long" if commitment.is_long_overdue else ""
    return format_html('<span class="days-late{}">{}</span>', long, days)


@register.filter
def user_name(user) -> str:
    """A staff member as the pages name them: full name, else user name (empty for nobody)."""
    return name_of(user)
