"""How well the matching proposes the promise a new one re-states: measured on the labelled pairs
(tests/data/pairs/, see its README), in a development and a test half.

    make quality                                  # also prints these figures for the test half
    .venv/bin/python bench/restatements.py --split dev --sweep   # the half to choose the threshold on

Each query is a promise with the promises it could be taken for (its candidates), each labelled the
same promise or another. The matcher proposes the candidate it finds most similar, if that one
reaches the threshold (tracker.services.matching, with the Python measure of tracker.similarity,
the same as PostgreSQL's pg_trgm). A proposal is right when that candidate is labelled the same
promise. Precision: right proposals among all proposals. Recall: right proposals among the queries
that have a same-promise candidate.
"""

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.similarity import RESTATEMENT_THRESHOLD, similarity  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "pairs" / "pairs.jsonl"


@dataclass
class Result:
    split: str
    threshold: float
    queries: int = 0
    with_same: int = 0
    right: int = 0
    false: list[tuple[str, str, float]] = field(default_factory=list)
    missed: list[tuple[str, str, float]] = field(default_factory=list)

    @property
    def proposals(self) -> int:
        return self.right + len(self.false)

    def figures(self) -> dict:
        return {
            "restatement_split": self.split,
            "restatement_threshold": self.threshold,
            "restatement_queries": self.queries,
            "restatement_precision": round(self.right / self.proposals, 3) if self.proposals else 0.0,
            "restatement_recall": round(self.right / self.with_same, 3) if self.with_same else 0.0,
            "restatement_right": self.right,
            "restatement_false": len(self.false),
            "restatement_missed": len(self.missed),
        }


def queries(split: str, path: Path = PAIRS) -> dict[str, list[dict]]:
    grouped = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        if pair["split"] == split:
            grouped[pair["query"]["sentence"]].append(pair)
    return grouped


def measure(split: str, threshold: float = RESTATEMENT_THRESHOLD, path: Path = PAIRS) -> Result:
    result = Result(split=split, threshold=threshold)
    for query, candidates in queries(split, path).items():
        result.queries += 1
        has_same = any(pair["same"] for pair in candidates)
        result.with_same += has_same
        score, best = max(
            ((similarity(query, pair["candidate"]["sentence"]), pair) for pair in candidates), key=lambda item: item[0]
        )
        if score >= threshold and best["same"]:
            result.right += 1
            continue
        if score >= threshold:
            result.false.append((query, best["candidate"]["sentence"], score))
        if has_same:
            same = max(similarity(query, pair["candidate"]["sentence"]) for pair in candidates if pair["same"])
            result.missed.append((query, next(p["candidate"]["sentence"] for p in candidates if p["same"]), same))
    return result


def report(result: Result, *, sentences: bool = True) -> str:
    figures = result.figures()
    lines = [
        f"Re-statements ({result.split} half of tests/data/pairs/, threshold {result.threshold:.2f}): "
        f"{result.queries} queries, {result.with_same} with the same promise among their candidates",
        f"  precision {figures['restatement_precision']:.2f}  recall {figures['restatement_recall']:.2f}  "
        f"({result.right} right, {len(result.false)} false, {len(result.missed)} missed)",
    ]
    if sentences:
        for title, rows in (("False proposals", result.false), ("Misses", result.missed)):
            lines.append(f"  {title}:" if rows else f"  {title}: none")
            for query, candidate, score in rows:
                lines.append(f"    {score:.2f}  {' '.join(query.split())[:90]}\n          ~ {' '.join(candidate.split())[:90]}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test"], default="test")
    parser.add_argument("--threshold", type=float, default=RESTATEMENT_THRESHOLD)
    parser.add_argument("--sweep", action="store_true", help="Figures for thresholds 0.10 to 0.60 (tune on dev only).")
    options = parser.parse_args(argv)
    if options.sweep:
        for step in range(10, 61, 5):
            figures = measure(options.split, step / 100).figures()
            print(
                f"{step / 100:.2f}  precision {figures['restatement_precision']:.2f}  recall {figures['restatement_recall']:.2f}"
            )
        return 0
    print(report(measure(options.split, options.threshold)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
