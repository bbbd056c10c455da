"""Settings come from the environment and refuse to start on a dangerous or unreadable value."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Variables the test process sets for itself, which a real start-up would not have.
TEST_ONLY = (
    "SECRET_KEY",
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_COOKIES",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "ALLOWED_HOSTS",
    "SITE_URL",
)


def start_django(**environment) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in TEST_ONLY}
    env.update(environment, DJANGO_SETTINGS_MODULE="tracker.settings")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_settings_refuse_to_start_without_secret_key_when_debug_is_off():
    result = start_django(DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def manage(*arguments: str, **environment) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in TEST_ONLY}
    env.update(environment, DJANGO_SETTINGS_MODULE="tracker.settings")
    return subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_manage_py_says_what_is_missing_instead_of_failing_later():
    result = manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "Configuration error: The environment variable SECRET_KEY must be set when DEBUG is off" in result.stderr
    assert "AppRegistryNotReady" not in result.stderr


def test_commands_that_sign_nothing_run_without_a_secret_key():
    result = manage("makemigrations", "--check", "--dry-run", DEBUG="0")
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_settings_start_without_secret_key_in_debug_mode():
    assert start_django(DEBUG="1").returncode == 0


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DEBUG", "maybe", "DEBUG='maybe' is not a boolean"),
        ("DATABASE_URL", "mysql://localhost/db", "must point to SQLite or PostgreSQL"),
        ("PAGE_SIZE", "many", "PAGE_SIZE='many' is not a whole number"),
        ("DEFAULT_HORIZON", "forever", "DEFAULT_HORIZON='forever' must be one of: legislature, government"),
    ],
)
def test_a_bad_value_stops_start_up_with_a_clear_message(variable, value, message):
    result = start_django(**{"DEBUG": "1", variable: value})
    assert result.returncode != 0
    assert message in result.stderr


def test_production_settings_pass_the_deployment_checklist():
    env = {key: value for key, value in os.environ.items() if key not in TEST_ONLY}
    env.update(
        DJANGO_SETTINGS_MODULE="tracker.settings",
        DEBUG="0",
        SECRET_KEY="x" * 10 + "-a-long-random-production-key-0123456789abcdef",
        ALLOWED_HOSTS="tracker.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"EMAIL_PORT": "70000"}, "EMAIL_PORT=70000 is not a port number"),
        ({"EMAIL_USE_TLS": "1", "EMAIL_USE_SSL": "1"}, "EMAIL_USE_TLS and EMAIL_USE_SSL are both on"),
        ({"EMAIL_HOST_USER": "tracker"}, "EMAIL_HOST_USER is set without EMAIL_HOST_PASSWORD"),
        ({"DEFAULT_FROM_EMAIL": "tracker at example"}, "DEFAULT_FROM_EMAIL='tracker at example' is not an e-mail address"),
        ({"SITE_URL": "tracker.example.org"}, "SITE_URL='tracker.example.org' is not a site address"),
        ({"SITE_URL": "https://tracker.example.org/?x=1"}, "is not a site address"),
    ],
)
def test_a_bad_mail_setting_stops_start_up_with_a_clear_message(environment, message):
    result = start_django(DEBUG="1", **environment)
    assert result.returncode != 0
    assert message in result.stderr


def production_mail(**environment) -> subprocess.CompletedProcess:
    return start_django(
        DEBUG="0", SECRET_KEY="x" * 50, ALLOWED_HOSTS="tracker.example.org", EMAIL_HOST="smtp.example.org", **environment
    )


def test_a_mail_server_in_production_needs_a_sender_and_the_sites_address():
    result = production_mail(SITE_URL="https://tracker.example.org")
    assert "DEFAULT_FROM_EMAIL must be set when EMAIL_HOST is set" in result.stderr
    result = production_mail(DEFAULT_FROM_EMAIL="Register <register@example.org>")
    assert "SITE_URL must be set when EMAIL_HOST is set" in result.stderr
    assert production_mail(DEFAULT_FROM_EMAIL="register@example.org", SITE_URL="https://tracker.example.org").returncode == 0


def mail_settings(**environment) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in TEST_ONLY and not key.startswith("EMAIL_")}
    env.update(environment, DJANGO_SETTINGS_MODULE="tracker.settings", DEBUG="1")
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.EMAIL_TIMEOUT, s.DEFAULT_FROM_EMAIL, s.TRACKER_SITE_URL, sep='|')"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    names = ("backend", "host", "port", "tls", "timeout", "sender", "site")
    return dict(zip(names, result.stdout.strip().split("|"), strict=True))


def test_mail_goes_to_the_console_without_a_server_and_over_smtp_with_one():
    console = mail_settings()
    assert console["backend"] == "django.core.mail.backends.console.EmailBackend"
    assert console["site"] == "http://127.0.0.1:8000", "make run's address in development"
    smtp = mail_settings(
        EMAIL_HOST="smtp.example.org", EMAIL_PORT="587", EMAIL_USE_TLS="1", SITE_URL="https://tracker.example.org/"
    )
    assert (smtp["backend"], smtp["host"], smtp["port"], smtp["tls"], smtp["timeout"], smtp["site"]) == (
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
        "587",
        "True",
        "30",
        "https://tracker.example.org",
    )


def test_the_cache_is_this_processs_memory_unless_a_shared_one_is_named(monkeypatch):
    from tracker.env import env_cache

    monkeypatch.delenv("CACHE_URL", raising=False)
    assert env_cache("CACHE_URL")["BACKEND"].endswith("LocMemCache")
    monkeypatch.setenv("CACHE_URL", "file:///var/cache/tracker")
    assert env_cache("CACHE_URL") == {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": "/var/cache/tracker",
    }
    monkeypatch.setenv("CACHE_URL", "redis://cache.internal:6379/1")
    assert env_cache("CACHE_URL")["BACKEND"].endswith("RedisCache")


def test_a_cache_url_not_understood_stops_start_up_with_a_clear_message():
    result = start_django(DEBUG="1", CACHE_URL="file://relative/path")
    assert result.returncode != 0
    assert "CACHE_URL='file://relative/path' is not a cache this application understands" in result.stderr


def test_templates_are_compiled_once_per_process_by_the_cached_loader():
    from django.template import engines

    assert [type(loader).__module__ for loader in engines["django"].engine.template_loaders] == ["django.template.loaders.cached"]
