"""Settings for the test suite: the real settings, read from the environment, plus test-only choices.

DATABASE_URL still decides the database, so the same suite runs on SQLite and on PostgreSQL.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-used-anywhere-else-0123456789")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
# Tests speak plain HTTP to the test client and the live server.
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_COOKIES", "0")
# Most tests are about other rules than the four-eyes check (on in production): they record closing
# statuses that count at once; the four-eyes tests turn it on.
os.environ.setdefault("FOUR_EYES", "0")
# The address the links in mails point to (digests, reminders, unsubscribe).
os.environ.setdefault("SITE_URL", "https://tracker.example.org")
# The API's throttling is tested on its own (tests/test_api.py); elsewhere it must not get in the way.
os.environ.setdefault("API_ANON_REQUESTS_PER_MINUTE", "1000000")
os.environ.setdefault("API_STAFF_REQUESTS_PER_MINUTE", "1000000")

from tracker.settings import *  # noqa: F403  (the test settings are the real ones, plus the lines below)
from tracker.settings import STORAGES

# Fast hashing: password hashing strength is Django's concern, not this suite's.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Templates refer to static files by name; no collectstatic manifest is built for tests.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
