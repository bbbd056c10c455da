"""Settings for the commitment tracker, read from the environment (see README, "Configuration")."""

import secrets
import sys
from pathlib import Path

from csp.constants import NONE, SELF
from django.conf import global_settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from tracker.env import (
    env_bool,
    env_cache,
    env_choice,
    env_database,
    env_email,
    env_fraction,
    env_int,
    env_list,
    env_minutes,
    env_port,
    env_str,
    env_url,
    required_unless,
)
from tracker.similarity import RESTATEMENT_THRESHOLD

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)
# Commands that neither serve requests nor sign anything run without a key (makemigrations --check
# in CI, collectstatic while building an image); they get a throwaway one, never a known one.
KEYLESS_COMMANDS = {"makemigrations", "showmigrations", "sqlmigrate", "collectstatic", "makemessages", "compile_translations"}
_COMMAND = sys.argv[1] if len(sys.argv) > 1 and Path(sys.argv[0]).name == "manage.py" else None
SECRET_KEY = required_unless(
    DEBUG or _COMMAND in KEYLESS_COMMANDS,
    "SECRET_KEY",
    fallback=lambda: "insecure-development-key-only-used-when-DEBUG-is-on" if DEBUG else secrets.token_urlsafe(50),
    reason="when DEBUG is off (generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))')",
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "whitenoise.runserver_nostatic",
    "tracker.apps.TrackerAdminConfig",  # Django's admin, on a site that refuses logged-in users without access
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",
    "django_filters",
    "simple_history",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served from here (no CDN)
    "corsheaders",
    "tracker.apps.TrackerConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # On the public site's own host name (PUBLIC_HOST), only the public site's addresses resolve; public
    # pages do not vary on cookies or languages (before the session and locale middleware, to see theirs).
    "tracker.public.middleware.public_site_middleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise, so that static files keep their long cache headers.
    "tracker.middleware.never_cache_middleware",
    # Before CommonMiddleware, as django-cors-headers asks; it answers only under /api/ (CORS_URLS_REGEX).
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout raised by the login form into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "tracker.context_processors.navigation",
            ],
        },
    },
]
# No "loaders": Django then compiles each template once per process (the cached loader, which it
# picks itself whenever none are named, DEBUG or not; tests/test_settings.py checks it).
FORM_RENDERER = "tracker.forms.renderer.TrackerFormRenderer"

