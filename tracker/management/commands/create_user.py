"""python manage.py create_user NAME --role viewer|editor|administrator"""

import getpass
import os

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tracker.roles import Role, user_assign_role

PASSWORD_VARIABLE = "TRACKER_PASSWORD"


class Command(BaseCommand):
    help = f"Create a user (or change an existing user's role and password) with one role. The password is asked, or read from {PASSWORD_VARIABLE}."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=[role.value.lower() for role in Role])
        parser.add_argument("--email", default="")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args, username: str, role: str, email: str, first_name: str, last_name: str, **options):
        User = get_user_model()
        username = self._valid_username(User, username)
        user = User.objects.filter(username=username).first() or User(username=username)
        user.email = email or user.email
        user.first_name = first_name or user.first_name
        user.last_name = last_name or user.last_name
        password = os.environ.get(PASSWORD_VARIABLE) or self._ask_password()
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise CommandError("Password refused: " + " ".join(error.messages)) from None
        created = user.pk is None
        user.set_password(password)
        user.is_superuser = role == "administrator"
        user.save()
        user_assign_role(user=user, role=Role(role.capitalize()))
        self.stdout.write(f"{'Created' if created else 'Updated'} {username} with the role {role}.")

    def _valid_username(self, User, username: str) -> str:
        """The name as the admin's user form takes it: normalised, then checked by the model field's
        own validators (allowed characters, length)."""
        try:
            return User._meta.get_field(User.USERNAME_FIELD).clean(User.normalize_username(username), None)
        except ValidationError as error:
            raise CommandError(_("User name refused: %(reasons)s") % {"reasons": " ".join(error.messages)}) from None

    def _ask_password(self) -> str:
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The passwords do not match.")
        return first
