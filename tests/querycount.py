"""Counting the SQL queries of one request, to prove a page's cost does not grow with its rows."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url: str, **params) -> int:
    """The queries of one request made with an empty cache: the most it costs, whatever earlier
    requests kept (the choice lists of tracker.choices), so that two counts always compare."""
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, (url, response.status_code)
    return len(context.captured_queries)
