"""Test data built through the same services the application uses, so every object is in a state
the application itself could have produced."""

import datetime
import re

import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from tracker.models import (
    Answer,
    Assembly,
    Commitment,
    Government,
    Kind,
    Office,
    Person,
    PersonAlias,
    Question,
    Suggestion,
    Theme,
    session_year_of,
)
from tracker.roles import Role, user_assign_role
from tracker.services.commitments import commitment_create, commitment_record_status

PASSWORD = "correct-horse-battery-staple"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(user, create, extracted: Role | None, **kwargs):
        user.save()
        if create and extracted:
            user_assign_role(user=user, role=extracted)


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Sequence(lambda n: f"Janssens{n}")

    @factory.post_generation
    def aliases(person, create, extracted, **kwargs):
        if create:
            for name in [person.full_name, *(extracted or [])]:
                PersonAlias.objects.get_or_create(person=person, name=name)


def government(slug: str = "bourgeois") -> Government:
    return Government.objects.get(slug=slug)


class OfficeFactory(DjangoModelFactory):
    class Meta:
        model = Office

    person = factory.SubFactory(PersonFactory)
    government = factory.LazyFunction(government)
    title = factory.Sequence(lambda n: f"Vlaams minister van Portefeuille {n}")
    start_date = factory.LazyAttribute(lambda office: office.government.start_date)
    end_date = factory.LazyAttribute(lambda office: office.government.end_date)


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


class QuestionFactory(DjangoModelFactory):
    class Meta:
        model = Question

    assembly = factory.LazyFunction(lambda: Assembly.objects.get(slug="vlaams-parlement"))
    asked_on = datetime.date(2018, 6, 29)
    session_year = factory.LazyAttribute(lambda question: session_year_of(question.asked_on))
    number = factory.Sequence(lambda n: n + 1)
    asker = factory.SubFactory(PersonFactory)
    addressee = factory.SubFactory(PersonFactory)
    subject = factory.Sequence(lambda n: f"Armoedebestrijding, onderwerp {n}")
    text = "Inleiding van de vraag.\n\n1. Wat plant de minister?\n\n2. Wanneer?"


class AnswerFactory(DjangoModelFactory):
    class Meta:
        model = Answer

    question = factory.SubFactory(QuestionFactory)
    answered_on = factory.LazyAttribute(lambda answer: answer.question.asked_on + datetime.timedelta(days=20))
    text = factory.Sequence(
        lambda n: (
            f"1. Ik zal project {n} tegen eind 2019 opstarten. Dit project werd eerder voorbereid.\n\n"
            f"2. Ik plan geen extra acties voor doelgroep {n}."
        )
    )


def _sentence(text: str, *, refusal: bool) -> str:
    sentences = re.findall(r"[^.\n]+\.", re.sub(r"^\d\.\s*", "", text, flags=re.MULTILINE))
    sentences = [sentence.strip() for sentence in sentences]
    if refusal:
        return next(s for s in sentences if "geen" in s)
    return sentences[0]


class CommitmentFactory(DjangoModelFactory):
    """A commitment made through commitment_create; `status` and `observed_on` add a status update."""

    class Meta:
        model = Commitment

    answer = factory.SubFactory(AnswerFactory)
    title = factory.Sequence(lambda n: f"Toezegging {n}")
    kind = Kind.ACTION

    @classmethod
    def _create(cls, model_class, *, answer, title, kind, quote=None, status=None, observed_on=None, user=None, **kwargs):
        commitment = commitment_create(
            answer=answer,
            title=title,
            kind=kind,
            quote=quote or _sentence(answer.text, refusal=kind == Kind.REFUSAL),
            user=user,
            **kwargs,
        )
        if status and status != commitment.current_status:
            commitment_record_status(commitment=commitment, user=user, status=status, observed_on=observed_on or answer.made_on)
        return commitment


