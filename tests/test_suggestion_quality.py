"""A floor under the suggestions' measured quality on the held-out labelled sentences.

The set (tests/data/suggestions/labelled.tsv) was not used to write the rules; measured figures are
in the README. This test fails when a change to the rules makes them clearly worse."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from suggestion_quality import measure


def test_suggestions_keep_their_precision_and_recall_on_the_held_out_sentences():
    result = measure()
    assert result["examples"] >= 75
    assert result["precision"] >= 0.95
    assert result["recall"] >= 0.85
    assert result["commitment_or_refusal_right"] >= 0.95
    assert result["kind_share"] >= 0.85
