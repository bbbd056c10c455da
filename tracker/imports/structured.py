"""Parsing structured records: our own JSON format (what the export writes) and the Flemish
Parliament's open-data records, in JSON or in XML (xml_records.py reads XML into the same shapes).

What is known of the open-data records is in the project's notes on its sources
(shared/sources/vlaams-parlement.md); much is not known (the type of `tijdig`, every procedure
status, the values of `soort-antwoord`). So a record is refused only when the question cannot be
identified (no number, no date, no asker or minister); a value not understood is kept as given and
named in a note on the record, which the import report shows.
"""

import datetime
import json
import re
from typing import Any
from zoneinfo import ZoneInfo

from tracker.imports.dutch_dates import parse_dutch_date
from tracker.imports.records import (
    AnswerKey,
    AnswerRecord,
    CommitmentRecord,
    DeadlineChangeRecord,
    DocumentError,
    HoldingReplyRecord,
    MergeRecord,
    PersonRecord,
    ProcedureStep,
    QuestionRecord,
    RestatementRecord,
    StatusRecord,
)
from tracker.imports.xml_records import TEXT

OWN_FORMAT = "commitment-tracker/1"
OWN_LAYOUT = "our export format"
OPEN_DATA_LAYOUT = "vlaams-parlement open data ({syntax})"
_OWN_KEYS = {"number", "asked_on", "asker", "addressee", "subject", "answer", "commitments", "session_year", "open_data_id"}
_OPEN_DATA_KEYS = {
    "vraagsteller",
    "minister",
    "procedureverloop",
    "zittingsjaar",
    "onderwerp",
    "titel",
    "tijdig",
    "vraagnummer",
    "soort-antwoord",
    "bestand-ordered",
}
_NUMBER_IN_TITLE = re.compile(r"\bnr\.?\s*(\d+)", re.IGNORECASE)
_SEARCH_LISTING = (
    "this is a list of search results, not question records: each result only points to its record "
    "(python manage.py fetch_vlaams_parlement fetches them)"
)


def records_in(document: Any) -> list[tuple[str, dict]]:
    """The question records in a parsed JSON or XML document, each with a label for the import report.

    A document is one record, a list of them, our export, or a wrapper around a list as the
    parliament's services give them ({"items": [...], "count": 2}, {"count": 2, "result": [...]},
    `<items><item>...</item></items>`, an item wrapped in its type: {"schriftelijke-vraag": {...}}).
    """
    if isinstance(document, dict) and isinstance(document.get("questions"), list):
        if document.get("format") not in (None, OWN_FORMAT):
            raise DocumentError(f"unknown format {document.get('format')!r}: this application reads {OWN_FORMAT!r}")
        items = document["questions"]
    elif isinstance(document, list):
        items = [record for item in document for record in (_unwrapped(item) or [item])]
    elif isinstance(document, dict):
        search_results: list[dict] = []
        items = _unwrapped(document, search_results)
        if not items and search_results:
            raise DocumentError(_SEARCH_LISTING)
        if not items and not any(isinstance(value, list | dict) for value in document.values()):
            items = [document]  # a record of no shape we know: parsed, so that it fails with its reason
        if not items:
            raise DocumentError("no question records found in this document (an empty list, or none in a shape we know)")
    else:
        raise DocumentError("a document must hold a question record, a list of them, or an export")
    labelled = []
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise DocumentError(f"record {index} is not an object with fields")
        labelled.append((f"record {index}", item))
    return labelled


def _is_record(item: dict) -> bool:
    return bool((_OWN_KEYS | _OPEN_DATA_KEYS) & item.keys())


def _unwrapped(value: Any, search_results: list[dict] | None = None) -> list[dict]:
    """The records in *value*: itself if it is one, else those in the lists and objects it wraps."""
    if isinstance(value, list):
        return [record for item in value for record in _unwrapped(item, search_results)]
    if not isinstance(value, dict):
        return []
    if _is_record(value):
        return [value]
    if "metatags" in value:  # a hit of the parliament's search service, not a record
        if search_results is not None:
            search_results.append(value)
        return []
    return [record for child in value.values() for record in _unwrapped(child, search_results)]


