from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from tracker.access import permission_required
from tracker.forms.reports import MinisterReportForm
from tracker.models import Person
from tracker.selectors.reports import REPORT_ROWS, minister_report
from tracker.services.team import is_following


@require_GET
@permission_required("tracker.view_commitment", action=_("Reading the reports"))
def minister_report_view(request: HttpRequest) -> HttpResponse:
    """The periodic report for one minister; without a minister chosen, the form alone."""
    form = MinisterReportForm(request.GET or None, today=timezone.localdate())
    report = None
    following = False
    if form.is_valid():
        minister = Person.objects.get(pk=form.cleaned_data["minister"])
        report = minister_report(minister=minister, **{key: form.cleaned_data[key] for key in ("as_of", "until")})
        following = is_following(user=request.user, target=minister)
    return render(
        request,
        "tracker/minister_report.html",
        {"form": form, "report": report, "report_rows": REPORT_ROWS, "following": following},
    )
