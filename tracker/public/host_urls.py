"""The URLconf of the public site's own host name (PUBLIC_HOST): its pages at the root, nothing else."""

from django.urls import include, path

from tracker.public import views

urlpatterns = [
    path("robots.txt", views.robots_txt_view, name="robots_txt"),
    path("", include("tracker.opendata.urls")),
    path("", include("tracker.public.urls")),
]

handler400 = "tracker.views.errors.bad_request"
handler403 = "tracker.views.errors.permission_denied"
handler404 = "tracker.public.views.page_not_found"
handler500 = "tracker.views.errors.server_error"
