"""Administrators may do everything (README, "Roles"): migration 0003 gave them every permission
that existed then; the models added since (voids, confirmations, follows, profiles, the digests
and reminders sent) bring permissions of their own, given here too. Run again after a later
model is added, it gives those as well."""

from importlib import import_module

from django.db import migrations

ADMINISTRATOR_APPS = ["tracker", "auth", "axes"]


def grant_everything(apps, schema_editor=None):
    """Also used to restore the role in tests after a flush."""
    import_module("tracker.migrations.0003_roles").ensure_permissions(apps)
    grant_permissions(apps)


def grant_permissions(apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    administrator, _ = Group.objects.get_or_create(name="Administrator")
    administrator.permissions.add(*Permission.objects.filter(content_type__app_label__in=ADMINISTRATOR_APPS))


class Migration(migrations.Migration):
    dependencies = [("tracker", "0012_confirmations_append_only_and_roles")]

    operations = [migrations.RunPython(grant_everything, migrations.RunPython.noop)]
