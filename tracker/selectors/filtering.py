import django_filters


class TrackerFilterSet(django_filters.FilterSet):
    """A FilterSet whose form is marked as a filter form: every field is optional, so the field
    template does not label each one "(optional)"."""

    @property
    def form(self):
        form = super().form
        form.is_filter = True
        return form


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
