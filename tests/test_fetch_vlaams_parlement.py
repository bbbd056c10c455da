"""Fetching the Flemish Parliament's written questions: search by date range (split under the
search service's limit), page, fetch each record and its document, import them as an upload.

No test reaches the internet: `responses` answers every request. The answers are written from
the documented shape of the services (/work/shared/sources/vlaams-parlement.md and the clients
named in tests/data/documents/PROVENANCE.md), not recorded.
"""

import datetime
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import responses
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.pdfs import pdf_from_text
from tracker.fetching import vlaams_parlement
from tracker.fetching.http import PoliteSession
from tracker.fetching.vlaams_parlement import VlaamsParlement
from tracker.models import ImportRun, Person, Question

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tracker" / "demo" / "documents" / "vraag-551-2017-2018.txt"
RECORD_551 = json.loads((ROOT / "tests" / "data" / "documents" / "open-data-551.json").read_text(encoding="utf-8"))
DOCUMENT_551 = RECORD_551["bestand-ordered"][0]["URL"]
CONTACT = "griffie-watch@example.org"


@dataclass
class Published:
    """A written question as the parliament publishes it: its record, and its document if any."""

    record: dict
    published: datetime.date
    document: bytes = b""
    content_type: str = "application/pdf"

    @property
    def open_data_id(self) -> str:
        return str(self.record["id"])

    @property
    def document_urls(self) -> list[str]:
        return [link["URL"] for link in self.record.get("bestand-ordered", [])]


def unanswered(number: int, published: datetime.date) -> Published:
    record = {
        "id": 2000000 + number,
        "vraagnummer": number,
        "onderwerp": f"Onderwerp {number}",
        "vraagsteller": {"id": 5101, "naam": "De Loor", "voornaam": "Kurt"},
        "minister": {"id": 2207, "naam": "Rutten", "voornaam": "Gwendolyn"},
        "procedureverloop": [{"status": "Vraag ingediend", "datum": f"{published.isoformat()}T00:00:00+01:00"}],
    }
    return Published(record=record, published=published)


def seed(content_type: str = "text/plain") -> Published:
    """The seed question: its record, and its document served as text (or as a PDF of that text)."""
    text = SEED.read_text(encoding="utf-8")
    document = pdf_from_text(text) if content_type == "application/pdf" else text.encode()
    return Published(record=RECORD_551, published=datetime.date(2018, 7, 30), document=document, content_type=content_type)


@dataclass
class FakeParliament:
    """The search service over *questions*, each question's open-data record and its document."""

    questions: list[Published]
    searches: list[tuple[str, str, int]] = field(default_factory=list)  # (from, to, page) as asked
    interrupt_at: str = ""  # the document whose fetching the operator interrupts (Ctrl-C)

    def install(self, mock: responses.RequestsMock) -> None:
        mock.add_callback(responses.GET, re.compile(r"https://ws\.vlpar\.be/api/search/query/.*"), callback=self.search)
        mock.add_callback(responses.GET, re.compile(r"https://ws\.vlpar\.be/e/opendata/schv/\d+"), callback=self.record)
        mock.add_callback(responses.GET, re.compile(r"https://docs\.vlaamsparlement\.be/pfile\?id=\d+"), callback=self.document)

    def search(self, request):
        parts = urlsplit(request.url)
        first, last = re.search(r"daterange:(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", unquote(parts.path)).groups()
        assert "aggregaattype:Schriftelijke vraag" in unquote(parts.path)
        query = parse_qs(parts.query)
        page, size = int(query["page"][0]), int(query["max"][0])
        assert query["collection"] == ["vp_collection"]
        self.searches.append((first, last, page))
        found = sorted(
            (q for q in self.questions if first <= q.published.isoformat() <= last), key=lambda q: q.published, reverse=True
        )
        shown = found[(page - 1) * size : page * size]
        body = {
            "count": len(found),
            "firstindex": (page - 1) * size + 1,
            "lastindex": (page - 1) * size + len(shown),
            "result": [self.hit(question) for question in shown],
        }
        return 200, {"Content-Type": "application/json;charset=UTF-8"}, json.dumps(body)

    def hit(self, question: Published) -> dict:
        tags = {
            "soort": "SCHV",
            "aggregaattype": "Schriftelijke vraag",
            "documenttype": "Antwoord",
            "opendata": f"http://ws.vlpar.be/e/opendata/schv/{question.open_data_id}",
            "publicatiedatum": question.published.isoformat(),
            "nummer": str(question.record["vraagnummer"]),
        }
        return {
            "id": f"http://be.vlp.feed/{question.open_data_id}/pfls/1",
            "url": f"https://www.vlaamsparlement.be/nl/parlementair-werk/schriftelijke-vragen/{question.open_data_id}",
            "metatags": {"metatag": [{"name": name, "value": value} for name, value in tags.items()]},
        }

    def record(self, request):
        assert request.headers["Accept"] == "application/json"
        open_data_id = request.url.rstrip("/").rsplit("/", 1)[1]
        question = next(q for q in self.questions if q.open_data_id == open_data_id)
        return 200, {"Content-Type": "application/json;charset=UTF-8"}, json.dumps(question.record)

    def document(self, request):
        if request.url == self.interrupt_at:
            raise KeyboardInterrupt
        question = next(q for q in self.questions if request.url in q.document_urls)
        return 200, {"Content-Type": question.content_type}, question.document


