from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from tracker.access import permission_required
from tracker.exports.csv import csv_response
from tracker.exports.tracker_export import CSV_COLUMNS, csv_rows, export_json


@require_GET
@permission_required("tracker.view_commitment", action=_("Exporting"))
def export_view(request: HttpRequest) -> HttpResponse:
    """The export page; with ?format=json or ?format=csv, the download itself (streamed)."""
    export_format = request.GET.get("format")
    today = timezone.localdate().isoformat()
    if export_format == "json":
        response = StreamingHttpResponse(export_json(), content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="commitment-tracker-{today}.json"'
        return response
    if export_format == "csv":
        rows = csv_rows(as_of=timezone.localdate())
        return csv_response(request, CSV_COLUMNS, rows, filename=f"commitment-tracker-{today}.csv")
    return render(request, "tracker/export.html", {})
