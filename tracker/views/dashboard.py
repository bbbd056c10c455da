from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from tracker.access import permission_required
from tracker.charts import stacked_bars
from tracker.models import Status
from tracker.selectors import dashboard


@require_GET
@permission_required("tracker.view_commitment", action=_("Reading the dashboard"))
def dashboard_view(request: HttpRequest) -> HttpResponse:
    as_of = timezone.localdate()
    figures = dashboard.figures(as_of)
    context = {
        "as_of": as_of,
        "headline": figures.headline,
        "status_counts": [(status, figures.status_counts[status.value]) for status in Status],
        "overdue": dashboard.overdue_panel(as_of),
        "due_soon": dashboard.due_soon_panel(as_of),
        "follow_up": dashboard.follow_up_panel(as_of),
        "recent_updates": dashboard.recent_updates(),
        "ministers": figures.ministers,
        "chart": stacked_bars(figures.status_by_year_made()),
        "due_soon_days": settings.TRACKER_DUE_SOON_DAYS,
        "follow_up_months": settings.TRACKER_FOLLOW_UP_MONTHS,
        "long_overdue_days": settings.TRACKER_LONG_OVERDUE_DAYS,
    }
    return render(request, "tracker/dashboard.html", context)