@pytest.fixture
def settings_for_fetching(settings):
    settings.TRACKER_FETCH_CONTACT = CONTACT
    settings.TRACKER_FETCH_PAUSE_MS = 0
    settings.TRACKER_FETCH_RETRIES = 0
    return settings


@pytest.fixture
def fetch(capsys):
    def run(parliament: FakeParliament, *args: str) -> tuple[str, str, int, list]:
        """Run the command as an operator would; its output, errors, exit code and the requests made."""
        capsys.readouterr()
        out, err, code, calls = _fetch(parliament, *args)
        return out, err + capsys.readouterr().err, code, calls

    return run


def _fetch(parliament: FakeParliament, *args: str) -> tuple[str, str, int, list]:
    out, err = io.StringIO(), io.StringIO()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        parliament.install(mock)
        try:
            call_command("fetch_vlaams_parlement", *args, "--pause", "0", stdout=out, stderr=err)
            code = 0
        except SystemExit as exit_:
            code = exit_.code
        calls = list(mock.calls)
    return out.getvalue(), err.getvalue(), code, calls


def requested(calls, pattern: str) -> list[str]:
    return [call.request.url for call in calls if re.search(pattern, call.request.url)]


def test_each_question_is_fetched_record_then_document_and_imported_as_an_upload(settings_for_fetching, fetch):
    parliament = FakeParliament([seed(), unanswered(147, datetime.date(2018, 7, 12))])
    out, err, code, calls = fetch(parliament, "--since", "2018-07-01", "--until", "2018-07-31")
    assert (code, err) == (0, "")
    assert "2 question(s) published from 2018-07-01 to 2018-07-31: 0 skipped (stored with their answer), 2 fetched" in out
    assert "documents: 2 created, 1 updated, 0 unchanged, 0 failed; 0 fetch failure(s); 2 new suggestion(s)" in out
    seed_question = Question.objects.get(number=551)
    assert seed_question.open_data_id == "1450827"
    assert "wil ik een projectoproep lanceren" in seed_question.answer.text
    assert (seed_question.answer.answered_in_time, seed_question.documents) == (True, [DOCUMENT_551])
    assert Person.objects.filter(last_name="Homans").count() == 1, "the minister of the record and of the document"
    run = ImportRun.objects.get()
    assert run.origin == ImportRun.Origin.COMMAND
    assert [entry["name"] for entry in run.report] == [
        "schv-1450827.json (record 1)",
        "schv-1450827-document.txt",
        "schv-2000147.json (record 1)",
    ]
    assert all(CONTACT in call.request.headers["User-Agent"] for call in calls)


