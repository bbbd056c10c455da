"""Writes pairs.jsonl from the labelled corpus (tests/data/corpus/) and the labels below, read by us.

    .venv/bin/python tests/data/pairs/build.py

Each query is a promise that repeats another one; its candidates are the promises it could be
taken for. The labels are ours, given by reading the sentences (README beside this file); only the
sentences come from the corpus, by document id and position in its label file.
"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus"

# (document, query position): (positions labelled "same promise", positions labelled "another promise").
# Candidates are the other promises of the same answer the matcher scores highest; a candidate we could
# not call either way is left out (noted).
WITHIN = {
    ("tk-ah-20222023-3649", 27): ({10}, {43, 44, 14}),
    ("tk-ah-20232024-1771", 64): ({9}, {24, 46, 25, 10}),
    ("tk-ah-20232024-878", 37): ({12}, {31, 13, 38, 9}),
    ("tk-ah-20232024-878", 38): ({13}, {8, 12, 37, 9}),
    ("tk-ah-20222023-3366", 32): ({13}, {12, 24, 15, 14}),
    ("tk-ah-20232024-421", 10): ({4}, {8, 9}),
    ("tk-ah-20232024-680", 10): ({8}, {19, 25, 24}),  # 14 left out: pressing Israel, on another point?
    ("tk-ah-20232024-680", 14): ({8}, {19, 25, 24}),  # 10 left out, as above
    ("tk-ah-20232024-680", 24): ({19}, {25, 14, 8, 10}),
    ("tk-ah-20232024-1031", 133): (set(), {109, 69, 138, 39, 110}),  # the promise it repeats is not labelled one
    ("tk-ah-20232024-1280", 92): ({55}, {53, 74, 117}),  # 47 left out: the same ELA evaluation, more broadly
    ("tk-ah-20232024-2110", 19): ({12, 47}, {10, 59, 44}),
    ("tk-ah-20232024-2110", 47): ({19, 12}, {46, 10, 44}),
    ("tk-ah-20232024-2110", 59): ({10}, {19, 25, 26, 12}),
    ("tk-ah-20232024-2168", 18): ({4}, {22, 25, 35, 28}),
    ("tk-ah-20232024-2313", 22): ({16, 91}, {18, 92, 89}),
    ("tk-ah-20232024-2313", 88): ({79}, {8, 7, 16, 22}),
    ("tk-ah-20232024-2313", 89): ({80}, {91, 72, 16, 22}),
    ("tk-ah-20232024-2313", 91): ({16, 22}, {18, 92, 89}),
    ("tk-ah-20232024-2313", 92): ({18}, {91, 93, 16, 22}),
}

# Across answers of the same minister: the pairs the matcher scores highest, all another promise
# (a generic "I am prepared to do so" or "the House will be informed" in answers on other subjects).
# (later document, position): [(earlier document, position), ...]
ACROSS = {
    ("tk-ah-20232024-784", None): [("tk-ah-20232024-302", None)],
    ("tk-ah-20232024-204", None): [("tk-ah-20232024-1771", None)],
    ("tk-ah-20232024-1770", None): [("tk-ah-20232024-1165", None)],
    ("tk-ah-20232024-1481", None): [("tk-ah-20232024-1178", None), ("tk-ah-20232024-878", None)],
    ("tk-ah-20232024-1984", None): [("tk-ah-20232024-1786", None)],
    ("tk-ah-20232024-403", None): [("tk-ah-20232024-1771", None)],
    ("tk-ah-20232024-1165", None): [("tk-ah-20232024-421", None)],
    ("tk-ah-20232024-2210", None): [("tk-ah-20232024-2168", None)],
}

# Written by us, modelled on the seed (Flemish Parliament, nr. 551 of 29 June 2018): development half only.
SEED_CALL = (
    "Aangezien de studie aantoont dat een sterk sociaal netwerk essentieel is in het kader van positief "
    "welbevinden en psychologische draagkracht, wil ik een projectoproep lanceren om projecten te "
    "ondersteunen die inzetten op het versterken van die sociale netwerken."
)
SEED_REFUSAL = "Ik plan geen specifieke acties naar 'nieuwe armen' toe."
WRITTEN = [
    (
        "In de loop van 2020 lanceer ik de projectoproep om projecten te ondersteunen die de sociale netwerken "
        "van mensen in armoede versterken.",
        {SEED_CALL: True, SEED_REFUSAL: False},
    ),
    (
        "De projectoproep voor buddywerkingen volgens het werkmodel 'persoonlijke vriend' is in voorbereiding "
        "en wordt in het voorjaar van 2021 gelanceerd.",
        {SEED_CALL: True, SEED_REFUSAL: False},
    ),
    (
        "Ik zal tegen eind 2020 een evaluatie laten uitvoeren van het Vlaams Actieplan Armoedebestrijding.",
        {SEED_CALL: False, SEED_REFUSAL: False},
    ),
]


def _documents() -> dict:
    return {document["id"]: document for document in json.loads((CORPUS / "documents.json").read_text(encoding="utf-8"))}


def _promises(document_id: str) -> list[dict]:
    lines = (CORPUS / "labels" / f"{document_id}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _split(*ids: str, documents: dict) -> str:
    return "test" if any(documents[i]["split"] == "test" for i in ids) else "dev"


def build() -> list[dict]:
    documents, pairs = _documents(), []
    for (document, position), (same, other) in WITHIN.items():
        rows = _promises(document)
        query = {"document": document, "position": position, "sentence": rows[position]["sentence"]}
        for candidate in sorted(same | other):
            pairs.append(
                {
                    "split": _split(document, documents=documents),
                    "source": "corpus",
                    "query": query,
                    "candidate": {"document": document, "position": candidate, "sentence": rows[candidate]["sentence"]},
                    "same": candidate in same,
                }
            )
    from tracker.similarity import similarity  # the highest-scoring cross-answer pairs, read and labelled

    for (later, _), earlier_documents in ACROSS.items():
        later_rows = [(i, row) for i, row in enumerate(_promises(later)) if row["label"] == "commitment"]
        for earlier, _ in earlier_documents:
            earlier_rows = [(i, row) for i, row in enumerate(_promises(earlier)) if row["label"] == "commitment"]
            scored = sorted(
                ((similarity(a["sentence"], b["sentence"]), i, a, j, b) for i, a in later_rows for j, b in earlier_rows),
                key=lambda item: -item[0],
            )
            _, i, a, j, b = scored[0]
            pairs.append(
                {
                    "split": _split(later, earlier, documents=documents),
                    "source": "corpus",
                    "query": {"document": later, "position": i, "sentence": a["sentence"]},
                    "candidate": {"document": earlier, "position": j, "sentence": b["sentence"]},
                    "same": False,
                }
            )
    for sentence, candidates in WRITTEN:
        for candidate, same in candidates.items():
            pairs.append(
                {
                    "split": "dev",
                    "source": "written",
                    "query": {"document": "written", "position": None, "sentence": sentence},
                    "candidate": {"document": "vp-20172018-551", "position": None, "sentence": candidate},
                    "same": same,
                }
            )
    return pairs


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(HERE.parent.parent.parent))
    lines = [json.dumps(pair, ensure_ascii=False) for pair in build()]
    (HERE / "pairs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} pairs written")
