import dataclasses
import datetime
import json
from pathlib import Path

import pytest

from tests.golden import assert_matches_golden
from tracker.imports.records import DocumentError
from tracker.imports.runner import parse_document
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


# -- The Flemish Parliament's open-data records as served ------------------------------------------
#
# These records are written from what is known of the service (/work/shared/sources/vlaams-parlement.md,
# and the public clients named in tests/data/documents/PROVENANCE.md), not recorded: no raw record
# could be found to copy. Where the shape is unknown they try the variants the sources allow.

DOCUMENTS = OPEN_DATA.parent


def parsed(name: str) -> list:
    return [record for _label, record in parse_document(name, (DOCUMENTS / name).read_bytes())]


def open_data(**fields) -> dict:
    """A minimal detail record of the documented shape, with *fields* changed (None removes one)."""
    record = {
        "id": 1987654,
        "vraagnummer": 301,
        "onderwerp": "Renovatiepremie voor huurders",
        "zittingsjaar": "2022-2023",
        "vraagsteller": {"id": 5012, "naam": "Lenaerts", "voornaam": "Jonas"},
        "minister": {"id": 2110, "naam": "Demir", "voornaam": "Zuhal"},
        "procedureverloop": [{"status": "Vraag ingediend", "datum": "2023-03-03T00:00:00+01:00"}],
    }
    record.update(fields)
    return {key: value for key, value in record.items() if value is not None}


def test_a_detail_record_as_served_is_read_completely():
    (record,) = parsed("open-data-551.json")
    assert_matches_golden(record, DOCUMENTS / "open-data-551.expected.json")
    assert (record.number, record.open_data_id, record.layout) == (551, "1450827", "vlaams-parlement open data (JSON)")
    assert [(step.status, step.on.isoformat()) for step in record.procedure] == [
        ("Vraag ingediend", "2018-06-29"),
        ("Vraag gesteld aan de minister", "2018-07-02"),
        ("Tijdig beantwoord", "2018-07-25"),
        ("Antwoord gepubliceerd", "2018-07-30"),
    ]
    assert (record.asked_on.isoformat(), record.answer.answered_on.isoformat()) == ("2018-06-29", "2018-07-25")
    assert (record.answer.answered_in_time, record.answer.in_time_wording) == (True, "true")
    assert record.answer.kind_wording == "Volledig antwoord"
    assert record.documents == ("https://docs.vlaamsparlement.be/pfile?id=1450900",)
    assert (record.asker.open_data_id, record.addressee.open_data_id) == ("4263", "1907")


def test_the_same_record_in_xml_reads_as_the_json_one():
    (from_json,) = parsed("open-data-551.json")
    (from_xml,) = parsed("open-data-551.xml")
    assert from_xml.layout == "vlaams-parlement open data (XML)"
    assert dataclasses.replace(from_xml, layout="") == dataclasses.replace(from_json, layout="")


@pytest.mark.parametrize("name", ["open-data-list.json", "open-data-lijst.xml"])
def test_a_list_as_the_service_wraps_it_becomes_its_records(name):
    first, second = parsed(name)
    assert [(record.number, record.open_data_id) for record in (first, second)] == [(551, "1450827"), (147, "2054321")]
    assert (first.answer.answered_in_time, first.answer.in_time_wording) == (True, "ja")
    assert second.answer is None
    assert second.asked_on == datetime.date(2024, 2, 26), "23:00 UTC on the 25th is the 26th in Brussels"


@pytest.mark.parametrize(
    "document",
    [
        {"items": [open_data(), open_data(id=2, vraagnummer=302)], "count": 2},
        {"items": [{"schriftelijke-vraag": open_data()}, {"schriftelijke-vraag": open_data(id=2, vraagnummer=302)}]},
        {"count": 2, "result": [open_data(), open_data(id=2, vraagnummer=302)]},
        [open_data(), open_data(id=2, vraagnummer=302)],
    ],
    ids=["items", "items-wrapped-in-their-type", "search-result-holding-records", "bare-list"],
)
def test_a_wrapper_is_never_taken_for_one_record(document):
    assert [parse_record(item).number for _label, item in records_in(document)] == [301, 302]


