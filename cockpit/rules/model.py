"""Alarm rules as data: what a sensor must read, for how long, to open a case of which category.

A rule file (resources/rules/default.toml) holds ``[[rule]]`` tables. A condition is one short
expression on one reading value: ``"smoke >= 1"``, ``"tilt_deg > 15"``, ``"heart_rate outside
40..130"``, ``"heart_rate inside 45..120"``. The clear condition is a separate expression so that a
rule can have hysteresis (trigger above 70 dB, clear only below 65 dB). A rule with
``no_signal_factor`` instead fires when a device stays silent longer than its reporting interval
times the factor.
"""

from __future__ import annotations

import operator
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from cockpit.resources import resource_path
from cockpit.vocabulary.categories import CategoryTable
from cockpit.vocabulary.domain import RiskLevel, SensorKind

_COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
    "!=": operator.ne,
}
REARM_S = 300.0
"""Default re-arm hold-off: five minutes of quiet before a sensor's alarm counts as over."""
FLOOD_ALARMS_PER_MINUTE = 10
"""Default flood threshold: more sensor alarms than this in a community within a minute are a flood."""
FLOOD_QUIET_S = 60.0
"""A flood is over when its community raised no sensor alarm for this long."""

_SIMPLE = re.compile(r"\s*([a-z][a-z0-9_]*)\s*(>=|<=|==|!=|>|<)\s*(-?[0-9.]+(?:e-?[0-9]+)?)\s*")
_RANGE = re.compile(r"\s*([a-z][a-z0-9_]*)\s+(inside|outside)\s+(-?[0-9.]+)\s*\.\.\s*(-?[0-9.]+)\s*")


@dataclass(frozen=True, slots=True)
class Condition:
    """A test on one named value of a reading: a comparison, or inside/outside a closed range."""

    value: str
    op: str
    low: float
    high: float = 0.0

    @classmethod
    def parse(cls, text: str) -> Condition:
        """Parse ``"name OP number"`` or ``"name inside|outside A..B"``.

        Raises
        ------
        ValueError
            If the text is neither form, or a range is empty.
        """
        match = _SIMPLE.fullmatch(text)
        if match:
            return cls(match[1], match[2], float(match[3]))
        match = _RANGE.fullmatch(text)
        if match:
            low, high = float(match[3]), float(match[4])
            if low > high:
                raise ValueError(f"condition {text!r}: empty range {low}..{high}")
            return cls(match[1], match[2], low, high)
        raise ValueError(f"condition {text!r}: expected 'name >= 1' or 'name outside 40..130'")

    def holds(self, x: float) -> bool:
        """Whether value ``x`` meets the condition."""
        if self.op == "inside":
            return self.low <= x <= self.high
        if self.op == "outside":
            return x < self.low or x > self.high
        return _COMPARE[self.op](x, self.low)

    def negated(self) -> Condition:
        """The opposite condition (the default clear condition: no hysteresis)."""
        if self.op in ("inside", "outside"):
            return Condition(self.value, "outside" if self.op == "inside" else "inside", self.low, self.high)
        opposite = {">=": "<", ">": "<=", "<=": ">", "<": ">=", "==": "!=", "!=": "=="}
        return Condition(self.value, opposite[self.op], self.low)

    def __str__(self) -> str:
        if self.op in ("inside", "outside"):
            return f"{self.value} {self.op} {self.low:g}..{self.high:g}"
        return f"{self.value} {self.op} {self.low:g}"


@dataclass(frozen=True, slots=True)
class AlarmRule:
    """One alarm rule: which sensors, when it fires and clears, and the case it opens.

    Attributes
    ----------
    id
        Stable rule id (in alarm ids and the rule_id of AlarmRaised).
    name, name_en
        Short name in Chinese (the alarm's and the case's detail) and in English (the English UI).
    kinds
        Sensor kinds the rule applies to.
    category, risk
        Category and risk level of the case an alarm opens.
    trigger, clear
        Conditions to raise and to clear (``clear`` is the negated trigger when not given);
        None for a no-signal rule.
    for_s, count
        The trigger must hold for ``count`` readings in a row spanning at least ``for_s`` seconds.
    clear_for_s, clear_count
        The same for clearing (debounce).
    repeat_every_s
        A trigger on an active alarm counts as a repeat at most this often.
    rearm_s
        Re-arm hold-off: an alarm clears only once its clear condition has held this long, so a
        trigger within it is a repeat of the same alarm, not a new one (ISA-18.2 off-delay).
    flap_window_s, flap_max
        ``flap_max`` raise edges within the window mark the sensor as flapping: its alarm is then
        held and cleared only after the clear condition has held for a whole window.
    elderly_alone_only
        Only sensors in homes of elderly people living alone.
    no_signal_factor
        For a no-signal rule: silent for longer than the sensor's interval times this factor.
    """

    id: str
    name: str
    kinds: frozenset[SensorKind]
    category: str
    risk: RiskLevel
    trigger: Condition | None = None
    clear: Condition | None = None
    for_s: float = 0.0
    count: int = 1
    clear_for_s: float = 0.0
    clear_count: int = 1
    repeat_every_s: float = 60.0
    rearm_s: float = REARM_S
    flap_window_s: float = 600.0
    flap_max: int = 4
    elderly_alone_only: bool = False
    no_signal_factor: float | None = None
    name_en: str = ""

    @property
    def no_signal(self) -> bool:
        return self.no_signal_factor is not None


