"""A register with every kind of internal detail, each marked with a unique string, for the tests of
the public site (tests/test_public_*.py): none of the markers may appear on a public page."""

import datetime
from dataclasses import dataclass

from django.test import override_settings

from tests.factories import (
    AnswerFactory,
    CommitmentFactory,
    OfficeFactory,
    PersonFactory,
    SuggestionFactory,
    ThemeFactory,
    UserFactory,
    move_deadline,
)
from tracker.models import Commitment, ImportRun, Kind, Status
from tracker.roles import Role
from tracker.services.commitments import (
    commitment_assign,
    commitment_record_status,
    status_update_reject,
    status_update_void,
)
from tracker.services.merges import commitments_merge

# Strings that exist only in the staff side's data: a public page showing one leaks it.
SECRETS = {
    "internal note": "SECRET-NOTE-q7x",
    "assignee name": "Secretassignee",
    "assignee e-mail": "assignee-q7x@example.org",
    "recorder name": "Secretrecorder",
    "recorder e-mail": "recorder-q7x@example.org",
    "suggestion": "SECRET-SUGGESTION-q7x",
    "import run": "SECRET-IMPORT-q7x",
    "void reason": "SECRET-VOID-q7x",
    "voided note": "SECRET-VOIDED-NOTE-q7x",
    "rejection note": "SECRET-REJECTION-q7x",
    "rejected update's note": "SECRET-REJECTED-NOTE-q7x",
    "deadline change reason": "SECRET-DEADLINE-q7x",
    "merge reason": "SECRET-MERGE-q7x",
    "unpublished title": "SECRET-UNPUBLISHED-q7x",
    "merged title": "SECRET-MERGED-q7x",
}
PUBLIC_NOTE = "Publieke toelichting q7x"
EVIDENCE_URL = "https://www.vlaanderen.be/bewijs-q7x"


@dataclass
class PublicRegister:
    minister: object
    government: object
    commitment: Commitment  # published, with public and internal notes, moved deadline, programme part
    programme: Commitment
    unpublished: Commitment
    merged: Commitment


def build_register() -> PublicRegister:
    """One minister of the Bourgeois government with published commitments around every internal detail."""
    minister = PersonFactory(first_name="Liesbeth", last_name="Homans")
    office = OfficeFactory(person=minister, title="Vlaams minister van Binnenlands Bestuur, Armoedebestrijding")
    assignee = UserFactory(
        first_name="Zorro", last_name=SECRETS["assignee name"], email=SECRETS["assignee e-mail"], role=Role.EDITOR
    )
    recorder = UserFactory(
        first_name="Xena", last_name=SECRETS["recorder name"], email=SECRETS["recorder e-mail"], role=Role.EDITOR
    )
    checker = UserFactory(role=Role.EDITOR)
    administrator = UserFactory(role=Role.ADMINISTRATOR)

    def answer():
        return AnswerFactory(question__addressee=minister, question__addressee_office=office)

    programme = CommitmentFactory(answer=answer(), title="Actieplan armoede", published=True, deadline=datetime.date(2030, 1, 1))
    commitment = CommitmentFactory(answer=answer(), title="Projectoproep buddywerking", published=True, user=recorder)
    commitment.themes.add(ThemeFactory(name="Armoedebestrijding"))
    commitment.parent = programme
    commitment.save(update_fields=["parent"])
    commitment_assign(commitment=commitment, assignee=assignee, user=recorder)
    commitment_record_status(
        commitment=commitment,
        user=recorder,
        status=Status.IN_PROGRESS,
        observed_on=datetime.date(2019, 1, 10),
        note=PUBLIC_NOTE,
        note_is_public=True,
        evidence_url=EVIDENCE_URL,
        evidence_text="Besluit van de Vlaamse Regering",
    )
    commitment_record_status(
        commitment=commitment,
        user=recorder,
        status=Status.DELAYED,
        observed_on=datetime.date(2019, 3, 1),
        note=SECRETS["internal note"],
    )
    mistaken = commitment_record_status(
        commitment=commitment,
        user=recorder,
        status=Status.DELAYED,
        observed_on=datetime.date(2019, 4, 1),
        note=SECRETS["voided note"],
        note_is_public=True,
    )
    status_update_void(update=mistaken, user=administrator, reason=SECRETS["void reason"])
    with override_settings(TRACKER_FOUR_EYES=True):
        rejected = commitment_record_status(
            commitment=commitment,
            user=recorder,
            status=Status.FULFILLED,
            observed_on=datetime.date(2019, 5, 1),
            note=SECRETS["rejected update's note"],
            note_is_public=True,
        )
    status_update_reject(update=rejected, user=checker, note=SECRETS["rejection note"])
    move_deadline(
        commitment, datetime.date(2021, 6, 30), changed_on=datetime.date(2019, 6, 1), reason=SECRETS["deadline change reason"]
    )
    CommitmentFactory(answer=answer(), kind=Kind.REFUSAL, title="Geen extra middelen", published=True)

    unpublished = CommitmentFactory(answer=answer(), title=SECRETS["unpublished title"], published=False)
    merged = CommitmentFactory(answer=answer(), title=SECRETS["merged title"], published=True)
    commitments_merge(kept=programme, absorbed=merged, user=administrator, reason=SECRETS["merge reason"])
    SuggestionFactory(answer=commitment.answer, title=SECRETS["suggestion"])
    ImportRun.objects.create(origin=ImportRun.Origin.COMMAND, report=[{"name": SECRETS["import run"], "outcome": "created"}])
    commitment.refresh_from_db()
    return PublicRegister(
        minister=minister,
        government=office.government,
        commitment=commitment,
        programme=programme,
        unpublished=unpublished,
        merged=merged,
    )