def test_search_results_are_refused_with_the_way_to_fetch_their_records():
    hit = {"id": "http://be.vlp.feed/1450827/pfls/1450900", "url": "https://www.vlaamsparlement.be/x/1450827"}
    hit["metatags"] = {"metatag": [{"name": "soort", "value": "SCHV"}, {"name": "nummer", "value": "551"}]}
    with pytest.raises(DocumentError, match=r"search results, not question records.*fetch_vlaams_parlement"):
        records_in({"count": 1, "firstindex": 1, "lastindex": 1, "result": [hit]})


def test_an_empty_list_holds_no_records():
    with pytest.raises(DocumentError, match="no question records found"):
        records_in({"items": [], "count": 0})


@pytest.mark.parametrize(
    ("fields", "number"),
    [
        ({"vraagnummer": 551}, 551),
        ({"vraagnummer": "551"}, 551),
        ({"vraagnummer": "nr. 551"}, 551),
        ({"vraagnummer": None, "nummer": "551"}, 551),
        ({"vraagnummer": None, "titel": "Schriftelijke vraag nr. 551 van 29 juni 2018"}, 551),
    ],
)
def test_the_question_number_is_read_where_the_record_puts_it(fields, number):
    assert parse_record(open_data(**fields)).number == number


def test_a_number_field_without_digits_is_noted_and_the_title_gives_the_number():
    record = parse_record(open_data(vraagnummer="onbekend", titel="Vraag nr. 12"))
    assert record.number == 12
    assert "vraagnummer 'onbekend' holds no number; the number is read from the title" in record.notes


@pytest.mark.parametrize(
    "datum",
    [
        "2024-02-26T00:00:00+01:00",
        "2024-02-26T00:00:00.000+0100",
        "2024-02-25T23:00:00Z",
        "2024-02-26T00:00:00",
        "2024-02-26",
        "26/02/2024",
        "26-02-2024",
        1708902000000,
        "26 februari 2024",
    ],
)
def test_procedure_dates_are_read_in_their_variants_as_the_day_in_brussels(datum):
    record = parse_record(open_data(procedureverloop=[{"status": "Vraag ingediend", "datum": datum}]))
    assert record.asked_on == datetime.date(2024, 2, 26)


@pytest.mark.parametrize(
    ("tijdig", "verdict", "wording"),
    [
        (True, True, "true"),
        (False, False, "false"),
        ("ja", True, "ja"),
        ("Nee", False, "Nee"),
        ("Tijdig", True, "Tijdig"),
        ("laattijdig", False, "laattijdig"),
        (1, True, "1"),
        (0, False, "0"),
        ("true", True, "true"),
    ],
)
def test_tijdig_gives_the_verdict_and_is_kept_as_worded(tijdig, verdict, wording):
    record = parse_record(open_data(tijdig=tijdig))
    assert (record.answer.answered_in_time, record.answer.in_time_wording) == (verdict, wording)


def test_an_unknown_tijdig_word_gives_no_verdict_and_a_note_but_the_record_is_read():
    record = parse_record(open_data(tijdig="deels"))
    assert (record.answer.answered_in_time, record.answer.in_time_wording) == (None, "deels")
    assert "tijdig 'deels' is not a verdict this importer knows; kept as given, without a verdict" in record.notes


def test_with_an_unknown_tijdig_word_a_late_answer_step_still_gives_the_verdict():
    steps = [{"status": "Vraag ingediend", "datum": "2023-03-03"}, {"status": "Laattijdig beantwoord", "datum": "2023-04-20"}]
    record = parse_record(open_data(tijdig="deels", procedureverloop=steps))
    assert (record.answer.answered_in_time, record.answer.in_time_wording) == (False, "deels")


def test_unknown_steps_and_unreadable_dates_are_kept_with_a_note_never_refused():
    steps = [
        {"status": "Vraag ingediend", "datum": "2023-03-03T00:00:00+01:00"},
        {"status": "Vraag heringediend", "datum": "2023-03-10T00:00:00+01:00"},
        {"status": "Antwoord ontvangen", "datum": "ergens in april"},
    ]
    record = parse_record(open_data(procedureverloop=steps))
    assert [(step.status, step.on) for step in record.procedure] == [
        ("Vraag ingediend", datetime.date(2023, 3, 3)),
        ("Vraag heringediend", datetime.date(2023, 3, 10)),
        ("Antwoord ontvangen", None),
    ]
    assert "procedureverloop: step 'Vraag heringediend' is new to this importer; kept as given" in record.notes
    assert "procedureverloop: the date 'ergens in april' of 'Antwoord ontvangen' cannot be read; kept undated" in record.notes


