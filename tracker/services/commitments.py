"""The write paths for commitments: every view, admin action, import and command goes through these."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tracker.models import (
    Answer,
    Commitment,
    DeadlineSource,
    Kind,
    Office,
    Person,
    Status,
    StatusUpdate,
    Theme,
    default_horizon,
)


class StaleEdit(Exception):
    """Someone else saved the commitment after this edit was started."""

    def __init__(self, current: Commitment):
        super().__init__(f"{current.reference} was changed by someone else (now version {current.version}).")
        self.current = current


# Fields the services derive; forms and full_clean() never see them as input.
DERIVED_FIELDS = ["current_status", "status_observed_on", "last_recorded_at", "quote_start", "made_on"]


def _initial_status(kind: str) -> str:
    return Status.POSITION_MAINTAINED if kind == Kind.REFUSAL else Status.ANNOUNCED


def _with_history(commitment: Commitment, *, user: AbstractBaseUser | None, reason: str = "") -> Commitment:
    # django-simple-history reads these two attributes when it writes the historical record.
    commitment._history_user = user
    commitment._change_reason = reason or None
    return commitment


@transaction.atomic
def commitment_create(
    *,
    answer: Answer,
    title: str,
    quote: str,
    kind: str,
    responsible_person: Person | None = None,
    responsible_office: Office | None = None,
    deadline: datetime.date | None = None,
    deadline_wording: str = "",
    themes: Iterable[Theme] = (),
    target_group: str = "",
    user: AbstractBaseUser | None = None,
    note: str = "",
    recorded_at: datetime.datetime | None = None,
) -> Commitment:
    """Record a commitment found in *answer*, with its first status observed on the answer's date.

    A stated deadline needs its wording; without one a promise gets the default horizon. Refusals
    have no deadline: they are followed up, never overdue.
    """
    question = answer.question
    if kind == Kind.REFUSAL:
        deadline, source, deadline_wording = None, DeadlineSource.NONE, ""
    elif deadline is not None:
        source = DeadlineSource.STATED if deadline_wording else DeadlineSource.STAFF
    else:
        deadline = default_horizon(answer.made_on)
        source = DeadlineSource.DEFAULT_HORIZON if deadline else DeadlineSource.NONE
    status = _initial_status(kind)
    now = recorded_at or timezone.now()
    commitment = Commitment(
        answer=answer,
        title=title.strip(),
        quote=quote.strip(),
        quote_start=max(answer.text.find(quote.strip()), 0),
        kind=kind,
        responsible_person=responsible_person or question.addressee,
        responsible_office=responsible_office if responsible_office is not None else question.addressee_office,
        deadline=deadline,
        deadline_source=source,
        deadline_wording=deadline_wording,
        target_group=target_group,
        current_status=status,
        status_observed_on=answer.made_on,
        last_recorded_at=now,
        made_on=answer.made_on,
    )
    commitment.full_clean(exclude=DERIVED_FIELDS)
    _with_history(commitment, user=user).save()
    if themes:
        commitment.themes.set(themes)
    StatusUpdate.objects.create(
        commitment=commitment, status=status, observed_on=answer.made_on, note=note, recorded_by=user, recorded_at=now
    )
    return commitment


def validate_status_update(*, commitment: Commitment, status: str, observed_on: datetime.date, today: datetime.date) -> None:
    """Plain-word errors for an impossible status update, keyed by form field."""
    errors = {}
    if status not in commitment.allowed_statuses():
        if commitment.is_refusal:
            errors["status"] = _("A refusal can only have the status “position maintained” or “position changed”.")
        else:
            errors["status"] = _("“Position maintained” and “position changed” are for refusals only.")
    if observed_on > today:
        errors["observed_on"] = _("The date observed cannot lie in the future.")
    elif observed_on < commitment.answer.made_on:
        errors["observed_on"] = _("The date observed cannot lie before the commitment was made (%(date)s).") % {
            "date": commitment.answer.made_on.isoformat()
        }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def commitment_record_status(
    *,
    commitment: Commitment,
    user: AbstractBaseUser | None,
    status: str,
    observed_on: datetime.date,
    note: str = "",
    evidence_url: str = "",
    evidence_text: str = "",
    recorded_at: datetime.datetime | None = None,
) -> StatusUpdate:
    """Append a status update and make the latest observation the commitment's current status.

    The current status is the update with the latest date observed; on the same date, the one
    recorded last. A backdated update therefore joins the history without replacing a newer one.
    """
    # Two editors may record an update on the same commitment at once. Locking the row makes the
    # second wait for the first, so both updates are kept and the current status is computed from
    # the complete history (on SQLite, writes are serialised by the database itself).
    locked = Commitment.objects.select_for_update().select_related("answer__question").get(pk=commitment.pk)
    validate_status_update(commitment=locked, status=status, observed_on=observed_on, today=timezone.localdate())
    update = StatusUpdate(
        commitment=locked,
        status=status,
        observed_on=observed_on,
        note=note.strip(),
        evidence_url=evidence_url.strip(),
        evidence_text=evidence_text.strip(),
        recorded_by=user,
        recorded_at=recorded_at or timezone.now(),
    )
    update.full_clean(exclude=["commitment", "recorded_by"])
    update.save()
    commitment_refresh_current_status(commitment)
    return update


def commitment_refresh_current_status(commitment: Commitment) -> None:
    """Set the stored current status from the history (latest observed, then latest recorded).

    Callers hold the commitment's row lock inside their transaction.
    """
    latest = StatusUpdate.objects.filter(commitment_id=commitment.pk).latest_first().only("status", "observed_on").first()
    last_recorded_at = (
        StatusUpdate.objects.filter(commitment_id=commitment.pk)
        .order_by("-recorded_at")
        .values_list("recorded_at", flat=True)
        .first()
    )
    Commitment.objects.filter(pk=commitment.pk).update(
        current_status=latest.status, status_observed_on=latest.observed_on, last_recorded_at=last_recorded_at
    )
    commitment.current_status = latest.status
    commitment.status_observed_on = latest.observed_on
    commitment.last_recorded_at = last_recorded_at


def _lock_for_edit(commitment: Commitment, expected_version: int | None) -> Commitment:
    locked = Commitment.objects.select_for_update().select_related("answer__question").get(pk=commitment.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleEdit(locked)
    return locked


def _save_edit(locked: Commitment, original: Commitment, *, user: AbstractBaseUser | None, reason: str) -> Commitment:
    locked.version += 1
    _with_history(locked, user=user, reason=reason).save()
    for field in (
        "deadline",
        "deadline_source",
        "deadline_wording",
        "responsible_person_id",
        "responsible_office_id",
        "title",
        "kind",
        "target_group",
        "quote",
        "quote_start",
        "version",
    ):
        setattr(original, field, getattr(locked, field))
    return original


@transaction.atomic
def commitment_change_deadline(
    *,
    commitment: Commitment,
    user: AbstractBaseUser | None,
    deadline: datetime.date,
    reason: str,
    expected_version: int | None = None,
) -> Commitment:
    """Set a deadline decided by staff. The previous deadline and the reason stay in the history."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the deadline changes; the reason is kept in the history.")})
    if commitment.is_refusal:
        raise ValidationError({"deadline": _("A refusal has no deadline.")})
    locked = _lock_for_edit(commitment, expected_version)
    locked.deadline = deadline
    locked.deadline_source = DeadlineSource.STAFF
    locked.deadline_wording = ""
    locked.full_clean(exclude=DERIVED_FIELDS)
    return _save_edit(locked, commitment, user=user, reason=reason.strip())


