"""The open data's addresses, included under /public/ (tracker/urls.py): /public/data/ and its files."""

from django.urls import path

from tracker.opendata import views

urlpatterns = [
    path("data/", views.open_data_view, name="open_data"),
    path("data/<str:filename>", views.open_data_file_view, name="open_data_file"),
]
