"""Settings for `make bench`: the production settings on the benchmark database, plus the baseline
admin site (bench/urls.py). Requests are made in-process, so no HTTPS redirect or secure cookies."""

import os

os.environ.setdefault("SECRET_KEY", "benchmark-only-key-not-a-secret-0123456789abcdefghij")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.setdefault("SITE_URL", "https://tracker.example.org")

from tracker.settings import *  # noqa: F403  (the real settings, plus the lines below)
from tracker.settings import STORAGES

ROOT_URLCONF = "bench.urls"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
# The digests are rendered and serialised as for sending, then dropped (bench/mail.py).
EMAIL_BACKEND = "bench.mail.SerializingBackend"
