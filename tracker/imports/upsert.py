"""Writing a parsed record to the database: one transaction per document, only real changes saved.

Re-importing a document updates its question and answer and never duplicates anything. What staff
did is never undone: confirmed commitments keep their fields, status history is only ever added to,
and a rejected suggestion is not suggested again.

Commitments, their history and the answer they are quoted in are written through tracker.services,
with the checks every other path has. An import records history as the person importing, now; only
a restore (restore=True: an administrator loading a full export) keeps the file's authors and times.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from tracker.dates import aware
from tracker.imports.records import CommitmentRecord, DocumentError, PersonRecord, QuestionRecord
from tracker.imports.suggestions import suggest_commitments
from tracker.models import (
    Answer,
    Assembly,
    Commitment,
    DeadlineSource,
    HoldingReply,
    Kind,
    Question,
    Suggestion,
    SuggestionState,
    Theme,
    default_horizon,
    session_year_of,
)
from tracker.models.questions import validate_session_year
from tracker.services.answers import answer_save
from tracker.services.commitments import (
    Provenance,
    RestoredStatus,
    commitment_create,
    commitment_record_status,
    commitment_restore,
    commitment_restore_history,
)
from tracker.services.matching import suggestions_match
from tracker.services.people import office_resolve, person_add_alias, person_resolve
from tracker.validators import web_address_validator


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
def question_upsert(
    record: QuestionRecord, *, user: AbstractBaseUser | None = None, reason: str = "import", restore: bool = False
) -> UpsertOutcome:
    assembly = Assembly.objects.filter(slug=record.assembly).first()
    if assembly is None:
        raise DocumentError(f"unknown assembly {record.assembly!r}")
    session_year = record.session_year or session_year_of(record.asked_on, assembly.slug)
    try:
        validate_session_year(session_year)
    except ValidationError:
        raise DocumentError(f"session year {session_year!r} is not like 2017-2018") from None
    notes = list(record.notes)
    asker = _person(record.asker)
    for variant in record.asker_variants:
        person_add_alias(asker.person, variant)
    addressee = _person(record.addressee)
    co_askers = [_person(person) for person in record.co_askers]
    links = _web_addresses(record.documents, notes)
    for match, role in ((asker, "asker"), (addressee, "minister"), *((match, "asker") for match in co_askers)):
        if match.created:
            notes.append(f"new person: {match.person.full_name} ({role})")
        elif match.variant_learned:
            notes.append(f"{role} matched by a spelling variant: {match.person.full_name}")
    office = (
        office_resolve(person=addressee.person, title=record.office, on=record.asked_on, assembly=assembly)
        if record.office
        else None
    )

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
        "procedure": [{"status": step.status, "date": step.on.isoformat() if step.on else None} for step in record.procedure],
    }
    values.update({name: value for name, value in optional.items() if value})
    created = question is None
    if created:
        question = Question(**values, documents=links)
        _validate(question, exclude=["addressee_office"])
        question._history_user, question._change_reason = user, reason
        question.save()
        changed = True
    else:
        # Links add up: a record and a document of the same question may each know one.
        documents = [*question.documents, *(url for url in links if url not in question.documents)]
        if documents != question.documents:
            values["documents"] = documents
        _validate_values(question, values)
        changed = _save_changes(question, values, user=user, reason=reason)
    new_co_askers = {match.person for match in co_askers} - set(question.co_askers.all()) - {asker.person}
    if new_co_askers:
        question.co_askers.add(*new_co_askers)
        changed = True
    changed |= _upsert_holding_replies(question, record)
    if record.themes:
        themes = _themes(record.themes)
        if set(question.themes.all()) != set(themes):
            question.themes.add(*themes)
            changed = True

    outcome = UpsertOutcome(question=question, outcome="created" if created else "unchanged", notes=notes)
    if record.answer is not None:
        changed |= _upsert_answer(question, record, outcome, user=user, reason=reason, restore=restore)
    if not created and changed:
        outcome.outcome = "updated"
    return outcome


def _web_addresses(urls, notes: list[str]) -> list[str]:
    """The document links that are web addresses (shown as links: never javascript: or data:), once each."""
    kept = []
    for url in dict.fromkeys(urls):
        try:
            web_address_validator(url)
        except ValidationError:
            notes.append(f"document link left out, not a web address: {url[:80]!r}")
        else:
            kept.append(url)
    return kept


def _person(record: PersonRecord):
    return person_resolve(
        name=record.name,
        first_name=record.first_name,
        last_name=record.last_name,
        open_data_id=record.open_data_id,
        party=record.party,
    )


def _upsert_holding_replies(question: Question, record: QuestionRecord) -> bool:
    """Keep each notice of a late answer once (by its date); it is never an answer."""
    added = False
    for reply in record.holding_replies:
        _stored, created = HoldingReply.objects.get_or_create(
            question=question, received_on=reply.received_on, defaults={"text": reply.text}
        )
        added |= created
    return added


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


def _upsert_answer(
    question: Question, record: QuestionRecord, outcome: UpsertOutcome, *, user, reason: str, restore: bool
) -> bool:
    incoming = record.answer
    values = {
        "text": incoming.text,
        "answered_on": incoming.answered_on,
        "source_url": incoming.source_url,
        "answered_in_time": incoming.answered_in_time,
        "in_time_wording": incoming.in_time_wording[:100],
        "kind_wording": incoming.kind_wording[:100],
    }
    if Answer.objects.filter(question=question).exists():
        # A record without the answer's text, date or verdict keeps what is known.
        values = {name: value for name, value in values.items() if value not in (None, "")}
    try:
        answer, changed = answer_save(question=question, values=values, user=user, reason=reason)
    except ValidationError as error:
        raise DocumentError(f"answer: {_describe(error)}") from None
    question.answer = answer
    write = _restore_commitment if restore else _import_commitment
    for commitment_record in record.commitments:
        changed |= write(answer, commitment_record, outcome, user=user, reason=reason)
    if answer.text:
        outcome.suggestions_added = _suggest(answer)
        changed |= bool(outcome.suggestions_added)
    return changed


def _suggest(answer: Answer) -> int:
    """Add pending suggestions for sentences not suggested before and not already commitments."""
    suggestions = list(answer.suggestions.all())
    known = {suggestion.fingerprint for suggestion in suggestions}
    # all_objects: a commitment merged into another is still this answer's (its quote too).
    quotes = list(Commitment.all_objects.filter(answer=answer).values_list("quote", flat=True))
    found = suggest_commitments(
        answer.text, made_on=answer.made_on, term_end=default_horizon(answer.made_on, answer.question.assembly_id)
    )
    # Pending suggestions whose sentence left the answer go; decided ones stay, as a record.
    current = {suggestion.fingerprint for suggestion in found}
    for suggestion in suggestions:
        if suggestion.state == SuggestionState.PENDING and suggestion.fingerprint not in current:
            suggestion.delete()
    added = []
    for suggestion in found:
        # The same sentence twice in one answer is one suggestion (its fingerprint is its text).
        if suggestion.fingerprint in known or any(
            quote in suggestion.sentence or suggestion.sentence in quote for quote in quotes
        ):
            continue
        deadline = suggestion.deadline
        created = Suggestion.objects.create(
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
        known.add(suggestion.fingerprint)
        created.answer = answer
        added.append(created)
    # Each new sentence may repeat a promise already followed up: the review queue proposes it.
    suggestions_match(added)
    return len(added)


def reference_pk(reference: str) -> int | None:
    """The id in a commitment reference: 42 for C-00042."""
    digits = reference.removeprefix("C-").lstrip("0")
    return int(digits) if digits.isdigit() else None


def _checked_kind_and_source(record: CommitmentRecord, where: str) -> str:
    if record.kind not in Kind.values:
        raise DocumentError(f"commitment {where}: unknown kind {record.kind!r} (one of {', '.join(Kind.values)})")
    source = record.deadline_source or (DeadlineSource.NONE if record.deadline is None else DeadlineSource.STAFF)
    if source not in DeadlineSource.values:
        raise DocumentError(f"commitment {where}: unknown deadline source {source!r}")
    return source


def _described(answer: Answer, record: CommitmentRecord) -> dict:
    """What the file says a commitment is, as the creating services take it (deadlines aside)."""
    responsible = answer.question.addressee
    if record.responsible:
        responsible = person_resolve(name=record.responsible.name, open_data_id=record.responsible.open_data_id).person
    return {
        "answer": answer,
        "title": record.title[:200],
        "quote": record.quote,
        "kind": record.kind,
        "responsible_person": responsible,
        "responsible_office": office_resolve(
            person=responsible, title=record.office, on=answer.made_on, assembly=answer.question.assembly_id
        )
        if record.office
        else None,
        "themes": _themes(record.themes),
        "target_group": record.target_group,
    }


def _import_commitment(answer: Answer, record: CommitmentRecord, outcome: UpsertOutcome, *, user, reason: str) -> bool:
    """An import (not a restore): a commitment the file carries is created as the importing user,
    and its history is recorded by that user, now, with the checks of the status form."""
    where = record.reference or record.title
    pk = reference_pk(record.reference)
    stored = Commitment.all_objects.filter(answer=answer)  # a merged duplicate is not imported twice
    commitment = stored.filter(pk=pk).first() if pk else None
    if commitment is None:
        commitment = stored.filter(quote=record.quote, title=record.title).first()
    created = commitment is None
    if created:
        source = _checked_kind_and_source(record, where)
        # A stated or staff deadline is kept; a default horizon is this installation's own.
        keep_deadline = source in (DeadlineSource.STATED, DeadlineSource.STAFF)
        try:
            commitment = commitment_create(
                **_described(answer, record),
                deadline=record.deadline if keep_deadline else None,
                deadline_wording=record.deadline_wording if source == DeadlineSource.STATED else "",
                user=user,
                reason=reason,
            )
        except ValidationError as error:
            raise DocumentError(f"commitment {where}: {_describe(error)}") from None
        outcome.commitments_added += 1
    return _import_history(commitment, record, outcome, user=user, where=where) or created


def _content_key(status: str, observed_on: datetime.date, note: str, evidence_url: str, evidence_text: str) -> tuple:
    return status, observed_on, note.strip(), evidence_url.strip(), evidence_text.strip()


def _import_history(commitment: Commitment, record: CommitmentRecord, outcome: UpsertOutcome, *, user, where: str) -> bool:
    """Record the file's status observations not held yet, as the importing user, now."""
    stored = {
        _content_key(u.status, u.observed_on, u.note, u.evidence_url, u.evidence_text) for u in commitment.status_updates.valid()
    }
    added, voided, attributed = False, 0, False
    for position, entry in enumerate(record.history, start=1):
        if entry.voided_at:
            voided += 1
            continue
        attributed |= bool(entry.recorded_by or entry.recorded_at)
        key = _content_key(entry.status, entry.observed_on, entry.note, entry.evidence_url, entry.evidence_text)
        if key in stored:
            continue
        try:
            commitment_record_status(
                commitment=commitment,
                user=user,
                status=entry.status,
                observed_on=entry.observed_on,
                note=entry.note,
                evidence_url=entry.evidence_url,
                evidence_text=entry.evidence_text,
            )
        except ValidationError as error:
            raise DocumentError(f"commitment {where}, status_history[{position}]: {_describe(error)}") from None
        stored.add(key)
        added = True
    if attributed and added:
        who = user.get_username() if user else "the import"
        outcome.notes.append(
            f"{commitment.reference}: status history recorded by {who}, now; "
            "the authors and times in the file are kept only by an administrator's restore"
        )
    if voided:
        outcome.notes.append(f"{commitment.reference}: {voided} voided status update(s) in the file left out")
    return added


