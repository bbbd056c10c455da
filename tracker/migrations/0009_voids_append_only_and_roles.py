"""Voids are append-only like the status updates they void (migration 0004): a database trigger
refuses any UPDATE of a void, whatever issues it. And the roles learn the two new actions:
administrators void status updates and restore full exports; everyone may read the voids."""

from importlib import import_module

from django.db import migrations

MESSAGE = "voided status updates are append-only: a void is never changed"

POSTGRESQL = [
    f"""CREATE OR REPLACE FUNCTION tracker_statusupdatevoid_refuse_update() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION '{MESSAGE}'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER tracker_statusupdatevoid_append_only BEFORE UPDATE ON tracker_statusupdatevoid
    FOR EACH ROW EXECUTE FUNCTION tracker_statusupdatevoid_refuse_update()""",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS tracker_statusupdatevoid_append_only ON tracker_statusupdatevoid",
    "DROP FUNCTION IF EXISTS tracker_statusupdatevoid_refuse_update()",
]
SQLITE = [
    f"""CREATE TRIGGER tracker_statusupdatevoid_append_only BEFORE UPDATE ON tracker_statusupdatevoid
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS tracker_statusupdatevoid_append_only"]

READ = ["tracker.view_statusupdatevoid"]
ADMINISTRATOR = [*READ, "tracker.add_statusupdatevoid", "tracker.restore_export"]
GRANTS = {"Viewer": READ, "Editor": READ, "Administrator": ADMINISTRATOR}


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
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GRANTS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="tracker", codename__in=[name.split(".")[1] for name in ADMINISTRATOR]
            )
        )


class Migration(migrations.Migration):
    dependencies = [("tracker", "0008_status_update_voids")]

    operations = [
        migrations.RunPython(add_trigger, remove_trigger),
        migrations.RunPython(add_permissions, revoke_permissions),
    ]