@transaction.atomic
def commitment_hand_over(
    *,
    commitment: Commitment,
    user: AbstractBaseUser | None,
    office: Office,
    reason: str,
    expected_version: int | None = None,
) -> Commitment:
    """Make *office* (and its holder) responsible, e.g. when a portfolio passes to a successor."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the responsibility changes; the reason is kept in the history.")})
    locked = _lock_for_edit(commitment, expected_version)
    locked.responsible_office = office
    locked.responsible_person = office.person
    return _save_edit(locked, commitment, user=user, reason=reason.strip())


@transaction.atomic
def commitment_edit(
    *,
    commitment: Commitment,
    user: AbstractBaseUser | None,
    expected_version: int,
    title: str,
    kind: str,
    target_group: str,
    quote: str,
    reason: str = "",
) -> Commitment:
    """Correct a commitment's description. Refused with StaleEdit if someone saved it meanwhile."""
    locked = _lock_for_edit(commitment, expected_version)
    if (kind == Kind.REFUSAL) != locked.is_refusal:
        raise ValidationError(
            {"kind": _("A promise cannot become a refusal or the reverse; record its outcome and add a new commitment.")}
        )
    locked.title, locked.kind, locked.target_group = title.strip(), kind, target_group.strip()
    locked.quote = quote.strip()
    locked.full_clean(exclude=DERIVED_FIELDS)
    locked.quote_start = locked.answer.text.find(locked.quote)
    return _save_edit(locked, commitment, user=user, reason=reason.strip())


@transaction.atomic
def office_hand_over_open_commitments(
    *, from_office: Office, to_office: Office, user: AbstractBaseUser | None, reason: str
) -> int:
    """Pass every open commitment of *from_office* to its successor; returns how many moved."""
    moved = 0
    for commitment in Commitment.objects.open().filter(responsible_office=from_office).select_for_update():
        commitment_hand_over(commitment=commitment, user=user, office=to_office, reason=reason)
        moved += 1
    if from_office.successor_id != to_office.pk:
        from_office.successor = to_office
        from_office.save(update_fields=["successor"])
    return moved
