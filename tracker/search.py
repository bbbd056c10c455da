"""Free-text search over commitments and questions.

On PostgreSQL: the Dutch search documents of migration 0005 (tables of their own, GIN-indexed),
every word matched as a prefix after Dutch stemming ("projectoproepen" finds "projectoproep"),
results ranked by relevance (title before quote before answer text). On SQLite: a case-insensitive
match of every word in the same fields. The user's text is reduced to words first, so no input can
break the query syntax.
"""

import json
import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet

MAX_WORDS = 8
# Ranking costs a read of every match. Up to COMMON_FROM expected matches they are all ranked
# (16 ms for 2,850 at 100,000 questions); words found more often are ranked among their
# RANK_WINDOW most recent matches (10 ms for a word in 35,000 of 200,000 commitments, where
# ranking them all takes 110 ms). The page says so when that happens.
COMMON_FROM = 3000
RANK_WINDOW = 300
_WORD = re.compile(r"\w+", re.UNICODE)


def _words(text: str) -> list[str]:
    words = (word.strip("_") for word in _WORD.findall(text))
    return [word for word in words if word][:MAX_WORDS]


def _on_postgresql() -> bool:
    return connection.vendor == "postgresql"


def _query(words: list[str]) -> SearchQuery:
    # "raw" takes tsquery syntax: the words hold letters and digits only, so this is safe.
    return SearchQuery(" & ".join(f"{word}:*" for word in words), search_type="raw", config="dutch")


def commitment_search(queryset: QuerySet, text: str) -> QuerySet:
    """Commitments whose title, quote or answer text contains every word of *text*."""
    words = _words(text)
    if not words:
        return queryset
    if _on_postgresql():
        return queryset.filter(search__document=_query(words))
    for word in words:
        queryset = queryset.filter(Q(title__icontains=word) | Q(quote__icontains=word) | Q(answer__text__icontains=word))
    return queryset


def question_search(queryset: QuerySet, text: str) -> QuerySet:
    """Questions whose subject, text or answer contains every word of *text*."""
    words = _words(text)
    if not words:
        return queryset
    if _on_postgresql():
        return queryset.filter(search__document=_query(words))
    for word in words:
        queryset = queryset.filter(Q(subject__icontains=word) | Q(text__icontains=word) | Q(answer__text__icontains=word))
    return queryset


def expected_matches(model, words: list[str]) -> int:
    """PostgreSQL's estimate of how many search documents of *model* match (close for text
    searches, and a millisecond where counting them could take a hundred)."""
    search_model = model._meta.get_field("search").related_model
    plan = json.loads(search_model.objects.filter(document=_query(words)).explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


def by_relevance(queryset: QuerySet, text: str, recent: list) -> tuple[QuerySet, bool]:
    """Best match first, then the *recent* order; and whether only the RANK_WINDOW most recent
    matches are ranked (a common word, PostgreSQL only). Elsewhere, every match in the *recent* order."""
    words = _words(text)
    if not words or not _on_postgresql():
        return queryset.order_by(*recent), False
    query = _query(words)
    windowed = expected_matches(queryset.model, words) > COMMON_FROM
    if windowed:
        queryset = queryset.model.objects.filter(pk__in=queryset.order_by(*recent).values("pk")[:RANK_WINDOW])
    return queryset.annotate(relevance=SearchRank(F("search__document"), query)).order_by("-relevance", *recent), windowed