def parse_record(item: dict, *, syntax: str = "JSON") -> QuestionRecord:
    """One question record; *syntax* (JSON or XML) is what the import report names as its layout."""
    if _OPEN_DATA_KEYS & item.keys():
        return _parse_open_data(item, layout=OPEN_DATA_LAYOUT.format(syntax=syntax))
    record = _parse_own(item)
    record.layout = OWN_LAYOUT
    return record


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _date(value: Any, field: str, *, required: bool = False) -> datetime.date | None:
    if value in (None, ""):
        if required:
            raise DocumentError(f"{field} missing")
        return None
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            parsed = parse_dutch_date(value)
            if parsed:
                return parsed
    raise DocumentError(f"{field}: {value!r} is not a date (use YYYY-MM-DD)")


_VERDICTS = {"true": True, "ja": True, "1": True, "false": False, "nee": False, "0": False}


def _verdict(value: Any, field: str) -> bool | None:
    """A yes/no field such as 'tijdig': true, false (also "ja"/"nee") or absent."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (str, int)) and str(value).strip().lower() in _VERDICTS:
        return _VERDICTS[str(value).strip().lower()]
    raise DocumentError(f"{field}: {value!r} is not true or false")


def _datetime(value: Any, field: str) -> datetime.datetime | None:
    if not value:
        return None
    try:
        return datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise DocumentError(f"{field}: {value!r} is not a date and time (use ISO 8601)") from None


def _number(value: Any, field: str = "number") -> int:
    if isinstance(value, bool):
        raise DocumentError(f"{field}: {value!r} is not a whole number")
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise DocumentError(f"{field}: {value!r} is not a whole number") from None
    if number < 1:
        raise DocumentError(f"{field}: {number} is not a question number (it must be 1 or more)")
    return number


def _person(value: Any, field: str) -> PersonRecord:
    if isinstance(value, str) and value.strip():
        return PersonRecord(name=value.strip())
    if isinstance(value, dict):
        first = _text(value.get("first_name") or value.get("voornaam"))
        last = _text(value.get("last_name") or value.get("naam"))
        name = _text(value.get("name")) or f"{first} {last}".strip()
        identifier = value.get("open_data_id") or value.get("id")
        if name:
            return PersonRecord(
                name=name,
                first_name=first,
                last_name=last,
                open_data_id=str(identifier) if identifier else None,
                party=_text(value.get("party")),
            )
    raise DocumentError(f"{field} missing (a name, or an object with 'voornaam' and 'naam')")


def _themes(value: Any) -> tuple[str, ...]:
    """Theme names from a list of names or of objects ({"naam": ...}), or from XML's <themas><thema>."""
    names: list[str] = []
    for item in _as_list(value):
        if isinstance(item, list) or (isinstance(item, dict) and "thema" in item):
            found = _themes(item if isinstance(item, list) else item["thema"])
        elif isinstance(item, dict):
            found = (_text(item.get("naam") or item.get("name") or item.get("titel") or item.get(TEXT)),)
        else:
            found = (_text(item),)
        names.extend(name for name in found if name and name not in names)
    return tuple(names)


def _scalar(value: Any) -> Any:
    """A value as given; for an XML element that also had attributes, its text."""
    return value.get(TEXT) if isinstance(value, dict) else value


def _as_list(value: Any) -> list:
    """A list as given; one item (XML's lone element) as a list of one; nothing as an empty list."""
    if value in (None, ""):
        return []
    return value if isinstance(value, list) else [value]


def _session_year(value: Any) -> str:
    text = _text(str(value)) if value not in (None, "") else ""
    match = re.fullmatch(r"(\d{4})\s*[-/]\s*(\d{2}|\d{4})", text)
    if not text:
        return ""
    if not match:
        raise DocumentError(f"session year {text!r} is not like 2017-2018")
    first, second = match.groups()
    return f"{first}-{second if len(second) == 4 else first[:2] + second}"


