"""The write paths for commitments and their status history. Nothing else creates or changes them:
the forms, the review queue, the admin, the importer, the restore, the demo data and the data
generator (through tracker.services.bulk) all call these functions, so the same checks hold on
every path:

- a status must fit the kind (a refusal's statuses are its own);
- the date observed lies neither in the future nor before the commitment was made;
- evidence links are web addresses (http or https), never javascript: or data:;
- an update is recorded by the person doing the work, now. Only a restore of a full export (and the
  demo data) writes history with other authors and times, through `Provenance`.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import OuterRef, Q, QuerySet, Subquery
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
    StatusUpdateConfirmation,
    StatusUpdateVoid,
    Theme,
    default_horizon,
)
from tracker.models.commitments import open_condition
from tracker.services.slippage import deadline_change_record


class StaleEdit(Exception):
    """Someone else saved the commitment after this edit was started."""

    def __init__(self, current: Commitment):
        super().__init__(f"{current.reference} was changed by someone else (now version {current.version}).")
        self.current = current


@dataclass(frozen=True)
class Provenance:
    """Who recorded a history entry, and when, as a restore of a full export (or the demo data)
    carries them. Every other write is recorded by the person doing it, now."""

    at: datetime.datetime
    user: AbstractBaseUser | None = None
    name: str = ""  # the author's user name, where this installation has no such user

    @classmethod
    def now(cls, user: AbstractBaseUser | None) -> "Provenance":
        return cls(at=timezone.now(), user=user)

    def fields(self, prefix: str) -> dict:
        """The model fields that record it: `recorded_by`, `recorded_by_name`, `recorded_at` for "recorded"."""
        return {f"{prefix}_by": self.user, f"{prefix}_by_name": "" if self.user else self.name[:150], f"{prefix}_at": self.at}


# Fields the services derive; forms and full_clean() never see them as input.
DERIVED_FIELDS = [
    "current_status",
    "status_observed_on",
    "last_recorded_at",
    "quote_start",
    "made_on",
    "first_deadline",
    "deadline_moves",
    "deadline_slip_days",
    "merged_into",
]


def initial_status(kind: str) -> str:
    """The first status of a new commitment: announced, or position maintained for a refusal."""
    return Status.POSITION_MAINTAINED if kind == Kind.REFUSAL else Status.ANNOUNCED


# django-simple-history's history_change_reason column (varchar(100); PostgreSQL refuses more).
CHANGE_REASON_LENGTH = 100


def _with_history(commitment: Commitment, *, user: AbstractBaseUser | None, reason: str = "") -> Commitment:
    # django-simple-history reads these two attributes when it writes the historical record. A
    # longer reason is shortened there; where it matters in full (a merge) its own record keeps it.
    commitment._history_user = user
    if len(reason) > CHANGE_REASON_LENGTH:
        reason = reason[: CHANGE_REASON_LENGTH - 1] + "…"
    commitment._change_reason = reason or None
    return commitment


def _deadline_from(kind: str, deadline: datetime.date | None, wording: str, answer: Answer):
    """(deadline, source, wording) of a new commitment: a stated deadline needs its wording, one
    without wording was set by staff, none at all means the default horizon. A wording that names no
    date ("binnenkort", "zo spoedig mogelijk") gets the default horizon and keeps its words. Refusals
    have none."""
    if kind == Kind.REFUSAL:
        return None, DeadlineSource.NONE, ""
    if deadline is not None:
        return deadline, DeadlineSource.STATED if wording else DeadlineSource.STAFF, wording
    horizon = default_horizon(answer.made_on, answer.question.assembly_id)
    return horizon, DeadlineSource.DEFAULT_HORIZON if horizon else DeadlineSource.NONE, wording


def _unsaved_commitment(
    *,
    answer: Answer,
    pk: int | None = None,
    title: str,
    quote: str,
    kind: str,
    responsible_person: Person | None,
    responsible_office: Office | None,
    deadline: datetime.date | None,
    deadline_source: str,
    deadline_wording: str,
    target_group: str,
    first_status: str,
    first_recorded: Provenance,
) -> Commitment:
    question = answer.question
    quote = quote.strip()
    commitment = Commitment(
        pk=pk,
        answer=answer,
        title=title.strip(),
        quote=quote,
        quote_start=max(answer.text.find(quote), 0),
        kind=kind,
        responsible_person=responsible_person or question.addressee,
        responsible_office=responsible_office if responsible_office is not None else question.addressee_office,
        deadline=deadline,
        deadline_source=deadline_source,
        deadline_wording=deadline_wording,
        first_deadline=deadline,
        target_group=target_group.strip(),
        current_status=first_status,
        status_observed_on=answer.made_on,
        last_recorded_at=first_recorded.at,
        made_on=answer.made_on,
    )
    commitment.full_clean(exclude=DERIVED_FIELDS)
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
    reason: str = "",
    as_recorded: Provenance | None = None,
    published: bool | None = None,
) -> Commitment:
    """Record a commitment found in *answer*, with its first status observed on the answer's date.

    A stated deadline needs its wording; without one a promise gets the default horizon. Refusals
    have no deadline: they are followed up, never overdue. *as_recorded* is for the demo data
    only; everyone else records the first status as themselves, now. It is published, or kept
    internal, as *published* says, by default as the setting TRACKER_PUBLISH_BY_DEFAULT says.
    """
    recorded = as_recorded or Provenance.now(user)
    deadline, source, deadline_wording = _deadline_from(kind, deadline, deadline_wording, answer)
    status = initial_status(kind)
    commitment = _unsaved_commitment(
        answer=answer,
        title=title,
        quote=quote,
        kind=kind,
        responsible_person=responsible_person,
        responsible_office=responsible_office,
        deadline=deadline,
        deadline_source=source,
        deadline_wording=deadline_wording,
        target_group=target_group,
        first_status=status,
        first_recorded=recorded,
    )
    if published is not None:
        commitment.published = published
    _with_history(commitment, user=user, reason=reason).save()
    if themes:
        commitment.themes.set(themes)
    _append_status(commitment, status=status, observed_on=answer.made_on, note=note, recorded=recorded)
    return commitment


def status_update_errors(
    *, kind: str, made_on: datetime.date, status: str, observed_on: datetime.date, today: datetime.date
) -> dict:
    """Plain-word errors for an impossible status update, keyed by form field (empty: possible).
    The one home of these checks: the form, the services and the bulk loader all ask it."""
    errors = {}
    if status not in (Status.for_refusals() if kind == Kind.REFUSAL else Status.for_promises()):
        if kind == Kind.REFUSAL:
            errors["status"] = _("A refusal can only have the status “position maintained” or “position changed”.")
        else:
            errors["status"] = _("“Position maintained” and “position changed” are for refusals only.")
    if observed_on > today:
        errors["observed_on"] = _("The date observed cannot lie in the future.")
    elif observed_on < made_on:
        errors["observed_on"] = _("The date observed cannot lie before the commitment was made (%(date)s).") % {
            "date": made_on.isoformat()
        }
    return errors


def validate_status_update(*, commitment: Commitment, status: str, observed_on: datetime.date, today: datetime.date) -> None:
    """Raise the errors of status_update_errors() for *commitment*."""
    errors = status_update_errors(
        kind=commitment.kind, made_on=commitment.made_on, status=status, observed_on=observed_on, today=today
    )
    if errors:
        raise ValidationError(errors)


def _lock(commitment: Commitment) -> Commitment:
    # Two editors may write to the same commitment at once. Locking the row makes the second wait
    # for the first, so both updates are kept and the current status is computed from the complete
    # history (on SQLite, writes are serialised by the database itself). A commitment merged into
    # another is found too: its awaiting updates are still confirmed, rejected or voided, and a
    # restore writes its history.
    return Commitment.all_objects.select_for_update().select_related("answer__question").get(pk=commitment.pk)


def _append_status(
    locked: Commitment,
    *,
    status: str,
    observed_on: datetime.date,
    note: str = "",
    note_is_public: bool = False,
    evidence_url: str = "",
    evidence_text: str = "",
    recorded: Provenance,
    needs_confirmation: bool = False,
) -> StatusUpdate:
    """Check and insert one status update. Callers hold the commitment's row lock (or created it)."""
    validate_status_update(commitment=locked, status=status, observed_on=observed_on, today=timezone.localdate())
    update = StatusUpdate(
        needs_confirmation=needs_confirmation,
        commitment=locked,
        status=status,
        observed_on=observed_on,
        note=note.strip(),
        note_is_public=note_is_public,
        evidence_url=evidence_url.strip(),
        evidence_text=evidence_text.strip(),
        **recorded.fields("recorded"),
    )
    update.full_clean(exclude=["commitment", "recorded_by"])
    update.save()
    return update


