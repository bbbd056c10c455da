"""The open data's download page and its files, open to everyone (no login)."""

import datetime
import os

from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tracker.opendata.resources import RESOURCES
from tracker.opendata.writer import (
    DATAPACKAGE,
    FILE_NAMES,
    LICENCE_NAME,
    LICENCE_TITLE,
    LICENCE_URL,
    MEDIA_TYPES,
    README,
    ZIP,
    attribution,
    open_data_directory,
    read_data_package,
)

# The files change once a day; a browser or proxy may keep one an hour, then asks again (ETag).
CACHE_SECONDS = 60 * 60
# Read in the browser; the tables and the zip are downloaded.
SHOWN_INLINE = {DATAPACKAGE, README}


@require_safe
@login_not_required
def open_data_view(request: HttpRequest) -> HttpResponse:
    """What each file holds (its columns too), its size and rows, when it was generated, the licence."""
    package = read_data_package()
    written = {resource["path"]: resource for resource in package["resources"]} if package else {}
    tables = [
        {
            "resource": resource,
            "files": [
                {"name": name, "format": name.rsplit(".", 1)[1].upper(), "written": written.get(name)}
                for name in (resource.csv_name, resource.json_name)
            ],
        }
        for resource in RESOURCES
    ]
    context = {
        "package": package,
        "generated_at": parse_datetime(package["created"]) if package else None,
        "as_of": datetime.date.fromisoformat(package["as_of"]) if package else None,
        "tables": tables,
        "zip_name": ZIP,
        "datapackage_name": DATAPACKAGE,
        "readme_name": README,
        "zip_size": _size(ZIP) if package else None,
        "licence_name": LICENCE_NAME,
        "licence_title": LICENCE_TITLE,
        "licence_url": LICENCE_URL,
        "attribution": attribution(),
        "page_title": _("Open data"),
    }
    return render(request, "opendata/index.html", context)


@require_safe
@login_not_required
def open_data_file_view(request: HttpRequest, filename: str) -> HttpResponse:
    """One file of the open data, by its known name only (nothing else in the directory, no path);
    with ETag and Last-Modified, so a client that has it gets a 304."""
    if filename not in FILE_NAMES:
        raise Http404
    try:
        # Opened first, then described from the open file: a run replacing it meanwhile cannot make
        # the validators describe another version than the bytes sent.
        stream = open(open_data_directory() / filename, "rb")  # noqa: SIM115 (FileResponse closes it)
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return render(
            request, "opendata/not_published.html", {"filename": filename, "page_title": _("Not published yet")}, status=404
        )
    status = os.fstat(stream.fileno())
    media_type = MEDIA_TYPES[os.path.splitext(filename)[1]]
    response = FileResponse(
        stream,
        as_attachment=filename not in SHOWN_INLINE,
        filename=filename,
        content_type=f"{media_type}; charset=utf-8" if media_type.startswith(("text/", "application/json")) else media_type,
    )
    response["ETag"] = f'"{status.st_ino:x}-{status.st_size:x}-{status.st_mtime_ns:x}"'
    response["Last-Modified"] = http_date(status.st_mtime)
    response["Access-Control-Allow-Origin"] = "*"  # open data: scripts on other sites may read it
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    conditional = get_conditional_response(request, etag=response["ETag"], last_modified=int(status.st_mtime), response=response)
    if conditional is not response:
        response.close()
    return conditional


def _size(name: str) -> int | None:
    try:
        return (open_data_directory() / name).stat().st_size
    except (FileNotFoundError, NotADirectoryError):
        return None
