"""Finding the commitment a new suggestion re-states ("same promise"), for staff to confirm.

The candidates are the open commitments (not merged) of the same side (a promise for a promise, a
refusal for a refusal) made no later than the new answer, in another answer, and either of the
minister the question was put to, of an office whose line of successors leads to that minister's
office (a predecessor in the portfolio), or sharing one of the question's themes.

The score is PostgreSQL's trigram similarity (pg_trgm's `similarity()`: the share of the two texts'
three-letter pieces that they have in common, each word padded with two spaces in front and one
behind) of the two sentences with their Dutch function words taken out, which carry no content but
make any two Dutch sentences look alike. Where pg_trgm is missing (SQLite, or a PostgreSQL server
without the extension), the same measure is computed in Python (`similarity()` below), so a
threshold means the same on every installation. The threshold is the setting
TRACKER_RESTATEMENT_THRESHOLD (README, "Re-statements").
"""

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import F, FloatField, Q, QuerySet, Value
from django.db.models.expressions import Func

from tracker.models import Answer, Commitment, Kind, Office, Suggestion, SuggestionState
from tracker.similarity import STOP_WORDS, normalise, similarity

# On SQLite the candidates are scored in Python: the most recent ones, enough for one minister's,
# predecessors' and themes' open promises, and a bound on the work per suggestion.
CANDIDATE_LIMIT = 400

_STOP_PATTERN = r"\m(" + "|".join(sorted(STOP_WORDS)) + r")\M"


def threshold() -> float:
    return settings.TRACKER_RESTATEMENT_THRESHOLD


@dataclass(frozen=True)
class Match:
    commitment: Commitment
    similarity: float


class _Similarity(Func):
    # pg_trgm's similarity() of a column without its function words and an already normalised text.
    function = "SIMILARITY"
    output_field = FloatField()

    def __init__(self, column: str, normalised: str):
        cleaned = Func(Func(F(column), function="LOWER"), Value(_STOP_PATTERN), Value(" "), Value("g"), function="REGEXP_REPLACE")
        super().__init__(cleaned, Value(normalised))


@functools.cache
def _trigram_extension(database: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def uses_trigram_index() -> bool:
    """Whether the database computes the similarity (PostgreSQL with pg_trgm installed)."""
    return connection.vendor == "postgresql" and _trigram_extension(connection.settings_dict["NAME"])


def _predecessor_offices(office_id: int | None) -> set[int]:
    """The office and every office whose line of successors leads to it (one query)."""
    if office_id is None:
        return set()
    successor_of = dict(Office.objects.exclude(successor=None).values_list("pk", "successor_id"))
    found = {office_id}
    for start in successor_of:
        line, current = [], start
        # A line of successors never loops in real data; the bound keeps a wrong entry harmless.
        while current is not None and current not in found and len(line) <= len(successor_of):
            line.append(current)
            current = successor_of.get(current)
        if current in found:
            found.update(line)
    return found


def candidates(*, answer: Answer, kind: str) -> QuerySet:
    """The open commitments a sentence of *answer* of this *kind* may re-state (see the module's docstring)."""
    question = answer.question
    sides = Q(kind=Kind.REFUSAL) if kind == Kind.REFUSAL else ~Q(kind=Kind.REFUSAL)
    related = Q(responsible_person_id=question.addressee_id) | Q(themes__questions=question)
    offices = _predecessor_offices(question.addressee_office_id)
    if offices:
        related |= Q(responsible_office_id__in=offices)
    found = Commitment.objects.open().filter(sides, related).exclude(answer=answer)
    if answer.made_on:
        found = found.filter(made_on__lte=answer.made_on)
    return found.distinct()


def find_match(*, sentence: str, answer: Answer, kind: str) -> Match | None:
    """The open commitment *sentence* most likely re-states, at or above the threshold; None if none.
    Two queries (the offices, then the candidates), however many candidates."""
    normalised = normalise(sentence)
    if not normalised:
        return None
    found = candidates(answer=answer, kind=kind)
    if uses_trigram_index():
        best = (
            Commitment.objects.filter(pk__in=found.values("pk"))
            .annotate(score=_Similarity("quote", normalised))
            .filter(score__gte=threshold())
            .order_by("-score", "made_on", "pk")
            .first()
        )
        return Match(best, round(best.score, 3)) if best else None
    scored = [
        (similarity(normalised, commitment.quote), commitment)
        for commitment in Commitment.objects.filter(pk__in=found.values("pk")).order_by("-made_on", "-pk")[:CANDIDATE_LIMIT]
    ]
    scored = [(score, commitment) for score, commitment in scored if score >= threshold()]
    if not scored:
        return None
    score, best = max(scored, key=lambda pair: (pair[0], -pair[1].made_on.toordinal(), -pair[1].pk))
    return Match(best, round(score, 3))


def suggestions_match(suggestions: Iterable[Suggestion]) -> int:
    """Propose a match (or none) for each pending suggestion; returns how many have one now.
    Two queries per suggestion to find it, one to store it."""
    matched = 0
    for suggestion in suggestions:
        if suggestion.state != SuggestionState.PENDING:
            continue
        match = find_match(sentence=suggestion.sentence, answer=suggestion.answer, kind=suggestion.kind)
        suggestion.match = match.commitment if match else None
        suggestion.match_similarity = match.similarity if match else None
        # A plain update: the proposal is the machine's, not a decision to keep in the audit trail.
        Suggestion.objects.filter(pk=suggestion.pk).update(match=suggestion.match, match_similarity=suggestion.match_similarity)
        matched += match is not None
    return matched
