"""No input a user can type or put in a query string gives a server error.

Hypothesis generates bad dates, huge numbers, unknown choices, page=abc, any Unicode, very long
strings, and sends them to every list filter and every form; each must answer with a page (a
message, a field error, or the input ignored), never a 500, and a refused form writes nothing."""

from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import CommitmentFactory, OfficeFactory
from tracker.imports.runner import import_documents
from tracker.models import StatusUpdate, Suggestion
from tracker.roles import Role

pytestmark = pytest.mark.django_db

# Any Unicode a browser can send (no lone surrogates), including control characters and NUL.
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
LONG_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1000, max_size=6000)
NUMBERS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str), st.sampled_from(["abc", "1e9", "0x10", "", " ", "½"])
)
DATES = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["2019-02-30", "0000-01-01", "9999-12-31", "99999-01-01", "2019-13-01", "31/12/2019", "gisteren", ""]),
    ANY_TEXT,
)
VALUE = st.one_of(ANY_TEXT, NUMBERS, DATES, st.booleans().map(str), LONG_TEXT)


def choice(valid: list[str]):
    return st.one_of(st.sampled_from(valid), VALUE)


COMMITMENT_FILTERS = st.fixed_dictionaries(
    {},
    optional={
        "q": VALUE,
        "status": st.lists(choice(["announced", "in_progress", "fulfilled", "position_maintained"]), max_size=4),
        "state": choice(["open", "closed"]),
        "overdue": choice(["on", "true", "false"]),
        "minister": NUMBERS,
        "office": NUMBERS,
        "government": NUMBERS,
        "theme": NUMBERS,
        "kind": choice(["funding", "refusal"]),
        "deadline_source": choice(["stated", "default"]),
        "deadline_from": DATES,
        "deadline_to": DATES,
        "answered_from": DATES,
        "answered_to": DATES,
        "sort": choice(["deadline", "-overdue", "minister", "made"]),
        "page": NUMBERS,
        "delimiter": choice(["semicolon"]),
    },
)
QUESTION_FILTERS = st.fixed_dictionaries(
    {},
    optional={
        "q": VALUE,
        "minister": NUMBERS,
        "session_year": choice(["2017-2018"]),
        "theme": NUMBERS,
        "commitments": choice(["with", "without"]),
        "page": NUMBERS,
    },
)

REPORT_CHOICES = st.fixed_dictionaries(
    {},
    optional={"minister": st.one_of(NUMBERS, st.just("a minister")), "as_of": DATES, "until": DATES},
)


@pytest.fixture
def data():
    commitment = CommitmentFactory()
    OfficeFactory()
    return commitment


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@given(params=COMMITMENT_FILTERS)
def test_commitment_list_and_its_export_never_fail(viewer_client, data, params):
    for url in ("/commitments/", "/commitments/export.csv", "/commitments/overdue/"):
        response = viewer_client.get(url, params)
        body(response)
        assert response.status_code == 200, (url, params)


@given(params=QUESTION_FILTERS)
def test_question_lists_never_fail(viewer_client, data, params):
    for url in ("/questions/", "/questions/late/"):
        assert viewer_client.get(url, params).status_code == 200, (url, params)


@given(params=REPORT_CHOICES, text_format=VALUE)
def test_minister_report_and_follow_up_draft_never_fail(viewer_client, data, params, text_format):
    if params.get("minister") == "a minister":
        params["minister"] = str(data.responsible_person_id)
    assert viewer_client.get("/reports/minister/", params).status_code == 200, params
    assert viewer_client.get(f"/commitments/{data.pk}/follow-up/", {"format": text_format}).status_code == 200


@given(page=NUMBERS)
def test_paginated_pages_never_fail(editor_client, data, page):
    for url in ("/review/", "/", "/export/"):
        assert editor_client.get(url, {"page": page}).status_code == 200


