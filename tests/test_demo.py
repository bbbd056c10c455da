"""The demo data: the seed document as real records, sample records around it, and the demo logins."""

import datetime
import io

import pytest
from django.core.management import call_command

from tracker.demo.loader import DEMO_PASSWORD
from tracker.models import Commitment, DeadlineSource, Kind, Person, Question, Status, StatusUpdate, Suggestion

pytestmark = pytest.mark.django_db


def counts():
    return {model.__name__: model.objects.count() for model in (Question, Commitment, StatusUpdate, Person, Suggestion)}


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo_data", stdout=io.StringIO())


def test_loading_the_demo_twice_changes_nothing(demo, settings):
    first = counts()
    call_command("load_demo_data", stdout=io.StringIO())
    assert counts() == first
    assert first["Commitment"] >= 36, "a few dozen sample promises around the seed"


def test_the_demo_holds_a_real_tweede_kamer_answer_read_from_its_pdf(demo):
    question = Question.objects.get(assembly__slug="tweede-kamer")
    assert (question.number, question.session_year, question.asker.full_name) == (1893, "2023-2024", "Klaver")
    assert question.addressee_office.government.slug == "rutte-iv"
    assert question.answer.answered_on == datetime.date(2024, 6, 3)
    assert "Het kabinet onderzoekt voortdurend de mogelijkheid" in question.answer.text


def test_the_seed_is_question_551_with_its_two_sub_questions_and_two_answers(demo):
    question = Question.objects.get(number=551, session_year="2017-2018", addressee__last_name="Homans")
    assert question.asked_on == datetime.date(2018, 6, 29)
    assert question.subject == "Persoonlijke netwerkversterking bij mensen in armoede - Studie"
    assert question.asker.full_name == "Cindy Franssen"
    assert question.addressee_office.title.startswith("VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING")
    assert [number for number, _ in question.numbered_parts()[1]] == [1, 2]
    assert [number for number, _ in question.answer.numbered_parts()[1]] == [1, 2]
    assert question.answer.answered_on is None
    assert "als die van mensen die al lange tijd" in question.text, "the paragraph broken by the page break is joined"
    assert "**" not in question.text + question.answer.text
    assert "---" not in question.answer.text


def test_the_seed_asker_is_one_person_known_under_both_spellings(demo):
    cindy = Person.objects.named("CINDY FRANSEN").get()
    assert cindy == Person.objects.named("CINDY FRANSSEN").get()


def test_the_seed_commitments_are_the_project_call_and_the_refusal_with_their_exact_quotes(demo):
    seed = Question.objects.get(number=551, addressee__last_name="Homans")
    commitments = {c.kind: c for c in Commitment.objects.filter(answer__question=seed)}
    assert set(commitments) == {Kind.PROJECT_CALL, Kind.REFUSAL}
    for commitment in commitments.values():
        assert commitment.quote in seed.answer.text
        assert commitment.quote_in_context()[1] == commitment.quote
    call = commitments[Kind.PROJECT_CALL]
    assert call.quote.startswith("wil ik een projectoproep lanceren")
    # First at the default horizon; the 2019 re-statement moved it (test below).
    assert call.first_deadline == datetime.date(2019, 5, 26)
    assert [(u.status, u.observed_on) for u in call.status_updates.all()] == [(Status.ANNOUNCED, datetime.date(2018, 6, 29))]
    refusal = commitments[Kind.REFUSAL]
    assert refusal.quote == "Ik plan geen specifieke acties naar 'nieuwe armen' toe."
    assert refusal.current_status == Status.POSITION_MAINTAINED


def test_the_seeds_project_call_is_restated_once_on_record_and_once_awaiting_review(demo):
    call = Commitment.objects.get(answer__question__number=551, kind=Kind.PROJECT_CALL)
    restatement = call.restatements.get()
    assert (restatement.answer.question.number, restatement.made_on) == (287, datetime.date(2019, 3, 8))
    assert (call.deadline, call.deadline_source, call.deadline_wording) == (
        datetime.date(2019, 12, 31),
        DeadlineSource.STATED,
        "tegen eind 2019",
    )
    assert (call.deadline_moves, call.deadline_slip_days) == (1, 219)
    pending = Suggestion.objects.pending().get(match=call)
    assert pending.answer.question.number == 143


def test_sample_records_are_labelled_as_examples_and_fill_every_list(demo):
    samples = Question.objects.exclude(number=551).exclude(assembly__slug="tweede-kamer")  # the two real documents
    assert samples.exists()
    assert all(question.subject.startswith("[Voorbeeld]") for question in samples)
    today = datetime.date.today()
    assert Commitment.objects.overdue(as_of=today).exists()
    assert Commitment.objects.due_soon(as_of=today, days=30).exists()
    assert Commitment.objects.needs_follow_up(as_of=today, months=6).exists()
    statuses = set(Commitment.objects.values_list("current_status", flat=True))
    assert {Status.FULFILLED, Status.DELAYED, Status.NOT_FULFILLED, Status.POSITION_MAINTAINED} <= statuses
    assert Commitment.objects.values("responsible_person").distinct().count() >= 5
    assert Suggestion.objects.pending().exists(), "the review queue has something to show"


def test_demo_logins_work_with_the_printed_password(demo, client):
    for username in ("admin", "editor", "viewer"):
        response = client.post("/accounts/login/", {"username": username, "password": DEMO_PASSWORD})
        assert response.status_code == 302, username
        client.post("/accounts/logout/")


def test_demo_logins_are_refused_when_debug_is_off(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo_data")


def test_the_demo_has_a_programme_with_parts_in_several_statuses_and_a_merged_duplicate(demo):
    programme = Commitment.objects.get(title="Nieuw Vlaams actieplan armoedebestrijding")
    statuses = {part.current_status for part in programme.parts.all()}
    assert {Status.FULFILLED, Status.PARTIALLY_FULFILLED, Status.IN_PROGRESS} <= statuses
    duplicate = Commitment.all_objects.get(title="Actieplan armoedebestrijding voorleggen aan het Parlement")
    assert duplicate.merged_into == programme


def test_the_demo_publishes_most_commitments_and_keeps_a_few_internal_with_public_and_internal_notes(demo):
    total = Commitment.objects.count()
    internal = Commitment.objects.filter(published=False)
    assert 1 <= internal.count() <= total // 5
    assert Commitment.objects.published().filter(answer__question__number=551).count() == 2
    noted = StatusUpdate.objects.public().exclude(note="")
    assert noted.filter(note_is_public=True).exists()
    assert noted.filter(note_is_public=False).exists()