def _parse_own(item: dict) -> QuestionRecord:
    if "number" not in item:
        raise DocumentError("no question number found ('number')")
    answer = item.get("answer")
    if answer is not None and not isinstance(answer, dict):
        raise DocumentError("answer must be an object with 'text' and 'answered_on'")
    return QuestionRecord(
        number=_number(item["number"]),
        asked_on=_date(item.get("asked_on"), "asked_on", required=True),
        asker=_person(item.get("asker"), "asker"),
        addressee=_person(item.get("addressee"), "addressee"),
        subject=_text(item.get("subject")) or _missing("subject"),
        text=_text(item.get("text")),
        office=_text(item.get("office")),
        session_year=_session_year(item.get("session_year")),
        assembly=_text(item.get("assembly")) or "vlaams-parlement",
        source_url=_text(item.get("source_url")),
        open_data_id=str(item["open_data_id"]) if item.get("open_data_id") else None,
        themes=_themes(item.get("themes")),
        co_askers=tuple(_person(person, f"co_askers[{index}]") for index, person in enumerate(_list(item, "co_askers"), 1)),
        documents=tuple(_text(url) for url in _list(item, "documents") if _text(url)),
        procedure=tuple(
            ProcedureStep(status=_text(step.get("status")), on=_date(step.get("date"), f"procedure[{index}].date"))
            for index, step in enumerate(_list(item, "procedure"), 1)
            if isinstance(step, dict)
        ),
        holding_replies=tuple(
            HoldingReplyRecord(
                text=_text(reply.get("text")),
                received_on=_date(reply.get("received_on"), f"holding_replies[{index}].received_on"),
            )
            for index, reply in enumerate(_list(item, "holding_replies"), 1)
            if isinstance(reply, dict) and _text(reply.get("text"))
        ),
        answer=(
            AnswerRecord(
                text=_text(answer.get("text")),
                answered_on=_date(answer.get("answered_on"), "answer.answered_on"),
                source_url=_text(answer.get("source_url")),
                answered_in_time=_verdict(answer.get("answered_in_time"), "answer.answered_in_time"),
                in_time_wording=_text(answer.get("in_time_wording")),
                kind_wording=_text(answer.get("kind_wording")),
            )
            if answer
            else None
        ),
        commitments=tuple(_commitment(entry, index) for index, entry in enumerate(item.get("commitments") or [], start=1)),
    )


def _list(item: dict, key: str) -> list:
    """A list field of our own format; absent (an older export) or not a list, nothing."""
    value = item.get(key)
    return value if isinstance(value, list) else []


def _missing(field: str) -> str:
    raise DocumentError(f"{field} missing")


