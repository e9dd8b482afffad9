"""A capacity-constrained street world written apart from the simulator, to check calibration against.

Nothing here comes from simulation/: a small SimPy model with its own mechanics and distributions.
Three communities of four grids; workers on two twelve-hour shifts (07-19, 19-07) that differ from
the demo street's; cases with a sine-shaped day (peak mid-afternoon), quieter weekends (their peak
later, if asked) and a slow trend; a case waits in one street-wide queue (red first, then by report time) for an idle worker,
preferring one of its own community; gamma triage, acceptance that is three times slower between
23:00 and 06:00, lognormal trips, gamma on-scene work; a fifth of the cases then wait hours for a
department without holding the worker; ratings and closing after resolution. It writes the v1
incident log, as of the end of its period.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import simpy

from cockpit.history.as_of import log_as_of
from cockpit.history.format import normalise_log

START = pd.Timestamp("2024-01-01", tz="Asia/Shanghai")
COMMUNITIES = ("N1", "N2", "N3")
CATEGORIES = (  # code, share, risk shares (blue, yellow, red)
    ("waste_sanitation", 0.40, (0.9, 0.1, 0.0)),
    ("neighbour_dispute", 0.25, (0.7, 0.3, 0.0)),
    ("drainage_flooding", 0.20, (0.5, 0.4, 0.1)),
    ("fire_hazard", 0.15, (0.1, 0.5, 0.4)),
)
DEADLINE_H = {"blue": 24, "yellow": 48, "red": 72}
DEFAULT_OWNER = {"blue": 0, "yellow": 1, "red": 2}
LEVELS = ("grid", "community", "street")


def run_world(days: int = 365, seed: int = 11, day_workers: int = 3, night_workers: int = 2,
              cases_per_day: float = 75.0, trend: float = 0.2, weekend: float = 0.8,
              weekend_later: float = 0.0) -> pd.DataFrame:
    """The world's incident log over ``days`` days, ``day_workers``/``night_workers`` per community and shift.

    Cases and their own times are drawn from streams that do not depend on the staffing, so two
    runs with other staffing see the same cases (the ground truth of a staffing what-if). The
    rate grows linearly by ``trend`` over the period; a weekend day has ``weekend`` times the
    mean day and its day shape peaks ``weekend_later`` hours later.
    """
    weekday_factor = (7 - 2 * weekend) / 5
    demand = np.random.default_rng([seed, 1])
    times = np.random.default_rng([seed, 2])
    env = simpy.Environment()
    rows: list[dict] = []
    idle: list[str] = []
    on_duty: set[str] = set()
    waiting: list[tuple] = []

    def hour_of(t: float) -> int:
        return int((t // 60) % 24)

    def dispatch() -> None:
        waiting.sort(key=lambda w: (w[0], w[1]))
        while waiting and idle:
            _, _, community, event = waiting.pop(0)
            own = [w for w in idle if w.split("-")[1] == community]
            worker = (own or idle)[0]
            idle.remove(worker)
            event.succeed(worker)

    def release(worker: str) -> None:
        if worker in on_duty:
            idle.append(worker)
            dispatch()

    def shifts():
        day = [f"W-{c}-D{k}" for c in COMMUNITIES for k in range(day_workers)]
        night = [f"W-{c}-N{k}" for c in COMMUNITIES for k in range(night_workers)]
        team, other = night, day  # at midnight the night shift is on
        on_duty.update(team)
        idle.extend(team)
        yield env.timeout(7 * 60)
        while True:
            team, other = other, team
            for w in other:
                on_duty.discard(w)
                if w in idle:
                    idle.remove(w)
            on_duty.update(team)
            idle.extend(team)
            dispatch()
            yield env.timeout(12 * 60)

    def case(k: int, reported: float, category: str, risk: str, community: str, grid: str, draws: dict):
        row = {"k": k, "reported": reported, "category": category, "risk": risk, "community": community,
               "grid": grid}
        yield env.timeout(draws["triage"])
        row["triaged"] = env.now
        event = env.event()
        waiting.append((0 if risk == "red" else 1, env.now, community, event))
        dispatch()
        worker = yield event
        row["dispatched"], row["assignee"] = env.now, worker
        slow = 3.0 if hour_of(env.now) >= 23 or hour_of(env.now) < 6 else 1.0
        yield env.timeout(draws["accept"] * slow)
        row["accepted"] = env.now
        yield env.timeout(draws["travel"])
        row["on_scene"] = env.now
        yield env.timeout(draws["work"])
        release(worker)
        row["resolved"] = env.now + draws["department"]
        row["closed"] = row["resolved"] + draws["close"]
        rows.append(row)

    def arrivals():
        t, k = 0.0, 0
        horizon = days * 1440.0
        # Thinning against the largest rate: a sine day with its peak at 15:00, quieter weekends.
        peak = cases_per_day / 1440 * 1.6 * max(1.3, max(weekday_factor, weekend) * max(1.0, 1.0 + trend))
        while True:
            t += demand.exponential(1 / peak)
            if t >= horizon:
                return
            hour = (t / 60) % 24
            weekday = (START.day_of_week + int(t // 1440)) % 7
            later = weekend_later if weekday >= 5 else 0.0
            shape = 1 + 0.6 * math.sin((hour - 9 - later) / 24 * 2 * math.pi)
            rate = (cases_per_day / 1440 * shape * (weekend if weekday >= 5 else weekday_factor)
                    * (1 + trend * t / horizon))
            if demand.random() * peak > rate:
                continue
            index = demand.choice(len(CATEGORIES), p=[c[1] for c in CATEGORIES])
            code, _, risks = CATEGORIES[index]
            risk = ("blue", "yellow", "red")[demand.choice(3, p=risks)]
            community = COMMUNITIES[demand.integers(0, len(COMMUNITIES))]
            grid = f"{community}-G{demand.integers(1, 5)}"
            draws = {
                "triage": times.gamma(2.0, 2.0),
                "accept": times.gamma(1.5, 6.0),
                "travel": times.lognormal(math.log(12.0), 0.5),
                "work": times.gamma(2.0, 25.0 if code != "fire_hazard" else 45.0),
                "department": times.lognormal(math.log(8 * 60), 0.8) if times.random() < 0.2 else 0.0,
                "close": times.exponential(6 * 60) if times.random() < 0.7 else 72 * 60.0,
                "rating": int(times.choice([3, 4, 5], p=[0.15, 0.35, 0.5])),
            }
            yield env.timeout(t - env.now)
            env.process(case(k, t, code, risk, community, grid, draws))
            k += 1

    env.process(shifts())
    env.process(arrivals())
    env.run(until=days * 1440.0 + 60 * 1440.0)
    return _log(rows, days)


def _log(rows: list[dict], days: int) -> pd.DataFrame:
    frame = pd.DataFrame(rows).sort_values("k").reset_index(drop=True)

    def at(column: str) -> pd.Series:
        return (START.tz_convert("UTC") + pd.to_timedelta(frame[column], unit="min")).dt.round("us")

    deadline = frame["risk"].map(DEADLINE_H).to_numpy() * 60.0
    start = frame["risk"].map(DEFAULT_OWNER).to_numpy()
    escalations = np.clip(np.ceil((frame["resolved"] - frame["reported"]) / deadline) - 1, 0, 2 - start).astype(int)
    rng = np.random.default_rng(5)
    n = len(frame)
    log = pd.DataFrame({
        "case_id": [f"W{k:06d}" for k in frame["k"]],
        "reported_at": at("reported"),
        "category": frame["category"],
        "risk_level": frame["risk"],
        "source": np.where(rng.random(n) < 0.6, "resident", "patrol"),
        "community": frame["community"],
        "general_grid": frame["grid"],
        "micro_grid": frame["grid"] + "-M1",
        "lon": 120.0 + rng.random(n) * 0.01,
        "lat": 30.0 + rng.random(n) * 0.01,
        "triaged_at": at("triaged"),
        "dispatched_at": at("dispatched"),
        "accepted_at": at("accepted"),
        "on_scene_at": at("on_scene"),
        "resolved_at": at("resolved"),
        "closed_at": at("closed"),
        "assignee": frame["assignee"],
        "owner_level": np.asarray(LEVELS, dtype=object)[start + escalations],
        "escalations": escalations,
        "satisfaction": pd.array(np.where(rng.random(n) < 0.75, rng.choice([3, 4, 5], n, p=[0.15, 0.35, 0.5]), 0),
                                 dtype="Int64"),
        "reopened": 0,
    })
    log.loc[log["satisfaction"] == 0, "satisfaction"] = pd.NA
    end = START + pd.Timedelta(days=days)
    return normalise_log(log_as_of(log, end).reset_index(drop=True))
