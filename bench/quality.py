"""How well the suggestions find the promises in real answers: measured on the labelled corpus
(tests/data/corpus/, see its README), split by document into a development and a test set.

    make quality               # the test split: the figures, every miss and every false positive
    make quality SPLIT=dev     # the development split, the one to tune the rules on
    .venv/bin/python bench/quality.py --split dev --half tune --no-record    # half of it, see below

Whoever changes the rules tunes on the development split only; the test split is measured once per
change (`--figures-only` prints the figures without the sentences) and never studied. Each run of
the test split is added to bench/quality/history.jsonl, so the history stays.

A labelled promise (commitment or refusal) is found when a suggestion covers most of it (their
spans in the answer overlap by at least half of the shorter one: the rules and the labeller may cut
a sentence differently); a suggestion that covers no labelled promise is a false positive. A promise
labelled as only elaborating on or repeating one made in another sentence (its note starts with
"elaboration:" or "repeats:") is optional: staff confirm the promise once, so suggesting it again is
no error and not suggesting it is no miss.

The development split has two halves, by document (`--half tune`, `--half check`): its documents in
the order of their ids, shuffled with `random.Random(3)`, the first half "tune", the rest "check"
(seed 3 was the first of five tried that gives both halves about as many promises). Whoever changes
the rules studies the misses of one half and keeps a change only if the other half's figures do not
suffer: a check on documents the change was not made for, before the test split is measured.
"""

import argparse
import datetime
import importlib
import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
sys.path.insert(0, str(Path(__file__).resolve().parent))
import restatements  # noqa: E402

HISTORY = Path(__file__).resolve().parent / "quality" / "history.jsonl"
PROMISES = ("commitment", "refusal")


@dataclass(frozen=True)
class Label:
    document: str
    start: int
    end: int
    sentence: str
    label: str
    kind: str
    deadline: datetime.date | None
    deadline_wording: str
    optional: bool = False  # an elaboration or repetition of a promise made in another sentence


OPTIONAL_NOTES = ("elaboration:", "repeats:")


@dataclass(frozen=True)
class Guess:
    document: str
    start: int
    end: int
    sentence: str
    label: str
    kind: str
    deadline: datetime.date | None
    deadline_wording: str


@dataclass
class Tally:
    found: int = 0
    missed: int = 0
    false: int = 0

    @property
    def precision(self) -> float:
        return self.found / (self.found + self.false) if self.found + self.false else 0.0

    @property
    def recall(self) -> float:
        return self.found / (self.found + self.missed) if self.found + self.missed else 0.0


@dataclass
class Result:
    split: str
    documents: int = 0
    sentences: int = 0
    together: Tally = field(default_factory=Tally)
    by_label: dict[str, Tally] = field(default_factory=lambda: {label: Tally() for label in PROMISES})
    kind_right: int = 0
    kind_total: int = 0
    deadline_right: int = 0
    deadline_total: int = 0
    misses: list[tuple[Label, str]] = field(default_factory=list)
    false_positives: list[Guess] = field(default_factory=list)
    wrong: list[tuple[Label, Guess, str]] = field(default_factory=list)

    def figures(self) -> dict:
        return {
            "split": self.split,
            "documents": self.documents,
            "sentences": self.sentences,
            "precision": round(self.together.precision, 3),
            "recall": round(self.together.recall, 3),
            **{f"{label}_precision": round(tally.precision, 3) for label, tally in self.by_label.items()},
            **{f"{label}_recall": round(tally.recall, 3) for label, tally in self.by_label.items()},
            "found": self.together.found,
            "missed": self.together.missed,
            "false_positives": self.together.false,
            "kind_accuracy": round(self.kind_right / self.kind_total, 3) if self.kind_total else None,
            "deadline_accuracy": round(self.deadline_right / self.deadline_total, 3) if self.deadline_total else None,
            "kind": f"{self.kind_right}/{self.kind_total}",
            "deadline": f"{self.deadline_right}/{self.deadline_total}",
        }


HALVES = ("tune", "check")
HALF_SEED = 3


