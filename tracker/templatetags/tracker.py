from functools import cache

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma, naturaltime
from django.template.defaultfilters import linebreaksbr, truncatechars
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from tracker.date_display import format_date as date_format
from tracker.models import DeadlineSource, Kind, Status
from tracker.presentation import DEADLINE_SOURCE_TONES, STATUS_TONES
from tracker.selectors.team import user_name as name_of

register = template.Library()


@cache
def _words(language: str) -> dict:
    """The words list rows repeat (statuses, kinds, deadline sources, column names), translated once
    per process and language rather than once per row."""
    return {
        "statuses": {value: str(label) for value, label in Status.choices},
        "kinds": {value: str(label) for value, label in Kind.choices},
        "sources": {value: str(label) for value, label in DeadlineSource.choices},
        "no deadline": _("no deadline"),
        "no deadline (refusal)": _("no deadline (refusal)"),
        "stated": _("stated"),
        "staff": _("set by staff"),
        "default horizon": _("default horizon"),
        "minister": _("Minister"),
        "deadline": _("Deadline"),
        "days": _("Days overdue"),
        "question": _("question"),
        "looked_after": _("Looked after by"),
    }


@register.simple_tag
def status_badge(status: str) -> SafeString:
    """A status as a coloured badge with its name (never colour alone)."""
    label = _words(get_language())["statuses"].get(status, status)
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
    words = _words(get_language())
    if commitment.deadline is None:
        text = words["no deadline (refusal)"] if commitment.kind == "refusal" else words["no deadline"]
        return format_html('<span class="text-muted">{}</span>', text)
    source = commitment.deadline_source
    label = words.get(source) if source in ("stated", "staff") else words["default horizon"]
    title = words["sources"].get(source, source)
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


@register.simple_tag(takes_context=True)
def commitment_row(context, commitment) -> SafeString:
    """One row of tracker/includes/commitment_rows.html, built in Python: a list page shows 25 and the
    template took most of its time (a few hundred variable lookups and translations per page).
    Reads `selectable`, `select_all` and `hide_assignee` from the including template."""
    words = _words(get_language())
    pk = commitment.pk
    url = commitment.get_absolute_url()
    reference = commitment.reference
    cells = [mark_safe("<tr>")]
    if context.get("selectable"):
        cells.append(
            format_html(
                '<td class="select-cell"><input type="checkbox" name="commitments" value="{}" form="bulk-assign" '
                'id="select-{}" {}><label class="visually-hidden" for="select-{}">{}</label></td>',
                pk,
                pk,
                mark_safe("checked") if context.get("select_all") else "",
                pk,
                _("Select %(reference)s") % {"reference": reference},
            )
        )
    assignee = ""
    if commitment.assignee_id and not context.get("hide_assignee"):
        assignee = format_html(
            ' · <span class="assignee-tag" title="{}"><span class="visually-hidden">{}: </span>{}</span>',
            words["looked_after"],
            words["looked_after"],
            commitment.assignee.get_full_name() or commitment.assignee.username,
        )
    cells.append(
        format_html(
            '<td class="ref"><a href="{}">{}</a></td>\n<td class="title-cell"><a href="{}">{}</a>'
            '<div class="meta">{} · {} {}{}</div></td>\n<td data-label="{}">{}</td>\n<td>{}</td>\n'
            '<td class="nowrap" data-label="{}">{}{}</td>\n<td class="text-end" data-label="{}">{}</td>\n'
            '<td class="nowrap d-none d-xl-table-cell">{}</td>\n</tr>',
            url,
            reference,
            url,
            commitment.title,
            words["kinds"].get(commitment.kind, commitment.kind),
            words["question"],
            commitment.answer.question.citation,
            assignee,
            words["minister"],
            commitment.responsible_person.full_name,
            status_badge(commitment.current_status),
            words["deadline"],
            deadline(commitment),
            slip_badge(commitment) if commitment.deadline_moves else "",
            words["days"],
            days_late(commitment),
            date_format(commitment.status_observed_on, "SHORT_DATE_FORMAT") if commitment.status_observed_on else "",
        )
    )
    return mark_safe("".join(cells))


