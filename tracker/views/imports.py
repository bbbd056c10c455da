from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from tracker.access import permission_required
from tracker.forms.imports import ImportForm
from tracker.imports.runner import import_documents
from tracker.models import ImportRun


@permission_required("tracker.add_importrun", action=_("Importing documents"))
def import_upload_view(request: HttpRequest) -> HttpResponse:
    """Upload documents; each is imported in its own transaction and reported on its own line."""
    run = None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            documents = [(upload.name, upload.read()) for upload in form.cleaned_data["files"]]
            run = import_documents(documents, user=request.user, origin=ImportRun.Origin.UPLOAD)
            form = ImportForm()
    else:
        form = ImportForm()
    recent = ImportRun.objects.select_related("started_by").order_by("-started_at")[:5]
    status = 400 if request.method == "POST" and run is None else 200
    return render(request, "tracker/import.html", {"form": form, "run": run, "recent_runs": recent}, status=status)
