"""The pages of one staff member: My work, what I follow (and following or no longer following
something), and the profile with the e-mail digest and the private calendar and feed addresses."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from tracker.access import permission_required
from tracker.forms.team import ProfileForm
from tracker.models import Commitment, Person, Question, Theme
from tracker.roles import role_of
from tracker.selectors.team import following, my_work
from tracker.services.api_tokens import api_token_create, api_token_revoke, can_hold_api_token
from tracker.services.team import follow, profile_of, profile_renew_feed_token, profile_update, unfollow

# Where a new API key waits, in the session, for the one page that shows it.
NEW_API_KEY = "tracker_new_api_key"

# What can be followed, by the name used in the addresses (/follow/minister/12/).
TARGETS = {
    "commitment": lambda: Commitment.objects.only("pk", "title"),
    "minister": lambda: Person.objects.ministers().only("pk", "first_name", "last_name"),
    "theme": lambda: Theme.objects.all(),
    "question": lambda: Question.objects.only("pk", "number", "session_year"),
}


def _name(kind: str, target) -> str:
    if kind == "commitment":
        return f"{target.reference} {target.title}"
    if kind == "minister":
        return target.full_name
    if kind == "question":
        return _("question %(citation)s") % {"citation": target.citation}
    return str(target)


def _target(kind: str, pk: int):
    if kind not in TARGETS:
        raise Http404(_("This cannot be followed."))
    target = TARGETS[kind]().filter(pk=pk).first()
    if target is None:
        raise Http404(_("Nothing with this number to follow."))
    return target


def _back(request: HttpRequest, default: str) -> str:
    """Where the form was sent from (a page of this site), else *default*."""
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return wanted
    return default


@require_GET
@permission_required("tracker.view_commitment", action=gettext_lazy("Reading My work"))
def my_work_view(request: HttpRequest) -> HttpResponse:
    as_of = timezone.localdate()
    work = my_work(
        request.user,
        as_of=as_of,
        can_review=request.user.has_perm("tracker.change_suggestion"),
        can_confirm=request.user.has_perm("tracker.add_statusupdateconfirmation"),
    )
    return render(
        request,
        "tracker/my_work.html",
        {
            "work": work,
            "as_of": as_of,
            "due_soon_days": settings.TRACKER_DUE_SOON_DAYS,
            "due_soon_until": as_of + datetime.timedelta(days=settings.TRACKER_DUE_SOON_DAYS),
            "follow_up_months": settings.TRACKER_FOLLOW_UP_MONTHS,
        },
    )


@require_GET
@permission_required("tracker.view_follow", action=gettext_lazy("Seeing what you follow"))
def following_view(request: HttpRequest) -> HttpResponse:
    return render(request, "tracker/following.html", {"following": following(request.user)})


@require_POST
@permission_required("tracker.add_follow", action=gettext_lazy("Following"))
def follow_view(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    target = _target(kind, pk)
    if follow(user=request.user, target=target):
        messages.success(
            request,
            _("You follow %(name)s: its changes reach you on My work and in your e-mail digest.") % {"name": _name(kind, target)},
        )
    else:
        messages.info(request, _("You already follow %(name)s.") % {"name": _name(kind, target)})
    return redirect(_back(request, reverse("following")))


@require_POST
@permission_required("tracker.delete_follow", action=gettext_lazy("Unfollowing"))
def unfollow_view(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    target = _target(kind, pk)
    if unfollow(user=request.user, target=target):
        messages.success(request, _("You no longer follow %(name)s.") % {"name": _name(kind, target)})
    else:
        messages.info(request, _("You did not follow %(name)s.") % {"name": _name(kind, target)})
    return redirect(_back(request, reverse("following")))


def feed_addresses(request: HttpRequest, token: str) -> list[dict]:
    """The user's private calendar and feed addresses, each with what it is for; an address whose
    page is not installed is left out."""
    addresses = []
    for name, label, help_text in (
        (
            "user_calendar",
            _("Calendar of deadlines (iCal)"),
            _(
                "The deadlines of what you follow or look after. Add it to Outlook, Google Calendar or your phone as a calendar subscription."
            ),
        ),
        (
            "following_feed",
            _("News feed of what you follow (Atom)"),
            _("Status changes on what you follow, for a feed reader."),
        ),
    ):
        url = reverse(name, kwargs={"token": token})
        addresses.append({"name": name, "label": label, "help": help_text, "url": request.build_absolute_uri(url)})
    return addresses


def profile_view(request: HttpRequest) -> HttpResponse:
    """Any logged-in person's own choices: e-mail address, digest, language; calendar and feed addresses."""
    user = request.user
    profile = profile_of(user)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                profile_update(user=user, digest=data["digest"], language=data["language"], email=data["email"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your choices are saved."))
                return redirect("profile")
    else:
        form = ProfileForm(initial={"email": user.email, "digest": profile.digest, "language": profile.language})
    return render(
        request,
        "tracker/profile.html",
        {
            "form": form,
            "profile": profile,
            "addresses": feed_addresses(request, profile.feed_token),
            "role": role.label if (role := role_of(user)) else "",
            "api_tokens": list(user.api_tokens.active()) if can_hold_api_token(user) else None,
            # Shown once: taken out of the session by the page that shows it.
            "new_api_key": request.session.pop(NEW_API_KEY, None),
            "api_docs_url": reverse("v1:docs"),
        },
        status=400 if form.is_bound else 200,
    )


@require_POST
def profile_renew_secret_view(request: HttpRequest) -> HttpResponse:
    profile_renew_feed_token(user=request.user)
    messages.success(
        request,
        _("New addresses made: the old ones no longer work. Give the new ones to your calendar and feed reader."),
    )
    return redirect(reverse("profile") + "#feeds")


@require_POST
def profile_api_token_create_view(request: HttpRequest) -> HttpResponse:
    """A new personal token for the open-data API; its key is shown once, on the next page."""
    if not can_hold_api_token(request.user):
        raise PermissionDenied
    _token, key = api_token_create(user=request.user, name=request.POST.get("name", "")[:100])
    request.session[NEW_API_KEY] = key
    return redirect(reverse("profile") + "#api")


@require_POST
def profile_api_token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not api_token_revoke(user=request.user, token_id=pk):
        raise Http404
    messages.success(request, _("The token is revoked: it no longer opens the API."))
    return redirect(reverse("profile") + "#api")
