"""Where the shipped data lives: the repository's resources/ folder (tables, rules, themes, scenarios)."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource, e.g. ``resource_path("categories.toml")``.

    Raises
    ------
    FileNotFoundError
        If the resource is not there (a broken checkout), naming the missing path.
    """
    path = RESOURCES.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"resource missing: {path}")
    return path
