"""Free-text search over commitments and questions.

A simple case-insensitive match on every database; PostgreSQL gets a ranked full-text search with
the Dutch configuration in tracker.search_postgres (issue: performance at scale).
"""

from django.db.models import Q, QuerySet


def _words(text: str) -> list[str]:
    return [word for word in text.split() if word][:8]


def commitment_search(queryset: QuerySet, text: str) -> QuerySet:
    """Commitments whose title, quote or answer text contains every word of *text*."""
    for word in _words(text):
        queryset = queryset.filter(Q(title__icontains=word) | Q(quote__icontains=word) | Q(answer__text__icontains=word))
    return queryset


def question_search(queryset: QuerySet, text: str) -> QuerySet:
    """Questions whose subject, text or answer contains every word of *text*."""
    for word in _words(text):
        queryset = queryset.filter(Q(subject__icontains=word) | Q(text__icontains=word) | Q(answer__text__icontains=word))
    return queryset
