"""Throttling: per address for anonymous callers, per user for staff; rates from the settings
(TRACKER_API_ANON_RATE, TRACKER_API_STAFF_RATE), read at each request so a test can change them."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from tracker.api.permissions import reads_everything


class AnonymousThrottle(SimpleRateThrottle):
    """Everyone who does not read as staff, counted per address (a user without a role too)."""

    scope = "anon"

    def __init__(self):
        pass  # the rate is read in allow_request, not when the class is made

    def allow_request(self, request, view) -> bool:
        if reads_everything(request):
            return True
        self.rate = settings.TRACKER_API_ANON_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class StaffThrottle(SimpleRateThrottle):
    """Staff, counted per user."""

    scope = "staff"

    def __init__(self):
        pass

    def allow_request(self, request, view) -> bool:
        if not reads_everything(request):
            return True
        self.rate = settings.TRACKER_API_STAFF_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}
