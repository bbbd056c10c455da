"""Writing the open data into its directory, atomically.

Each table is read once and written to its CSV and its JSON side by side (so the two always agree);
then datapackage.json (Frictionless Data Package: the schema of each CSV, the licence, when, how many
rows, how many bytes, a SHA-256), README.txt (the licence note) and open-data.zip (everything). Every
file is written to a hidden temporary file in the same directory and only moved over the published
one (os.replace, atomic on one file system) once all of them are complete: a visitor downloads the
previous day's file or the new one, never half of one. A lock keeps two runs from writing at once.
"""

import contextlib
import csv
import datetime
import fcntl
import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone, translation

from tracker.exports.csv import cell
from tracker.opendata.resources import LIST_SEPARATOR, RESOURCES, Context, Resource

LICENCE_NAME = "CC-BY-4.0"
LICENCE_TITLE = "Creative Commons Attribution 4.0 International"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
DATAPACKAGE = "datapackage.json"
README = "README.txt"
ZIP = "open-data.zip"
LOCK = ".publish.lock"
TEMPORARY_SUFFIX = ".tmp"
# Every file a run writes, and so every name the download view serves.
FILE_NAMES = [
    *(name for resource in RESOURCES for name in (resource.csv_name, resource.json_name)),
    DATAPACKAGE,
    README,
    ZIP,
]
MEDIA_TYPES = {".csv": "text/csv", ".json": "application/json", ".txt": "text/plain", ".zip": "application/zip"}


class PublishingInProgress(Exception):
    """Another run holds the directory's lock."""


@dataclass
class Written:
    """A file written to its temporary name, waiting to be moved over the published one."""

    name: str
    temporary: Path
    rows: int | None = None
    bytes: int = 0
    sha256: str = ""


def open_data_directory() -> Path:
    return Path(settings.TRACKER_OPEN_DATA_DIR)


def attribution() -> str:
    """How reusers are asked to credit the data."""
    site = settings.TRACKER_SITE_URL
    return f"{settings.TRACKER_OPEN_DATA_PUBLISHER}" + (f", {site}" if site else "")


def publish_open_data(*, directory: Path | None = None, as_of: datetime.date | None = None) -> dict:
    """Write every file of the open data into *directory* (default: OPEN_DATA_DIR), the overdue flags
    counted on *as_of* (default: today); return the data package written (datapackage.json)."""
    directory = directory or open_data_directory()
    directory.mkdir(parents=True, exist_ok=True)
    generated_at = timezone.now().replace(microsecond=0)
    context = Context(as_of=as_of or timezone.localdate(generated_at))
    written: list[Written] = []
    with _lock(directory), _staging(directory) as temporary:
        with _snapshot():
            for resource in RESOURCES:
                written.extend(_write_table(temporary, resource, context, generated_at))
        package = data_package(written, generated_at=generated_at, as_of=context.as_of)
        written.append(_write_text(temporary, DATAPACKAGE, json.dumps(package, ensure_ascii=False, indent=2) + "\n"))
        written.append(_write_text(temporary, README, readme_text(package)))
        written.append(_write_zip(temporary, written))
        for file in written:
            os.replace(file.temporary, directory / file.name)
    return package


@contextlib.contextmanager
def _lock(directory: Path) -> Iterator[None]:
    with open(directory / LOCK, "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PublishingInProgress(f"Another run is writing the open data in {directory}.") from None
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextlib.contextmanager
def _staging(directory: Path) -> Iterator[Callable[[str], tuple[int, Path]]]:
    """A maker of temporary files beside the published ones (so that os.replace stays on one file
    system), each removed at the end unless moved into place; and the leftovers of a run that was
    killed half-way, removed first."""
    for name in FILE_NAMES:
        for leftover in directory.glob(f".{name}.*{TEMPORARY_SUFFIX}"):
            leftover.unlink(missing_ok=True)
    made: list[Path] = []

    def temporary(name: str) -> tuple[int, Path]:
        descriptor, path = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=TEMPORARY_SUFFIX)
        made.append(Path(path))
        # mkstemp makes the file readable by its owner only; the web server may run as another user.
        os.fchmod(descriptor, 0o644)
        return descriptor, Path(path)

    try:
        yield temporary
    finally:
        for path in made:
            path.unlink(missing_ok=True)


