from typing import NamedTuple

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from tracker.choices import cached_choices
from tracker.forms.widgets import FastSelect
from tracker.models import Government, Office, Person, Theme


class TrackerFilterSet(django_filters.FilterSet):
    """A FilterSet whose form is marked as a filter form (every field is optional, so the field
    template does not label each one "(optional)") and renders its selects with FastSelect."""

    @property
    def form(self):
        form = super().form
        if not getattr(form, "is_filter", False):
            form.is_filter = True
            for field in form.fields.values():
                if type(field.widget) is forms.Select:
                    field.widget = FastSelect(attrs=field.widget.attrs, choices=field.widget.choices)
        return form


class ListResult(NamedTuple):
    filterset: "TrackerFilterSet"
    queryset: object  # the filtered, ordered QuerySet
    ignored: list[str]  # filters not understood, and ignored
    windowed: bool = False  # a search ranked among its most recent matches only (tracker.search)


def apply_valid_filters(filterset_class, params, queryset, **kwargs):
    """Bind *params*; when some are invalid, apply the others and keep the bound form (with its
    errors) for display. Returns (filterset to display, filtered queryset, names ignored)."""
    shown = filterset_class(params, queryset=queryset, **kwargs)
    if shown.is_valid():
        return shown, shown.qs, []
    ignored = [name for name in shown.form.fields if name in shown.form.errors]
    valid = params.copy()
    for name in ignored:
        valid.pop(name, None)
    applied = filterset_class(valid, queryset=queryset, **kwargs)
    return shown, (applied.qs if applied.is_valid() else queryset.none()), ignored


def minister_filter(field_name: str) -> django_filters.ChoiceFilter:
    """The "Minister" filter of every list, on the person field *field_name*."""
    return django_filters.ChoiceFilter(
        label=_("Minister"), field_name=field_name, choices=minister_choices, empty_label=_("All ministers")
    )


# Choices of the list filters, each read with one narrow query (no model instance per option), then
# kept until a row they come from changes (tracker.choices).
@cached_choices("ministers")
def minister_choices() -> list[tuple[int, str]]:
    people = Person.objects.ministers().order_by("last_name", "first_name").values_list("pk", "first_name", "last_name")
    return [(pk, f"{first} {last}".strip()) for pk, first, last in people]


@cached_choices("offices")
def office_choices() -> list[tuple[int, str]]:
    offices = Office.objects.order_by("-start_date", "title").values_list(
        "pk", "person__first_name", "person__last_name", "title"
    )
    return [(pk, f"{first} {last}: {title.split(', ')[-1]}") for pk, first, last, title in offices]


@cached_choices("governments")
def government_choices() -> list[tuple[int, str]]:
    return list(Government.objects.values_list("pk", "name"))


@cached_choices("themes")
def theme_choices() -> list[tuple[int, str]]:
    return list(Theme.objects.values_list("pk", "name"))
