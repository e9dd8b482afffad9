"""The one generator of sensor readings, for the demo feed and for ``cockpit sensors``.

What each sensor kind reports when nothing is wrong is data (resources/sensors.toml): per value a
distribution, rounding and clipping. A reading that raises an alarm is a healthy one with the
watched value set to one that meets the rule's trigger (:meth:`ReadingGenerator.alarming`), so an
alarm is always the rule engine's own decision, whoever sends the reading. Randomness comes from
the caller's generator, so a seeded caller stays reproducible.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from cockpit.vocabulary.domain import SensorKind
from cockpit.resources import resource_path
from cockpit.rules.model import AlarmRule, Condition

_DISTRIBUTIONS = ("constant", "normal", "uniform", "lognormal", "bernoulli")
_OPTIONS = {"zero", "abs", "daily", "min", "max", "digits"}


@dataclass(frozen=True, slots=True)
class ValueSpec:
    """How one value of a reading is drawn: a distribution, then the options of resources/sensors.toml."""

    name: str
    dist: str
    params: tuple[float, ...]
    zero: float = 0.0
    absolute: bool = False
    daily: tuple[float, float] | None = None
    low: float = -math.inf
    high: float = math.inf
    digits: int | None = None

    def draw(self, rng: np.random.Generator, local_hour: float) -> float:
        """One value for a reading taken at ``local_hour`` (0-24) of the day."""
        p = self.params
        if self.dist == "constant":
            x = p[0]
        elif self.dist == "normal":
            x = rng.normal(p[0], p[1])
        elif self.dist == "uniform":
            x = rng.uniform(p[0], p[1])
        elif self.dist == "lognormal":
            x = rng.lognormal(p[0], p[1])
        else:
            x = float(rng.random() < p[0])
        if self.zero and rng.random() < self.zero:
            x = 0.0
        if self.absolute:
            x = abs(x)
        if self.daily is not None:
            amplitude, peak = self.daily
            x += amplitude * math.cos((local_hour - peak) / 24 * 2 * math.pi)
        return self.round(min(self.high, max(self.low, float(x))))

    def round(self, x: float) -> float:
        return round(x, self.digits) if self.digits is not None else x


class ReadingGenerator:
    """Draws readings of every sensor kind of a table; owns the table, not the randomness.

    Emits nothing: callers wrap the values in :class:`~cockpit.events.SensorReading` events or
    MQTT payloads.
    """

    def __init__(self, table: dict[SensorKind, tuple[ValueSpec, ...]]) -> None:
        self.table = table

    def healthy(self, kind: SensorKind, rng: np.random.Generator, local_hour: float) -> dict[str, float]:
        """A reading of a sensor of ``kind`` taken at ``local_hour`` (0-24) when nothing is wrong."""
        return {spec.name: spec.draw(rng, local_hour) for spec in self._specs(kind)}

    def alarming(self, kind: SensorKind, rule: AlarmRule, rng: np.random.Generator,
                 local_hour: float) -> dict[str, float]:
        """A reading of ``kind`` taken at ``local_hour`` whose value watched by ``rule`` meets its trigger.

        Raises
        ------
        ValueError
            The rule has no trigger (a no-signal rule is met by silence, not by a reading).
        """
        if rule.trigger is None:
            raise ValueError(f"rule {rule.id} fires on silence; no reading meets it")
        values = self.healthy(kind, rng, local_hour)
        spec = next((s for s in self._specs(kind) if s.name == rule.trigger.value), None)
        x = meeting(rule.trigger)
        values[rule.trigger.value] = spec.round(x) if spec is not None else x
        if not rule.trigger.holds(values[rule.trigger.value]):
            values[rule.trigger.value] = x
        return values

    def _specs(self, kind: SensorKind) -> tuple[ValueSpec, ...]:
        try:
            return self.table[kind]
        except KeyError:
            raise KeyError(f"no reading values for sensor kind {kind.value!r} in the sensor table") from None


def meeting(condition: Condition) -> float:
    """A value that meets ``condition`` clearly (well past a threshold, outside or mid-range)."""
    low, high = condition.low, condition.high
    margin = max(1.0, abs(low) * 0.5)
    if condition.op in (">=", "=="):
        return low
    if condition.op == ">":
        return low + margin
    if condition.op == "<=":
        return low
    if condition.op == "<":
        return low - margin
    if condition.op == "!=":
        return low + 1.0
    if condition.op == "inside":
        return (low + high) / 2
    return high + max(1.0, (high - low) * 0.25)


def load_sensor_table(path: Path) -> dict[SensorKind, tuple[ValueSpec, ...]]:
    """Read a sensor value table; errors name the file, the kind and the value.

    Raises
    ------
    ValueError
        An unknown kind or option, no or two distributions, or parameters of the wrong shape.
    """
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    table: dict[SensorKind, tuple[ValueSpec, ...]] = {}
    for kind_name, values in data.items():
        if kind_name == "version":
            continue
        try:
            kind = SensorKind(kind_name)
        except ValueError:
            raise ValueError(f"{path}: {kind_name}: not a sensor kind of cockpit.domain.SensorKind") from None
        table[kind] = tuple(_spec(f"{path}: {kind_name}.{name}", name, entry) for name, entry in values.items())
    return table


def _spec(where: str, name: str, entry) -> ValueSpec:
    if not isinstance(entry, dict):
        raise ValueError(f"{where}: must be a table such as {{ normal = [55, 6] }}")
    dists = [d for d in _DISTRIBUTIONS if d in entry]
    unknown = set(entry) - set(_DISTRIBUTIONS) - _OPTIONS
    if len(dists) != 1 or unknown:
        raise ValueError(f"{where}: give one of {list(_DISTRIBUTIONS)} and options from {sorted(_OPTIONS)}")
    dist = dists[0]
    raw = entry[dist]
    params = tuple(float(v) for v in (raw if isinstance(raw, list) else [raw]))
    if len(params) != (1 if dist in ("constant", "bernoulli") else 2):
        wanted = "one number" if dist in ("constant", "bernoulli") else "two numbers"
        raise ValueError(f"{where}: {dist} takes {wanted}")
    daily = entry.get("daily")
    if daily is not None and (not isinstance(daily, list) or len(daily) != 2):
        raise ValueError(f"{where}: daily = [amplitude, peak_hour]")
    digits = entry.get("digits")
    if digits is not None and (isinstance(digits, bool) or not isinstance(digits, int) or digits < 0):
        raise ValueError(f"{where}: digits must be a whole number >= 0")
    return ValueSpec(
        name=name,
        dist=dist,
        params=params,
        zero=float(entry.get("zero", 0.0)),
        absolute=bool(entry.get("abs", False)),
        daily=None if daily is None else (float(daily[0]), float(daily[1])),
        low=float(entry.get("min", -math.inf)),
        high=float(entry.get("max", math.inf)),
        digits=digits,
    )


@cache
def default_readings() -> ReadingGenerator:
    """The generator of the shipped sensor table (cached: it never changes while the program runs)."""
    return ReadingGenerator(load_sensor_table(resource_path("sensors.toml")))
