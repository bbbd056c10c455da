"""The one-click unsubscribe link of every mail: works without logging in, the signed token is the proof."""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from tracker.mail import optional_path, unsubscribe_user_id
from tracker.models import DigestFrequency, Profile
from tracker.services.digests import digest_unsubscribe


@login_not_required
# RFC 8058: a mail program's one-click unsubscribe is a POST from outside the site, without a CSRF
# token. The signed token in the address is what authorises it (no one else can make one), and all it
# can do is turn one user's digest off.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request: HttpRequest, token: str) -> HttpResponse:
    user_id = unsubscribe_user_id(token)
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first() if user_id is not None else None
    if user is None:
        return render(request, "tracker/unsubscribe_invalid.html", status=400)
    profile = Profile.objects.filter(user=user).first()
    language = profile.language if profile else translation.get_language()
    with translation.override(language):
        if request.method == "POST":
            digest_unsubscribe(user=user)
            return render(request, "tracker/unsubscribe.html", {"done": True, "profile_path": optional_path("profile")})
        already_off = profile is not None and profile.digest == DigestFrequency.OFF
        return render(
            request,
            "tracker/unsubscribe.html",
            {"done": already_off, "user_to_unsubscribe": user, "profile_path": optional_path("profile")},
        )
