"""Self-check of the labelled corpus (README.md beside this file): run `.venv/bin/python tests/data/corpus/check.py`.

Checks that every document listed has a text and labels and nothing else is there, that every labelled
sentence is an exact substring of its document (found in order, without overlap), that the fields have
their allowed values, and that the test split holds no sentence written by us; prints the counts per
split and assembly. Exits with 1 on the first kind of error found. Reads only; uses no project code.
"""

import datetime
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = {"commitment", "refusal", "none"}
KINDS = {"project_call", "funding", "legislation", "study", "action", "other"}
ASSEMBLIES = {"vlaams-parlement", "tweede-kamer"}
FIXED_ACTORS = {"minister", "government", "administration"}


def fail(message):
    print("ERROR:", message)
    sys.exit(1)


def main():
    docs = json.loads((HERE / "documents.json").read_text(encoding="utf-8"))
    ids = [d["id"] for d in docs]
    if len(ids) != len(set(ids)):
        fail("duplicate document ids")
    on_disk = {p.stem for p in (HERE / "documents").glob("*.txt")}
    labelled = {p.stem for p in (HERE / "labels").glob("*.jsonl")}
    if on_disk != set(ids) or labelled != set(ids):
        fail(f"documents.json, documents/ and labels/ disagree: {sorted(set(ids) ^ on_disk)} {sorted(set(ids) ^ labelled)}")
    counts = Counter()
    for d in docs:
        for key in (
            "assembly",
            "number",
            "session_year",
            "asked_on",
            "answered_on",
            "minister",
            "source",
            "licence_or_basis",
            "split",
            "written_by_us",
        ):
            if key not in d:
                fail(f"{d['id']}: no {key}")
        if d["assembly"] not in ASSEMBLIES or d["split"] not in ("dev", "test"):
            fail(f"{d['id']}: bad assembly or split")
        if d["written_by_us"] and d["split"] != "dev":
            fail(f"{d['id']}: a document written by us must be in dev")
        answered = datetime.date.fromisoformat(d["answered_on"])
        datetime.date.fromisoformat(d["asked_on"])
        text = (HERE / "documents" / f"{d['id']}.txt").read_text(encoding="utf-8")
        rows = [json.loads(line) for line in (HERE / "labels" / f"{d['id']}.jsonl").read_text(encoding="utf-8").splitlines()]
        if not rows:
            fail(f"{d['id']}: no labels")
        pos = 0
        for n, r in enumerate(rows, 1):
            where = f"{d['id']} line {n}"
            s = r["sentence"]
            if not s or s != s.strip():
                fail(f"{where}: empty sentence or surrounding whitespace")
            found = text.find(s, pos)
            if found < 0:
                fail(f"{where}: not a substring of the document (after the previous sentence): {s[:60]!r}")
            pos = found + len(s)
            if r["label"] not in LABELS:
                fail(f"{where}: label {r['label']!r}")
            if r["label"] == "commitment":
                if r["kind"] not in KINDS:
                    fail(f"{where}: kind {r['kind']!r}")
            elif r["kind"] != "":
                fail(f"{where}: a kind on a {r['label']}")
            if r["label"] != "none" and not (r["actor"] in FIXED_ACTORS or r["actor"].startswith("third party: ")):
                fail(f"{where}: actor {r['actor']!r}")
            if r["deadline_wording"] and r["deadline_wording"] not in s:
                fail(f"{where}: deadline wording not in the sentence")
            if r["deadline"] is not None:
                if not r["deadline_wording"]:
                    fail(f"{where}: a deadline without its wording")
                if datetime.date.fromisoformat(r["deadline"]) < answered:
                    fail(f"{where}: a deadline before the answer")
            counts[(d["split"], d["assembly"], "sentences")] += 1
            counts[(d["split"], d["assembly"], r["label"])] += 1
            counts[(d["split"], d["assembly"], "dated")] += r["deadline"] is not None
        counts[(d["split"], d["assembly"], "documents")] += 1
    for split in ("dev", "test"):
        if not all(counts[(split, a, "documents")] for a in ASSEMBLIES):
            fail(f"{split} lacks an assembly")
    print(f"{'split':5} {'assembly':17} {'docs':>4} {'sentences':>9} {'commit.':>7} {'refusals':>8} {'dated':>5}")

    def total(what, split, assembly):
        return sum(v for (s, a, w), v in counts.items() if w == what and split in (None, s) and assembly in (None, a))

    for split in ("dev", "test", None):
        for assembly in (*sorted(ASSEMBLIES), None):
            n = {w: total(w, split, assembly) for w in ("documents", "sentences", "commitment", "refusal", "dated")}
            print(
                f"{split or 'all':5} {assembly or 'all':17} {n['documents']:4} {n['sentences']:9} "
                f"{n['commitment']:7} {n['refusal']:8} {n['dated']:5}"
            )
    print("ok")


if __name__ == "__main__":
    main()
