"""What drf-spectacular cannot tell from the code alone: how the personal tokens are sent, and that\nnone is needed."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema


class AutoSchema(SpectacularAutoSchema):
    def get_auth(self) -> list:
        """A token or the staff session, or nothing at all: anonymous callers read the published data."""
        return [*super().get_auth(), {}]


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "tracker.api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Staff only: `Token <key>`, a personal token made on the profile page. Without it, published data.",
        }
