"""Golden files: a parser's output stored beside its input, compared on every run.

After a deliberate change to a parser, regenerate them with `UPDATE_GOLDEN=1 make test-suite
PYTEST_ARGS=tests/test_imports_text.py`, then read the diff before committing it.
"""

import dataclasses
import datetime
import json
import os
from pathlib import Path


def _plain(value):
    if dataclasses.is_dataclass(value):
        return {field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def as_json(result) -> str:
    """A parser's output as it is stored in a golden file."""
    return json.dumps(_plain(result), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def assert_matches_golden(result, golden: Path) -> None:
    """Compare with the golden file; a text is stored as it is, anything else as JSON."""
    actual = result if isinstance(result, str) else as_json(result)
    if os.environ.get("UPDATE_GOLDEN") == "1" or not golden.exists():
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8"), f"{golden.name} differs: see tests/golden.py to regenerate"