@transaction.atomic
def commitment_record_status(
    *,
    commitment: Commitment,
    user: AbstractBaseUser | None,
    status: str,
    observed_on: datetime.date,
    note: str = "",
    note_is_public: bool = False,
    evidence_url: str = "",
    evidence_text: str = "",
    confirm_open_parts: bool = False,
) -> StatusUpdate:
    """Append a status update, recorded by *user* now, and make the latest observation the
    commitment's current status.

    The current status is the update with the latest date observed; on the same date, the one
    recorded last. A backdated update therefore joins the history without replacing a newer one.
    With the four-eyes check on (TRACKER_FOUR_EYES), a status that closes the commitment awaits a
    second editor's confirmation and does not count until then.

    A programme is not fulfilled while one of its parts is open, unless the editor says so
    (*confirm_open_parts*) with a note. A commitment merged into another passes the update on to
    that one, whose history it now is.
    """
    locked = _lock(commitment)
    if locked.merged_into_id is not None:
        locked = _lock(Commitment(pk=locked.merged_into_id))
    if status == Status.FULFILLED:
        _check_open_parts(locked, confirmed=confirm_open_parts, note=note)
    update = _append_status(
        locked,
        status=status,
        observed_on=observed_on,
        note=note,
        note_is_public=note_is_public,
        evidence_url=evidence_url,
        evidence_text=evidence_text,
        recorded=Provenance.now(user),
        needs_confirmation=needs_second_editor(status),
    )
    commitment_refresh_current_status(commitment)
    return update


