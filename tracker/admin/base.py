from django.db import models


class HttpsLinksMixin:
    """Links typed without a scheme are read as https://, as Django 6 will do by default."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
