"""The management commands, run as an operator would."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tracker.models import Question

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "tests" / "data" / "documents"
SEED = ROOT / "tracker" / "demo" / "documents" / "vraag-551-2017-2018.txt"


def test_import_questions_imports_files_and_folders_and_prints_a_summary(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "readme.md.bak").write_text("ignored")
    out = io.StringIO()
    call_command("import_questions", str(tmp_path), str(DOCUMENTS / "unknown-minister.txt"), stdout=out)
    assert "2 file(s): 2 created, 0 updated, 0 unchanged, 0 failed; 4 new suggestion(s) to review." in out.getvalue()
    assert Question.objects.count() == 2


def test_import_questions_finds_open_data_xml_records_in_folders(tmp_path):
    (tmp_path / "record.xml").write_bytes((DOCUMENTS / "open-data-551.xml").read_bytes())
    out = io.StringIO()
    call_command("import_questions", str(tmp_path), stdout=out)
    assert "1 file(s): 1 created, 0 updated, 0 unchanged, 0 failed" in out.getvalue()
    assert Question.objects.get().open_data_id == "1450827"


def test_import_questions_exits_non_zero_and_names_the_failed_document(capsys):
    with pytest.raises(SystemExit) as exit_:
        call_command("import_questions", str(DOCUMENTS / "two-answers.txt"), str(SEED))
    assert exit_.value.code == 1
    captured = capsys.readouterr()
    assert "FAILED" in captured.err
    assert "two-answers.txt" in captured.err
    assert "1 created, 0 updated, 0 unchanged, 1 failed" in captured.out
    assert Question.objects.count() == 1


def test_import_questions_refuses_a_path_that_does_not_exist():
    with pytest.raises(CommandError, match="Not found"):
        call_command("import_questions", "/no/such/file.txt")


def test_export_tracker_writes_json_that_names_its_format(tmp_path):
    call_command("import_questions", str(SEED), stdout=io.StringIO())
    target = tmp_path / "export.json"
    call_command("export_tracker", "--format", "json", "--output", str(target), stderr=io.StringIO())
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "commitment-tracker/1"
    assert document["questions"][0]["number"] == 551


def test_export_tracker_writes_csv(tmp_path):
    call_command("import_questions", str(SEED), stdout=io.StringIO())
    target = tmp_path / "export.csv"
    call_command("export_tracker", "--format", "csv", "--output", str(target), stderr=io.StringIO())
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].lstrip("\ufeff").startswith("assembly,session_year,number")
    assert len(lines) == 2


def test_export_tracker_counts_its_flags_on_the_date_asked_for(tmp_path):
    call_command("import_questions", str(SEED), stdout=io.StringIO())
    target = tmp_path / "export.json"
    call_command("export_tracker", "--as-of", "2018-07-30", "--output", str(target), stderr=io.StringIO())
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["exported_on"] == "2018-07-30"
    with pytest.raises(CommandError, match="not a date"):
        call_command("export_tracker", "--as-of", "30/07/2018")


@pytest.fixture
def export_file(tmp_path):
    from tests.factories import exported_question

    path = tmp_path / "export.json"
    path.write_text(json.dumps({"format": "commitment-tracker/1", "questions": [exported_question()]}), encoding="utf-8")
    return path


def test_restore_tracker_restores_an_export_as_the_administrator_named(export_file, administrator):
    from tracker.models import Commitment, ImportRun

    out = io.StringIO()
    call_command("restore_tracker", str(export_file), "--user", administrator.username, stdout=out)
    assert "Restore of export.json: 1 created, 0 updated, 0 unchanged, 0 failed." in out.getvalue()
    assert Commitment.objects.get().reference == "C-00042"
    run = ImportRun.objects.get()
    assert (run.origin, run.started_by) == (ImportRun.Origin.RESTORE, administrator)


@pytest.mark.parametrize(("username", "reason"), [("eddy-editor", "is not an administrator"), ("nobody", "No active user")])
def test_restore_tracker_is_refused_to_anyone_but_an_administrator(export_file, editor, username, reason):
    from tracker.models import ImportRun

    with pytest.raises(CommandError, match=reason):
        call_command("restore_tracker", str(export_file), "--user", username)
    assert not ImportRun.objects.exists()


def test_restore_tracker_exits_non_zero_when_the_installation_holds_other_history(export_file, administrator, capsys):
    from tests.factories import CommitmentFactory

    CommitmentFactory()
    with pytest.raises(SystemExit) as exit_:
        call_command("restore_tracker", str(export_file), "--user", administrator.username)
    assert exit_.value.code == 1
    assert "restore refused, nothing written" in capsys.readouterr().err


SEED_ANSWER = (
    "Aangezien de studie dat aantoont, wil ik een projectoproep lanceren om buddywerkingen te ondersteunen. "
    "Ik plan geen specifieke acties naar 'nieuwe armen' toe. Tegen eind 2019 zal ik het decreet evalueren."
)


def test_suggest_prints_one_json_object_per_suggestion_and_stores_nothing(tmp_path, capsys):
    from tracker.models import Question, Suggestion

    answer = tmp_path / "antwoord.txt"
    answer.write_text(SEED_ANSWER, encoding="utf-8")
    call_command("suggest", str(answer), "--answered-on", "2018-07-20", "--format", "json")
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(s["kind"], s["detailed_kind"]) for s in found] == [
        ("commitment", "project_call"),
        ("refusal", "refusal"),
        ("commitment", "study"),
    ]
    assert [SEED_ANSWER[s["start"] : s["end"]] == s["sentence"] for s in found] == [True, True, True]
    assert (found[2]["deadline"], found[2]["deadline_wording"]) == ("2019-12-31", "Tegen eind 2019")
    assert found[0]["deadline"] is None
    assert set(found[0]) == {"sentence", "kind", "detailed_kind", "deadline", "deadline_wording", "start", "end"}
    assert not Question.objects.exists()
    assert not Suggestion.objects.exists()


def test_suggest_reads_standard_input_and_prints_plain_lines(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("Ik plan geen extra acties."))
    call_command("suggest", "-", "--answered-on", "2018-07-20")
    assert capsys.readouterr().out == "refusal (refusal): Ik plan geen extra acties.\n"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["/no/such/file.txt"], "Not found"),
        (["-", "--answered-on", "20/07/2018"], "not a date"),
        (["-", "--assembly", "senaat"], "Unknown assembly"),
    ],
)
def test_suggest_refuses_what_it_cannot_use(arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("suggest", *arguments)


def test_suggest_prints_a_deadline_without_a_date_as_null_with_its_wording(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("Ik zal de sector binnenkort samenroepen."))
    call_command("suggest", "-", "--answered-on", "2018-07-20", "--format", "json")
    [found] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (found["deadline"], found["deadline_wording"]) == (None, "binnenkort")
    monkeypatch.setattr("sys.stdin", io.StringIO("Ik zal de sector binnenkort samenroepen."))
    call_command("suggest", "-", "--answered-on", "2018-07-20")
    assert "[no date: binnenkort]" in capsys.readouterr().out


def test_a_restore_brings_back_what_was_published_and_which_notes_were_public(tmp_path, administrator):
    from tests.factories import exported_question
    from tracker.models import Commitment

    question = exported_question(**{"commitments.0.published": True, "commitments.0.status_history.1.note_is_public": True})
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"format": "commitment-tracker/1", "questions": [question]}), encoding="utf-8")
    call_command("restore_tracker", str(path), "--user", administrator.username, stdout=io.StringIO())
    commitment = Commitment.objects.get()
    assert commitment.published is True
    assert [(u.note, u.note_is_public) for u in commitment.status_updates.order_by("observed_on")] == [
        ("", False),
        ("Oproep gepubliceerd.", True),
    ]
