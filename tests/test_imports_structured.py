import json
from pathlib import Path

import pytest

from tracker.imports.records import DocumentError
from tracker.imports.structured import parse_record, records_in

OPEN_DATA = Path(__file__).resolve().parent / "data" / "documents" / "open-data-records.json"


def open_data_records():
    return [item for _label, item in records_in(json.loads(OPEN_DATA.read_text(encoding="utf-8")))]


def test_an_open_data_record_keeps_its_id_dates_people_and_themes():
    record = parse_record(open_data_records()[0])
    assert (record.open_data_id, record.number, record.session_year) == ("1450827", 551, "2017-2018")
    assert record.asked_on.isoformat() == "2018-06-29"
    assert record.answer.answered_on.isoformat() == "2018-07-25"
    assert record.answer.text == ""
    assert (record.asker.name, record.asker.open_data_id) == ("Cindy Franssen", "4263")
    assert record.addressee.last_name == "Homans"
    assert record.themes == ("Armoedebestrijding", "Welzijn")
    assert record.source_url.endswith("/1450827")
    assert "the record holds no answer text" in record.notes[0]
    assert record.answer.answered_in_time is True  # "tijdig": true, "Tijdig beantwoord"


def test_an_unanswered_open_data_record_with_a_short_session_year_and_theme_objects():
    record = parse_record(open_data_records()[1])
    assert (record.session_year, record.themes, record.answer) == ("2022-2023", ("Wonen",), None)
    assert record.notes == ["not answered yet: the question is imported without an answer"]


def test_an_open_data_record_without_a_number_is_refused():
    with pytest.raises(DocumentError, match="no question number found"):
        parse_record(open_data_records()[2])


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"number": "abc"}, "number: 'abc' is not a whole number"),
        ({"number": 0}, "number: 0 is not a question number"),
        ({"asked_on": "29/13/2018"}, "asked_on: '29/13/2018' is not a date"),
        ({"asked_on": None}, "asked_on missing"),
        ({"asker": None}, "asker missing"),
        ({"subject": ""}, "subject missing"),
        ({"session_year": "2018"}, "session year '2018' is not like 2017-2018"),
        ({"answer": "tekst"}, "answer must be an object"),
        ({"answer": {"text": "x", "answered_in_time": "misschien"}}, "answer.answered_in_time: 'misschien' is not true or false"),
        ({"commitments": [{"title": "x"}]}, "commitments[1].quote missing"),
    ],
)
def test_an_own_format_record_with_a_bad_field_is_refused_with_the_field_and_the_reason(change, reason):
    item = {
        "number": 5,
        "asked_on": "2019-01-02",
        "asker": "An Peeters",
        "addressee": "Jan Jansen",
        "subject": "Onderwerp",
        "answer": {"text": "Ik zal het doen."},
    }
    item.update(change)
    with pytest.raises(DocumentError) as error:
        parse_record(item)
    assert reason in str(error.value)


def test_a_json_document_may_be_one_record_a_list_or_an_export():
    one = {"number": 5}
    assert len(records_in(one)) == 1
    assert len(records_in([one, one])) == 2
    assert len(records_in({"format": "commitment-tracker/1", "questions": [one, one, one]})) == 3
    with pytest.raises(DocumentError, match="unknown format"):
        records_in({"format": "something-else/9", "questions": []})
    with pytest.raises(DocumentError):
        records_in("just a string")
