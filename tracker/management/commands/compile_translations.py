"""Compile the committed .po catalogues into .mo files in pure Python (no GNU gettext needed)."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def catalogues() -> list[Path]:
    return sorted(path for locale_dir in settings.LOCALE_PATHS for path in Path(locale_dir).rglob("*.po"))


def entries(catalogue) -> dict[tuple[str, str, str], tuple[str, ...]]:
    """Translated, non-fuzzy entries keyed by (context, singular, plural)."""
    result = {}
    for entry in catalogue:
        if getattr(entry, "obsolete", False) or "fuzzy" in getattr(entry, "flags", ()):
            continue
        if not (any(entry.msgstr_plural.values()) if entry.msgid_plural else entry.msgstr):
            continue
        translation = (
            tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)) if entry.msgid_plural else (entry.msgstr,)
        )
        result[(entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")] = translation
    return result


def out_of_date(po_path: Path) -> str | None:
    """Why the .mo beside *po_path* does not match it, or None when it does."""
    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists():
        return f"{mo_path} is missing"
    if entries(polib.pofile(str(po_path))) != entries(polib.mofile(str(mo_path))):
        return f"{mo_path} does not match {po_path.name}"
    return None


class Command(BaseCommand):
    help = "Compile the .po files under LOCALE_PATHS into .mo files (pure Python). --check only verifies them."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Fail if a .mo file is missing or out of date.")

    def handle(self, *args, check: bool, **options):
        paths = catalogues()
        if not paths:
            raise CommandError("No .po files found under LOCALE_PATHS.")
        if check:
            problems = [problem for path in paths if (problem := out_of_date(path))]
            if problems:
                raise CommandError("Translations out of date (run `manage.py compile_translations`): " + "; ".join(problems))
            self.stdout.write(f"{len(paths)} catalogue(s) up to date.")
            return
        for path in paths:
            if out_of_date(path):
                polib.pofile(str(path)).save_as_mofile(str(path.with_suffix(".mo")))
                self.stdout.write(f"Compiled {path}")
        self.stdout.write(f"{len(paths)} catalogue(s) compiled.")