def _check_open_parts(locked: Commitment, *, confirmed: bool, note: str) -> None:
    # Only the recording of a status is checked: a restore or the demo data write history as it
    # was, and a second editor confirming the status confirms the first one's decision.
    open_parts = [part.reference for part in locked.parts.filter(open_condition()).only("pk").order_by("pk")]
    if not open_parts:
        return
    if not confirmed:
        raise ValidationError(
            {
                "status": _(
                    "Parts of this programme are still open: %(parts)s. Record their outcome first, or record "
                    "it anyway with a note saying why."
                )
                % {"parts": ", ".join(open_parts)}
            },
            code="open_parts",
        )
    if not note.strip():
        raise ValidationError(
            {"note": _("Say why the programme counts as fulfilled while parts are still open; the note stays in the history.")}
        )


def needs_second_editor(status: str) -> bool:
    """Whether a status recorded now waits for a second editor (the four-eyes check)."""
    return settings.TRACKER_FOUR_EYES and status in Status.closing_values()


@transaction.atomic
def status_update_confirm(*, update: StatusUpdate, user: AbstractBaseUser) -> StatusUpdateConfirmation:
    """A second editor confirms a closing status: from now on it counts."""
    return _decide_confirmation(update, confirmed=True, note="", decided=Provenance.now(user))


@transaction.atomic
def status_update_reject(*, update: StatusUpdate, user: AbstractBaseUser, note: str) -> StatusUpdateConfirmation:
    """A second editor rejects a closing status, saying why: it stays in the history and never counts."""
    if not note.strip():
        raise ValidationError({"note": _("Say why the status is rejected; the note stays in the history.")})
    return _decide_confirmation(update, confirmed=False, note=note, decided=Provenance.now(user))


def _decide_confirmation(update: StatusUpdate, *, confirmed: bool, note: str, decided: Provenance) -> StatusUpdateConfirmation:
    _lock(update.commitment)
    update = StatusUpdate.objects.select_related("void", "confirmation").get(pk=update.pk)
    if not update.needs_confirmation:
        raise ValidationError(_("This status update needs no confirmation."), code="not_needed")
    if hasattr(update, "confirmation"):
        raise ValidationError(_("This status update was already confirmed or rejected."), code="decided")
    if hasattr(update, "void"):
        raise ValidationError(_("This status update was voided."), code="voided")
    if decided.user is not None and update.recorded_by_id == decided.user.pk:
        raise ValidationError(_("Nobody can confirm or reject their own status update: ask another editor."), code="own")
    confirmation = StatusUpdateConfirmation(
        update=update,
        confirmed=confirmed,
        note=note.strip(),
        **decided.fields("decided"),
    )
    confirmation.full_clean(exclude=["update", "decided_by"])
    confirmation.save()
    commitment_refresh_current_status(update.commitment)
    return confirmation