def documents(split: str, corpus: Path = CORPUS, half: str | None = None) -> list[dict]:
    listed = json.loads((corpus / "documents.json").read_text(encoding="utf-8"))
    chosen = [document for document in listed if document["split"] == split]
    if half is None:
        return chosen
    ids = sorted(document["id"] for document in chosen)
    random.Random(HALF_SEED).shuffle(ids)
    kept = set(ids[: len(ids) // 2] if half == "tune" else ids[len(ids) // 2 :])
    return [document for document in chosen if document["id"] in kept]


def labels(document: dict, text: str, corpus: Path = CORPUS) -> list[Label]:
    """The document's labelled sentences, placed in its text (a repeated sentence: its next place)."""
    placed, position = [], 0
    for line in (corpus / "labels" / f"{document['id']}.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        start = text.find(entry["sentence"], position)
        if start < 0:
            start = text.find(entry["sentence"])
        if start < 0:
            raise ValueError(f"{document['id']}: labelled sentence not in the text: {entry['sentence'][:60]!r}")
        position = start + len(entry["sentence"])
        placed.append(
            Label(
                document=document["id"],
                start=start,
                end=position,
                sentence=entry["sentence"],
                label=entry["label"],
                kind=entry.get("kind", ""),
                deadline=datetime.date.fromisoformat(entry["deadline"]) if entry.get("deadline") else None,
                deadline_wording=entry.get("deadline_wording", ""),
                optional=entry.get("note", "").startswith(OPTIONAL_NOTES),
            )
        )
    return placed


def _term_ends() -> dict[str, list[tuple[datetime.date, datetime.date]]]:
    """Each assembly's legislatures, as the migrations create them: "het einde van de legislatuur"."""
    flemish = importlib.import_module("tracker.migrations.0002_reference_data").LEGISLATURES
    house = importlib.import_module("tracker.migrations.0010_assemblies_and_what_records_carry").LEGISLATURES
    return {
        "vlaams-parlement": [(start, end) for _name, start, end in flemish if end],
        "tweede-kamer": [(start, end) for _name, start, end in house if end],
    }


def term_end(assembly: str, day: datetime.date) -> datetime.date | None:
    return next((end for start, end in _term_ends().get(assembly, []) if start <= day < end), None)


def guesses(document: dict, text: str) -> list[Guess]:
    from tracker.imports.suggestions import suggest_commitments
    from tracker.models import Kind

    made_on = datetime.date.fromisoformat(document["answered_on"])
    found = suggest_commitments(text, made_on=made_on, term_end=term_end(document["assembly"], made_on))
    return [
        Guess(
            document=document["id"],
            start=suggestion.start,
            end=suggestion.start + len(suggestion.sentence),
            sentence=suggestion.sentence,
            label="refusal" if suggestion.kind == Kind.REFUSAL else "commitment",
            kind="" if suggestion.kind == Kind.REFUSAL else suggestion.kind,
            deadline=suggestion.deadline.date if suggestion.deadline else None,
            deadline_wording=suggestion.deadline.wording if suggestion.deadline else "",
        )
        for suggestion in found
    ]


def _covers(label: Label, guess: Guess) -> bool:
    overlap = min(label.end, guess.end) - max(label.start, guess.start)
    return overlap > 0 and overlap >= 0.5 * min(label.end - label.start, guess.end - guess.start)


def measure(split: str, corpus: Path = CORPUS, half: str | None = None) -> Result:
    result = Result(split=split if half is None else f"{split} ({half} half)")
    for document in documents(split, corpus, half):
        text = (corpus / "documents" / f"{document['id']}.txt").read_text(encoding="utf-8")
        labelled = labels(document, text, corpus)
        guessed = guesses(document, text)
        result.documents += 1
        result.sentences += len(labelled)
        used: set[int] = set()
        for label in (entry for entry in labelled if entry.label in PROMISES):
            match = next((index for index, guess in enumerate(guessed) if index not in used and _covers(label, guess)), None)
            if label.optional:
                if match is not None:
                    used.add(match)  # suggested again: neither found nor false
                continue
            if match is None:
                result.together.missed += 1
                result.by_label[label.label].missed += 1
                result.misses.append((label, "not suggested"))
                continue
            used.add(match)
            guess = guessed[match]
            result.together.found += 1
            if guess.label == label.label:
                result.by_label[label.label].found += 1
            else:
                result.by_label[label.label].missed += 1
                result.by_label[guess.label].false += 1
                result.wrong.append((label, guess, f"read as a {guess.label}"))
                continue
            if label.label == "commitment":
                result.kind_total += 1
                result.kind_right += guess.kind == label.kind
                if guess.kind != label.kind:
                    result.wrong.append((label, guess, f"kind {guess.kind}, labelled {label.kind}"))
                if label.deadline_wording or guess.deadline_wording:
                    result.deadline_total += 1
                    result.deadline_right += guess.deadline == label.deadline
                    if guess.deadline != label.deadline:
                        result.wrong.append(
                            (
                                label,
                                guess,
                                f"deadline {guess.deadline} ({guess.deadline_wording!r}), labelled {label.deadline} ({label.deadline_wording!r})",
                            )
                        )
        for index, guess in enumerate(guessed):
            if index not in used:
                result.together.false += 1
                result.by_label[guess.label].false += 1
                result.false_positives.append(guess)
    return result


def report(result: Result, *, sentences: bool) -> str:
    figures = result.figures()
    lines = [
        f"{result.split} split: {figures['documents']} documents, {figures['sentences']} labelled sentences",
        f"  together:    precision {figures['precision']:.2f}, recall {figures['recall']:.2f} "
        f"(found {figures['found']}, missed {figures['missed']}, false positives {figures['false_positives']})",
    ]
    for label in PROMISES:
        lines.append(
            f"  {label + 's:':<12} precision {figures[label + '_precision']:.2f}, recall {figures[label + '_recall']:.2f}"
        )
    kind, deadline = figures["kind_accuracy"], figures["deadline_accuracy"]
    lines.append(
        f"  kind accuracy {kind if kind is None else f'{kind:.2f}'} ({figures['kind']}), "
        f"deadline accuracy {deadline if deadline is None else f'{deadline:.2f}'} ({figures['deadline']})"
    )
    if sentences:
        lines.append("")
        lines += [f"MISSED [{label.label}] {label.document}: {label.sentence}" for label, _why in result.misses]
        lines += [f"FALSE POSITIVE [{guess.label}] {guess.document}: {guess.sentence}" for guess in result.false_positives]
        lines += [f"WRONG ({why}) {label.document}: {label.sentence}" for label, _guess, why in result.wrong]
    return "\n".join(lines)


def record(result: Result, extra: dict | None = None) -> None:
    from tracker.imports.suggesting import lexicon

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    entry = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": commit,
        **result.figures(),
        "dutch_word_list": lexicon.available(),  # whether glued words could be parted (lexicon.py)
        **(extra or {}),
    }
    HISTORY.parent.mkdir(exist_ok=True)
    with HISTORY.open("a", encoding="utf-8") as history:
        history.write(json.dumps(entry) + "\n")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["test", "dev"], default="test")
    parser.add_argument("--figures-only", action="store_true", help="Print no sentences (for the test split while tuning).")
    parser.add_argument("--no-record", action="store_true", help="Do not add the run to bench/quality/history.jsonl.")
    parser.add_argument("--half", choices=HALVES, help="Only one half of the development split (by document).")
    options = parser.parse_args(argv)
    if options.half and options.split != "dev":
        parser.error("--half divides the development split only")
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    result = measure(options.split, half=options.half)
    print(report(result, sentences=not options.figures_only))
    # The re-statements proposed in the review queue, on the labelled pairs (bench/restatements.py).
    restated = restatements.measure(options.split)
    print()
    print(restatements.report(restated, sentences=not options.figures_only))
    if options.split == "test" and not options.no_record:
        record(result, restated.figures())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
