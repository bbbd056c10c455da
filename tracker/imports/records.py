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
    open_data_id: str | None = None  # the parliament's own id of the person, where the source gives it
    party: str = ""  # as printed, e.g. "PvdA" in "het lid Jansen (PvdA)"


@dataclass(frozen=True)
class StatusRecord:
    status: str
    observed_on: datetime.date
    note: str = ""
    note_is_public: bool = False
    evidence_url: str = ""
    evidence_text: str = ""
    recorded_by: str = ""
    recorded_at: datetime.datetime | None = None
    # An administrator's void, as an export carries it: only a restore brings it back.
    voided_by: str = ""
    voided_at: datetime.datetime | None = None
    void_reason: str = ""
    # The four-eyes check, as an export carries it: only a restore brings the decision back.
    needs_confirmation: bool = False
    confirmed: bool | None = None
    decided_by: str = ""
    decided_at: datetime.datetime | None = None
    decision_note: str = ""


@dataclass(frozen=True)
class AnswerKey:
    """The answer to a question, by the question's natural key, as an export names it."""

    assembly: str
    session_year: str
    number: int
    addressee: str  # the addressee's full name, as the export writes it


@dataclass(frozen=True)
class RestatementRecord:
    """A later answer that repeated the commitment, as an export carries it (a restore only)."""

    answer: AnswerKey
    quote: str
    made_on: datetime.date
    deadline: datetime.date | None = None
    deadline_wording: str = ""
    similarity: float | None = None
    recorded_by: str = ""
    recorded_at: datetime.datetime | None = None


@dataclass(frozen=True)
class DeadlineChangeRecord:
    changed_on: datetime.date
    old_deadline: datetime.date | None = None
    new_deadline: datetime.date | None = None
    old_wording: str = ""
    new_wording: str = ""
    reason: str = ""
    restated_in: AnswerKey | None = None  # the re-statement that gave the new deadline
    recorded_by: str = ""
    recorded_at: datetime.datetime | None = None


@dataclass(frozen=True)
class MergeRecord:
    """The commitment (the absorbed one) merged into *kept*; undone where undone_at is given."""

    kept: str  # its reference, C-00042
    reason: str
    merged_by: str = ""
    merged_at: datetime.datetime | None = None
    undone_by: str = ""
    undone_at: datetime.datetime | None = None
    undo_reason: str = ""


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
    published: bool | None = None  # as exported; None: the file does not say (TRACKER_PUBLISH_BY_DEFAULT)
    # Across answers (issue 14): only a restore brings these back, once every question is in.
    part_of: str = ""  # the reference of the programme it is a part of
    merged_into: str = ""
    restatements: tuple[RestatementRecord, ...] = ()
    deadline_changes: tuple[DeadlineChangeRecord, ...] = ()
    merges: tuple[MergeRecord, ...] = ()

    @property
    def has_chain(self) -> bool:
        return bool(self.part_of or self.merged_into or self.restatements or self.deadline_changes or self.merges)


@dataclass(frozen=True)
class AnswerRecord:
    text: str
    answered_on: datetime.date | None = None
    source_url: str = ""
    answered_in_time: bool | None = None  # the parliament's verdict, where the record gives it
    in_time_wording: str = ""  # that verdict as the source words it, kept even when not understood
    kind_wording: str = ""  # the kind of answer as the source words it ("soort-antwoord")


@dataclass(frozen=True)
class HoldingReplyRecord:
    """A notice that the answer will come late (the Tweede Kamer's "Mededeling"): not an answer."""

    text: str
    received_on: datetime.date | None = None


@dataclass(frozen=True)
class ProcedureStep:
    """One step of the parliament's procedure as it gives it ("Vraag ingediend", 2024-02-26)."""

    status: str
    on: datetime.date | None = None


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
    co_askers: tuple[PersonRecord, ...] = ()  # members who put the question with the asker
    documents: tuple[str, ...] = ()  # links to the published documents
    procedure: tuple[ProcedureStep, ...] = ()
    holding_replies: tuple[HoldingReplyRecord, ...] = ()
    layout: str = ""  # which layout or format the record was read from, for the import report
    notes: list[str] = field(default_factory=list)
