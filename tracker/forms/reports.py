import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tracker.dates import add_months
from tracker.forms.widgets import DateInput, FastSelect
from tracker.selectors.filtering import minister_choices

# Report dates outside these years are typing mistakes, and would overflow the date arithmetic.
EARLIEST, LATEST = datetime.date(1990, 1, 1), datetime.date(2100, 12, 31)
LONGEST_PERIOD_DAYS = 2 * 366


class MinisterReportForm(forms.Form):
    """Which minister, on which date, and up to which date the next report looks ahead."""

    is_filter = True  # the dates have defaults: no "(optional)" after their labels

    minister = forms.TypedChoiceField(label=_("Minister"), coerce=int, widget=FastSelect)
    as_of = forms.DateField(label=_("Report date"), required=False, widget=DateInput)
    until = forms.DateField(label=_("Next report"), required=False, widget=DateInput)

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["minister"].choices = [("", _("Choose a minister")), *minister_choices()]
        self.initial.setdefault("as_of", today)
        self.initial.setdefault("until", add_months(today, settings.TRACKER_REPORT_MONTHS))

    def clean_as_of(self) -> datetime.date:
        as_of = self.cleaned_data.get("as_of") or self.today
        if not EARLIEST <= as_of <= LATEST:
            raise ValidationError(_("Choose a report date between 1990 and 2100."))
        return as_of

    def clean(self):
        cleaned = super().clean()
        as_of = cleaned.get("as_of")
        if as_of is None:
            return cleaned
        until = cleaned.get("until") or add_months(as_of, settings.TRACKER_REPORT_MONTHS)
        if until <= as_of:
            self.add_error("until", _("The next report must come after the report date."))
        elif (until - as_of).days > LONGEST_PERIOD_DAYS:
            self.add_error("until", _("Look ahead at most two years."))
        cleaned["until"] = until
        return cleaned
