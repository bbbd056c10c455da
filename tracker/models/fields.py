"""Fields shared by several models and forms."""

from django import forms
from django.db import models

from tracker.validators import web_address_validator


class WebAddressFormField(forms.URLField):
    """A web address typed in a form: http or https only, with one clear message. Typed without a
    scheme, it is read as https://, as Django 6 will do by default."""

    default_validators = [web_address_validator]
    default_error_messages = {"invalid": web_address_validator.message}

    def __init__(self, **kwargs):
        super().__init__(**{"assume_scheme": "https", **kwargs})


class WebAddressField(models.URLField):
    """A link people click (evidence, a source document): http or https only, on every path."""

    default_validators = [web_address_validator]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": WebAddressFormField, **kwargs})

    def deconstruct(self):
        # To the database this is a plain URLField: migrations see none, and altering a field's
        # class on SQLite would rebuild the table and lose its triggers (append-only history).
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.URLField", args, kwargs
