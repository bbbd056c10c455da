"""Suggesting the commitments and refusals in a Dutch answer, for staff to confirm or reject.

A small pipeline, one module per step, each with its own tests (tests/test_suggesting_<step>.py):

1. sentences.py  split the answer into sentences, with their place in the text;
2. clauses.py    cut a sentence into clauses and keep its main clause;
   signals.py    find what in the main clause announces action to come (future, intent, assent,
                 a request made, work under way, a plan) and its finite verb;
   verbs.py      the finite verb beside a subject by Dutch word order (V2), its tense and class;
3. actors.py     find who acts: the minister's side (minister, government, administration, or a
                 passive without "door …") or a third party;
4. timing.py     the past is history; modality.py: conditions, expectations, discourse about the
                 answer and statements of fact are no promise;
5. refusals.py   a negated intent, need, support, room or possibility of the minister's side;
6. pipeline.py   decide commitment, refusal or neither; an elaboration of the promise just before
                 is not a new suggestion;
7. kinds.py      the kind and a short title; the deadline is read by tracker/imports/deadlines.py.

The public entry point is `suggest_commitments(text, made_on=..., term_end=...)`.
"""

from tracker.imports.suggesting.pipeline import SuggestedCommitment, classify, decide, sentence_fingerprint, suggest_commitments

__all__ = ["SuggestedCommitment", "classify", "decide", "sentence_fingerprint", "suggest_commitments"]
