"""The guards of the staffing optimiser: what each measures in one replication, and its bound over many.

A guard is one constraint a recommended staffing must keep (limits: ``[guards]`` of
resources/targets.toml, overridden by a scenario's ``[guards]``):

- ``on_scene_rate``, for every risk class and shift: the share of the class's cases reported in
  the shift's hours with somebody on scene within ``on_scene_minutes``, at least the limit;
- ``response_rate``, for every risk class and shift: the share accepted within the scenario's
  response target, at least the limit;
- ``overdue_rate``, for every community: the share of its cases overdue by the registry's rule
  (:attr:`cockpit.case_measures.Cases.overdue`), at most the limit.

:func:`measure` runs one replication and returns every guard's value in it (a few numbers, cheap
to send back from a worker process); :func:`bound` turns the values of several replications into a
:class:`Guard` with its one-sided bound at the stated confidence (Student t).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

import numpy as np
import pandas as pd

from cockpit.case_measures import Cases
from simulation.ground import ground_of
from simulation.kpi import t_quantile
from simulation.log_frame import incident_frame
from simulation.replication import simulate
from simulation.scenario import Scenario

GuardKey = tuple[str, str | None, str | None, str | None]
"""(kind, risk, shift, community) of one guard."""

AT_LEAST = {"on_scene_rate": True, "response_rate": True, "overdue_rate": False}
"""Whether each kind of guard bounds its value from below (else from above)."""

CASES = "cases"
"""The kind of :func:`measure`'s case counts per shift and community (what a shift's total is split by)."""

LABELS = {
    "zh": {"on_scene_rate": "{risk}级事件{shift}时段{minutes}分钟内到场率", "response_rate": "{risk}级事件{shift}时段按时签收率",
           "overdue_rate": "{community}社区超期率", "risk": {"red": "红", "yellow": "黄", "blue": "蓝"}},
    "en": {"on_scene_rate": "{risk} cases on scene within {minutes} min, {shift} shift",
           "response_rate": "{risk} cases accepted within target, {shift} shift",
           "overdue_rate": "overdue rate, community {community}", "risk": {"red": "red", "yellow": "yellow", "blue": "blue"}},
}


@dataclass(frozen=True)
class Guard:
    """One constraint's value over ``n`` replications at a staffing: mean, one-sided bounds, limit, pass.

    ``lo`` and ``hi`` are the lower and upper one-sided bounds at the confidence the guard was
    judged at; a guard bounded from below passes when ``lo`` keeps the limit, one bounded from
    above when ``hi`` does. ``clearly_failed`` holds when even the other bound misses the limit
    (more replications would not make it pass).
    """

    kind: str
    risk: str | None
    shift: str | None
    community: str | None
    mean: float
    lo: float
    hi: float
    limit: float
    passed: bool
    n: int

    @property
    def key(self) -> GuardKey:
        return self.kind, self.risk, self.shift, self.community

    @property
    def slack(self) -> float:
        """How far the deciding bound is inside the limit (negative: outside)."""
        return (self.lo - self.limit) if AT_LEAST[self.kind] else (self.limit - self.hi)

    @property
    def clearly_failed(self) -> bool:
        return (self.hi < self.limit) if AT_LEAST[self.kind] else (self.lo > self.limit)

    def label(self, lang: str, shift_names: Mapping[str, str], on_scene_minutes: float) -> str:
        words = LABELS[lang]
        shift = shift_names.get(self.shift, self.shift) if lang == "zh" else self.shift
        return words[self.kind].format(risk=words["risk"].get(self.risk or "", self.risk), shift=shift,
                                       community=self.community, minutes=f"{on_scene_minutes:g}")


def shift_of_hour(shifts: Mapping) -> list[str]:
    """The shift each local hour belongs to (the latest-starting shift on at that hour)."""
    out = []
    for hour in range(24):
        minute = hour * 60 + 30
        on = [s for s in shifts.values() if s.covers(minute)]
        out.append(max(on, key=lambda s: (minute - s.start) % 1440 * -1).id if on else "")
    return out


def measure(scenario: Scenario, seed: int, replication: int) -> dict[GuardKey, float]:
    """Every guard's value in replication ``replication`` of ``scenario``, and its cases per shift and community.

    A guard no case decided is left out; the case counts are under ``(CASES, None, shift, community)``.
    """
    frame = incident_frame(simulate(scenario, seed, replication))
    window = frame[~frame["warmup"] & ~frame["after_horizon"] & ~frame["carried"]]
    now = max(t for t in (frame[c].max() for c in ("reported_at", "on_scene_at", "resolved_at")) if not pd.isna(t))
    cases = Cases(window, now)
    limits = scenario.guard_limits
    reported = window["reported_at"]
    on_scene_by = reported + pd.Timedelta(minutes=limits["on_scene_minutes"])
    accepted_by = reported + pd.Timedelta(minutes=scenario.response_target_minutes)
    shifts = np.asarray(shift_of_hour(ground_of(scenario).shifts), dtype=object)
    table = pd.DataFrame({
        "risk": window["risk_level"].astype(str).to_numpy(),
        "shift": shifts[reported.dt.tz_convert("Asia/Shanghai").dt.hour.to_numpy()],
        "community": window["community"].astype(str).to_numpy(),
        "on_scene": (window["on_scene_at"] <= on_scene_by).to_numpy(dtype=float),
        "on_scene_decided": (window["on_scene_at"].notna() | (on_scene_by < now)).to_numpy(),
        "response": (window["accepted_at"] <= accepted_by).to_numpy(dtype=float),
        "response_decided": (window["accepted_at"].notna() | (accepted_by < now)).to_numpy(),
        "overdue_rate": cases.overdue.to_numpy(dtype=float),
    })
    values: dict[GuardKey, float] = {}
    for kind, column in (("on_scene_rate", "on_scene"), ("response_rate", "response")):
        decided = table[table[f"{column}_decided"]]
        for (risk, shift), rate in decided.groupby(["risk", "shift"], sort=True)[column].mean().items():
            values[(kind, risk, shift, None)] = float(rate)
    for community, rate in table.groupby("community", sort=True)["overdue_rate"].mean().items():
        values[("overdue_rate", None, None, community)] = float(rate)
    for (shift, community), count in table.groupby(["shift", "community"], sort=True).size().items():
        values[(CASES, None, shift, community)] = float(count)
    return values


def bound(key: GuardKey, values: list[float], limit: float, confidence: float) -> Guard:
    """``key``'s guard over one value per replication (NaN values, replications without its cases, left out)."""
    kind, risk, shift, community = key
    data = np.asarray([v for v in values if math.isfinite(v)], dtype=float)
    if not len(data):
        return Guard(kind, risk, shift, community, math.nan, math.nan, math.nan, limit, True, 0)
    mean = float(data.mean())
    half = 0.0
    if len(data) >= 2:
        half = t_quantile(confidence, len(data) - 1) * float(data.std(ddof=1)) / math.sqrt(len(data))
    lo, hi = mean - half, mean + half
    passed = lo >= limit if AT_LEAST[kind] else hi <= limit
    return Guard(kind, risk, shift, community, mean, lo, hi, limit, bool(passed), len(data))


def guards_of(rows: list[dict[GuardKey, float]], limits: Mapping[str, float]) -> list[Guard]:
    """Every guard over the replications ``rows`` (each :func:`measure`'s answer), sorted by kind and key."""
    keys = sorted({key for row in rows for key in row if key[0] in AT_LEAST}, key=lambda k: tuple("" if v is None else v for v in k))
    return [bound(key, [row.get(key, math.nan) for row in rows], limits[key[0]], limits["confidence"])
            for key in keys]


def evaluate(scenario: Scenario, replications: int, seed: int) -> list[Guard]:
    """Every guard of ``scenario`` over replications ``0 .. replications - 1`` under ``seed`` (in this process)."""
    return guards_of([measure(scenario, seed, i) for i in range(replications)], scenario.guard_limits)