def exported_question(**changes) -> dict:
    """One question of our export format (JSON) with one commitment and its history, as another
    installation wrote it; *changes* set values by path: `{"commitments.0.status_history.1.note": "x"}`."""
    history = [
        {
            "status": "announced",
            "observed_on": "2018-07-19",
            "note": "",
            "evidence_url": "",
            "evidence_text": "",
            "recorded_by": "admin",
            "recorded_at": "2018-07-20T09:30:00+02:00",
            "voided": None,
        },
        {
            "status": "in_progress",
            "observed_on": "2019-03-01",
            "note": "Oproep gepubliceerd.",
            "evidence_url": "https://www.vlaanderen.be/oproep",
            "evidence_text": "",
            "recorded_by": "admin",
            "recorded_at": "2019-03-02T09:30:00+01:00",
            "voided": None,
        },
    ]
    commitment = {
        "reference": "C-00042",
        "title": "Projectoproep buddywerking",
        "quote": "Ik zal een projectoproep lanceren.",
        "kind": "project_call",
        "deadline": None,
        "deadline_source": "none",
        "deadline_wording": "",
        "themes": [],
        "target_group": "",
        "status_history": history,
    }
    question = {
        "assembly": "vlaams-parlement",
        "session_year": "2017-2018",
        "number": 551,
        "asked_on": "2018-06-29",
        "asker": "Cindy Franssen",
        "addressee": "Liesbeth Homans",
        "subject": "Persoonlijke netwerkversterking",
        "answer": {"answered_on": "2018-07-19", "text": "1. Ik zal een projectoproep lanceren. Meer volgt."},
        "commitments": [commitment],
    }
    for path, value in changes.items():
        *parents, leaf = path.split(".")
        target = question
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(leaf) if leaf.isdigit() else leaf] = value
    return question


# Slippage (issue 14): re-statements and deadline moves, dated as the test needs them.
class RestatementFactory(DjangoModelFactory):
    """A later answer (asked in 2020 by default) repeating *commitment*; its first sentence is the quote."""

    class Meta:
        model = "tracker.Restatement"

    commitment = factory.SubFactory(CommitmentFactory)
    answer = factory.SubFactory(AnswerFactory, question__asked_on=datetime.date(2020, 2, 12))
    quote = factory.LazyAttribute(lambda restatement: _sentence(restatement.answer.text, refusal=False))
    quote_start = 0
    made_on = factory.LazyAttribute(lambda restatement: restatement.answer.made_on)


def move_deadline(commitment, deadline, *, changed_on, wording="", reason="", restatement=None):
    """Move *commitment*'s deadline on *changed_on* the way every path does (a change recorded by
    tracker.services.slippage under the row lock); a re-statement's move by default gives no reason."""
    from django.db import transaction

    from tracker.models import DeadlineSource
    from tracker.services.commitments import Provenance
    from tracker.services.slippage import deadline_change_record

    with transaction.atomic():
        locked = Commitment.all_objects.select_for_update().get(pk=commitment.pk)
        old, old_wording = locked.deadline, locked.deadline_wording
        locked.deadline, locked.deadline_wording = deadline, wording
        source = DeadlineSource.STATED if wording else DeadlineSource.STAFF
        locked.deadline_source = source if deadline else DeadlineSource.NONE
        locked.save(update_fields=["deadline", "deadline_wording", "deadline_source"])
        deadline_change_record(
            locked,
            old_deadline=old,
            old_wording=old_wording,
            changed_on=changed_on,
            recorded=Provenance.now(None),
            reason=reason if reason or restatement else "Uitgesteld.",
            restatement=restatement,
        )
    commitment.refresh_from_db()
    return commitment


class SuggestionFactory(DjangoModelFactory):
    """A pending suggestion: by default its answer's first sentence, read as an action."""

    class Meta:
        model = Suggestion

    answer = factory.SubFactory(AnswerFactory)
    kind = Kind.ACTION
    sentence = factory.LazyAttribute(
        lambda suggestion: _sentence(suggestion.answer.text, refusal=suggestion.kind == Kind.REFUSAL)
    )
    sentence_start = factory.LazyAttribute(lambda suggestion: max(suggestion.answer.text.find(suggestion.sentence), 0))
    fingerprint = factory.Sequence(lambda n: f"fingerprint-{n}")
    title = factory.Sequence(lambda n: f"Suggestie {n}")


# The open-data API (issue 15): a personal token, made the way the profile page makes it.
def api_key_for(user) -> str:
    """A new API token of *user* (who must be able to hold one); returns its key."""
    from tracker.services.api_tokens import api_token_create

    return api_token_create(user=user, name="test")[1]