def commitments_refresh_current_status(commitments: QuerySet) -> int:
    """Set the stored current status of *commitments* from their history, in one UPDATE: the
    status and date of the latest valid update (StatusUpdateQuerySet.latest_first: latest observed,
    then latest recorded), and when the latest valid update was recorded. Voided updates do not
    count. The history of a commitment includes that of the duplicates merged into it. Callers
    hold the rows' locks inside their transaction (or own a bulk load)."""
    # commitment_id IN (itself, its merged duplicates): both probes use an index (the primary key,
    # merged_into), so a bulk load stays one indexed lookup per row.
    merged = Commitment.all_objects.filter(Q(pk=OuterRef(OuterRef("pk"))) | Q(merged_into=OuterRef(OuterRef("pk"))))
    history = StatusUpdate.objects.valid().filter(commitment__in=merged.values("pk"))
    latest = history.latest_first()
    return commitments.update(
        current_status=Subquery(latest.values("status")[:1]),
        status_observed_on=Subquery(latest.values("observed_on")[:1]),
        last_recorded_at=Subquery(history.order_by("-recorded_at").values("recorded_at")[:1]),
    )


def commitment_refresh_current_status(commitment: Commitment) -> None:
    """commitments_refresh_current_status() for one commitment (and the one it is merged into, whose
    history includes its own), kept in step in memory too."""
    # "pk = (the one it is merged into)", a scalar subquery PostgreSQL runs once, so both probes use
    # the primary key; "pk IN (subquery)" beside an OR made it test the subquery on every row of the
    # table: 0.8 s per status update at 10,000 commitments, and every update waited behind it.
    merged_into = Commitment.all_objects.filter(pk=commitment.pk).values("merged_into")[:1]
    commitments_refresh_current_status(Commitment.all_objects.filter(Q(pk=commitment.pk) | Q(pk=Subquery(merged_into))))
    stored = Commitment.all_objects.values("current_status", "status_observed_on", "last_recorded_at").get(pk=commitment.pk)
    for name, value in stored.items():
        setattr(commitment, name, value)


@transaction.atomic
def status_update_void(*, update: StatusUpdate, user: AbstractBaseUser | None, reason: str) -> StatusUpdateVoid:
    """Void a mistaken status update (administrators): it stays in the history, struck through with
    who voided it and why, and the current status is computed again without it."""
    return _void(update, reason=reason, recorded=Provenance.now(user))


def _void(update: StatusUpdate, *, reason: str, recorded: Provenance) -> StatusUpdateVoid:
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the update does not count; the reason stays in the history.")})
    locked = _lock(update.commitment)
    if StatusUpdateVoid.objects.filter(update=update).exists():
        raise ValidationError(_("This status update was already voided."), code="voided")
    if not StatusUpdate.objects.valid().filter(commitment=locked).exclude(pk=update.pk).exists():
        raise ValidationError(
            _("This is the only status update that counts: record the right status first, then void this one."),
            code="last",
        )
    void = StatusUpdateVoid(
        update=update,
        reason=reason.strip(),
        **recorded.fields("voided"),
    )
    void.full_clean(exclude=["update", "voided_by"])
    void.save()
    commitment_refresh_current_status(update.commitment)
    return void


@dataclass(frozen=True)
class RestoredStatus:
    """One entry of a restored status history, with its original author, time and void."""

    status: str
    observed_on: datetime.date
    recorded: Provenance
    note: str = ""
    note_is_public: bool = False
    evidence_url: str = ""
    evidence_text: str = ""
    void_reason: str = ""
    voided: Provenance | None = None
    needs_confirmation: bool = False
    confirmed: bool | None = None  # a second editor's decision, where one was taken
    decision_note: str = ""
    decided: Provenance | None = None


