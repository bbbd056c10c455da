from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from tracker.imports.runner import SUPPORTED_SUFFIXES
from tracker.uploads import too_many_files


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(sorted(SUPPORTED_SUFFIXES))}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        files = [file for file in files if file]
        if not files:
            raise ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class ImportForm(forms.Form):
    files = MultipleFileField(
        label=_("Documents"),
        help_text=_(
            "Written questions with their answers as PDF (.pdf) or text (.txt), or structured records (.json, .xml: "
            "our export, the Flemish Parliament's open data). Several at once."
        ),
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > settings.IMPORT_MAX_FILES:
            raise ValidationError(too_many_files(settings.IMPORT_MAX_FILES))
        errors = []
        for upload in files:
            if upload.size > settings.IMPORT_MAX_FILE_BYTES:
                errors.append(
                    _("%(name)s is too large (%(size)s; the limit is %(limit)s).")
                    % {
                        "name": upload.name,
                        "size": filesizeformat(upload.size),
                        "limit": filesizeformat(settings.IMPORT_MAX_FILE_BYTES),
                    }
                )
        if errors:
            raise ValidationError(errors)
        return files