def _commitment(entry: Any, index: int) -> CommitmentRecord:
    where = f"commitments[{index}]"
    if not isinstance(entry, dict):
        raise DocumentError(f"{where} is not an object")
    history = []
    for position, update in enumerate(entry.get("status_history") or [], start=1):
        if not isinstance(update, dict) or not update.get("status"):
            raise DocumentError(f"{where}.status_history[{position}] needs a status")
        label = f"{where}.status_history[{position}]"
        voided = update.get("voided")
        if voided is not None and not isinstance(voided, dict):
            raise DocumentError(f"{label}.voided must be an object with 'by', 'at' and 'reason', or null")
        voided = voided or {}
        if voided and not voided.get("at"):
            raise DocumentError(f"{label}.voided.at missing: when the update was voided")
        decision = update.get("confirmation")
        if decision is not None and not (isinstance(decision, dict) and decision.get("at")):
            raise DocumentError(f"{label}.confirmation must be an object with 'confirmed', 'by', 'at' and 'note', or null")
        decision = decision or {}
        history.append(
            StatusRecord(
                status=_text(update["status"]),
                observed_on=_date(update.get("observed_on"), f"{label}.observed_on", required=True),
                note=_text(update.get("note")),
                note_is_public=update.get("note_is_public") is True,
                evidence_url=_text(update.get("evidence_url")),
                evidence_text=_text(update.get("evidence_text")),
                recorded_by=_text(update.get("recorded_by")),
                recorded_at=_datetime(update.get("recorded_at"), f"{label}.recorded_at"),
                voided_by=_text(voided.get("by")),
                voided_at=_datetime(voided.get("at"), f"{label}.voided.at") if voided else None,
                void_reason=_text(voided.get("reason")),
                needs_confirmation=update.get("needs_confirmation") is True,
                confirmed=bool(decision.get("confirmed")) if decision else None,
                decided_by=_text(decision.get("by")),
                decided_at=_datetime(decision.get("at"), f"{label}.confirmation.at") if decision else None,
                decision_note=_text(decision.get("note")),
            )
        )
    responsible = entry.get("responsible")
    return CommitmentRecord(
        title=_text(entry.get("title")) or _missing(f"{where}.title"),
        quote=_text(entry.get("quote")) or _missing(f"{where}.quote"),
        kind=_text(entry.get("kind")) or "other",
        reference=_text(entry.get("reference")),
        responsible=_person(responsible, f"{where}.responsible") if responsible else None,
        office=_text(entry.get("office")),
        deadline=_date(entry.get("deadline"), f"{where}.deadline"),
        deadline_source=_text(entry.get("deadline_source")),
        deadline_wording=_text(entry.get("deadline_wording")),
        themes=_themes(entry.get("themes")),
        target_group=_text(entry.get("target_group")),
        published=entry["published"] is True if isinstance(entry.get("published"), bool) else None,
        history=tuple(history),
        part_of=_text(entry.get("part_of")),
        merged_into=_text(entry.get("merged_into")),
        restatements=tuple(
            _restatement(item, f"{where}.restatements[{position}]")
            for position, item in enumerate(_list(entry, "restatements"), start=1)
        ),
        deadline_changes=tuple(
            _deadline_change(item, f"{where}.deadline_changes[{position}]")
            for position, item in enumerate(_list(entry, "deadline_changes"), start=1)
        ),
        merges=tuple(
            _merge(item, f"{where}.merges[{position}]") for position, item in enumerate(_list(entry, "merges"), start=1)
        ),
    )


def _object(value: Any, label: str) -> dict:
    if not isinstance(value, dict):
        raise DocumentError(f"{label} is not an object")
    return value


def _answer_key(value: Any, label: str) -> AnswerKey:
    value = _object(value, label)
    return AnswerKey(
        assembly=_text(value.get("assembly")) or "vlaams-parlement",
        session_year=_session_year(value.get("session_year")),
        number=_number(value.get("number"), f"{label}.number"),
        addressee=_text(value.get("addressee")) or _missing(f"{label}.addressee"),
    )