@contextlib.contextmanager
def _snapshot() -> Iterator[None]:
    """On PostgreSQL, read every table in one repeatable-read, read-only transaction: the files agree
    with each other (no status update of a commitment published after commitments.csv was written),
    whatever editors do meanwhile. Elsewhere (SQLite, for development) a long read would block the
    editors' writes: each query reads what is committed when it runs."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def _finish(file: Written) -> Written:
    digest = hashlib.sha256()
    with open(file.temporary, "rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
        # On disk before it replaces the published file: a crash then leaves one whole version or the other.
        os.fsync(stream.fileno())
    file.bytes, file.sha256 = file.temporary.stat().st_size, digest.hexdigest()
    return file


def _csv_value(value):
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(value)
    return cell(value)


def _json_value(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def _write_table(temporary: Callable, resource: Resource, context: Context, generated_at: datetime.datetime) -> list[Written]:
    """The resource's rows, read once, written to its CSV and its JSON at the same time."""
    names = [field.name for field in resource.fields]
    csv_file, json_file = Written(resource.csv_name, Path()), Written(resource.json_name, Path())
    csv_descriptor, csv_file.temporary = temporary(csv_file.name)
    json_descriptor, json_file.temporary = temporary(json_file.name)
    rows = 0
    with (
        open(csv_descriptor, "w", encoding="utf-8", newline="") as csv_stream,
        open(json_descriptor, "w", encoding="utf-8") as json_stream,
    ):
        writer = csv.writer(csv_stream)
        writer.writerow(names)
        head = {
            "name": resource.name,
            "generated_at": generated_at.isoformat(),
            "as_of": context.as_of.isoformat(),
            "license": {"name": LICENCE_NAME, "path": LICENCE_URL},
            "attribution": attribution(),
        }
        json_stream.write(
            "{\n" + "".join(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n" for key, value in head.items())
        )
        json_stream.write(f" {json.dumps(resource.name)}: [")
        for row in resource.rows(context):
            writer.writerow([_csv_value(row[name]) for name in names])
            json_stream.write(
                ("\n  " if rows == 0 else ",\n  ")
                + json.dumps({name: _json_value(row[name]) for name in names}, ensure_ascii=False)
            )
            rows += 1
        json_stream.write(f'\n ],\n "count": {rows}\n}}\n')
    csv_file.rows = json_file.rows = rows
    return [_finish(csv_file), _finish(json_file)]


def _write_text(temporary: Callable, name: str, text: str) -> Written:
    descriptor, path = temporary(name)
    with open(descriptor, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
    return _finish(Written(name, path))


def _write_zip(temporary: Callable, files: list[Written]) -> Written:
    descriptor, path = temporary(ZIP)
    with open(descriptor, "wb") as stream, zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in files:
            archive.write(file.temporary, arcname=file.name)
    return _finish(Written(ZIP, path))


def data_package(files: list[Written], *, generated_at: datetime.datetime, as_of: datetime.date) -> dict:
    """The Frictionless Data Package describing *files*: each CSV with its Table Schema, each JSON
    as the same rows (an object with the rows under the table's name), the licence."""
    written = {file.name: file for file in files}
    resources = []
    with translation.override("en"):
        for resource in RESOURCES:
            common = {"title": str(resource.title), "description": str(resource.description), "encoding": "utf-8"}
            csv_file, json_file = written[resource.csv_name], written[resource.json_name]
            schema = {"fields": [field.schema() for field in resource.fields]}
            if resource.primary_key:
                schema["primaryKey"] = resource.primary_key
            if resource.foreign_keys:
                schema["foreignKeys"] = resource.foreign_keys
            resources.append(
                {
                    "name": resource.name,
                    "path": csv_file.name,
                    "profile": "tabular-data-resource",
                    "format": "csv",
                    "mediatype": "text/csv",
                    **common,
                    "dialect": {"delimiter": ",", "header": True},
                    "bytes": csv_file.bytes,
                    "hash": f"sha256:{csv_file.sha256}",
                    "rows": csv_file.rows,
                    "schema": schema,
                }
            )
            resources.append(
                {
                    "name": f"{resource.name}-json",
                    "path": json_file.name,
                    "profile": "data-resource",
                    "format": "json",
                    "mediatype": "application/json",
                    **common,
                    "description": f"{common['description']} The same rows as {csv_file.name}, as a JSON array "
                    f"under the key “{resource.name}” (lists as arrays, flags as true/false, no cell quoting).",
                    "bytes": json_file.bytes,
                    "hash": f"sha256:{json_file.sha256}",
                }
            )
    site = settings.TRACKER_SITE_URL
    package = {
        "profile": "data-package",
        "name": "commitment-tracker",
        "title": "Commitment tracker: ministers' promises in answers to parliamentary questions",
        "description": (
            "The published commitments (promises and explicit refusals) ministers made in their answers to "
            "written parliamentary questions, followed up until kept, broken or withdrawn: their status "
            f"history, the questions and answers, the ministers and governments. Overdue flags as of {as_of.isoformat()}. "
            "Regenerated daily."
        ),
        "created": generated_at.isoformat(),
        "as_of": as_of.isoformat(),
        "licenses": [{"name": LICENCE_NAME, "path": LICENCE_URL, "title": LICENCE_TITLE}],
        "attribution": attribution(),
        "sources": [{"title": "Written questions and answers, as published by the parliaments"}],
        "resources": resources,
    }
    if site:
        package["homepage"] = site
    return package


def readme_text(package: dict) -> str:
    """The licence note and a list of the files, in plain text, shipped beside the data."""
    lines = [
        package["title"],
        "=" * len(package["title"]),
        "",
        f"Generated at {package['created']}; overdue flags as of {package['as_of']}.",
        "",
        "Licence",
        "-------",
        f"These data are published under the {LICENCE_TITLE} licence ({LICENCE_NAME}): {LICENCE_URL}",
        "You may share and adapt them for any purpose, also commercially, provided you give appropriate credit,",
        "link to the licence and say whether you made changes. Please credit them as:",
        "",
        f"    {package['attribution']}",
        "",
        "The questions and answers quoted are public parliamentary documents, as the parliaments publish them;",
        "the licence covers this register's own work on them: the commitments, their deadlines and statuses.",
        "",
        "Files",
        "-----",
    ]
    for resource in package["resources"]:
        if resource["format"] == "csv":
            lines.append(f"{resource['path']}: {resource['description']} ({resource['rows']} rows, {resource['bytes']} bytes)")
        else:
            lines.append(f"{resource['path']}: {resource['description']} ({resource['bytes']} bytes)")
    lines += [
        f"{DATAPACKAGE}: the Frictionless Data Package describing these files (each column, its type, the licence).",
        f"{ZIP}: all of the above in one archive.",
        "",
        "CSV: UTF-8 without a byte-order mark, comma-separated, with a header; dates as YYYY-MM-DD, flags as yes/no,",
        f"lists separated by “{LIST_SEPARATOR.strip()} ”. A text that a spreadsheet would run as a formula (starting with = + - @)",
        "is written behind a single quote ('); the JSON has every text as it is.",
        "",
    ]
    return "\n".join(lines)


def read_data_package(directory: Path | None = None) -> dict | None:
    """The data package of the last run (datapackage.json), or None before the first run."""
    try:
        with open((directory or open_data_directory()) / DATAPACKAGE, encoding="utf-8") as stream:
            return json.load(stream)
    except (FileNotFoundError, NotADirectoryError, ValueError):
        return None