@given(pk=NUMBERS)
def test_detail_pages_with_any_number_answer_a_page_or_404(viewer_client, data, pk):
    for template in ("/commitments/{}/", "/questions/{}/"):
        response = viewer_client.get(template.format(pk))
        assert response.status_code in (200, 404)


@given(
    form=st.fixed_dictionaries(
        {
            "status": choice(["in_progress", "fulfilled", "position_changed"]),
            "observed_on": DATES,
            "note": st.one_of(ANY_TEXT, LONG_TEXT),
            "evidence_url": VALUE,
            "evidence_text": VALUE,
        }
    )
)
def test_status_form_accepts_or_explains(editor_client, data, form):
    before = StatusUpdate.objects.count()
    response = editor_client.post(f"/commitments/{data.pk}/status/", form)
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert StatusUpdate.objects.count() == before
        assert response.context["status_form"].errors


@given(form=st.fixed_dictionaries({"deadline": DATES, "reason": VALUE}))
def test_deadline_form_accepts_or_explains(editor_client, data, form):
    assert editor_client.post(f"/commitments/{data.pk}/deadline/", form).status_code in (302, 400)


@given(form=st.fixed_dictionaries({"office": NUMBERS, "reason": VALUE}))
def test_handover_form_accepts_or_explains(editor_client, data, form):
    assert editor_client.post(f"/commitments/{data.pk}/responsibility/", form).status_code in (302, 400)


@given(
    form=st.fixed_dictionaries(
        {
            "title": VALUE,
            "kind": choice(["action", "refusal"]),
            "target_group": VALUE,
            "quote": VALUE,
            "reason": VALUE,
            "version": NUMBERS,
        }
    )
)
def test_edit_form_accepts_explains_or_reports_a_conflict(editor_client, data, form):
    assert editor_client.post(f"/commitments/{data.pk}/edit/", form).status_code in (302, 400, 409)


@pytest.fixture
def suggestion():
    seed = __import__("pathlib").Path(__file__).resolve().parent.parent / "tracker/demo/documents/vraag-551-2017-2018.txt"
    import_documents([("seed.txt", seed.read_bytes())])
    return Suggestion.objects.first()


@given(
    form=st.fixed_dictionaries(
        {
            "action": choice(["confirm"]),
            "title": VALUE,
            "quote": VALUE,
            "kind": choice(["action"]),
            "deadline": DATES,
            "deadline_wording": VALUE,
            "target_group": VALUE,
        }
    )
)
def test_review_form_accepts_or_explains(editor_client, suggestion, form):
    response = editor_client.post(f"/review/{suggestion.pk}/", form)
    assert response.status_code in (302, 400)


@given(form=st.fixed_dictionaries({"username": VALUE, "password": VALUE}))
def test_login_form_never_fails(client, form):
    assert client.post("/accounts/login/", form).status_code in (200, 302, 429)


@given(form=st.fixed_dictionaries({"language": VALUE, "next": VALUE}))
def test_language_switch_never_fails_nor_redirects_elsewhere(client, form):
    response = client.post("/i18n/setlang/", form)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        target = urlsplit(response["Location"])
        assert target.netloc in ("", "testserver"), "never redirected to another site"
        assert target.scheme in ("", "http", "https")


@given(
    name=st.text(min_size=1, max_size=120).filter(lambda n: "/" not in n and "\\" not in n and n.strip(".")),
    content=st.one_of(st.binary(max_size=3000), ANY_TEXT.map(lambda t: t.encode("utf-8")), LONG_TEXT.map(str.encode)),
)
def test_upload_of_anything_is_imported_or_reported(editor_client, name, content):
    response = editor_client.post("/import/", {"files": [SimpleUploadedFile(name[:100] + ".txt", content)]})
    assert response.status_code in (200, 400)


def test_the_fuzzed_roles_are_what_they_seem(viewer, editor):
    from tracker.roles import role_of

    assert (role_of(viewer), role_of(editor)) == (Role.VIEWER, Role.EDITOR)
