"""The report per minister: the page, and the same report as the minister's letter (PDF) and as an
e-mail draft with the letter attached (.eml), from the same query string."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from tracker.access import permission_required
from tracker.forms.reports import MinisterReportForm
from tracker.letters.eml import letter_email
from tracker.letters.minister import MinisterLetter, minister_letter
from tracker.letters.pdf import letter_pdf
from tracker.models import Person
from tracker.selectors.reports import REPORT_ROWS, MinisterReport, minister_letterhead, minister_report, report_citations
from tracker.services.team import is_following, profile_of

VIEW = "tracker.view_commitment"
READING = _("Reading the reports")


def _report(request: HttpRequest) -> tuple[MinisterReportForm, MinisterReport | None]:
    form = MinisterReportForm(request.GET or None, today=timezone.localdate())
    if not form.is_valid():
        return form, None
    minister = Person.objects.get(pk=form.cleaned_data["minister"])
    return form, minister_report(minister=minister, as_of=form.cleaned_data["as_of"], until=form.cleaned_data["until"])


@require_GET
@permission_required(VIEW, action=READING)
def minister_report_view(request: HttpRequest) -> HttpResponse:
    """The periodic report for one minister; without a minister chosen, the form alone."""
    form, report = _report(request)
    context = {"form": form, "report": report, "report_rows": REPORT_ROWS, "query": request.GET.urlencode(), "following": False}
    if report is not None:
        context["following"] = is_following(user=request.user, target=report.minister)
        # The minister's status changes as an Atom feed, at the reader's private address.
        token = profile_of(request.user).feed_token
        context["feed_url"] = reverse("minister_feed", kwargs={"token": token, "person_id": report.minister.pk})
    return render(request, "tracker/minister_report.html", context)


def _letter(request: HttpRequest, report: MinisterReport) -> MinisterLetter:
    return minister_letter(
        report,
        letterhead=minister_letterhead(minister=report.minister, as_of=report.as_of),
        citations=report_citations(report),
        list_url=request.build_absolute_uri(reverse("commitment_list")),
    )


def _download(content: bytes, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def _back_to_the_form(request: HttpRequest) -> HttpResponse:
    """A download asked for with a bad query: the page says what is wrong with it."""
    return redirect(f"{reverse('minister_report')}?{request.GET.urlencode()}")


@require_GET
@permission_required(VIEW, action=READING)
def minister_report_pdf_view(request: HttpRequest) -> HttpResponse:
    """The report as the letter a parliament sends its minister, in Dutch, as a PDF."""
    _form, report = _report(request)
    if report is None:
        return _back_to_the_form(request)
    letter = _letter(request, report)
    return _download(letter_pdf(letter), content_type="application/pdf", filename=f"{letter.filename}.pdf")


@require_GET
@permission_required(VIEW, action=READING)
def minister_report_eml_view(request: HttpRequest) -> HttpResponse:
    """The letter as an e-mail draft: its text in the body, the PDF attached, To: left empty."""
    _form, report = _report(request)
    if report is None:
        return _back_to_the_form(request)
    letter = _letter(request, report)
    draft = letter_email(letter, pdf=letter_pdf(letter), domain=request.get_host().split(":")[0])
    return _download(draft, content_type="message/rfc822", filename=f"{letter.filename}.eml")
