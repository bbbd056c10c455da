"""Validators shared by several models."""

from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

# Links staff and readers click (evidence, source documents): web addresses only, never
# javascript:, data: or ftp:, whichever path (form, admin, import, restore) the value came in by.
web_address_validator = URLValidator(
    schemes=["http", "https"], message=_("Give a web address that starts with http:// or https://.")
)
