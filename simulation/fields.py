"""Strict readers of scenario TOML values: each names the dotted key at fault in a ScenarioError.

Every reader takes the table, the name inside it and the dotted key to report, and either returns a
checked value (or the default) or raises :class:`~simulation.model.ScenarioError`.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Mapping

from simulation.model import ScenarioError


def no_unknown(table: Mapping[str, Any], key: str, allowed: set[str]) -> None:
    for name in table:
        if name not in allowed:
            where = f"{key}.{name}" if key else str(name)
            raise ScenarioError(where, f"unknown key; expected one of {sorted(allowed)}")


def subtable(data: Mapping[str, Any], name: str, *, required: bool, key: str | None = None) -> Mapping[str, Any]:
    key = key or name
    if name not in data:
        if required:
            raise ScenarioError(key, "missing table")
        return {}
    value = data[name]
    if not isinstance(value, Mapping):
        raise ScenarioError(key, "must be a table")
    return value


def string(table: Mapping[str, Any], name: str, key: str, *, required: bool = False, default: str | None = None) -> str | None:
    if name not in table:
        if required:
            raise ScenarioError(key, "missing")
        return default
    value = table[name]
    if not isinstance(value, str) or not value.strip():
        raise ScenarioError(key, "must be a non-empty string")
    return value


def choice(table: Mapping[str, Any], name: str, key: str, choices: tuple, *, required: bool = False, default: Any = None) -> Any:
    if name not in table:
        if required:
            raise ScenarioError(key, f"missing; one of {list(choices)}")
        return default
    value = table[name]
    if not isinstance(value, str) or value not in choices:
        raise ScenarioError(key, f"got {value!r}; expected one of {list(choices)}")
    return value


def number(
    table: Mapping[str, Any],
    name: str,
    key: str,
    *,
    required: bool = False,
    default: float | None = None,
    positive: bool = False,
    minimum: float | None = None,
) -> float | None:
    if name not in table:
        if required:
            raise ScenarioError(key, "missing")
        return default
    value = table[name]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ScenarioError(key, f"must be a finite number, got {value!r}")
    if positive and value <= 0:
        raise ScenarioError(key, f"must be > 0, got {value!r}")
    if minimum is not None and value < minimum:
        raise ScenarioError(key, f"must be >= {minimum:g}, got {value!r}")
    return float(value)


def integer(table: Mapping[str, Any], name: str, key: str, *, required: bool = False, minimum: int | None = None) -> int | None:
    if name not in table:
        if required:
            raise ScenarioError(key, "missing")
        return None
    value = table[name]
    if isinstance(value, bool) or not isinstance(value, int):
        raise ScenarioError(key, f"must be a whole number, got {value!r}")
    if minimum is not None and value < minimum:
        raise ScenarioError(key, f"must be >= {minimum}, got {value!r}")
    if value > 1_000_000:
        raise ScenarioError(key, f"unreasonably large ({value})")
    return value


def multipliers(table: Mapping[str, Any], name: str, key: str, length: int) -> tuple[float, ...] | None:
    if name not in table:
        return None
    return nonnegative_numbers(table[name], key, "multipliers", length)


def nonnegative_numbers(values: Any, key: str, what: str, length: int | None = None) -> tuple[float, ...]:
    """A non-empty list (of ``length``, if given) of finite numbers >= 0, at least one of them positive."""
    if not isinstance(values, list) or not values or (length is not None and len(values) != length):
        count = f"{length} " if length is not None else "non-empty list of "
        raise ScenarioError(key, f"must be a list of {count}{what}" if length is not None
                            else f"must be a {count}{what}")
    out = []
    for i, v in enumerate(values):
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0:
            raise ScenarioError(f"{key}[{i}]", "must be a finite number >= 0")
        out.append(float(v))
    if max(out) <= 0:
        raise ScenarioError(key, f"at least one of the {what} must be positive")
    return tuple(out)


def path(table: Mapping[str, Any], name: str, key: str, base_dir: Path) -> Path:
    value = string(table, name, key, required=True)
    path = Path(value)
    return path if path.is_absolute() else base_dir / path
