"""/api/v1/: the resources, the OpenAPI schema and its documentation. The namespace is the version
(DRF's NamespaceVersioning): a v2 would be a second include beside this one, v1 kept as it is."""

from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from tracker.api import views


class Router(DefaultRouter):
    include_format_suffixes = False  # one address per resource; the format follows the Accept header
    APIRootView = views.ApiRootView


router = Router()
router.register("commitments", views.CommitmentViewSet, basename="commitment")
router.register("status-updates", views.StatusUpdateViewSet, basename="status-update")
router.register("questions", views.QuestionViewSet, basename="question")
router.register("answers", views.AnswerViewSet, basename="answer")
router.register("ministers", views.MinisterViewSet, basename="minister")
router.register("governments", views.GovernmentViewSet, basename="government")

# The API authenticates callers itself (tokens, or the staff session), and anonymous callers read
# the published data: LoginRequiredMiddleware leaves every address here alone.
v1 = [
    *router.urls,
    path("schema/", views.SchemaView.as_view(), name="schema"),
    # Swagger UI, its files and its start-up script from this site (no CDN, no inline script: the
    # CSP holds). Not Redoc: drf-spectacular's Redoc page loads Google's fonts and runs inline code.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="v1:schema", template_name="api/swagger_ui.html"),
        name="docs",
    ),
]
for pattern in v1:
    login_not_required(pattern.callback)

urlpatterns = [
    path("v1/", include((v1, "api"), namespace="v1")),
    # Any other address, line breaks included (".*" would stop at one): a JSON 404.
    re_path(r"^[\s\S]*$", login_not_required(views.api_not_found), name="api_not_found"),
]