def _day(value, format_name: str) -> str:
    """What `{{ value|date:format_name }}` shows: aware datetimes in the current time zone first."""
    return date_format(template_localtime(value), format_name) if value else ""


@register.simple_tag(takes_context=True)
def timeline_status_event(context, event) -> SafeString:
    """One status update of a commitment's timeline (tracker/commitment_detail.html), built in Python:
    a commitment with 50 updates spent most of its page in these. Only an update that counts (not voided,
    rejected or awaiting confirmation): the template renders those, and every other kind of event."""
    update = event.update
    parts = [
        format_html(
            '<li class="timeline-event event-{} tone-{}" id="update-{}">'
            '<div class="timeline-date"><time datetime="{}">{}</time></div><div class="timeline-body"><div>{}',
            event.kind,
            status_tone(update.status),
            update.pk,
            _day(event.day, "Y-m-d"),
            _day(event.day, "SHORT_DATE_FORMAT"),
            status_badge(update.status),
        )
    ]
    if event.origin:
        parts.append(format_html(' <span class="origin-tag">{}</span>', _("from %(ref)s, merged") % {"ref": event.origin}))
    parts.append(mark_safe("</div>"))
    if update.note:
        parts.append(format_html('<p class="timeline-note">{}</p><div class="note-visibility">', linebreaksbr(update.note)))
        if update.note_is_public:
            parts.append(format_html('<span class="publication-tag is-published">{}</span>', _("Public note")))
        else:
            parts.append(format_html('<span class="publication-tag">{}</span>', _("Internal note")))
        if context.get("can_edit"):
            public = update.note_is_public
            parts.append(
                format_html(
                    '<form method="post" action="{}" class="inline-form">{}<button type="submit" name="public" '
                    'value="{}" class="btn-link-sm">{}</button></form>',
                    _url_for(context, "status_update_note_visibility", update.pk),
                    csrf_input(context),
                    "0" if public else "1",
                    _("Make the note internal") if public else _("Make the note public"),
                )
            )
        parts.append(mark_safe("</div>"))
    if update.evidence_url:
        parts.append(
            format_html(
                '<p class="timeline-evidence"><a href="{}" rel="noopener noreferrer">{}: {}</a></p>',
                update.evidence_url,
                _("Evidence"),
                truncatechars(update.evidence_url, 70),
            )
        )
    if update.evidence_text:
        parts.append(format_html('<p class="timeline-evidence">{}</p>', update.evidence_text))
    if context.get("can_void"):
        parts.append(
            format_html(
                '<p class="timeline-actions"><a href="{}">{}</a></p>',
                _url_for(context, "status_update_void", update.pk),
                _("Void this update…"),
            )
        )
    when = _day(event.recorded_at, "SHORT_DATETIME_FORMAT")
    if event.decided_by:
        meta = _("recorded by %(who)s on %(when)s; confirmed by %(second)s on %(decided)s") % {
            "who": event.who,
            "when": when,
            "second": event.decided_by,
            "decided": _day(update.confirmation.decided_at, "SHORT_DATETIME_FORMAT"),
        }
    else:
        meta = _("recorded by %(who)s on %(when)s") % {"who": event.who, "when": when}
    parts.append(format_html('<p class="timeline-meta">{}</p></div></li>', meta))
    return mark_safe("".join(parts))


