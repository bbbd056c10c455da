from django.db import models

from tracker.pagination import ListPaginator


class HttpsLinksMixin:
    """Links typed without a scheme are read as https://, as Django 6 will do by default."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class LargeTableMixin:
    """For tables of hundreds of thousands of rows: an estimated count when the list is unfiltered,
    no second count of the whole table, and far pages read from the other end."""

    paginator = ListPaginator
    show_full_result_count = False


class ReadOnlyAdminMixin:
    """A record kept by the application (history, voids, import runs): listed and read here, never
    added, changed or deleted by hand."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