_FIELDS = {
    "id", "name", "name_en", "kinds", "category", "risk", "trigger", "clear", "for_s", "count", "clear_for_s",
    "clear_count", "repeat_every_s", "rearm_s", "flap_window_s", "flap_max", "elderly_alone_only",
    "no_signal_factor",
}


def rule_from_dict(data: dict) -> AlarmRule:
    """Build one rule from its TOML table.

    Raises
    ------
    ValueError
        Unknown keys, a bad condition, kind or risk, or a rule both threshold and no-signal.
    """
    rule_id = data.get("id", "?")
    unknown = set(data) - _FIELDS
    if unknown:
        raise ValueError(f"rule {rule_id}: unknown key(s) {sorted(unknown)}")
    try:
        kinds = frozenset(SensorKind(k) for k in data["kinds"])
        trigger = Condition.parse(data["trigger"]) if "trigger" in data else None
        clear = Condition.parse(data["clear"]) if "clear" in data else None
        rule = AlarmRule(
            id=data["id"],
            name=data.get("name", data["id"]),
            kinds=kinds,
            category=data["category"],
            risk=RiskLevel(data["risk"]),
            trigger=trigger,
            clear=clear or (trigger.negated() if trigger else None),
            for_s=float(data.get("for_s", 0.0)),
            count=int(data.get("count", 1)),
            clear_for_s=float(data.get("clear_for_s", 0.0)),
            clear_count=int(data.get("clear_count", 1)),
            repeat_every_s=float(data.get("repeat_every_s", 60.0)),
            rearm_s=float(data.get("rearm_s", REARM_S)),
            flap_window_s=float(data.get("flap_window_s", 600.0)),
            flap_max=int(data.get("flap_max", 4)),
            elderly_alone_only=bool(data.get("elderly_alone_only", False)),
            no_signal_factor=float(data["no_signal_factor"]) if "no_signal_factor" in data else None,
            name_en=data.get("name_en", data.get("name", data["id"])),
        )
    except KeyError as exc:
        raise ValueError(f"rule {rule_id}: missing key {exc.args[0]!r}") from None
    if (rule.trigger is None) == (rule.no_signal_factor is None):
        raise ValueError(f"rule {rule_id}: give either trigger or no_signal_factor")
    if rule.trigger is not None and rule.clear is not None and rule.trigger.value != rule.clear.value:
        raise ValueError(f"rule {rule_id}: trigger and clear must test the same value")
    if rule.count < 1 or rule.clear_count < 1 or rule.flap_max < 2:
        raise ValueError(f"rule {rule_id}: count and clear_count must be >= 1, flap_max >= 2")
    return rule


def load_rules(path: Path | str | None = None, categories: CategoryTable | None = None) -> list[AlarmRule]:
    """The rules of a TOML file (the shipped default rules when ``path`` is None).

    With ``categories``, every rule's category must be in the table.

    Raises
    ------
    ValueError
        A malformed file or rule; the message names the rule.
    """
    path = Path(path) if path is not None else resource_path("rules", "default.toml")
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    rules = [rule_from_dict(entry) for entry in data.get("rule", [])]
    ids = [r.id for r in rules]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path}: duplicate rule ids")
    if categories is not None:
        for rule in rules:
            if rule.category not in categories:
                raise ValueError(f"rule {rule.id}: unknown category {rule.category!r}")
    return rules


@dataclass(frozen=True, slots=True)
class FloodLimit:
    """Flood suppression (EEMUA 191): more than ``alarms_per_minute`` sensor alarms in one community
    within a minute become one aggregate alarm, until ``quiet_s`` pass without a new one."""

    alarms_per_minute: int = FLOOD_ALARMS_PER_MINUTE
    quiet_s: float = FLOOD_QUIET_S


def load_flood_limit(path: Path | str | None = None) -> FloodLimit:
    """The ``[flood]`` table of a rule file (the shipped default rules when ``path`` is None).

    Raises
    ------
    ValueError
        Unknown keys or a limit that is not a positive number; the message names the file.
    """
    path = Path(path) if path is not None else resource_path("rules", "default.toml")
    with path.open("rb") as handle:
        table = tomllib.load(handle).get("flood", {})
    unknown = set(table) - {"alarms_per_minute", "quiet_s"}
    if unknown:
        raise ValueError(f"{path}: [flood]: unknown key(s) {sorted(unknown)}")
    limit = FloodLimit(int(table.get("alarms_per_minute", FLOOD_ALARMS_PER_MINUTE)),
                       float(table.get("quiet_s", FLOOD_QUIET_S)))
    if limit.alarms_per_minute < 1 or limit.quiet_s <= 0:
        raise ValueError(f"{path}: [flood]: alarms_per_minute must be >= 1 and quiet_s > 0")
    return limit


def rules_for(kind: SensorKind, elderly_alone: bool, rules: Iterable[AlarmRule]) -> list[AlarmRule]:
    """The rules that apply to a sensor of ``kind`` (and its elderly-alone flag)."""
    return [r for r in rules if kind in r.kinds and (elderly_alone or not r.elderly_alone_only)]