@register.simple_tag(takes_context=True)
def minister_record_row(context, record) -> SafeString:
    """One minister's row of the dashboard's promise record, built in Python: its links, counts and
    the deadline moves' wording cost more in the template than the rest of the dashboard."""
    person_list = f"{_url_for(context, 'commitment_list')}?minister={record.person.pk}"
    if record.overdue:
        overdue = format_html('<a class="days-late" href="{}&amp;overdue=on">{}</a>', person_list, intcomma(record.overdue))
    else:
        overdue = "0"
    slippage = record.slippage
    if slippage.moved:
        moved = format_html(
            '<a href="{}&amp;moved=1" title="{}">{}</a><div class="small text-muted" title="{}">{}</div>',
            person_list,
            ngettext(
                "%(counter)s commitment whose deadline moved", "%(counter)s commitments whose deadline moved", slippage.moved
            )
            % {"counter": slippage.moved},
            intcomma(slippage.moved),
            _("%(average)s days per move on average") % {"average": f"{slippage.average_days:+d}"},
            _("%(moves)s× · %(days)s d") % {"moves": slippage.moves, "days": f"{slippage.days:+d}"},
        )
    else:
        moved = "0"
    return format_html(
        '<tr>\n<td><a href="{}">{}</a></td>\n<td class="text-end">{}</td>\n'
        '<td class="text-end">{} <span class="text-muted small">({}%)</span></td>\n<td class="text-end">{}</td>\n'
        '<td class="text-end">{}</td>\n<td class="text-end nowrap">{}</td>\n</tr>',
        person_list,
        record.person.full_name,
        intcomma(record.made),
        intcomma(record.fulfilled),
        record.fulfilled_share,
        overdue,
        intcomma(record.broken),
        moved,
    )


@register.simple_tag(takes_context=True)
def panel_item(context, commitment, panel: str) -> SafeString:
    """One commitment of a dashboard panel ("overdue", "due_soon" or "follow_up"), built in Python."""
    who = commitment.responsible_person.full_name
    if panel == "overdue":
        days = commitment.days_overdue
        late = ngettext("%(days)s day late", "%(days)s days late", days) % {"days": days}
        meta = format_html("{} · {} · {}", who, late, deadline(commitment))
    elif panel == "due_soon":
        meta = format_html("{} · {}", who, deadline(commitment))
    else:
        observed = commitment.status_observed_on
        checked = _("last checked %(date)s") % {"date": date_format(observed, "SHORT_DATE_FORMAT") if observed else ""}
        meta = format_html("{} {} · {}", status_badge(commitment.current_status), checked, who)
    return _panel_line(context, commitment, meta)


@register.simple_tag(takes_context=True)
def recent_update_item(context, update) -> SafeString:
    """One line of the dashboard's recently updated commitments, built in Python."""
    by = _("by %(who)s, %(when)s") % {
        "who": update.recorded_by.get_username() if update.recorded_by else _("import"),
        "when": naturaltime(update.recorded_at),
    }
    return _panel_line(context, update.commitment, format_html("{} {}", status_badge(update.status), by))


def _panel_line(context, commitment, meta: SafeString) -> SafeString:
    return format_html(
        '<li>\n<a href="{}">{}</a>\n<div class="meta">{}</div>\n</li>',
        _url_for(context, "commitment_detail", commitment.pk),
        commitment.title,
        meta,
    )


_PLACEHOLDER = 2_147_483_647  # an id no row has, replaced in the reversed URL


def _url_for(context, name: str, pk: int | None = None) -> str:
    """reverse(name, args=[pk]) (or reverse(name) without *pk*), reversing once per page: a timeline
    of fifty updates links each twice, the dashboard's record each minister twice."""
    patterns = context.render_context.setdefault("tracker_url_patterns", {})
    key = (name, pk is None)
    if key not in patterns:
        patterns[key] = reverse(name, args=[] if pk is None else [_PLACEHOLDER])
    return patterns[key] if pk is None else patterns[key].replace(str(_PLACEHOLDER), str(pk), 1)


def csrf_input(context) -> SafeString:
    """What `{% csrf_token %}` writes."""
    token = context.get("csrf_token")
    if not token or token == "NOTPROVIDED":
        return mark_safe("")
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)
