"""Pasting an answer the importer cannot read: the header typed, the answer pasted, imported as a document is."""

import pytest

from tracker.models import ImportRun, Question, Suggestion

pytestmark = pytest.mark.django_db

ANSWER = "1. Ik zal tegen eind 2025 een projectoproep lanceren.\n\n2. Ik plan geen aparte regeling."


def pasted(**changes) -> dict:
    return {
        "assembly": "tweede-kamer",
        "number": "412",
        "session_year": "",
        "asked_on": "2023-10-03",
        "asker": "Jansen",
        "minister": "De Vries",
        "office": "Minister van Onderwijs, Cultuur en Wetenschap",
        "subject": "De bekostiging van de kinderopvang",
        "question": "1. Bent u bekend met het bericht?",
        "answered_on": "2023-11-14",
        "answer": ANSWER,
        "source_url": "",
        **changes,
    }


def test_an_editor_pastes_an_answer_and_lands_on_the_question_with_its_suggestions(editor_client, editor):
    response = editor_client.post("/import/paste/", pasted())
    question = Question.objects.get()
    assert response.status_code == 302
    assert response["Location"] == question.get_absolute_url()
    assert (question.assembly.slug, question.session_year, question.number) == ("tweede-kamer", "2023-2024", 412)
    assert question.answer.text == ANSWER
    assert Suggestion.objects.count() == 2
    run = ImportRun.objects.get()
    assert (run.started_by, run.created, run.report[0]["layout"]) == (editor, 1, "pasted by hand")
    assert "2 suggestions to review" in editor_client.get(response["Location"]).content.decode()


def test_pasting_the_same_answer_again_updates_and_never_duplicates(editor_client):
    editor_client.post("/import/paste/", pasted())
    editor_client.post("/import/paste/", pasted(subject="De bekostiging van de kinderopvang (gecorrigeerd)"))
    assert Question.objects.get().subject.endswith("(gecorrigeerd)")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"answer": ""}, "answer"),
        ({"asked_on": "3 oktober"}, "asked_on"),
        ({"answered_on": "2023-01-01"}, "answered_on"),
        ({"session_year": "2023-2025"}, "session_year"),
        ({"number": "0"}, "number"),
        ({"source_url": "javascript:alert(1)"}, "source_url"),
        ({"assembly": "senaat"}, "assembly"),
    ],
)
def test_bad_input_gets_a_field_error_and_nothing_is_imported(editor_client, changes, field):
    response = editor_client.post("/import/paste/", pasted(**changes))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Question.objects.exists()


def test_what_the_import_refuses_is_shown_on_the_form_and_nothing_is_written(editor_client):
    response = editor_client.post("/import/paste/", pasted(asked_on="2023-10-03", session_year="2019-2020"))
    assert response.status_code == 400
    assert "does not fall in session year 2019-2020" in response.content.decode()
    assert not Question.objects.exists()


def test_readers_cannot_paste(viewer_client):
    assert viewer_client.get("/import/paste/").status_code == 403
    assert viewer_client.post("/import/paste/", pasted()).status_code == 403
    assert not Question.objects.exists()


def test_the_upload_page_offers_the_paste_form_for_a_document_it_cannot_read(editor_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = editor_client.post(
        "/import/", {"files": [SimpleUploadedFile("vreemd.txt", b"Een tekst zonder vraag of antwoord.")]}
    )
    assert 'href="/import/paste/"' in response.content.decode()
