"""What the street knows about each sensor kind, read from one table (resources/sensor_kinds.toml).

The demo street generator, the registry import and the map read a kind's id prefix, label,
reporting interval, colour and demo placement here, so that a new kind is a row of data, a member
of :class:`~cockpit.vocabulary.domain.SensorKind` and its translations.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cockpit.resources import resource_path
from cockpit.vocabulary.domain import SensorKind

PLACEMENTS = ("households", "elderly_homes", "roads", "markets_and_junctions", "street_front", "spread")
"""Where the demo street generator puts the devices of a kind (described in the table's header)."""

_FIELDS = {"prefix": str, "label": str, "interval_s": int, "colour": str, "demo_count": int, "demo_placement": str}


@dataclass(frozen=True, slots=True)
class SensorKindInfo:
    """One kind's id prefix, label, healthy interval in seconds, map colour and demo placement."""

    kind: SensorKind
    prefix: str
    label: str
    interval_s: int
    colour: str
    demo_count: int
    demo_placement: str


def load_sensor_kinds(path: Path) -> dict[SensorKind, SensorKindInfo]:
    """Read a sensor-kind table, in the order of :class:`SensorKind`; errors name the file and the entry.

    Raises
    ------
    ValueError
        A kind missing or unknown, a field missing, of the wrong type or out of range.
    """
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    data.pop("version", None)
    unknown = sorted(set(data) - set(SensorKind))
    if unknown:
        raise ValueError(f"{path}: unknown sensor kind {unknown[0]!r}")
    kinds = {}
    for kind in SensorKind:
        if kind.value not in data:
            raise ValueError(f"{path}: sensor kind {kind.value!r} has no entry")
        entry = data[kind.value]
        fields = {}
        for name, type_ in _FIELDS.items():
            value = entry.get(name)
            if not isinstance(value, type_) or isinstance(value, bool):
                raise ValueError(f"{path}: {kind.value}.{name}: must be a {type_.__name__}, got {value!r}")
            fields[name] = value
        extra = sorted(set(entry) - set(_FIELDS))
        if extra:
            raise ValueError(f"{path}: {kind.value}.{extra[0]}: unknown field")
        if fields["interval_s"] <= 0 or fields["demo_count"] < 0:
            raise ValueError(f"{path}: {kind.value}: interval_s must be > 0 and demo_count >= 0")
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", fields["colour"]):
            raise ValueError(f"{path}: {kind.value}.colour: must be #rrggbb, got {fields['colour']!r}")
        if fields["demo_placement"] not in PLACEMENTS:
            raise ValueError(f"{path}: {kind.value}.demo_placement: must be one of {', '.join(PLACEMENTS)}")
        kinds[kind] = SensorKindInfo(kind, **fields)
    return kinds


@cache
def sensor_kinds() -> dict[SensorKind, SensorKindInfo]:
    """The shipped table, read once."""
    return load_sensor_kinds(resource_path("sensor_kinds.toml"))