def restored_history(record: CommitmentRecord, *, where: str) -> list[RestoredStatus]:
    """A commitment's history as a restore writes it: with its authors, times and voids."""
    names = {name for entry in record.history for name in (entry.recorded_by, entry.voided_by, entry.decided_by)}
    users = {user.get_username(): user for user in get_user_model().objects.filter(username__in=names - {""})}

    def provenance(name: str, moment: datetime.datetime) -> Provenance:
        return Provenance(at=aware(moment), user=users.get(name), name=name)

    history = []
    for position, entry in enumerate(record.history, start=1):
        if entry.recorded_at is None:
            raise DocumentError(
                f"commitment {where}, status_history[{position}]: recorded_at missing (a restore keeps the original times)"
            )
        history.append(
            RestoredStatus(
                status=entry.status,
                observed_on=entry.observed_on,
                recorded=provenance(entry.recorded_by, entry.recorded_at),
                note=entry.note,
                note_is_public=entry.note_is_public,
                evidence_url=entry.evidence_url,
                evidence_text=entry.evidence_text,
                void_reason=entry.void_reason,
                voided=provenance(entry.voided_by, entry.voided_at) if entry.voided_at else None,
                needs_confirmation=entry.needs_confirmation,
                confirmed=entry.confirmed,
                decision_note=entry.decision_note,
                decided=provenance(entry.decided_by, entry.decided_at) if entry.decided_at else None,
            )
        )
    return history


def _restore_commitment(answer: Answer, record: CommitmentRecord, outcome: UpsertOutcome, *, user, reason: str) -> bool:
    """A restore: the commitment comes back with its reference, deadline and history as exported."""
    where = record.reference or record.title
    pk = reference_pk(record.reference)
    if pk is None:
        raise DocumentError(f"commitment {where}: a restore needs each commitment's reference (C-00042)")
    history = restored_history(record, where=where)
    existing = Commitment.all_objects.filter(pk=pk).first()  # merged into another, too
    try:
        if existing is not None:
            if existing.answer_id != answer.pk or existing.quote != record.quote:
                raise DocumentError(f"commitment {where}: {existing.reference} is stored here as another commitment")
            return bool(commitment_restore_history(commitment=existing, history=history))
        commitment_restore(
            **_described(answer, record),
            reference_pk=pk,
            deadline=record.deadline,
            deadline_source=_checked_kind_and_source(record, where),
            deadline_wording=record.deadline_wording,
            published=record.published,
            history=history,
            reason=reason,
        )
    except ValidationError as error:
        raise DocumentError(f"commitment {where}: {_describe(error)}") from None
    outcome.commitments_added += 1
    return True
