"""The domain model, one module per part of the vocabulary (see PRODUCT.md)."""

from tracker.models.api_tokens import ApiToken
from tracker.models.chains import CommitmentMerge, DeadlineChange, Restatement, Slippage, slippage_from_changes
from tracker.models.commitments import (
    Commitment,
    CommitmentQuerySet,
    DeadlineSource,
    Kind,
    Status,
    StatusUpdate,
    StatusUpdateConfirmation,
    StatusUpdateVoid,
    default_horizon,
)
from tracker.models.imports import ImportRun, Precision, Suggestion, SuggestionState
from tracker.models.people import Office, Person, PersonAlias
from tracker.models.questions import Answer, HoldingReply, Question, session_year_of
from tracker.models.reference import Assembly, Government, Legislature, Party, Theme
from tracker.models.search import CommitmentSearch, QuestionSearch
from tracker.models.tallies import CommitmentTally
from tracker.models.team import DigestFrequency, DigestSent, Follow, Profile, ReminderKind, ReminderSent

__all__ = [
    "Answer",
    "ApiToken",
    "Assembly",
    "Commitment",
    "CommitmentMerge",
    "CommitmentQuerySet",
    "CommitmentSearch",
    "CommitmentTally",
    "DeadlineChange",
    "DeadlineSource",
    "DigestFrequency",
    "DigestSent",
    "Follow",
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
    "Profile",
    "Question",
    "QuestionSearch",
    "ReminderKind",
    "ReminderSent",
    "Restatement",
    "Slippage",
    "Status",
    "StatusUpdate",
    "StatusUpdateConfirmation",
    "StatusUpdateVoid",
    "Suggestion",
    "SuggestionState",
    "Theme",
    "default_horizon",
    "session_year_of",
    "slippage_from_changes",
]
