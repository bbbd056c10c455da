"""Writing a parsed record to the database: one transaction per document, only real changes saved.

Re-importing a document updates its question and answer and never duplicates anything. What staff
did is never undone: confirmed commitments keep their fields, status history is only ever added to,
and a rejected suggestion is not suggested again.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from tracker.imports.records import CommitmentRecord, DocumentError, QuestionRecord
from tracker.imports.suggestions import suggest_commitments
from tracker.models import (
    Answer,
    Assembly,
    Commitment,
    DeadlineSource,
    Kind,
    Question,
    Status,
    StatusUpdate,
    Suggestion,
    SuggestionState,
    Theme,
    default_horizon,
    session_year_of,
)
from tracker.models.questions import validate_session_year
from tracker.services.commitments import DERIVED_FIELDS, commitment_refresh_current_status
from tracker.services.people import office_resolve, person_add_alias, person_resolve


@dataclass
class UpsertOutcome:
    question: Question
    outcome: str  # "created", "updated" or "unchanged"
    suggestions_added: int = 0
    commitments_added: int = 0
    notes: list[str] = field(default_factory=list)


def _save_changes(instance, values: dict, *, user, reason: str) -> bool:
    """Set *values* on *instance* and save only the fields that really changed."""
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if not changed:
        return False
    for name in changed:
        setattr(instance, name, values[name])
    instance._history_user, instance._change_reason = user, reason
    instance.save(update_fields=[*changed, "updated_at"])
    return True


def _themes(names) -> list[Theme]:
    themes = []
    for name in names:
        theme = Theme.objects.filter(name__iexact=name).first()
        if theme is None:
            theme, _ = Theme.objects.get_or_create(slug=slugify(name)[:80] or "theme", defaults={"name": name})
        themes.append(theme)
    return themes


@transaction.atomic
def question_upsert(record: QuestionRecord, *, user: AbstractBaseUser | None = None, reason: str = "import") -> UpsertOutcome:
    assembly = Assembly.objects.filter(slug=record.assembly).first()
    if assembly is None:
        raise DocumentError(f"unknown assembly {record.assembly!r}")
    session_year = record.session_year or session_year_of(record.asked_on)
    try:
        validate_session_year(session_year)
    except ValidationError:
        raise DocumentError(f"session year {session_year!r} is not like 2017-2018") from None
    notes = list(record.notes)
    asker = person_resolve(
        name=record.asker.name,
        first_name=record.asker.first_name,
        last_name=record.asker.last_name,
        open_data_id=record.asker.open_data_id,
    )
    for variant in record.asker_variants:
        person_add_alias(asker.person, variant)
    addressee = person_resolve(
        name=record.addressee.name,
        first_name=record.addressee.first_name,
        last_name=record.addressee.last_name,
        open_data_id=record.addressee.open_data_id,
    )
    for match, role in ((asker, "asker"), (addressee, "minister")):
        if match.created:
            notes.append(f"new person: {match.person.full_name} ({role})")
        elif match.variant_learned:
            notes.append(f"{role} matched by a spelling variant: {match.person.full_name}")
    office = office_resolve(person=addressee.person, title=record.office, on=record.asked_on) if record.office else None

    question = None
    if record.open_data_id:
        question = Question.objects.filter(open_data_id=record.open_data_id).first()
    if question is None:
        question = Question.objects.filter(
            assembly=assembly, session_year=session_year, addressee=addressee.person, number=record.number
        ).first()
    values = {
        "assembly": assembly,
        "session_year": session_year,
        "number": record.number,
        "asked_on": record.asked_on,
        "asker": asker.person,
        "addressee": addressee.person,
        "subject": record.subject[:500],
    }
    # Fields a record may leave out: a missing value never erases a known one.
    optional = {
        "addressee_office": office,
        "text": record.text,
        "source_url": record.source_url,
        "open_data_id": record.open_data_id,
    }
    values.update({name: value for name, value in optional.items() if value})
    created = question is None
    if created:
        question = Question(**values)
        _validate(question, exclude=["addressee_office"])
        question._history_user, question._change_reason = user, reason
        question.save()
        changed = True
    else:
        _validate_values(question, values)
        changed = _save_changes(question, values, user=user, reason=reason)
    if record.themes:
        themes = _themes(record.themes)
        if set(question.themes.all()) != set(themes):
            question.themes.add(*themes)
            changed = True

    outcome = UpsertOutcome(question=question, outcome="created" if created else "unchanged", notes=notes)
    if record.answer is not None:
        changed |= _upsert_answer(question, record, outcome, user=user, reason=reason)
    if not created and changed:
        outcome.outcome = "updated"
    return outcome


def _validate(instance, *, exclude=()) -> None:
    try:
        # Uniqueness is the database's job here: the upsert looked the row up by its natural key.
        instance.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        raise DocumentError(_describe(error)) from None


def _validate_values(question: Question, values: dict) -> None:
    probe = Question(**{f.attname: getattr(question, f.attname) for f in Question._meta.concrete_fields})
    for name, value in values.items():
        setattr(probe, name, value)
    _validate(probe, exclude=["addressee_office"])


def _describe(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items())
    return " ".join(error.messages)


def _upsert_answer(question: Question, record: QuestionRecord, outcome: UpsertOutcome, *, user, reason: str) -> bool:
    incoming = record.answer
    answer = Answer.objects.filter(question=question).first()
    values = {
        "text": incoming.text,
        "answered_on": incoming.answered_on,
        "source_url": incoming.source_url,
        "answered_in_time": incoming.answered_in_time,
    }
    if answer is not None:
        # A record without the answer's text, date or verdict keeps what is known.
        values = {name: value for name, value in values.items() if value not in (None, "")}
    if values.get("answered_on") and values["answered_on"] < question.asked_on:
        raise DocumentError(f"the answer is dated {values['answered_on']}, before the question ({question.asked_on})")
    if answer is None:
        answer = Answer(question=question, **values)
        answer._history_user, answer._change_reason = user, reason
        answer.save()
        changed = True
    else:
        if "text" in values and values["text"] != answer.text:
            lost = [c.reference for c in answer.commitments.all() if c.quote not in values["text"]]
            if lost:
                raise DocumentError(
                    f"the new answer text no longer contains the quote of {', '.join(lost)}: correct those commitments first"
                )
        changed = _save_changes(answer, values, user=user, reason=reason)
        if changed and "text" in values:
            for commitment in answer.commitments.all():
                Commitment.objects.filter(pk=commitment.pk).update(quote_start=values["text"].find(commitment.quote))
        if changed and "answered_on" in values:
            answer.commitments.update(made_on=answer.made_on)
    question.answer = answer
    for commitment_record in record.commitments:
        changed |= _upsert_commitment(answer, commitment_record, outcome, user=user)
    if answer.text:
        outcome.suggestions_added = _suggest(answer)
        changed |= bool(outcome.suggestions_added)
    return changed


def _suggest(answer: Answer) -> int:
    """Add pending suggestions for sentences not suggested before and not already commitments."""
    suggestions = list(answer.suggestions.all())
    known = {suggestion.fingerprint for suggestion in suggestions}
    quotes = list(answer.commitments.values_list("quote", flat=True))
    found = suggest_commitments(answer.text, made_on=answer.made_on, term_end=default_horizon(answer.made_on))
    # Pending suggestions whose sentence left the answer go; decided ones stay, as a record.
    current = {suggestion.fingerprint for suggestion in found}
    for suggestion in suggestions:
        if suggestion.state == SuggestionState.PENDING and suggestion.fingerprint not in current:
            suggestion.delete()
    added = 0
    for suggestion in found:
        if suggestion.fingerprint in known or any(
            quote in suggestion.sentence or suggestion.sentence in quote for quote in quotes
        ):
            continue
        deadline = suggestion.deadline
        Suggestion.objects.create(
            answer=answer,
            sentence=suggestion.sentence,
            sentence_start=suggestion.start,
            fingerprint=suggestion.fingerprint,
            kind=suggestion.kind,
            title=suggestion.title[:200],
            deadline=deadline.date if deadline else None,
            deadline_wording=deadline.wording[:200] if deadline else "",
            deadline_precision=deadline.precision if deadline else "",
        )
        added += 1
    return added


def _reference_pk(reference: str) -> int | None:
    digits = reference.removeprefix("C-").lstrip("0")
    return int(digits) if digits.isdigit() else None


def _upsert_commitment(answer: Answer, record: CommitmentRecord, outcome: UpsertOutcome, *, user) -> bool:
    """Add a commitment carried by an export; an existing one only gains missing history."""
    where = record.reference or record.title
    pk = _reference_pk(record.reference)
    commitment = None
    if pk:
        commitment = Commitment.objects.filter(pk=pk, answer=answer).first()
    if commitment is None:
        commitment = answer.commitments.filter(quote=record.quote, title=record.title).first()
    created = commitment is None
    if created:
        commitment = _create_commitment(answer, record, pk, where=where, user=user)
        outcome.commitments_added += 1
    history_changed = _add_history(commitment, record, where=where)
    if created and not record.history:
        StatusUpdate.objects.create(
            commitment=commitment,
            status=Status.POSITION_MAINTAINED if commitment.is_refusal else Status.ANNOUNCED,
            observed_on=answer.made_on,
            recorded_by=user,
        )
        history_changed = True
    if history_changed:
        commitment_refresh_current_status(commitment)
    return created or history_changed


def _create_commitment(answer: Answer, record: CommitmentRecord, pk: int | None, *, where: str, user) -> Commitment:
    if record.quote not in answer.text:
        raise DocumentError(f"commitment {where}: its quote does not occur in the answer text")
    if record.kind not in Kind.values:
        raise DocumentError(f"commitment {where}: unknown kind {record.kind!r} (one of {', '.join(Kind.values)})")
    source = record.deadline_source or (DeadlineSource.NONE if record.deadline is None else DeadlineSource.STAFF)
    if source not in DeadlineSource.values:
        raise DocumentError(f"commitment {where}: unknown deadline source {source!r}")
    question = answer.question
    responsible = question.addressee
    if record.responsible:
        responsible = person_resolve(name=record.responsible.name, open_data_id=record.responsible.open_data_id).person
    office = office_resolve(person=responsible, title=record.office, on=answer.made_on) if record.office else None
    explicit_pk = pk if pk and not Commitment.objects.filter(pk=pk).exists() else None
    first_status = (
        record.history[0].status
        if record.history
        else (Status.POSITION_MAINTAINED if record.kind == Kind.REFUSAL else Status.ANNOUNCED)
    )
    commitment = Commitment(
        pk=explicit_pk,
        answer=answer,
        title=record.title[:200],
        quote=record.quote,
        quote_start=answer.text.find(record.quote),
        kind=record.kind,
        responsible_person=responsible,
        responsible_office=office,
        deadline=record.deadline,
        deadline_source=source,
        deadline_wording=record.deadline_wording,
        target_group=record.target_group,
        current_status=first_status,
        status_observed_on=answer.made_on,
        last_recorded_at=timezone.now(),
        made_on=answer.made_on,
    )
    try:
        commitment.full_clean(exclude=DERIVED_FIELDS)
    except ValidationError as error:
        raise DocumentError(f"commitment {where}: {_describe(error)}") from None
    commitment._history_user, commitment._change_reason = user, "import"
    commitment.save(force_insert=True)
    if explicit_pk:
        # Keeping the exported reference (C-00042) means inserting an explicit id: move the
        # sequence past it, as loaddata does, so that later commitments get fresh ids.
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), [Commitment]):
                cursor.execute(statement)
    if record.themes:
        commitment.themes.set(_themes(record.themes))
    return commitment


def _add_history(commitment: Commitment, record: CommitmentRecord, *, where: str) -> bool:
    existing = {(u.status, u.observed_on, u.recorded_at) for u in commitment.status_updates.all()}
    known_users = {
        user.username: user
        for user in get_user_model().objects.filter(
            username__in=[entry.recorded_by for entry in record.history if entry.recorded_by]
        )
    }
    added = False
    for entry in record.history:
        if entry.status not in commitment.allowed_statuses():
            raise DocumentError(f"commitment {where}: status {entry.status!r} does not fit a {commitment.get_kind_display()}")
        recorded_at = entry.recorded_at or timezone.now()
        if timezone.is_naive(recorded_at):
            recorded_at = timezone.make_aware(recorded_at)
        if (entry.status, entry.observed_on, recorded_at) in existing:
            continue
        user = known_users.get(entry.recorded_by)
        StatusUpdate.objects.create(
            commitment=commitment,
            status=entry.status,
            observed_on=entry.observed_on,
            note=entry.note,
            evidence_url=entry.evidence_url,
            evidence_text=entry.evidence_text,
            recorded_by=user,
            recorded_by_name="" if user else entry.recorded_by,
            recorded_at=recorded_at,
        )
        added = True
    return added
