"""Upload limits (README, "Configuration"): the texts that name them, and the one Django lacks.

Django enforces the number of files and the size of the other form data while it reads the request,
before any view runs; tracker.views.errors.bad_request turns those refusals into these texts.
"""

from django.core.files.uploadhandler import FileUploadHandler
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Django keeps at most 255 characters of an uploaded file's name and silently cuts the rest.
MAX_NAME_LENGTH = 255
# Django's parser refuses a part whose headers pass 1 KB with this text, before any handler sees the
# file; from a browser, only a file name (of some 900 characters or more) makes them that long.
PART_HEADERS_TOO_LONG = "Request max total header size exceeded."


class FileNameTooLong(MultiPartParserError):
    """A file name longer than MAX_NAME_LENGTH. A MultiPartParserError, so that Django answers 400
    through the 400 handler wherever the request is first read (CsrfViewMiddleware or the view)."""


class FileNameLengthUploadHandler(FileUploadHandler):
    """First of the upload handlers: refuses a file whose name is too long, where Django would cut
    it, before any of its content is read."""

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        if len(file_name) > MAX_NAME_LENGTH:
            raise FileNameTooLong(f"A file name of {len(file_name)} characters.")

    def receive_data_chunk(self, raw_data, start):
        return raw_data

    def file_complete(self, file_size):
        return None


def is_name_too_long(error: Exception) -> bool:
    """Whether reading the request stopped at a file name too long, ours or Django's limit."""
    return isinstance(error, FileNameTooLong) or (isinstance(error, MultiPartParserError) and str(error) == PART_HEADERS_TOO_LONG)


def too_many_files(limit: int) -> str:
    return ngettext("Upload at most %(count)d file at once.", "Upload at most %(count)d files at once.", limit) % {"count": limit}


def name_too_long() -> str:
    return _("File names may be at most %(count)d characters.") % {"count": MAX_NAME_LENGTH}
