"""Loading the demo data: the real seed document and the sample records around it. Idempotent."""

import datetime
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from tracker.demo.samples import (
    DUPLICATES,
    EXAMPLE_NOTE,
    PROGRAMMES,
    RESTATING,
    SAMPLES,
    UNANSWERED,
    OpenQuestion,
    Promise,
    Sample,
)
from tracker.imports.deadlines import find_deadline
from tracker.imports.records import AnswerRecord, PersonRecord, QuestionRecord
from tracker.imports.runner import import_documents
from tracker.imports.upsert import question_upsert
from tracker.models import Commitment, DigestFrequency, ImportRun, Office, Person, Question, SuggestionState, Theme
from tracker.roles import Role, user_assign_role
from tracker.services.commitments import (
    Provenance,
    RestoredStatus,
    commitment_assign,
    commitment_create,
    commitment_hand_over,
    commitment_restore_history,
)
from tracker.services.merges import commitments_merge
from tracker.services.people import office_resolve, person_resolve
from tracker.services.programmes import commitment_set_parent
from tracker.services.suggestions import suggestion_confirm, suggestion_restate
from tracker.services.team import follow, profile_update

SEED = Path(__file__).parent / "documents" / "vraag-551-2017-2018.txt"
# A real answer of the Tweede Kamer, as its published PDF: the demo shows both assemblies.
REAL_DOCUMENTS = [Path(__file__).parent / "documents" / "ah-tk-20232024-1893.pdf"]
DEMO_PASSWORD = "tracker-demo-2026"
DEMO_USERS = [("admin", Role.ADMINISTRATOR), ("editor", Role.EDITOR), ("viewer", Role.VIEWER)]
# The demo's editor looks after a few promises (two overdue, two falling due soon), follows a minister
# and gets a daily digest: `send_digests --dry-run` shows theirs at once (README, "E-mail").
DEMO_EDITOR_EMAIL = "editor@example.org"
DEMO_ASSIGNED = [
    "Aanpassing erkenningsregeling sociale verhuurkantoren",
    "Evaluatie huurgarantie voor verhuurders",
    "Studie spreiding bibliotheekfilialen",
    "Evaluatie kmo-portefeuille",
]
DEMO_FOLLOWED_MINISTER = "Nadia El Morabit"

SEED_PROMISES = [
    Promise(
        quote="wil ik een projectoproep lanceren om projecten te ondersteunen die inzetten op het versterken van die sociale netwerken",
        title="Projectoproep voor buddywerkingen (werkmodel 'persoonlijke vriend')",
        kind="project_call",
        target_group="mensen in armoede",
    ),
    Promise(
        quote="Ik plan geen specifieke acties naar 'nieuwe armen' toe.",
        title="Geen specifieke acties voor 'nieuwe armen'",
        kind="refusal",
        target_group="nieuwe armen",
    ),
]


@dataclass
class DemoSummary:
    questions: int
    commitments: int
    users: list[tuple[str, str]]


def _day(value: datetime.date | int, today: datetime.date) -> datetime.date:
    return value if isinstance(value, datetime.date) else today + datetime.timedelta(days=value)


@transaction.atomic
def load_demo_data(*, with_users: bool = True) -> DemoSummary:
    today = timezone.localdate()
    _load_seed()
    _load_real_documents()
    for sample in SAMPLES:
        _load_sample(sample, today)
    for question in UNANSWERED:
        _load_open_question(question, today)
    _load_restatements(today)
    _link_programmes_and_duplicates()
    users = _demo_users() if with_users else []
    return DemoSummary(questions=Question.objects.count(), commitments=Commitment.objects.count(), users=users)


def _load_seed() -> None:
    run = import_documents([(SEED.name, SEED.read_bytes())], origin=ImportRun.Origin.DEMO)
    failure = next((entry for entry in run.report if entry["outcome"] == "failed"), None)
    if failure:
        raise RuntimeError(f"The seed document did not import: {failure['reason']}")
    question = Question.objects.get(pk=run.report[0]["question_id"])
    theme, _ = Theme.objects.get_or_create(slug="armoedebestrijding", defaults={"name": "Armoedebestrijding"})
    question.themes.add(theme)
    for promise in SEED_PROMISES:
        _confirm(question, promise, today=timezone.localdate())


def _load_real_documents() -> None:
    """Imported as staff would upload them: their suggestions wait in the review queue."""
    run = import_documents([(path.name, path.read_bytes()) for path in REAL_DOCUMENTS], origin=ImportRun.Origin.DEMO)
    failure = next((entry for entry in run.report if entry["outcome"] == "failed"), None)
    if failure:
        raise RuntimeError(f"A demo document did not import: {failure['name']}: {failure['reason']}")


def _load_sample(sample: Sample, today: datetime.date) -> None:
    asked_on = _day(sample.asked_on, today)
    record = QuestionRecord(
        number=sample.number,
        asked_on=asked_on,
        asker=PersonRecord(name=sample.asker),
        addressee=PersonRecord(name=sample.minister),
        office=sample.office,
        subject=sample.subject,
        text=sample.question,
        themes=sample.themes,
        answer=AnswerRecord(
            text=f"{sample.answer}\n\n{EXAMPLE_NOTE}", answered_on=asked_on + datetime.timedelta(days=sample.answered_after_days)
        ),
    )
    question = question_upsert(record, reason="demo data").question
    for promise in sample.promises:
        _confirm(question, promise, today=today)


