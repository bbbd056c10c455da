"""Suggesting the commitments and refusals in a Dutch answer: the importer's entry point.

The rules live in the package tracker/imports/suggesting/, one module per step (README,
"Suggestions"); this module keeps the names the importer, the `suggest` command and the
measurements use.
"""

from tracker.imports.suggesting.kinds import kind_of, title_for
from tracker.imports.suggesting.pipeline import SuggestedCommitment, classify, decide, sentence_fingerprint, suggest_commitments
from tracker.imports.suggesting.sentences import split_sentences

__all__ = [
    "SuggestedCommitment",
    "classify",
    "decide",
    "kind_of",
    "sentence_fingerprint",
    "split_sentences",
    "suggest_commitments",
    "title_for",
]
