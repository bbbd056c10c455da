"""Pages: the same rows whichever end they are read from, estimated counts for whole big tables."""

import functools
import operator
from unittest import mock

import pytest
from django.test import RequestFactory

from tests.factories import CommitmentFactory
from tracker.models import Commitment
from tracker.pagination import ListPaginator, paginate

pytestmark = pytest.mark.django_db


@pytest.fixture
def eleven():
    return [CommitmentFactory() for _ in range(11)]


def pages(paginator: ListPaginator) -> list[list[int]]:
    return [[row.pk for row in paginator.page(number).object_list] for number in paginator.page_range]


def test_far_pages_read_backwards_hold_exactly_the_rows_of_the_forward_order(eleven):
    ordered = Commitment.objects.order_by("-made_on", "title", "pk")
    expected = list(ordered.values_list("pk", flat=True))
    paginator = ListPaginator(ordered, 2)
    assert functools.reduce(operator.iadd, pages(paginator), []) == expected
    assert [len(page) for page in pages(paginator)] == [2, 2, 2, 2, 2, 1]


def test_rows_are_loaded_by_id_in_the_order_of_the_list(eleven):
    ordered = Commitment.objects.order_by("-pk")
    loaded = []

    def rows(ids):
        loaded.append(ids)
        return Commitment.objects.filter(pk__in=ids).order_by("pk")

    paginator = ListPaginator(ordered, 4, rows=rows)
    assert [row.pk for row in paginator.page(1).object_list] == list(ordered.values_list("pk", flat=True))[:4]
    assert loaded == [list(ordered.values_list("pk", flat=True))[:4]]


def test_a_whole_big_table_is_counted_by_estimate_and_said_to_be(eleven):
    with mock.patch("tracker.pagination.table_estimate", return_value=200_000):
        whole = ListPaginator(Commitment.objects.order_by("pk"), 25)
        assert (whole.count, whole.estimated) == (200_000, True)
        filtered = ListPaginator(Commitment.objects.filter(kind="action").order_by("pk"), 25)
        assert (filtered.count, filtered.estimated) == (11, False)


def test_an_estimated_last_page_still_shows_the_last_rows(eleven):
    ordered = Commitment.objects.order_by("pk")
    with mock.patch("tracker.pagination.table_estimate", return_value=60_000):
        paginator = ListPaginator(ordered, 25)
        last = paginator.page(paginator.num_pages)
    assert [row.pk for row in last.object_list][-1] == ordered.last().pk


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999999999999999999", "1.5", ""])
def test_any_page_number_gives_a_real_page(eleven, page):
    request = RequestFactory().get("/", {"page": page})
    assert len(paginate(request, Commitment.objects.order_by("pk"), per_page=5).object_list) in (1, 5)
