from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator


class LoginForm(AuthenticationForm):
    """Django's login form, with the username's length checked on the server too.

    Django only sets the length on the field after creating it, so an over-long username reached
    authenticate() and the lockout log, whose column it overflowed (a 500 on PostgreSQL)."""

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))