@transaction.atomic
def commitment_restore(
    *,
    answer: Answer,
    reference_pk: int | None,
    title: str,
    quote: str,
    kind: str,
    responsible_person: Person | None,
    responsible_office: Office | None,
    deadline: datetime.date | None,
    deadline_source: str,
    deadline_wording: str,
    themes: Iterable[Theme],
    target_group: str,
    history: list[RestoredStatus],
    reason: str,
    published: bool | None = None,
) -> Commitment:
    """Recreate a commitment from a full export exactly as it was (its reference, deadline and
    source, its history with the original authors and times): an administrator's restore only.
    The same checks hold as for every other write."""
    if not history:
        raise ValidationError(_("A restored commitment needs its status history."))
    commitment = _unsaved_commitment(
        answer=answer,
        pk=reference_pk,
        title=title,
        quote=quote,
        kind=kind,
        responsible_person=responsible_person,
        responsible_office=responsible_office,
        deadline=deadline,
        deadline_source=deadline_source,
        deadline_wording=deadline_wording,
        target_group=target_group,
        first_status=history[0].status,
        first_recorded=history[0].recorded,
    )
    if published is not None:
        commitment.published = published
    _with_history(commitment, user=None, reason=reason).save(force_insert=True)
    if reference_pk:
        _move_id_sequence_past_restored_ids()
    if themes:
        commitment.themes.set(themes)
    commitment_restore_history(commitment=commitment, history=history)
    return commitment


def _move_id_sequence_past_restored_ids() -> None:
    # Keeping the exported reference (C-00042) means inserting an explicit id: move the sequence
    # past it, as loaddata does, so that later commitments get fresh ids.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Commitment]):
            cursor.execute(statement)


def restored_key(status: str, observed_on: datetime.date, recorded_at: datetime.datetime) -> tuple:
    """What identifies a restored history entry: a restore run twice adds nothing the second time."""
    return status, observed_on, recorded_at


@transaction.atomic
def commitment_restore_history(*, commitment: Commitment, history: list[RestoredStatus]) -> int:
    """Add the entries of a restored history that are not stored yet, then their voids; returns
    how many entries and voids were added."""
    locked = _lock(commitment)
    stored = {
        restored_key(update.status, update.observed_on, update.recorded_at): update
        for update in StatusUpdate.objects.filter(commitment=locked).select_related("void")
    }
    added = 0
    for entry in history:
        key = restored_key(entry.status, entry.observed_on, entry.recorded.at)
        if key not in stored:
            stored[key] = _append_status(
                locked,
                status=entry.status,
                observed_on=entry.observed_on,
                note=entry.note,
                note_is_public=entry.note_is_public,
                evidence_url=entry.evidence_url,
                evidence_text=entry.evidence_text,
                recorded=entry.recorded,
                needs_confirmation=entry.needs_confirmation,
            )
            added += 1
    for entry in history:
        update = stored[restored_key(entry.status, entry.observed_on, entry.recorded.at)]
        if entry.decided and not StatusUpdateConfirmation.objects.filter(update=update).exists():
            _decide_confirmation(update, confirmed=bool(entry.confirmed), note=entry.decision_note, decided=entry.decided)
            added += 1
    # Voids last: voiding an early entry is only possible once the later ones are back.
    for entry in history:
        update = stored[restored_key(entry.status, entry.observed_on, entry.recorded.at)]
        if entry.voided and not StatusUpdateVoid.objects.filter(update=update).exists():
            _void(update, reason=entry.void_reason, recorded=entry.voided)
            added += 1
    if added:
        commitment_refresh_current_status(commitment)
    return added


def _lock_for_edit(commitment: Commitment, expected_version: int | None) -> Commitment:
    locked = _lock(commitment)
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
        "first_deadline",
        "deadline_moves",
        "deadline_slip_days",
    ):
        setattr(original, field, getattr(locked, field))
    return original


def _required_reason(reason: str, message: str) -> str:
    if not reason.strip():
        raise ValidationError({"reason": message})
    return reason.strip()


