"""Cursor pagination on the primary key: stable while rows are added, one indexed range read per page."""

from django.conf import settings
from rest_framework.pagination import CursorPagination


class IdCursorPagination(CursorPagination):
    """Newest first, by id (unique, the primary key's index). `page_size` up to 200."""

    ordering = "-id"
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request) -> int:
        self.page_size = settings.TRACKER_API_PAGE_SIZE
        return super().get_page_size(request)
