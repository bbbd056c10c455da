"""The application's URLs plus a baseline: the commitment changelist of a Django admin with default
settings (a plain ModelAdmin), the yardstick the issue names."""

from django.contrib import admin
from django.urls import path

from tracker.models import Commitment
from tracker.urls import urlpatterns as application

baseline = admin.AdminSite(name="baseline")
baseline.register(Commitment)

urlpatterns = [path("baseline-admin/", baseline.urls), *application]
