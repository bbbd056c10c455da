"""Cursor pagination on the primary key: stable while rows are added, one indexed range read per page."""

from django.conf import settings
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination

MAX_ID = 2**63 - 1


class IdCursorPagination(CursorPagination):
    """Newest first, by id (unique, the primary key's index). `page_size` up to 200."""

    ordering = "-id"
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request) -> int:
        self.page_size = settings.TRACKER_API_PAGE_SIZE
        return super().get_page_size(request)

    def decode_cursor(self, request):
        """The cursor, refused (404, like any bad cursor) unless its position is an id: a forged
        one ("p=abc") would otherwise reach the database as a comparison with text."""
        cursor = super().decode_cursor(request)
        if cursor is not None and cursor.position is not None:
            position = cursor.position
            if not (position.isascii() and position.isdigit() and int(position) <= MAX_ID):
                raise NotFound(self.invalid_cursor_message)
        return cursor