@transaction.atomic
def commitment_change_deadline(
    *,
    commitment: Commitment,
    user: AbstractBaseUser | None,
    deadline: datetime.date | None,
    reason: str,
    source: str = DeadlineSource.STAFF,
    wording: str = "",
    expected_version: int | None = None,
) -> Commitment:
    """Set a deadline decided by staff (or, from the admin, stated with its wording, or the default
    horizon). The previous deadline and the reason stay in the history."""
    reason = _required_reason(reason, _("Say why the deadline changes; the reason is kept in the history."))
    if commitment.is_refusal:
        raise ValidationError({"deadline": _("A refusal has no deadline.")})
    locked = _lock_for_edit(commitment, expected_version)
    old_deadline, old_wording = locked.deadline, locked.deadline_wording
    if source == DeadlineSource.DEFAULT_HORIZON:
        deadline, wording = default_horizon(locked.made_on, locked.answer.question.assembly_id), ""
        source = DeadlineSource.DEFAULT_HORIZON if deadline else DeadlineSource.NONE
    elif source != DeadlineSource.STATED:
        wording = ""
    locked.deadline, locked.deadline_source, locked.deadline_wording = deadline, source, wording.strip()
    locked.full_clean(exclude=DERIVED_FIELDS)
    deadline_change_record(
        locked,
        old_deadline=old_deadline,
        old_wording=old_wording,
        changed_on=timezone.localdate(),
        recorded=Provenance.now(user),
        reason=reason,
    )
    return _save_edit(locked, commitment, user=user, reason=reason)


@transaction.atomic
def commitment_hand_over(
    *,
    commitment: Commitment,
    user: AbstractBaseUser | None,
    office: Office | None,
    reason: str,
    person: Person | None = None,
    expected_version: int | None = None,
) -> Commitment:
    """Make *office* (and its holder) responsible, e.g. when a portfolio passes to a successor;
    or, without an office, *person* alone."""
    reason = _required_reason(reason, _("Say why the responsibility changes; the reason is kept in the history."))
    if office is not None and person is not None and person.pk != office.person_id:
        raise ValidationError({"responsible_person": _("The office is held by someone else: choose its holder, or no office.")})
    if office is None and person is None:
        raise ValidationError({"responsible_person": _("Say who is responsible.")})
    locked = _lock_for_edit(commitment, expected_version)
    locked.responsible_office = office
    locked.responsible_person = office.person if office is not None else person
    return _save_edit(locked, commitment, user=user, reason=reason)


@transaction.atomic
def commitment_edit(
    *,
    commitment: Commitment,
    user: AbstractBaseUser | None,
    expected_version: int | None,
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
def commitment_set_themes(*, commitment: Commitment, themes: Iterable[Theme], user: AbstractBaseUser | None) -> bool:
    """Set the commitment's themes; the change is kept in its history. Returns whether it changed."""
    themes = set(themes)
    locked = _lock(commitment)
    if set(locked.themes.all()) == themes:
        return False
    _with_history(locked, user=user)
    locked.themes.set(themes)
    return True


@transaction.atomic
def commitment_assign(*, commitment: Commitment, assignee: AbstractBaseUser | None, user: AbstractBaseUser | None) -> bool:
    """Give the commitment to *assignee* to look after (an editor), or to nobody; the change is kept
    in its history. Returns whether it changed."""
    if assignee is not None and not (assignee.is_active and assignee.has_perm("tracker.add_statusupdate")):
        raise ValidationError({"assignee": _("Only an active editor can look after a commitment.")})
    locked = _lock(commitment)
    new = assignee.pk if assignee is not None else None
    if locked.assignee_id == new:
        return False
    locked.assignee_id = new
    _with_history(locked, user=user).save(update_fields=["assignee", "updated_at"])
    commitment.assignee_id = new
    return True


@transaction.atomic
def commitments_assign(
    *, commitments: Iterable[Commitment], assignee: AbstractBaseUser | None, user: AbstractBaseUser | None
) -> int:
    """commitment_assign() for several commitments at once (the list's bulk action); returns how many changed."""
    return sum(commitment_assign(commitment=commitment, assignee=assignee, user=user) for commitment in commitments)


@transaction.atomic
def commitments_follow_answer(*, answer: Answer) -> None:
    """After the answer's text or date changed: each commitment's quote position and date made
    follow (the caller has checked that every quote still occurs in the text)."""
    for commitment in Commitment.all_objects.select_for_update().filter(answer=answer).only("pk", "quote"):
        Commitment.all_objects.filter(pk=commitment.pk).update(
            quote_start=max(answer.text.find(commitment.quote), 0), made_on=answer.made_on
        )


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