def _similarity(value: Any, label: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise DocumentError(f"{label}.similarity must be a number from 0 to 1")
    return float(value)


def _restatement(value: Any, label: str) -> RestatementRecord:
    value = _object(value, label)
    return RestatementRecord(
        answer=_answer_key(value.get("answer"), f"{label}.answer"),
        quote=_text(value.get("quote")) or _missing(f"{label}.quote"),
        made_on=_date(value.get("made_on"), f"{label}.made_on", required=True),
        deadline=_date(value.get("deadline"), f"{label}.deadline"),
        deadline_wording=_text(value.get("deadline_wording")),
        similarity=_similarity(value.get("similarity"), label),
        recorded_by=_text(value.get("recorded_by")),
        recorded_at=_datetime(value.get("recorded_at"), f"{label}.recorded_at"),
    )


def _deadline_change(value: Any, label: str) -> DeadlineChangeRecord:
    value = _object(value, label)
    restated_in = value.get("restated_in")
    return DeadlineChangeRecord(
        changed_on=_date(value.get("changed_on"), f"{label}.changed_on", required=True),
        old_deadline=_date(value.get("old_deadline"), f"{label}.old_deadline"),
        new_deadline=_date(value.get("new_deadline"), f"{label}.new_deadline"),
        old_wording=_text(value.get("old_wording")),
        new_wording=_text(value.get("new_wording")),
        reason=_text(value.get("reason")),
        restated_in=_answer_key(restated_in, f"{label}.restated_in") if restated_in else None,
        recorded_by=_text(value.get("recorded_by")),
        recorded_at=_datetime(value.get("recorded_at"), f"{label}.recorded_at"),
    )


def _merge(value: Any, label: str) -> MergeRecord:
    value = _object(value, label)
    return MergeRecord(
        kept=_text(value.get("kept")) or _missing(f"{label}.kept"),
        reason=_text(value.get("reason")) or _missing(f"{label}.reason"),
        merged_by=_text(value.get("merged_by")),
        merged_at=_datetime(value.get("merged_at"), f"{label}.merged_at"),
        undone_by=_text(value.get("undone_by")),
        undone_at=_datetime(value.get("undone_at"), f"{label}.undone_at"),
        undo_reason=_text(value.get("undo_reason")),
    )


# Every field the open-data parser reads; any other is named in a note, with its value.
_OPEN_DATA_READ = _OPEN_DATA_KEYS | {
    "id",
    "nummer",
    "nr",
    "volgnummer",
    "thema",
    "themas",
    "url",
    "displayurl",
    "antwoord-url",
    "antwoord_url",
    "link",
    "document",
    "filewebpath",
    "antwoord",
    "tekst",
    "vraag",
    "datum",
    "functie",
}
# The steps seen in clients of the open-data service; another is kept all the same, with a note.
KNOWN_STEPS = {
    "vraag ingediend",
    "vraag gesteld aan de minister",
    "tijdig beantwoord",
    "laattijdig beantwoord",
    "antwoord ontvangen",
    "antwoord gepubliceerd",
}
# Which step dates the question and which the answer, best first ("ingediend" is the date the
# document prints; "gepubliceerd" is later than the answer itself).
_ASKED_STEPS = ("ingediend", "gesteld")
_ANSWERED_STEPS = ("beantwoord", "ontvangen", "gepubliceerd")
_IN_TIME_WORDS = {
    **_VERDICTS,
    "j": True,
    "yes": True,
    "waar": True,
    "tijdig": True,
    "tijdig beantwoord": True,
    "n": False,
    "no": False,
    "onwaar": False,
    "laattijdig": False,
    "te laat": False,
    "laattijdig beantwoord": False,
}
# The parliament's own clock: a date-time with an offset is read as the day it was in Brussels.
PARLIAMENT_TIME = ZoneInfo("Europe/Brussels")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def open_data_date(value: Any) -> datetime.date | None:
    """A date as open data may give it, or None when it cannot be read: an ISO date or date-time
    (with or without an offset), epoch seconds or milliseconds, 26/02/2024, or Dutch words."""
    if isinstance(value, bool) or value in (None, ""):
        return None
    if isinstance(value, int | float):
        try:
            return datetime.datetime.fromtimestamp(value / 1000 if abs(value) > 10**11 else value, PARLIAMENT_TIME).date()
        except (OverflowError, OSError, ValueError):
            return None
    text = _text(_scalar(value))
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        return (moment.astimezone(PARLIAMENT_TIME) if moment.tzinfo else moment).date()
    match = _DAY_MONTH_YEAR.fullmatch(text)
    if match:
        day, month, year = map(int, match.groups())
        try:
            return datetime.date(year, month, day)
        except ValueError:
            return None
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return parse_dutch_date(text)


def _shown(value: Any) -> str:
    """A value as the import report shows it: as given, cut short."""
    shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return repr(shown if len(shown) <= 80 else shown[:79] + "…")


def _open_data_number(item: dict, title: str, notes: list[str]) -> int:
    for key in ("vraagnummer", "nummer", "nr", "volgnummer"):
        value = item.get(key)
        if value in (None, ""):
            continue
        if isinstance(value, int) and not isinstance(value, bool):
            return _number(value, key)
        match = re.search(r"\d+", _text(_scalar(value)))
        if match:
            return _number(match.group(), key)
        notes.append(f"{key} {_shown(value)} holds no number; the number is read from the title")
    match = _NUMBER_IN_TITLE.search(title)
    if not match:
        raise DocumentError("no question number found (no 'vraagnummer' and none in 'titel')")
    return _number(match.group(1), "nummer")


def _open_data_people(value: Any, field: str) -> list[PersonRecord]:
    """The people of a field: {id, naam, voornaam} objects (the id kept as the person's open-data
    id), a list of them, or a name ("Franssen, Cindy" as the search service writes it)."""
    people = []
    for entry in _as_list(value):
        if isinstance(entry, str) and "," in entry:
            last, _, first = (part.strip() for part in entry.partition(","))
            entry = {"voornaam": first, "naam": last}
        people.append(_person(entry, field))
    if not people:
        _person(None, field)  # raises, naming the field
    return people


def _procedure(item: dict, notes: list[str]) -> list[tuple[ProcedureStep, Any]]:
    """Every step as given, unknown statuses and unreadable dates included (with a note), each
    with the step as it came (for the document links some steps carry)."""
    steps = []
    for entry in _as_list(item.get("procedureverloop")):
        if isinstance(entry, dict) and "status" not in entry and len(entry) == 1:
            entry = next(iter(entry.values()))  # XML's <procedureverloop><stap>...</stap></procedureverloop>
        for step in _as_list(entry):
            if not isinstance(step, dict):
                notes.append(f"procedureverloop: {_shown(step)} is not a step with a status and a date; left out")
                continue
            status = _text(_scalar(step.get("status")))
            day = open_data_date(step.get("datum"))
            if step.get("datum") not in (None, "") and day is None:
                notes.append(f"procedureverloop: the date {_shown(step.get('datum'))} of {status!r} cannot be read; kept undated")
            if status and status.lower() not in KNOWN_STEPS:
                notes.append(f"procedureverloop: step {status!r} is new to this importer; kept as given")
            steps.append((ProcedureStep(status=status, on=day), step))
    return steps


def _first_dated(steps: list[ProcedureStep], words: tuple[str, ...]) -> datetime.date | None:
    """The date of the step named by the earliest of *words* that has one."""
    for word in words:
        for step in steps:
            if step.on and word in step.status.lower():
                return step.on
    return None


def _in_time(item: dict, steps: list[ProcedureStep], notes: list[str]) -> tuple[bool | None, str]:
    """The parliament's verdict on the answer term, and its wording as given: `tijdig` (true,
    "ja", "Laattijdig", ...), else a "Tijdig/Laattijdig beantwoord" step. A word not understood
    gives no verdict (a step still may) and is kept as the wording."""
    value = _scalar(item.get("tijdig"))
    wording = json.dumps(value) if isinstance(value, bool) else _text(str(value)) if value is not None else ""
    if isinstance(value, bool):
        return value, wording
    if wording:
        verdict = _IN_TIME_WORDS.get(wording.lower()) if isinstance(value, str | int) else None
        if verdict is not None:
            return verdict, wording
        notes.append(f"tijdig {_shown(value)} is not a verdict this importer knows; kept as given, without a verdict")
    for step in reversed(steps):
        status = step.status.lower()
        if "beantwoord" in status:
            return ("laattijdig" not in status), wording or step.status
    return None, wording


def _links(value: Any) -> list[str]:
    """The web addresses in a field: strings, or objects with a URL ({"URL": ...}, {"url": ...})."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [link for entry in value for link in _links(entry)]
    if isinstance(value, dict):
        return [link for key in ("URL", "url", "href", TEXT) if key in value for link in _links(value[key])]
    return []


def _wording(value: Any) -> str:
    """A field of unknown values (such as `soort-antwoord`) as text, whatever its shape."""
    if isinstance(value, dict):
        value = value.get("naam") or value.get("omschrijving") or value.get(TEXT) or value
    if isinstance(value, list):
        return "; ".join(_wording(entry) for entry in value)
    return value.strip() if isinstance(value, str) else "" if value is None else json.dumps(value, ensure_ascii=False)


def _open_data_session_year(value: Any, notes: list[str]) -> str:
    try:
        return _session_year(_scalar(value))
    except DocumentError:
        notes.append(f"zittingsjaar {_shown(value)} is not like 2017-2018; the session year is counted from the date asked")
        return ""


def _parse_open_data(item: dict, *, layout: str) -> QuestionRecord:
    notes: list[str] = []
    title = _text(item.get("titel"))
    number = _open_data_number(item, title, notes)
    procedure = _procedure(item, notes)
    steps = [step for step, _raw in procedure]
    asked_on = _first_dated(steps, _ASKED_STEPS) or next((step.on for step in steps if step.on), None)
    asked_on = asked_on or open_data_date(item.get("datum"))
    if asked_on is None:
        raise DocumentError("no question date found (no 'Vraag ingediend' in 'procedureverloop')")
    answered_on = _first_dated(steps, _ANSWERED_STEPS)
    in_time, in_time_wording = _in_time(item, steps, notes)
    kind_wording = _wording(item.get("soort-antwoord"))
    askers = _open_data_people(item.get("vraagsteller"), "vraagsteller")
    ministers = _open_data_people(item.get("minister"), "minister")
    if len(ministers) > 1:
        notes.append(f"{len(ministers)} ministers in 'minister': the question is imported as put to the first")
    minister = item.get("minister") if isinstance(item.get("minister"), dict) else {}
    office = _text(minister.get("titel") or minister.get("functie"))
    answer_value = item.get("antwoord")
    answer_text = _text(answer_value.get("tekst")) if isinstance(answer_value, dict) else _text(answer_value)
    documents = list(
        dict.fromkeys(
            [
                *_links(item.get("bestand-ordered")),
                *_links(item.get("document")),
                *_links(item.get("filewebpath")),
                *(link for _step, raw in procedure for link in _links(raw.get("document"))),
            ]
        )
    )
    link = next(
        (_text(item.get(key)) for key in ("url", "displayurl", "antwoord-url", "antwoord_url", "link") if _text(item.get(key))),
        "",
    )
    answered = bool(answer_text or answered_on or in_time is not None or in_time_wording or kind_wording)
    if not answered:
        notes.append("not answered yet: the question is imported without an answer")
    elif not answer_text:
        notes.append("the record holds no answer text: add it by importing the answer document")
    if in_time is False:
        notes.append("answered late, according to the parliament")
    for key in sorted(item.keys() - _OPEN_DATA_READ):
        notes.append(f"field {key!r} is not read by this importer; as given: {_shown(item[key])}")
    return QuestionRecord(
        number=number,
        asked_on=asked_on,
        asker=askers[0],
        co_askers=tuple(askers[1:]),
        addressee=ministers[0],
        subject=_text(item.get("onderwerp")) or title or _missing("onderwerp"),
        text=_text(item.get("tekst") or item.get("vraag")),
        office=office or _text(item.get("functie")),
        session_year=_open_data_session_year(item.get("zittingsjaar"), notes),
        source_url=link or next(iter(documents), ""),
        open_data_id=_text(str(_scalar(item["id"]))) if _scalar(item.get("id")) not in (None, "") else None,
        themes=_themes([item.get("thema"), item.get("themas")]),
        documents=tuple(documents),
        procedure=tuple(steps),
        answer=(
            AnswerRecord(
                text=answer_text,
                answered_on=answered_on,
                source_url=next(iter(documents), link),
                answered_in_time=in_time,
                in_time_wording=in_time_wording,
                kind_wording=kind_wording,
            )
            if answered
            else None
        ),
        layout=layout,
        notes=notes,
    )
