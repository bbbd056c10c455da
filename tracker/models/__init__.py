"""The domain model, one module per part of the vocabulary (see PRODUCT.md)."""

from tracker.models.commitments import (
    Commitment,
    CommitmentQuerySet,
    DeadlineSource,
    Kind,
    Status,
    StatusUpdate,
    StatusUpdateVoid,
    default_horizon,
)
from tracker.models.imports import ImportRun, Precision, Suggestion, SuggestionState
from tracker.models.people import Office, Person, PersonAlias
from tracker.models.questions import Answer, HoldingReply, Question, session_year_of
from tracker.models.reference import Assembly, Government, Legislature, Party, Theme
from tracker.models.search import CommitmentSearch, QuestionSearch
from tracker.models.tallies import CommitmentTally

__all__ = [
    "Answer",
    "Assembly",
    "Commitment",
    "CommitmentQuerySet",
    "CommitmentSearch",
    "CommitmentTally",
    "DeadlineSource",
    "Government",
    "HoldingReply",
    "ImportRun",
    "Kind",
    "Legislature",
    "Office",
    "Party",
    "Person",
    "PersonAlias",
    "Precision",
    "Question",
    "QuestionSearch",
    "Status",
    "StatusUpdate",
    "StatusUpdateVoid",
    "Suggestion",
    "SuggestionState",
    "Theme",
    "default_horizon",
    "session_year_of",
]
