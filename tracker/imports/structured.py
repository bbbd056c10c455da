"""Parsing structured records: our own JSON format (what the export writes) and records shaped like
the Flemish Parliament's open data (PRODUCT.md, "Structured records"). Missing fields are tolerated
where the question can still be identified; otherwise the record is refused with the reason."""

import datetime
import re
from typing import Any

from tracker.imports.dutch_dates import parse_dutch_date
from tracker.imports.records import (
    AnswerRecord,
    CommitmentRecord,
    DocumentError,
    PersonRecord,
    QuestionRecord,
    StatusRecord,
)

OWN_FORMAT = "commitment-tracker/1"
_OPEN_DATA_KEYS = {"vraagsteller", "procedureverloop", "zittingsjaar", "onderwerp", "titel", "tijdig"}
_NUMBER_IN_TITLE = re.compile(r"\bnr\.?\s*(\d+)", re.IGNORECASE)


def records_in(document: Any) -> list[tuple[str, dict]]:
    """The question records in a parsed JSON document, each with a label for the import report."""
    if isinstance(document, dict) and isinstance(document.get("questions"), list):
        if document.get("format") not in (None, OWN_FORMAT):
            raise DocumentError(f"unknown format {document.get('format')!r}: this application reads {OWN_FORMAT!r}")
        items = document["questions"]
    elif isinstance(document, list):
        items = document
    elif isinstance(document, dict):
        items = [document]
    else:
        raise DocumentError("a JSON document must be a question record, a list of them, or an export")
    labelled = []
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise DocumentError(f"record {index} is not a JSON object")
        labelled.append((f"record {index}", item))
    return labelled


def parse_record(item: dict) -> QuestionRecord:
    if _OPEN_DATA_KEYS & item.keys():
        return _parse_open_data(item)
    return _parse_own(item)


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
            return PersonRecord(name=name, first_name=first, last_name=last, open_data_id=str(identifier) if identifier else None)
    raise DocumentError(f"{field} missing (a name, or an object with 'voornaam' and 'naam')")


def _themes(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    names = []
    for item in value:
        name = _text(item.get("naam") or item.get("name")) if isinstance(item, dict) else _text(item)
        if name and name not in names:
            names.append(name)
    return tuple(names)


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
        answer=(
            AnswerRecord(
                text=_text(answer.get("text")),
                answered_on=_date(answer.get("answered_on"), "answer.answered_on"),
                source_url=_text(answer.get("source_url")),
                answered_in_time=_verdict(answer.get("answered_in_time"), "answer.answered_in_time"),
            )
            if answer
            else None
        ),
        commitments=tuple(_commitment(entry, index) for index, entry in enumerate(item.get("commitments") or [], start=1)),
    )


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
        history.append(
            StatusRecord(
                status=_text(update["status"]),
                observed_on=_date(update.get("observed_on"), f"{label}.observed_on", required=True),
                note=_text(update.get("note")),
                evidence_url=_text(update.get("evidence_url")),
                evidence_text=_text(update.get("evidence_text")),
                recorded_by=_text(update.get("recorded_by")),
                recorded_at=_datetime(update.get("recorded_at"), f"{label}.recorded_at"),
                voided_by=_text(voided.get("by")),
                voided_at=_datetime(voided.get("at"), f"{label}.voided.at") if voided else None,
                void_reason=_text(voided.get("reason")),
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
        history=tuple(history),
    )


def _parse_open_data(item: dict) -> QuestionRecord:
    title = _text(item.get("titel"))
    number_value = item.get("nummer") or item.get("nr") or item.get("volgnummer")
    if number_value is None:
        match = _NUMBER_IN_TITLE.search(title)
        if not match:
            raise DocumentError("no question number found (no 'nummer' and none in 'titel')")
        number_value = match.group(1)
    steps = item.get("procedureverloop") if isinstance(item.get("procedureverloop"), list) else []
    asked_on, answered_on, in_time, notes = None, None, None, []
    for step in steps:
        if not isinstance(step, dict):
            continue
        status = _text(step.get("status")).lower()
        day = _date(step.get("datum"), "procedureverloop.datum")
        if "ingediend" in status or "gesteld" in status:
            asked_on = asked_on or day
        elif "beantwoord" in status:
            answered_on = day
            # "Tijdig beantwoord" / "Laattijdig beantwoord": the parliament's verdict on the term.
            in_time = False if "laattijdig" in status else True if "tijdig" in status else in_time
    in_time = _verdict(item.get("tijdig"), "tijdig") if item.get("tijdig") is not None else in_time
    dated = [step for step in steps if isinstance(step, dict) and step.get("datum")]
    if asked_on is None and dated:
        asked_on = _date(dated[0]["datum"], "procedureverloop.datum")
    asked_on = asked_on or _date(item.get("datum"), "datum")
    if asked_on is None:
        raise DocumentError("no question date found (no 'Vraag ingediend' in 'procedureverloop')")
    minister = item.get("minister")
    office = _text(minister.get("titel") or minister.get("functie")) if isinstance(minister, dict) else ""
    answer_value = item.get("antwoord")
    answer_text = _text(answer_value.get("tekst")) if isinstance(answer_value, dict) else _text(answer_value)
    link = next(
        (_text(item.get(key)) for key in ("antwoord-url", "antwoord_url", "url", "link", "document") if _text(item.get(key))), ""
    )
    if not answer_text and answered_on is None:
        notes.append("not answered yet: the question is imported without an answer")
    elif not answer_text:
        notes.append("the record holds no answer text: add it by importing the answer document")
    if in_time is False:
        notes.append("answered late, according to the parliament")
    return QuestionRecord(
        number=_number(number_value, "nummer"),
        asked_on=asked_on,
        asker=_person(item.get("vraagsteller"), "vraagsteller"),
        addressee=_person(minister, "minister"),
        subject=_text(item.get("onderwerp")) or title or _missing("onderwerp"),
        text=_text(item.get("tekst") or item.get("vraag")),
        office=office or _text(item.get("functie")),
        session_year=_session_year(item.get("zittingsjaar")),
        source_url=link,
        open_data_id=str(item["id"]) if item.get("id") not in (None, "") else None,
        themes=_themes(item.get("thema")),
        answer=(
            AnswerRecord(text=answer_text, answered_on=answered_on, source_url=link, answered_in_time=in_time)
            if (answer_text or answered_on)
            else None
        ),
        notes=notes,
    )
