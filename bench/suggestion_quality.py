"""Measure the suggestion rules on the old written sentences (tests/data/suggestions/labelled.tsv).

The set has long been seen while writing the rules: it is a regression check, not a measure of
quality; that is bench/quality.py, on the labelled corpus of real answers.

    python bench/suggestion_quality.py [--misses]

Prints precision and recall of finding commitments and refusals, the share of found ones with the
right kind, and the share of stated deadlines read to the right date.
"""

import csv
import datetime
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "data" / "suggestions" / "labelled.tsv"


@dataclass(frozen=True)
class Example:
    label: str
    kind: str
    deadline: datetime.date | None
    made_on: datetime.date
    sentence: str


def examples() -> list[Example]:
    rows = [line for line in LABELLED.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [
        Example(
            label,
            kind,
            datetime.date.fromisoformat(deadline) if deadline else None,
            datetime.date.fromisoformat(made_on),
            sentence,
        )
        for label, kind, deadline, made_on, sentence in csv.reader(rows, delimiter="\t")
    ]


def measure(show_misses: bool = False) -> dict:
    from tracker.imports.suggestions import suggest_commitments

    counts = {
        "tp": 0,
        "fp": 0,
        "fn": 0,
        "label_right": 0,
        "kind_right": 0,
        "kind_total": 0,
        "deadline_right": 0,
        "deadline_total": 0,
    }
    misses = []
    for example in examples():
        found = suggest_commitments(example.sentence, made_on=example.made_on, term_end=datetime.date(2024, 6, 9))
        suggestion = found[0] if found else None
        predicted = "neither" if suggestion is None else ("refusal" if suggestion.kind == "refusal" else "commitment")
        if example.label != "neither" and suggestion:
            counts["tp"] += 1
            counts["label_right"] += predicted == example.label
        elif example.label != "neither":
            counts["fn"] += 1
            misses.append(("missed", example))
        elif suggestion:
            counts["fp"] += 1
            misses.append(("false alarm", example))
        if example.label == "commitment" and predicted == "commitment":
            counts["kind_total"] += 1
            counts["kind_right"] += suggestion.kind == example.kind
            if suggestion.kind != example.kind:
                misses.append((f"kind {suggestion.kind}", example))
        if example.deadline and predicted == "commitment":
            counts["deadline_total"] += 1
            got = suggestion.deadline.date if suggestion.deadline else None
            counts["deadline_right"] += got == example.deadline
            if got != example.deadline:
                misses.append((f"deadline {got}", example))
        if example.label != "neither" and suggestion and predicted != example.label:
            misses.append((f"read as {predicted}", example))
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    result = {
        "examples": len(examples()),
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "commitment_or_refusal_right": counts["label_right"] / tp if tp else 0.0,
        "kind_share": counts["kind_right"] / counts["kind_total"] if counts["kind_total"] else 0.0,
        "deadline_share": counts["deadline_right"] / counts["deadline_total"] if counts["deadline_total"] else 0.0,
        **counts,
    }
    if show_misses:
        for what, example in misses:
            print(f"  {what:<22} [{example.label}] {example.sentence}")
    return result


if __name__ == "__main__":
    import os

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    result = measure(show_misses="--misses" in sys.argv)
    print(
        f"{result['examples']} sentences: precision {result['precision']:.2f}, recall {result['recall']:.2f} "
        f"(found {result['tp']}, false alarms {result['fp']}, missed {result['fn']}); "
        f"commitment/refusal right {result['commitment_or_refusal_right']:.2f}; kind right {result['kind_share']:.2f} "
        f"({result['kind_right']}/{result['kind_total']}); stated deadline right {result['deadline_share']:.2f} "
        f"({result['deadline_right']}/{result['deadline_total']})"
    )
