from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tracker.access import permission_required
from tracker.forms.imports import ImportForm
from tracker.forms.paste import PasteForm
from tracker.imports.runner import import_documents, import_records
from tracker.models import ImportRun, Question

IMPORTING = _("Importing documents")


@permission_required("tracker.add_importrun", action=IMPORTING)
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


@permission_required("tracker.add_importrun", action=IMPORTING)
def import_paste_view(request: HttpRequest) -> HttpResponse:
    """An answer the importer cannot read, pasted by staff with its header; imported as a document is."""
    form = PasteForm(request.POST or None)
    if form.is_valid():
        run = import_records([(_pasted_label(form), form.record())], user=request.user)
        result = run.report[0]
        if result["outcome"] != "failed":
            messages.success(
                request,
                ngettext(
                    "Answer imported; %(count)d suggestion to review.",
                    "Answer imported; %(count)d suggestions to review.",
                    result["suggestions"],
                )
                % {"count": result["suggestions"]},
            )
            return redirect(Question(pk=result["question_id"]))
        form.add_error(None, result["reason"])
    status = 400 if form.is_bound else 200
    return render(request, "tracker/import_paste.html", {"form": form}, status=status)


def _pasted_label(form: PasteForm) -> str:
    return f"nr. {form.cleaned_data['number']} ({form.cleaned_data['assembly']}), pasted"
