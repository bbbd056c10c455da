"""Drafting the follow-up question: it cites the question as the parliament does, quotes the promise,
and asks what fits the kind of promise, how late it is and whether it is still open."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from tests.factories import AnswerFactory, CommitmentFactory, OfficeFactory, PersonFactory, QuestionFactory
from tracker.follow_up import follow_up_draft
from tracker.models import Commitment, DeadlineSource, Kind, Status
from tracker.selectors.commitments import commitment_for_detail
from tracker.services.commitments import commitment_hand_over

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 25)


def draft_on(commitment, as_of=TODAY):
    """The draft as the follow-up page makes it on *as_of*: overdue or not by the overdue rule."""
    return follow_up_draft(commitment_for_detail(commitment.pk, as_of=as_of))


def test_the_seed_promise_is_cited_as_the_parliament_cites_it_and_quoted_word_for_word(settings):
    settings.DEBUG = True
    call_command("load_demo_data", "--no-users", stdout=io.StringIO())
    call = Commitment.objects.get(answer__question__number=551, kind=Kind.PROJECT_CALL)
    draft = draft_on(call)
    assert draft.addressee == "Liesbeth Homans"
    assert draft.subject.startswith("Opvolging van de toezegging in vraag nr. 551 van 29 juni 2018")
    assert (
        "In het antwoord op schriftelijke vraag nr. 551 van 29 juni 2018 van Cindy Franssen aan Liesbeth Homans "
        "over \u201cPersoonlijke netwerkversterking bij mensen in armoede - Studie\u201d staat: "
        "\u201cwil ik een projectoproep lanceren om projecten te ondersteunen die inzetten op het versterken van die "
        "sociale netwerken\u201d."
    ) in draft.introduction
    # The demo re-states the call in 2019 "tegen eind 2019" (tracker/demo/samples.py, RESTATING): the draft
    # names the deadline now on record; citing the chain of answers is the drafts' own work (issue 14, point 5).
    assert "Als termijn werd \u201ctegen eind 2019\u201d vooropgesteld. Die termijn is intussen verstreken." in draft.introduction
    assert draft.questions[0].startswith("Werd de aangekondigde projectoproep intussen gelanceerd?")


def test_a_stated_deadline_is_quoted_and_a_missed_one_asks_why():
    commitment = CommitmentFactory(deadline=datetime.date(2019, 12, 31), deadline_wording="tegen eind 2019")
    late = draft_on(commitment, datetime.date(2020, 1, 1))
    assert "Als termijn werd \u201ctegen eind 2019\u201d vooropgesteld. Die termijn is intussen verstreken." in late.introduction
    assert "Waarom werd de vooropgestelde termijn niet gehaald?" in late.questions

    on_time = draft_on(commitment, datetime.date(2019, 12, 31))
    assert "verstreken" not in on_time.introduction
    assert "Waarom werd de vooropgestelde termijn niet gehaald?" not in on_time.questions
    assert on_time.questions[-1].startswith("Welke stappen moeten nog worden gezet")


def test_a_deadline_worded_without_a_date_is_quoted_beside_the_default_horizon():
    commitment = CommitmentFactory(deadline=None, deadline_wording="binnenkort")
    assert commitment.deadline_source == DeadlineSource.DEFAULT_HORIZON
    draft = draft_on(commitment, commitment.made_on)
    assert "Als termijn werd \u201cbinnenkort\u201d vooropgesteld, zonder datum." in draft.introduction


@pytest.mark.parametrize(
    ("kind", "opening"),
    [
        (Kind.PROJECT_CALL, "Werd de aangekondigde projectoproep"),
        (Kind.FUNDING, "Werden de aangekondigde middelen"),
        (Kind.LEGISLATION, "Hoe ver staat de aangekondigde regelgeving?"),
        (Kind.STUDY, "Werd de aangekondigde studie of evaluatie"),
        (Kind.ACTION, "Werd de aangekondigde maatregel"),
        (Kind.OTHER, "Wat is de stand van zaken"),
    ],
)
def test_the_first_question_asks_what_fits_the_kind_of_promise(kind, opening):
    draft = draft_on(CommitmentFactory(kind=kind))
    assert draft.questions[0].startswith(opening)


def test_a_refusal_asks_whether_the_minister_holds_to_it_and_never_about_a_deadline():
    refusal = CommitmentFactory(kind=Kind.REFUSAL)
    draft = draft_on(refusal)
    assert draft.questions == (
        "Blijft u bij dit standpunt?",
        "Zo ja, op basis van welke gegevens? Zo neen, welke initiatieven plant u, en tegen wanneer?",
    )
    assert "termijn" not in draft.introduction


def test_a_kept_promise_asks_for_results_instead_of_next_steps():
    kept = CommitmentFactory(status=Status.FULFILLED, deadline=datetime.date(2019, 12, 31), deadline_wording="tegen eind 2019")
    draft = draft_on(kept)
    assert draft.questions[-1].startswith("Welke resultaten heeft dit tot nu toe opgeleverd")
    assert "verstreken" not in draft.introduction, "a kept promise is not late"


def test_the_last_known_progress_is_mentioned_with_its_date():
    delayed = CommitmentFactory(status=Status.DELAYED, observed_on=datetime.date(2019, 3, 4))
    draft = draft_on(delayed)
    assert "Volgens de laatste informatie (4 maart 2019) liep de uitvoering vertraging op." in draft.introduction


def test_after_a_handover_the_question_goes_to_the_successor():
    question = QuestionFactory(addressee=PersonFactory(first_name="Liesbeth", last_name="Homans"))
    commitment = CommitmentFactory(answer=AnswerFactory(question=question))
    successor = OfficeFactory(person=PersonFactory(first_name="Wouter", last_name="Beke"), title="Vlaams minister van Welzijn")
    commitment_hand_over(commitment=commitment, user=None, office=successor, reason="Nieuwe regering")
    draft = draft_on(commitment)
    assert (draft.addressee, draft.office) == ("Wouter Beke", "Vlaams minister van Welzijn")
    assert "aan Liesbeth Homans" in draft.introduction
    assert "Die bevoegdheid ligt intussen bij u." in draft.introduction


def test_the_text_numbers_the_questions_under_the_header():
    draft = draft_on(CommitmentFactory())
    lines = draft.text.splitlines()
    assert lines[0] == f"Aan: {draft.addressee}"
    assert any(line.startswith("Onderwerp: Opvolging van de toezegging in vraag nr.") for line in lines)
    assert [line[:3] for line in lines if line[:1].isdigit()] == [f"{n}. " for n in range(1, len(draft.questions) + 1)]


def test_the_follow_up_page_counts_the_deadline_as_passed_from_the_day_after_it(viewer_client):
    commitment = CommitmentFactory(deadline=datetime.date(2019, 12, 31), deadline_wording="tegen eind 2019")

    def introduction_on(moment: datetime.datetime) -> str:
        with time_machine.travel(moment.replace(tzinfo=ZoneInfo("Europe/Brussels")), tick=False):
            return viewer_client.get(f"/commitments/{commitment.pk}/follow-up/").context["draft"].introduction

    assert "verstreken" not in introduction_on(datetime.datetime(2019, 12, 31, 23, 30))
    assert "Die termijn is intussen verstreken." in introduction_on(datetime.datetime(2020, 1, 1, 0, 30))


# The story of a promise repeated in later answers (issue 14) ---------------------------------------


def chain_draft(commitment, as_of=TODAY):
    from tracker.selectors.commitments import promise_chain

    shown = commitment_for_detail(commitment.pk, as_of=as_of)
    return follow_up_draft(shown, promise_chain(shown))


def repeated_promise():
    """Promised on 19 July 2018 "tegen eind 2019"; repeated on 3 March 2020 "in de loop van 2020"
    and on 1 February 2021 without a new deadline."""
    from tests.factories import RestatementFactory, move_deadline

    minister = PersonFactory(first_name="Liesbeth", last_name="Homans")
    answer = AnswerFactory(
        question=QuestionFactory(number=551, addressee=minister, asked_on=datetime.date(2018, 6, 29)),
        answered_on=datetime.date(2018, 7, 19),
    )
    commitment = CommitmentFactory(
        answer=answer, kind=Kind.PROJECT_CALL, deadline=datetime.date(2019, 12, 31), deadline_wording="tegen eind 2019"
    )
    in_2020 = RestatementFactory(
        commitment=commitment,
        answer=AnswerFactory(
            question=QuestionFactory(number=12, addressee=minister, asked_on=datetime.date(2020, 2, 10)),
            answered_on=datetime.date(2020, 3, 3),
            text="1. Ik zal de projectoproep in de loop van 2020 lanceren.",
        ),
        deadline=datetime.date(2020, 12, 31),
        deadline_wording="in de loop van 2020",
    )
    move_deadline(commitment, in_2020.deadline, changed_on=in_2020.made_on, wording="in de loop van 2020", restatement=in_2020)
    RestatementFactory(
        commitment=commitment,
        answer=AnswerFactory(
            question=QuestionFactory(number=301, addressee=minister, asked_on=datetime.date(2021, 1, 5)),
            answered_on=datetime.date(2021, 2, 1),
            text="1. De projectoproep is in voorbereiding.",
        ),
    )
    return commitment


def test_a_promise_repeated_in_later_answers_is_told_answer_by_answer_in_date_order():
    draft = chain_draft(repeated_promise())
    assert (
        "Op 19 juli 2018 antwoordde u op vraag nr. 551 dat dit tegen eind 2019 zou gebeuren; "
        "op 3 maart 2020 herhaalde u in uw antwoord op vraag nr. 12 dat dit in de loop van 2020 zou gebeuren "
        "(\u201cIk zal de projectoproep in de loop van 2020 lanceren\u201d); "
        "op 1 februari 2021 herhaalde u in uw antwoord op vraag nr. 301 die toezegging "
        "(\u201cDe projectoproep is in voorbereiding\u201d)."
    ) in draft.introduction
    assert "De termijn werd zo 1 keer verschoven, samen 366 dagen later dan eerst beloofd." in draft.introduction
    assert draft.introduction.index("Op 19 juli 2018") < draft.introduction.index("Als termijn werd")


def test_without_restatements_the_draft_stays_as_it_was():
    commitment = CommitmentFactory(deadline=datetime.date(2019, 12, 31), deadline_wording="tegen eind 2019")
    assert chain_draft(commitment) == draft_on(commitment)
    assert "herhaalde u" not in chain_draft(commitment).text


def test_the_follow_up_page_tells_the_story_in_a_constant_number_of_queries(viewer_client, django_assert_max_num_queries):
    commitment = repeated_promise()
    with django_assert_max_num_queries(10):
        response = viewer_client.get(f"/commitments/{commitment.pk}/follow-up/")
    assert "herhaalde u in uw antwoord op vraag nr. 12" in response.content.decode()
