from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, register_converter
from django.views.generic import RedirectView
from django.views.i18n import set_language

from tracker.forms.accounts import LoginForm
from tracker.views import (
    commitments,
    dashboard,
    exports,
    feeds,
    health,
    imports,
    mail,
    programmes,
    publishing,
    questions,
    reports,
    review,
    status_updates,
    team,
)


class FeedTokenConverter:
    """A feed token as Profile makes them (secrets.token_urlsafe): anything else is a 404 at once."""

    regex = "[A-Za-z0-9_-]{16,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FeedTokenConverter, "feedtoken")

urlpatterns = [
    path("", dashboard.dashboard_view, name="dashboard"),
    path("my-work/", team.my_work_view, name="my_work"),
    path("following/", team.following_view, name="following"),
    path("follow/<slug:kind>/<int:pk>/", team.follow_view, name="follow"),
    path("unfollow/<slug:kind>/<int:pk>/", team.unfollow_view, name="unfollow"),
    path("profile/", team.profile_view, name="profile"),
    path("profile/renew-secret/", team.profile_renew_secret_view, name="profile_renew_secret"),
    path("profile/api-tokens/", team.profile_api_token_create_view, name="profile_api_token_create"),
    path("profile/api-tokens/<int:pk>/revoke/", team.profile_api_token_revoke_view, name="profile_api_token_revoke"),
    path("commitments/", commitments.commitment_list_view, name="commitment_list"),
    path("commitments/assign/", commitments.commitment_bulk_assign_view, name="commitment_bulk_assign"),
    path("commitments/export.csv", commitments.commitment_export_csv, name="commitment_export_csv"),
    path("commitments/overdue/", commitments.commitment_overdue_view, name="commitment_overdue"),
    path("commitments/<int:pk>/", commitments.commitment_detail_view, name="commitment_detail"),
    path("commitments/<int:pk>/follow-up/", commitments.commitment_follow_up_view, name="commitment_follow_up"),
    path("commitments/<int:pk>/status/", commitments.commitment_record_status_view, name="commitment_record_status"),
    path("commitments/<int:pk>/deadline/", commitments.commitment_change_deadline_view, name="commitment_change_deadline"),
    path("commitments/<int:pk>/responsibility/", commitments.commitment_hand_over_view, name="commitment_hand_over"),
    path("commitments/<int:pk>/edit/", commitments.commitment_edit_view, name="commitment_edit"),
    path("commitments/<int:pk>/assignee/", commitments.commitment_assign_view, name="commitment_assign"),
    path("commitments/<int:pk>/publication/", publishing.commitment_publish_view, name="commitment_publish"),
    path("commitments/publication/", publishing.commitment_bulk_publish_view, name="commitment_bulk_publish"),
    path("commitments/<int:pk>/part-of/", programmes.commitment_part_of_view, name="commitment_part_of"),
    path("commitments/<int:pk>/merge/", programmes.commitment_merge_view, name="commitment_merge"),
    path("commitments/<int:pk>/merges/<int:merge_pk>/undo/", programmes.commitment_merge_undo_view, name="commitment_merge_undo"),
    path(
        "status-updates/<int:pk>/note-visibility/",
        publishing.status_update_note_visibility_view,
        name="status_update_note_visibility",
    ),
    path("status-updates/<int:pk>/void/", status_updates.status_update_void_view, name="status_update_void"),
    path("status-updates/<int:pk>/confirm/", status_updates.status_update_confirm_view, name="status_update_confirm"),
    path("status-updates/<int:pk>/reject/", status_updates.status_update_reject_view, name="status_update_reject"),
    path("questions/", questions.question_list_view, name="question_list"),
    path("questions/late/", questions.late_answer_list_view, name="late_answers"),
    path("questions/<int:pk>/", questions.question_detail_view, name="question_detail"),
    path("reports/minister/", reports.minister_report_view, name="minister_report"),
    path("reports/minister/letter.pdf", reports.minister_report_pdf_view, name="minister_report_pdf"),
    path("reports/minister/letter.eml", reports.minister_report_eml_view, name="minister_report_eml"),
    # Private addresses for calendar programs and feed readers, which cannot log in (views/feeds.py).
    path("calendar/<feedtoken:token>.ics", feeds.user_calendar_view, name="user_calendar"),
    path("feeds/<feedtoken:token>/following.atom", feeds.following_feed, name="following_feed"),
    path("feeds/<feedtoken:token>/ministers/<int:person_id>.atom", feeds.minister_feed, name="minister_feed"),
    path("review/", review.review_list_view, name="review_list"),
    path("review/<int:pk>/", review.suggestion_review_view, name="suggestion_review"),
    path("import/", imports.import_upload_view, name="import_upload"),
    path("import/paste/", imports.import_paste_view, name="import_paste"),
    path("export/", exports.export_view, name="export"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("healthz", health.healthz, name="healthz"),
    # The public site (tracker/public/): published commitments, without a login; and the open data's
    # download page and files (tracker/opendata/), open to everyone too.
    path("public/", include("tracker.opendata.urls")),
    path("public/", include("tracker.public.urls")),
    path("unsubscribe/<str:token>/", mail.unsubscribe_view, name="unsubscribe"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=LoginForm),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    # One login page for everyone, protected by the lockout: the admin's own login sends people there.
    path("admin/login/", login_not_required(RedirectView.as_view(pattern_name="login", query_string=True))),
    path("admin/", admin.site.urls),
    # The read-only open-data API (tracker/api/; README, "Open-data API").
    path("api/", include("tracker.api.urls")),
]

handler400 = "tracker.views.errors.bad_request"
handler403 = "tracker.views.errors.permission_denied"
handler404 = "tracker.views.errors.page_not_found"
handler500 = "tracker.views.errors.server_error"