DATABASES = {"default": env_database("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sessions live in the database, so several application processes can serve the same users.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = int(env_minutes("SESSION_MINUTES", default=8 * 60).total_seconds())
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", default=True)
SESSION_SAVE_EVERY_REQUEST = False

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "my_work"
LOGOUT_REDIRECT_URL = "login"

# Brute-force protection: 5 failures for one username from one address lock that pair out.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", default=5, minimum=1)
AXES_COOLOFF_TIME = env_minutes("LOGIN_LOCKOUT_MINUTES", default=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "tracker.views.accounts.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind a proxy, the client's address comes from X-Forwarded-For (see README, "Deploying").
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if env_bool("BEHIND_PROXY", default=False) else ["REMOTE_ADDR"]
)

LANGUAGE_CODE = env_str("LANGUAGE_CODE", "en")
LANGUAGES = [("en", _("English")), ("nl", _("Dutch"))]
LOCALE_PATHS = [BASE_DIR / "tracker" / "locale"]
FORMAT_MODULE_PATH = ["tracker.formats"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
TIME_ZONE = env_str("TIME_ZONE", "Europe/Brussels")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploads are read in memory and never stored as files: the application keeps no state of its own.
IMPORT_MAX_FILE_BYTES = env_int("IMPORT_MAX_FILE_KB", default=2048, minimum=1) * 1024
IMPORT_MAX_FILES = env_int("IMPORT_MAX_FILES", default=50, minimum=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = IMPORT_MAX_FILE_BYTES * 2
FILE_UPLOAD_MAX_MEMORY_SIZE = IMPORT_MAX_FILE_BYTES * 2
DATA_UPLOAD_MAX_NUMBER_FILES = IMPORT_MAX_FILES
# File names over 255 characters are refused, not silently cut by Django (tracker/uploads.py).
FILE_UPLOAD_HANDLERS = ["tracker.uploads.FileNameLengthUploadHandler", *global_settings.FILE_UPLOAD_HANDLERS]

# HTTP security. SSL redirect and HSTS are on by default in production; turn the redirect off
# with SECURE_SSL_REDIRECT=0 when a proxy in front already does it.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
# Asking browsers to preload HSTS binds every subdomain of the organisation's domain for months and
# cannot be undone quickly: that is the domain owner's decision (SECURE_HSTS_PRELOAD=1), not a default.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# Covering indexes (INCLUDE) speed up PostgreSQL; SQLite ignores the extra columns, as it should.
SILENCED_SYSTEM_CHECKS += ["models.W040"]
if env_bool("BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True

# Content-Security-Policy: everything from this site, no inline scripts, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "django.db.backends": {"level": "INFO"},
        # fpdf2's font subsetting (the minister's letter) reports every table it prunes at INFO.
        "fontTools": {"level": "WARNING"},
    },
}

# Domain settings (README, "Configuration").
# Commitments without a stated deadline fall due at the end of the legislature (or government)
# in which the answer was given.
TRACKER_DEFAULT_HORIZON = env_choice("DEFAULT_HORIZON", default="legislature", choices=("legislature", "government"))
TRACKER_DUE_SOON_DAYS = env_int("DUE_SOON_DAYS", default=30, minimum=1)
TRACKER_FOLLOW_UP_MONTHS = env_int("FOLLOW_UP_MONTHS", default=6, minimum=1)
TRACKER_LONG_OVERDUE_DAYS = env_int("LONG_OVERDUE_DAYS", default=365, minimum=1)
TRACKER_PAGE_SIZE = env_int("PAGE_SIZE", default=25, minimum=5)
TRACKER_REPORT_MONTHS = env_int("REPORT_MONTHS", default=3, minimum=1)
# The four-eyes check: a status that closes a commitment counts once a second editor confirms it.
TRACKER_FOUR_EYES = env_bool("FOUR_EYES", default=True)
# Whether a new commitment is published (shown on the public site and the open-data API) or kept
# internal until an editor publishes it.
TRACKER_PUBLISH_BY_DEFAULT = env_bool("PUBLISH_BY_DEFAULT", default=False)
# Reminders to the assignee and the followers this many days before a deadline (and on the day it passes).
TRACKER_REMINDER_DAYS = env_int("REMINDER_DAYS", default=7, minimum=1)
# A new suggestion is proposed as a re-statement of an open commitment from this similarity up
# (tracker.services.matching; chosen on the development half of tests/data/pairs/, README "Re-statements").
TRACKER_RESTATEMENT_THRESHOLD = env_fraction("RESTATEMENT_THRESHOLD", default=RESTATEMENT_THRESHOLD)

# E-mail (README, "E-mail"): the digests and reminders. Django's own setting names, from the
# environment; SMTP when EMAIL_HOST is set, otherwise each mail is printed on the console.
EMAIL_HOST = env_str("EMAIL_HOST", "").strip()
EMAIL_PORT = env_port("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=False)
# Seconds to wait for the mail server: a command must not hang on a server that stopped answering.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", default=30, minimum=1)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured(
        "EMAIL_USE_TLS and EMAIL_USE_SSL are both on: use one (TLS: STARTTLS, usually port 587; SSL: port 465)."
    )
if EMAIL_HOST_USER and not EMAIL_HOST_PASSWORD:
    raise ImproperlyConfigured("EMAIL_HOST_USER is set without EMAIL_HOST_PASSWORD.")
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
# Without a mail server (development, or mail printed on the console) these two may be left out.
_MAIL_OPTIONAL = DEBUG or not EMAIL_HOST
DEFAULT_FROM_EMAIL = env_email(
    "DEFAULT_FROM_EMAIL",
    default=required_unless(
        _MAIL_OPTIONAL,
        "DEFAULT_FROM_EMAIL",
        fallback=lambda: "Commitment tracker <tracker@localhost>",
        reason="when EMAIL_HOST is set (mail servers refuse mail from an address at localhost)",
    ),
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The site's own address, for the links in mails (read outside any request, so no host to take them
# from): required when mail goes out through a server; `make run` serves http://127.0.0.1:8000.
TRACKER_SITE_URL = env_url(
    "SITE_URL",
    default=required_unless(
        _MAIL_OPTIONAL,
        "SITE_URL",
        fallback=lambda: "http://127.0.0.1:8000" if DEBUG else "",
        reason="when EMAIL_HOST is set: the links in mails point there (e.g. https://tracker.example.org)",
    ),
)

# Fetching from the parliaments' web services (README, "Fetching"). The contact goes in the
# User-Agent of every request, so that a service's operators can reach whoever runs the fetcher.
TRACKER_FETCH_CONTACT = env_str("FETCH_CONTACT", "")
TRACKER_FETCH_PAUSE_MS = env_int("FETCH_PAUSE_MS", default=1000)
TRACKER_FETCH_RETRIES = env_int("FETCH_RETRIES", default=4)
TRACKER_FETCH_TIMEOUT_SECONDS = env_int("FETCH_TIMEOUT_SECONDS", default=60, minimum=1)

# Open data (README, "Open data downloads"): where `publish_open_data` writes the bulk downloads that
# /public/data/ serves (outside the code, git-ignored by default), and whom reusers are asked to credit.
TRACKER_OPEN_DATA_DIR = Path(env_str("OPEN_DATA_DIR", str(BASE_DIR / "open-data")))
TRACKER_OPEN_DATA_PUBLISHER = env_str("OPEN_DATA_PUBLISHER", "Commitment tracker")
# The public site (README, "Public site"): published commitments, read-only, without a login, under
# /public/ or, with PUBLIC_HOST set, at the root of a host name of its own (on which the staff site
# is then not reachable).
TRACKER_PUBLIC_HOST = env_str("PUBLIC_HOST", "").strip().lower()
if TRACKER_PUBLIC_HOST and TRACKER_PUBLIC_HOST not in ALLOWED_HOSTS:
    ALLOWED_HOSTS = [*ALLOWED_HOSTS, TRACKER_PUBLIC_HOST]
# How long a browser or a proxy may keep a public page without asking again (the application's own
# cache is emptied on every write instead: tracker/public/cache.py).
TRACKER_PUBLIC_MAX_AGE = env_int("PUBLIC_MAX_AGE", default=60)
# Where rendered public pages are kept: in the database (shared by every process and machine, so a
# write in one invalidates them for all: the default), in each process's memory (one process only),
# or nowhere.
_PUBLIC_CACHE = env_choice("PUBLIC_CACHE", default="database", choices=("database", "memory", "off"))
CACHES = {
    # The choice lists and the figures kept by tracker.choices, forgotten on every write. In this
    # process's memory by default; several processes (gunicorn workers, the commands run by cron)
    # need one they share, or a write in one leaves the others' copies stale (README, CACHE_URL).
    "default": env_cache("CACHE_URL"),
    "public": {
        "database": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "tracker_public_cache",  # created by `manage.py createcachetable`
            "OPTIONS": {"MAX_ENTRIES": 20000, "CULL_FREQUENCY": 4},
        },
        "memory": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "public",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        "off": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }[_PUBLIC_CACHE],
}
# The open-data API (README, "Open-data API"): read-only, at /api/v1/. Anonymous callers read what
# is published, at most API_ANON_REQUESTS_PER_MINUTE requests a minute per address; staff read
# everything with a personal token (their profile page), at most API_STAFF_REQUESTS_PER_MINUTE.
TRACKER_API_ANON_RATE = f"{env_int('API_ANON_REQUESTS_PER_MINUTE', default=60, minimum=1)}/min"
TRACKER_API_STAFF_RATE = f"{env_int('API_STAFF_REQUESTS_PER_MINUTE', default=600, minimum=1)}/min"
TRACKER_API_PAGE_SIZE = env_int("API_PAGE_SIZE", default=50, minimum=1)
# How long a shared cache (a proxy, a CDN) may keep an anonymous caller's answer; 0: never.
TRACKER_API_CACHE_SECONDS = env_int("API_CACHE_SECONDS", default=60)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First, so that a bad or revoked token is a 401 with WWW-Authenticate: Token.
        "tracker.api.authentication.ApiTokenAuthentication",
        # A logged-in staff member's browser reads the browsable API and the docs; read-only.
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["tracker.api.permissions.ReadOnly"],
    "DEFAULT_THROTTLE_CLASSES": ["tracker.api.throttling.AnonymousThrottle", "tracker.api.throttling.StaffThrottle"],
    "DEFAULT_VERSIONING_CLASS": "rest_framework.versioning.NamespaceVersioning",
    "ALLOWED_VERSIONS": ["v1"],
    "DEFAULT_VERSION": "v1",
    "DEFAULT_PAGINATION_CLASS": "tracker.api.pagination.IdCursorPagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer", "rest_framework.renderers.BrowsableAPIRenderer"],
    "DEFAULT_PARSER_CLASSES": [],  # nothing is ever sent to it
    "DEFAULT_SCHEMA_CLASS": "tracker.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "tracker.api.views.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # Throttling counts callers by address: REMOTE_ADDR, or behind a proxy the address it adds last.
    "NUM_PROXIES": 1 if env_bool("BEHIND_PROXY", default=False) else 0,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Commitment tracker open-data API",
    "DESCRIPTION": (
        "Read-only: the promises ministers made in answers to parliamentary questions, and whether they "
        "were kept. Anonymous callers read published commitments; staff read everything with a personal "
        "token (header `Authorization: Token <key>`)."
    ),
    "VERSION": "1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # No badge fetched from the validator's own site: everything comes from this one.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "TAGS": [
        {"name": "commitments", "description": "Promises and refusals found in ministers' answers, with their status."},
        {"name": "status-updates", "description": "Each observation of a commitment's status, with its evidence."},
        {"name": "questions", "description": "Written parliamentary questions."},
        {"name": "answers", "description": "The ministers' answers, where the commitments were made."},
        {"name": "ministers", "description": "The people who answered, with their offices."},
        {"name": "governments", "description": "Governments (cabinets), with their ministers' offices."},
    ],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "StatusEnum": "tracker.models.commitments.Status",
        "KindEnum": "tracker.models.commitments.Kind",
        "DeadlineSourceEnum": "tracker.models.commitments.DeadlineSource",
    },
}
# CORS: any site may read the API from a browser (GET only, no cookies), nothing else.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["API-Version"]