def test_a_pdf_document_is_handed_to_the_importer_as_a_pdf(settings_for_fetching, fetch):
    _out, _err, code, _calls = fetch(FakeParliament([seed("application/pdf")]), "--since", "2018-07-30", "--until", "2018-07-30")
    document = ImportRun.objects.get().report[1]
    assert document["name"] == "schv-1450827-document.pdf"
    assert (code, document["outcome"]) == (0, "updated"), document
    assert "wil ik een projectoproep lanceren" in Question.objects.get().answer.text


def test_a_range_over_the_search_limit_is_split_in_halves_until_each_part_is_under_it(settings_for_fetching, monkeypatch, fetch):
    monkeypatch.setattr(vlaams_parlement, "SEARCH_LIMIT", 3)
    days = [datetime.date(2024, 3, day) for day in (1, 2, 9, 10, 20, 30, 31)]
    parliament = FakeParliament([unanswered(number, day) for number, day in enumerate(days, start=1)])
    _out, _err, code, _calls = fetch(parliament, "--since", "2024-03-01", "--until", "2024-03-31")
    assert code == 0
    assert sorted(Question.objects.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6, 7]
    assert parliament.searches == [
        ("2024-03-01", "2024-03-31", 1),  # 7 results: split
        ("2024-03-01", "2024-03-16", 1),  # 4: split again
        ("2024-03-01", "2024-03-08", 1),
        ("2024-03-09", "2024-03-16", 1),
        ("2024-03-17", "2024-03-31", 1),  # 3: split again
        ("2024-03-17", "2024-03-24", 1),
        ("2024-03-25", "2024-03-31", 1),
    ]


def test_the_search_is_paged_until_the_count_is_reached():
    days = [datetime.date(2024, 3, day) for day in range(1, 6)]
    parliament = FakeParliament([unanswered(number, day) for number, day in enumerate(days, start=1)])
    client = VlaamsParlement(PoliteSession(user_agent="test", pause=0), page_size=2)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        parliament.install(mock)
        hits = client.written_questions(datetime.date(2024, 3, 1), datetime.date(2024, 3, 31))
    assert [hit.open_data_id for hit in hits] == ["2000005", "2000004", "2000003", "2000002", "2000001"]
    assert [page for _first, _last, page in parliament.searches] == [1, 2, 3]


def test_questions_stored_with_their_answer_are_not_fetched_again(settings_for_fetching, fetch):
    parliament = FakeParliament([seed(), unanswered(147, datetime.date(2018, 7, 12))])
    fetch(parliament, "--since", "2018-07-01", "--until", "2018-07-31")
    out, _err, code, calls = fetch(parliament, "--since", "2018-07-01", "--until", "2018-07-31")
    assert code == 0
    assert "1 skipped (stored with their answer), 1 fetched" in out
    assert requested(calls, r"/schv/") == ["https://ws.vlpar.be/e/opendata/schv/2000147"], (
        "an unanswered one may have an answer now"
    )
    again = fetch(parliament, "--since", "2018-07-01", "--until", "2018-07-31", "--again")
    assert "0 skipped (stored with their answer), 2 fetched" in again[0]


def test_an_interrupted_run_keeps_what_it_stored_and_the_next_run_continues_where_it_stopped(settings_for_fetching, fetch):
    parliament = FakeParliament([unanswered(146, datetime.date(2018, 7, 31)), seed(), unanswered(147, datetime.date(2018, 7, 2))])
    parliament.interrupt_at = DOCUMENT_551
    out, err, code, _calls = fetch(parliament, "--since", "2018-07-01", "--until", "2018-07-31")
    assert code == 1
    assert "Interrupted: run the same command again to continue where it stopped." in err
    assert "documents: 2 created" in out
    assert ImportRun.objects.get().finished_at is not None, "the interrupted run is recorded with its report"
    assert Question.objects.get(number=551).answer.text == "", "the record was stored, its document not yet"

    parliament.interrupt_at = ""
    out, err, code, _calls = fetch(parliament, "--since", "2018-07-01", "--until", "2018-07-31")
    assert (code, err) == (0, "")
    assert "wil ik een projectoproep lanceren" in Question.objects.get(number=551).answer.text
    assert Question.objects.count() == 3
    fetch(parliament, "--since", "2018-07-01", "--until", "2018-07-31")
    assert "1 skipped" in fetch(parliament, "--since", "2018-07-01", "--until", "2018-07-31")[0]