def _load_restatements(today: datetime.date) -> None:
    """The seed's project call re-stated: the first later answer recorded as a re-statement, the
    second left in the review queue with its match proposed (once: a decided one stays decided)."""
    for number, sample in enumerate(RESTATING):
        _load_sample(sample, today)
        if number > 0:
            continue
        question = Question.objects.get(number=sample.number, asked_on=sample.asked_on, addressee__last_name="Homans")
        for suggestion in question.answer.suggestions.filter(state=SuggestionState.PENDING, match__isnull=False):
            made_on = question.answer.made_on
            suggestion_restate(
                suggestion=suggestion, commitment=suggestion.match, user=None, as_recorded=Provenance(at=_morning(made_on))
            )


def _link_programmes_and_duplicates() -> None:
    """The sample programme's parts, and the sample duplicate merged; nothing the second time."""
    samples = Commitment.all_objects.filter(answer__question__subject__startswith="[Voorbeeld]")
    for programme_title, part_titles in PROGRAMMES.items():
        programme = samples.get(title=programme_title)
        for title in part_titles:
            commitment_set_parent(commitment=samples.get(title=title), parent=programme, user=None, reason="demo data")
    for kept_title, duplicate_title, reason in DUPLICATES:
        duplicate = samples.get(title=duplicate_title)
        if duplicate.merged_into_id is None:
            commitments_merge(kept=samples.get(title=kept_title), absorbed=duplicate, user=None, reason=reason)


def _load_open_question(sample: OpenQuestion, today: datetime.date) -> None:
    record = QuestionRecord(
        number=sample.number,
        asked_on=_day(sample.asked_on, today),
        asker=PersonRecord(name=sample.asker),
        addressee=PersonRecord(name=sample.minister),
        office=sample.office,
        subject=sample.subject,
        text=f"{sample.question}\n\n{EXAMPLE_NOTE}",
    )
    question_upsert(record, reason="demo data")


def _confirm(question: Question, promise: Promise, *, today: datetime.date) -> None:
    answer = question.answer
    # all_objects: a sample merged into another (DUPLICATES) is there too, hidden.
    if Commitment.all_objects.filter(answer=answer, quote=promise.quote).exists():
        return
    made_on = answer.made_on
    deadline, wording = None, promise.wording
    if promise.deadline is not None:
        deadline = _day(promise.deadline, today)
    elif promise.wording:
        found = find_deadline(promise.quote, made_on=made_on)
        deadline, wording = (found.date, found.wording) if found else (None, "")
    themes = list(question.themes.all())
    suggestion = next((s for s in answer.suggestions.filter(state=SuggestionState.PENDING) if promise.quote in s.sentence), None)
    fields = {
        "title": promise.title,
        "quote": promise.quote,
        "kind": promise.kind,
        "themes": themes,
        "target_group": promise.target_group,
        "as_recorded": Provenance(at=_morning(made_on)),
        # Most of the demo is published; a few stay internal, so that both can be seen.
        "published": not promise.internal,
    }
    if suggestion:
        commitment = suggestion_confirm(suggestion=suggestion, user=None, deadline=deadline, deadline_wording=wording, **fields)
    else:
        commitment = commitment_create(answer=answer, deadline=deadline, deadline_wording=wording, **fields)
    for update in promise.history:
        observed_on = _day(update.observed, today)
        if promise.handover_to and observed_on.year >= 2020 and commitment.responsible_person.full_name != promise.handover_to[0]:
            _hand_over(commitment, *promise.handover_to, on=observed_on)
        # Sample history is written as a restore writes history: with the time it was (notionally) recorded.
        sample = RestoredStatus(
            status=update.status,
            observed_on=observed_on,
            recorded=Provenance(at=_morning(observed_on)),
            note=update.note,
            note_is_public=bool(update.note) and not update.internal_note,
            evidence_url=update.evidence_url,
        )
        commitment_restore_history(commitment=commitment, history=[sample])


def _morning(day: datetime.date) -> datetime.datetime:
    """Sample history is dated as if recorded on the morning after it was observed."""
    return min(
        timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(9, 30))), timezone.now()
    )


def _hand_over(commitment: Commitment, successor_name: str, office_title: str, *, on: datetime.date) -> None:
    successor = person_resolve(name=successor_name).person
    office = office_resolve(person=successor, title=office_title, on=on, assembly=commitment.answer.question.assembly_id)
    if commitment.responsible_office_id:
        Office.objects.filter(pk=commitment.responsible_office_id).update(successor=office)
    commitment_hand_over(
        commitment=commitment, user=None, office=office, reason="Bevoegdheid overgegaan naar de opvolger in de nieuwe regering."
    )


def _demo_users() -> list[tuple[str, str]]:
    User = get_user_model()
    created = []
    for username, role in DEMO_USERS:
        user, _ = User.objects.get_or_create(username=username, defaults={"first_name": username.capitalize()})
        if not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user_assign_role(user=user, role=role)
        if role == Role.ADMINISTRATOR and not user.is_superuser:
            user.is_superuser = True
            user.save(update_fields=["is_superuser"])
        if role == Role.EDITOR:
            _editor_work(user)
        created.append((username, role.label))
    return created


def _editor_work(editor) -> None:
    """Once (while the editor has no e-mail address): an address and a daily digest, their promises
    and their minister. Loading the demo again changes nothing, nor undoes what was changed since."""
    if editor.email:
        return
    profile_update(user=editor, digest=DigestFrequency.DAILY, language="en", email=DEMO_EDITOR_EMAIL)
    for commitment in Commitment.objects.filter(title__in=DEMO_ASSIGNED, assignee__isnull=True):
        commitment_assign(commitment=commitment, assignee=editor, user=None)
    follow(user=editor, target=Person.objects.named(DEMO_FOLLOWED_MINISTER).get())
