"""How domain values look on screen: one tone per status, shared by badges, the chart and the legend;
the default horizon in words."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tracker.models import DeadlineSource, Status

# Tones map to CSS classes (static/tracker/css/app.css) and chart colours; each pairs a
# background with a text colour that passes WCAG AA contrast.
STATUS_TONES = {
    Status.ANNOUNCED: "announced",
    Status.IN_PROGRESS: "progress",
    Status.DELAYED: "delayed",
    Status.FULFILLED: "fulfilled",
    Status.PARTIALLY_FULFILLED: "partial",
    Status.NOT_FULFILLED: "broken",
    Status.LAPSED: "lapsed",
    Status.POSITION_MAINTAINED: "maintained",
    Status.POSITION_CHANGED: "changed",
}
CHART_COLOURS = {
    Status.ANNOUNCED: "#8a94a6",
    Status.IN_PROGRESS: "#2f6fdb",
    Status.DELAYED: "#e0a100",
    Status.FULFILLED: "#1f8a4c",
    Status.PARTIALLY_FULFILLED: "#7bbf6a",
    Status.NOT_FULFILLED: "#c8323c",
    Status.LAPSED: "#5d6470",
    Status.POSITION_MAINTAINED: "#7a4fb5",
    Status.POSITION_CHANGED: "#c27ad6",
}
DEADLINE_SOURCE_TONES = {
    DeadlineSource.STATED: "stated",
    DeadlineSource.STAFF: "staff",
    DeadlineSource.DEFAULT_HORIZON: "horizon",
    DeadlineSource.NONE: "none",
}
# By the setting TRACKER_DEFAULT_HORIZON, as tracker.models.default_horizon() sets the date.
DEFAULT_HORIZON_NAMES = {"legislature": _("the end of the legislature"), "government": _("the end of the government")}


def default_horizon_name() -> str:
    """What a default horizon is on this installation, in words: "the end of the legislature" or
    "the end of the government" (in which the promise was made)."""
    return DEFAULT_HORIZON_NAMES[settings.TRACKER_DEFAULT_HORIZON]