def test_a_document_that_cannot_be_fetched_is_reported_the_record_is_still_imported(settings_for_fetching, fetch):
    parliament = FakeParliament([seed()])
    parliament.document = lambda request: (503, {"Retry-After": "0"}, "")
    out, err, code, _calls = fetch(parliament, "--since", "2018-07-30")
    assert code == 1
    assert f"FAILED to fetch document of record 1450827: {DOCUMENT_551}: HTTP 503, still after 1 attempts" in err
    assert "1 fetch failure(s)" in out
    assert Question.objects.get().open_data_id == "1450827"


def test_a_search_that_fails_imports_nothing_and_says_why(settings_for_fetching, fetch):
    parliament = FakeParliament([seed()])
    parliament.search = lambda request: (500, {}, "")
    with pytest.raises(
        CommandError, match=r"Searching the parliament's written questions failed, nothing was imported: .*HTTP 500"
    ):
        fetch(parliament, "--since", "2018-07-30")
    assert not Question.objects.exists()


def test_fetching_without_a_contact_is_refused(settings):
    settings.TRACKER_FETCH_CONTACT = ""
    with pytest.raises(CommandError, match="Set FETCH_CONTACT"):
        call_command("fetch_vlaams_parlement", "--since", "2024-01-01")


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--since", "2024-13-01"], "is not a date"), (["--since", "2024-02-01", "--until", "2024-01-01"], "lies after")],
)
def test_bad_dates_are_refused(settings_for_fetching, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("fetch_vlaams_parlement", *args)


def test_a_search_result_gives_its_record_id_from_whatever_link_it_carries():
    def result(tags: dict, **fields) -> dict:
        return {**fields, "metatags": {"metatag": [{"name": name, "value": value} for name, value in tags.items()]}}

    page = {
        "result": [
            result({"soort": "SCHV", "opendata": "http://ws.vlpar.be/e/opendata/schv/1450827", "document": DOCUMENT_551}),
            result({"soort": "SCHV"}, url="https://www.vlaamsparlement.be/nl/parlementair-werk/schriftelijke-vragen/1450828"),
            result({}, id="http://be.vlp.feed/1450829/pfls/2066332", mimetype="application/msword"),
            result({"soort": "VI", "opendata": "http://ws.vlpar.be/e/opendata/vi/1450830"}),
            result({"soort": "SCHV"}),
        ]
    }
    assert list(vlaams_parlement.hits_in(page)) == [
        vlaams_parlement.Hit("1450827", document_url=DOCUMENT_551),
        vlaams_parlement.Hit("1450828"),
        vlaams_parlement.Hit("1450829", mimetype="application/msword"),
    ]


def test_a_document_link_off_the_parliaments_sites_is_not_followed(settings_for_fetching, fetch):
    record = {**RECORD_551, "bestand-ordered": [{"URL": "http://169.254.169.254/latest/meta-data/"}]}
    parliament = FakeParliament([Published(record=record, published=datetime.date(2018, 7, 30))])
    _out, err, code, calls = fetch(parliament, "--since", "2018-07-30")
    assert code == 1
    assert "http://169.254.169.254/latest/meta-data/ is not on the parliament's sites; not fetched" in err
    assert not requested(calls, r"169\.254"), "no request leaves for it"
    assert Question.objects.get().open_data_id == "1450827", "the record is imported all the same"
