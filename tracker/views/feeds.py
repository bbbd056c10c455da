"""The private calendar and the Atom feeds, opened by the secret token in their address.

Calendar programs and feed readers cannot log in, so these pages need no login: the token stands
in for it (profile page: shown, and renewed to revoke the old addresses). A bad token, an old one,
a deactivated account or one without a role all get the same 404, revealing nothing. The texts are
in the owner's language (their profile), not the reader program's.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tracker.exports.ical import deadline_calendar
from tracker.models import Person, Profile, Status, StatusUpdate
from tracker.selectors.feeds import (
    calendar_commitments,
    feed_profile,
    following_feed_entries,
    minister_feed_entries,
)

# The year in the entries' tag URIs (RFC 4151): fixed, so that ids never change.
TAG_YEAR = 2026


def _profile_or_404(token: str) -> Profile:
    profile = feed_profile(token)
    if profile is None:
        raise Http404(_("No calendar or feed at this address."))
    return profile


def _host(request: HttpRequest) -> str:
    """The host name the request came to, without a port: the domain of the UIDs and entry ids."""
    return urlsplit(f"//{request.get_host()}").hostname or "localhost"


def _private(response: HttpResponse) -> HttpResponse:
    # Personal: never kept by a shared cache (the middleware adds no-store as for every page).
    patch_cache_control(response, private=True)
    return response


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


@login_not_required
@require_safe
def user_calendar_view(request: HttpRequest, token: str) -> HttpResponse:
    """The deadlines of what the token's owner follows or looks after, as an iCalendar feed."""
    profile = _profile_or_404(token)
    with translation.override(profile.language):
        commitments = calendar_commitments(profile.user, today=timezone.localdate())
        body = deadline_calendar(
            commitments,
            name=_("Deadlines: %(name)s") % {"name": _name(profile.user)},
            description=_("Deadlines of the commitments you follow or look after, from the commitment tracker."),
            host=_host(request),
            url_for=lambda commitment: request.build_absolute_uri(commitment.get_absolute_url()),
        )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="deadlines.ics"'
    return _private(response)


@dataclass(frozen=True)
class FeedSubject:
    profile: Profile
    host: str
    person: Person | None = None


class _PrivateFeed(Feed):
    """A feed of status updates, in its owner's language, at a private address."""

    feed_type = Atom1Feed
    description_template = "tracker/feeds/status_update.html"
    item_guid_is_permalink = False

    def __call__(self, request, *args, **kwargs):
        request.feed_profile = profile = _profile_or_404(kwargs["token"])
        with translation.override(profile.language):
            return _private(super().__call__(request, *args, **kwargs))

    def get_context_data(self, **kwargs):
        update = kwargs["item"]
        confirmation = getattr(update, "confirmation", None) if update.needs_confirmation else None
        return {
            **super().get_context_data(**kwargs),
            "update": update,
            "recorded_by": _recorder(update),
            "confirmation": confirmation,
            "confirmed_by": _decider(confirmation) if confirmation else "",
        }

    def feed_guid(self, subject: FeedSubject) -> str:
        return f"tag:{subject.host},{TAG_YEAR}:{self.guid_path(subject)}"

    def guid_path(self, subject: FeedSubject) -> str:
        """The feed's own part of its id (each feed says)."""
        raise NotImplementedError

    def entries(self, subject: FeedSubject) -> list[StatusUpdate]:
        """The status updates the feed shows (each feed says)."""
        raise NotImplementedError

    def items(self, subject: FeedSubject) -> list[StatusUpdate]:
        updates = self.entries(subject)
        for update in updates:
            update.feed_host = subject.host  # for item_guid, which sees only the item
        return updates

    def item_title(self, update: StatusUpdate) -> str:
        commitment = update.commitment
        return f"{commitment.reference} {commitment.title}: {Status(update.status).label}"

    def item_link(self, update: StatusUpdate) -> str:
        return update.commitment.get_absolute_url()

    def item_guid(self, update: StatusUpdate) -> str:
        return f"tag:{update.feed_host},{TAG_YEAR}:status-update/{update.pk}"

    def item_author_name(self, update: StatusUpdate) -> str:
        return _recorder(update)

    def item_pubdate(self, update: StatusUpdate):
        return update.recorded_at

    def item_updateddate(self, update: StatusUpdate):
        """When it began to count: for a four-eyes update, when a second editor confirmed it."""
        confirmation = getattr(update, "confirmation", None) if update.needs_confirmation else None
        return confirmation.decided_at if confirmation else update.recorded_at

    def item_categories(self, update: StatusUpdate) -> list[str]:
        return [str(Status(update.status).label)]


def _recorder(update: StatusUpdate) -> str:
    if update.recorded_by_id:
        return _name(update.recorded_by)
    return update.recorded_by_name or _("import")


def _decider(confirmation) -> str:
    if confirmation.decided_by_id:
        return _name(confirmation.decided_by)
    return confirmation.decided_by_name


class MinisterFeed(_PrivateFeed):
    """Status changes of one minister's commitments."""

    def get_object(self, request, token: str, person_id: int) -> FeedSubject:
        person = get_object_or_404(Person.objects.only("id", "first_name", "last_name"), pk=person_id)
        return FeedSubject(profile=request.feed_profile, host=_host(request), person=person)

    def title(self, subject: FeedSubject) -> str:
        return _("Status changes: %(name)s") % {"name": subject.person.full_name}

    def subtitle(self, subject: FeedSubject) -> str:
        return _("The latest status updates of the commitments of %(name)s, from the commitment tracker.") % {
            "name": subject.person.full_name
        }

    def link(self, subject: FeedSubject) -> str:
        return f"{reverse('minister_report')}?minister={subject.person.pk}"

    def guid_path(self, subject: FeedSubject) -> str:
        return f"feeds/ministers/{subject.person.pk}"

    def entries(self, subject: FeedSubject) -> list[StatusUpdate]:
        return minister_feed_entries(subject.person.pk)


class FollowingFeed(_PrivateFeed):
    """Status changes of everything the token's owner follows or looks after."""

    def get_object(self, request, token: str) -> FeedSubject:
        return FeedSubject(profile=request.feed_profile, host=_host(request))

    def title(self, subject: FeedSubject) -> str:
        return _("What %(name)s follows: status changes") % {"name": _name(subject.profile.user)}

    def subtitle(self, subject: FeedSubject) -> str:
        return _("The latest status updates of the commitments you follow or look after, from the commitment tracker.")

    def link(self, subject: FeedSubject) -> str:
        return reverse("dashboard")

    def guid_path(self, subject: FeedSubject) -> str:
        return f"feeds/following/{subject.profile.user_id}"

    def entries(self, subject: FeedSubject) -> list[StatusUpdate]:
        return following_feed_entries(subject.profile.user)


# GET and HEAD only (some calendar programs and readers ask HEAD first).
minister_feed = login_not_required(require_safe(MinisterFeed()))
following_feed = login_not_required(require_safe(FollowingFeed()))
