"""Confirmations of status updates are append-only like the updates and voids (migrations 0004,
0009): a trigger refuses any UPDATE. And the roles learn the new actions: everyone may follow and
unfollow and read confirmations; editors (and administrators) confirm or reject a second editor's
closing status."""

from importlib import import_module

from django.db import migrations

MESSAGE = "confirmations of status updates are append-only: a decision is never changed"

POSTGRESQL = [
    f"""CREATE OR REPLACE FUNCTION tracker_statusupdateconfirmation_refuse_update() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION '{MESSAGE}'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER tracker_statusupdateconfirmation_append_only BEFORE UPDATE ON tracker_statusupdateconfirmation
    FOR EACH ROW EXECUTE FUNCTION tracker_statusupdateconfirmation_refuse_update()""",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS tracker_statusupdateconfirmation_append_only ON tracker_statusupdateconfirmation",
    "DROP FUNCTION IF EXISTS tracker_statusupdateconfirmation_refuse_update()",
]
SQLITE = [
    f"""CREATE TRIGGER tracker_statusupdateconfirmation_append_only BEFORE UPDATE ON tracker_statusupdateconfirmation
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS tracker_statusupdateconfirmation_append_only"]

EVERYONE = ["tracker.view_follow", "tracker.add_follow", "tracker.delete_follow", "tracker.view_statusupdateconfirmation"]
EDITOR = [*EVERYONE, "tracker.add_statusupdateconfirmation"]
GRANTS = {"Viewer": EVERYONE, "Editor": EDITOR, "Administrator": EDITOR}


def add_trigger(apps, schema_editor):
    for statement in POSTGRESQL if schema_editor.connection.vendor == "postgresql" else SQLITE:
        schema_editor.execute(statement)


def remove_trigger(apps, schema_editor):
    for statement in POSTGRESQL_REVERSE if schema_editor.connection.vendor == "postgresql" else SQLITE_REVERSE:
        schema_editor.execute(statement)


def add_permissions(apps, schema_editor):
    import_module("tracker.migrations.0003_roles").ensure_permissions(apps)
    grant_permissions(apps)


def grant_permissions(apps):
    """Give each role the new permissions (also used to restore them in tests after a flush)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, names in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(
            *(
                Permission.objects.get(content_type__app_label=label, codename=codename)
                for label, codename in (name.split(".") for name in names)
            )
        )


def revoke_permissions(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    codenames = [name.split(".")[1] for name in EDITOR]
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GRANTS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="tracker", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("tracker", "0011_team_follow_up")]

    operations = [
        migrations.RunPython(add_trigger, remove_trigger),
        migrations.RunPython(add_permissions, revoke_permissions),
    ]
