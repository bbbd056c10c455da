"""Typed readers for settings taken from environment variables.

Each helper raises ImproperlyConfigured with the variable's name and the accepted values, so a
misconfigured installation stops at start-up with a message an operator can act on.
"""

import os
from collections.abc import Callable
from datetime import timedelta
from email.utils import parseaddr
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import validate_email

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is None:
        if default is None:
            raise ImproperlyConfigured(f"The environment variable {name} must be set.")
        return default
    return value


def env_bool(name: str, *, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    normalised = value.strip().lower()
    if normalised in _TRUE:
        return True
    if normalised in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean: use one of 1/0, true/false, yes/no, on/off.")


def env_int(name: str, *, default: int, minimum: int = 0) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None
    if number < minimum:
        raise ImproperlyConfigured(f"{name}={value!r} must be at least {minimum}.")
    return number


def env_fraction(name: str, *, default: float) -> float:
    """A number from 0 to 1, e.g. a similarity threshold."""
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        number = float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a number.") from None
    if not 0 <= number <= 1:
        raise ImproperlyConfigured(f"{name}={value!r} must lie between 0 and 1.")
    return number


def env_list(name: str, *, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name: str, *, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name, default)
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={value!r} must be one of: {', '.join(choices)}.")
    return value


def env_minutes(name: str, *, default: int) -> timedelta:
    return timedelta(minutes=env_int(name, default=default, minimum=1))


PREPARE_THRESHOLD = 5  # psycopg's own default, which Django turns off unless told


def env_database(name: str, *, default: str) -> dict:
    url = os.environ.get(name) or default
    try:
        config = dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", default=60))
    except (ValueError, KeyError) as error:
        raise ImproperlyConfigured(
            f"{name} is not a database URL this application understands "
            f"(sqlite:///path or postgres://user@host:port/name): {error}"
        ) from None
    engine = config.get("ENGINE", "")
    if not engine.endswith(("sqlite3", "postgresql")):
        raise ImproperlyConfigured(f"{name} must point to SQLite or PostgreSQL, not {engine!r}.")
    if engine.endswith("postgresql"):
        # A dropped connection is checked before use, so the application recovers by itself
        # when the database comes back after an outage.
        config["CONN_HEALTH_CHECKS"] = True
        config.setdefault("OPTIONS", {})["connect_timeout"] = env_int("DATABASE_CONNECT_TIMEOUT", default=5, minimum=1)
        if env_bool("DATABASE_PREPARED_STATEMENTS", default=True):
            # Parameters bound by the server, and a query run five times on one connection kept as a
            # prepared statement: PostgreSQL then skips planning it again, which for the commitment
            # page's twelve joins took longer than running it (README, "Performance"). Off behind a
            # pooler in transaction mode (PgBouncer), which cannot keep a connection's statements.
            config["OPTIONS"]["server_side_binding"] = True
            config["OPTIONS"]["prepare_threshold"] = PREPARE_THRESHOLD
    return config


def env_cache(name: str) -> dict:
    """The default cache (settings.CACHES) from a URL: unset or empty for this process's memory;
    file:///path for a directory every process of one machine shares; redis://host:port/db or
    memcached://host:port for processes on several machines."""
    url = os.environ.get(name, "").strip()
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    parts = urlsplit(url)
    if parts.scheme == "file" and parts.path.startswith("/") and not parts.netloc:
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": parts.path}
    if parts.scheme in ("redis", "rediss") and parts.hostname:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if parts.scheme == "memcached" and parts.hostname:
        return {"BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache", "LOCATION": parts.netloc}
    raise ImproperlyConfigured(
        f"{name}={url!r} is not a cache this application understands: leave it empty (this process's memory), "
        "or use file:///absolute/directory, redis://host:6379/0 or memcached://host:11211."
    )


def required_unless(condition: bool, name: str, *, fallback: Callable[[], str], reason: str) -> str:
    """Read a variable that may only be left out when *condition* holds (e.g. in DEBUG mode)."""
    value = os.environ.get(name)
    if value:
        return value
    if condition:
        return fallback()
    raise ImproperlyConfigured(f"The environment variable {name} must be set {reason}.")


def env_port(name: str, *, default: int) -> int:
    port = env_int(name, default=default, minimum=1)
    if port > 65535:
        raise ImproperlyConfigured(f"{name}={port!r} is not a port number (1 to 65535).")
    return port


def env_url(name: str, *, default: str) -> str:
    """A site's address without a trailing slash: http(s)://host[:port][/path], no query or fragment."""
    value = os.environ.get(name)
    if not value:
        return default
    url = value.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError on a port that is not a number)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a site address: use http(s)://host[:port][/path], e.g. https://tracker.example.org"
        )
    return url


def env_email(name: str, *, default: str) -> str:
    """An e-mail address, bare or with a display name: `tracker@example.org` or `Tracker <tracker@example.org>`."""
    value = os.environ.get(name)
    if value is None:
        return default
    _display, address = parseaddr(value.strip())
    try:
        validate_email(address)
    except ValidationError:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not an e-mail address: use name@example.org or 'Name <name@example.org>'."
        ) from None
    return value.strip()
