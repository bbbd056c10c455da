"""Typed records the parsers produce and the upsert consumes, whatever the source format."""

import datetime
from dataclasses import dataclass, field


class DocumentError(Exception):
    """A document that cannot be imported; the message says why, in words staff can act on."""


@dataclass(frozen=True)
class PersonRecord:
    name: str
    first_name: str = ""
    last_name: str = ""
    open_data_id: str | None = None


@dataclass(frozen=True)
class StatusRecord:
    status: str
    observed_on: datetime.date
    note: str = ""
    evidence_url: str = ""
    evidence_text: str = ""
    recorded_by: str = ""
    recorded_at: datetime.datetime | None = None
    # An administrator's void, as an export carries it: only a restore brings it back.
    voided_by: str = ""
    voided_at: datetime.datetime | None = None
    void_reason: str = ""


@dataclass(frozen=True)
class CommitmentRecord:
    """A commitment carried by our own JSON format (an export being imported again)."""

    title: str
    quote: str
    kind: str
    reference: str = ""
    responsible: PersonRecord | None = None
    office: str = ""
    deadline: datetime.date | None = None
    deadline_source: str = ""
    deadline_wording: str = ""
    themes: tuple[str, ...] = ()
    target_group: str = ""
    history: tuple[StatusRecord, ...] = ()


@dataclass(frozen=True)
class AnswerRecord:
    text: str
    answered_on: datetime.date | None = None
    source_url: str = ""
    answered_in_time: bool | None = None  # the parliament's verdict, where the record gives it


@dataclass
class QuestionRecord:
    number: int
    asked_on: datetime.date
    asker: PersonRecord
    addressee: PersonRecord
    subject: str
    text: str = ""
    office: str = ""
    session_year: str = ""
    assembly: str = "vlaams-parlement"
    source_url: str = ""
    open_data_id: str | None = None
    themes: tuple[str, ...] = ()
    answer: AnswerRecord | None = None
    commitments: tuple[CommitmentRecord, ...] = ()
    asker_variants: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)