def test_a_field_the_importer_does_not_read_is_named_in_a_note_with_its_value():
    record = parse_record(open_data(**{"nieuw-veld": {"a": 1}}))
    assert "field 'nieuw-veld' is not read by this importer; as given: '{\"a\": 1}'" in record.notes


@pytest.mark.parametrize(
    ("value", "wording"),
    [("Volledig antwoord", "Volledig antwoord"), ({"naam": "Verwijzing"}, "Verwijzing"), (3, "3")],
)
def test_soort_antwoord_is_kept_as_the_kind_of_answer_as_worded(value, wording):
    assert parse_record(open_data(**{"soort-antwoord": value})).answer.kind_wording == wording


@pytest.mark.parametrize(
    "fields",
    [
        {
            "bestand-ordered": [
                {"URL": "https://docs.vlaamsparlement.be/pfile?id=1"},
                {"URL": "https://docs.vlaamsparlement.be/pfile?id=2"},
            ]
        },
        {"bestand-ordered": ["https://docs.vlaamsparlement.be/pfile?id=1", "https://docs.vlaamsparlement.be/pfile?id=2"]},
        {
            "bestand-ordered": {
                "URL": ["https://docs.vlaamsparlement.be/pfile?id=1", "https://docs.vlaamsparlement.be/pfile?id=2"]
            }
        },
        {
            "bestand-ordered": {"URL": "https://docs.vlaamsparlement.be/pfile?id=1"},
            "document": {"url": "https://docs.vlaamsparlement.be/pfile?id=2"},
        },
    ],
)
def test_document_links_are_read_in_their_shapes(fields):
    record = parse_record(open_data(**fields))
    assert record.documents == ("https://docs.vlaamsparlement.be/pfile?id=1", "https://docs.vlaamsparlement.be/pfile?id=2")


@pytest.mark.parametrize(
    ("fields", "themes"),
    [
        ({"thema": ["Wonen", "Energie"]}, ("Wonen", "Energie")),
        ({"thema": [{"naam": "Wonen"}, {"naam": "Energie"}]}, ("Wonen", "Energie")),
        ({"thema": "Wonen"}, ("Wonen",)),
        ({"themas": {"thema": ["Wonen", "Energie"]}}, ("Wonen", "Energie")),
        ({"themas": {"thema": "Wonen"}}, ("Wonen",)),
    ],
)
def test_themes_are_read_as_strings_objects_or_xml_lists(fields, themes):
    assert parse_record(open_data(**fields)).themes == themes


def test_people_keep_their_open_data_id_and_more_askers_are_co_askers():
    askers = [{"id": 5012, "naam": "Lenaerts", "voornaam": "Jonas"}, {"id": 5013, "naam": "Peeters", "voornaam": "An"}]
    record = parse_record(open_data(vraagsteller=askers, minister="Demir, Zuhal"))
    assert (record.asker.name, record.asker.open_data_id) == ("Jonas Lenaerts", "5012")
    assert [(person.name, person.open_data_id) for person in record.co_askers] == [("An Peeters", "5013")]
    assert (record.addressee.first_name, record.addressee.last_name) == ("Zuhal", "Demir")


def test_our_own_format_is_read_as_before_and_says_so():
    record = parse_record(
        {"number": 5, "asked_on": "2019-01-02", "asker": "An Peeters", "addressee": "Jan Jansen", "subject": "X"}
    )
    assert (record.number, record.layout, record.notes) == (5, "our export format", [])


def test_a_session_year_not_understood_is_counted_from_the_date_asked_with_a_note():
    record = parse_record(open_data(zittingsjaar="het lopende jaar"))
    assert record.session_year == "", "the upsert counts it from the date asked"
    assert (
        "zittingsjaar 'het lopende jaar' is not like 2017-2018; the session year is counted from the date asked" in record.notes
    )
