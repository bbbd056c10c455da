import django_filters


class TrackerFilterSet(django_filters.FilterSet):
    """A FilterSet whose form is marked as a filter form: every field is optional, so the field
    template does not label each one "(optional)"."""

    @property
    def form(self):
        form = super().form
        form.is_filter = True
        return form
