"""Calibrate a street from its incident log: every stage of the closed loop, its places and its staff.

:func:`calibrate` reads a v1 incident log (docs/incident-log.md) and returns the tables of a
scenario of a street known from its log (``street = "log"``, docs/scenarios.md) and a fit report:

- demand: ``[demand] from_log`` (the log itself, cases before ``until``) with the hour shapes of
  each group of weekdays (``[[demand.hours]]``) and each category's level forecast by its trend
  from its last :data:`LEVEL_DAYS` days (:mod:`simulation.demand_fit`), ``level_sd`` from how much
  the level moved month to month and how uncertain its forecast is;
- places: each general grid's community, share of the cases and mean position;
- stages (:mod:`cockpit.stages`): triage, the operator's dispatch time, acceptance and the trip by
  hour band (and risk where the log has enough cases), on-scene work and the wait for another
  department by risk and by category, no-visit, reopen, rating and closing shares and times, all
  as fitted quantiles;
- staff: who worked when, from the ``assignee`` column. Each assignee's shift is the shortest
  window of whole hours that holds nearly all their dispatches, snapped to the windows most
  assignees share; their home community the one their cases are most over-represented in
  (against the street's share); the days they were on duty their days with a dispatch,
  corrected for days on duty without one (a zero-truncated Poisson count per day). An assignee
  of a crew that works the shifts in turn (倒班) needs a window no shift has, in spells of a
  shift: each spell counts on the shift that holds it (:func:`_crew_duties`). Summed per
  community and shift and rounded, that is the staffing a leader edits (``[[staff.group]]``
  ``count``).

What a log cannot tell, and the choice made (the report repeats it with its effect):

- worker time and waiting. ``on_scene_at → resolved_at`` is the worker's time, unless the
  assignee was dispatched to another case before the resolution: then the worker had left, and the
  case waited for another department (coordination) for the time beyond the category's median
  work; so did a case resolved more than :data:`OVERTIME` minutes after the assignee's shift
  ended. A wait during which the worker got no other case and was still on shift looks like work
  in the log; it is still taken for a wait when it lies beyond the category's work times by
  Tukey's fence on the log scale (:data:`WAIT_FENCE` interquartile ranges past the upper
  quartile): on a quiet shift, where nobody was dispatched again, an hours-long department
  wait would otherwise hold the worker in the model and its long tail alone would make the queue
  for a worker longer (the more so the fewer the workers, as on a night that loses one).
- a log without any time on scene (a system that keeps only acceptance and resolution): the
  trip is counted in the work from acceptance, and every accepted case is taken as visited.
- the operator's own dispatch time against a queue for a free worker. The model queues by itself,
  so the dispatch stage is fitted on cases whose assignee had resolved every earlier case when the
  case was triaged (nobody was waiting for them).
- the members of a department team. A log names the team (吹哨报到), not its member, as the
  assignee: an assignee of the whole street (no home community) dispatched to a case while
  another of theirs was still on its way in more than :data:`TEAM_OVERLAP` of their cases is a
  team, as strong as the number of cases it held when it was full: the median count at the
  dispatches of the cases that waited for it (more than :data:`TEAM_FULL_MINUTES`), or, never
  seen full, :data:`TEAM_QUANTILE` of that count at its dispatches. A case is held from dispatch
  to resolution, or to on scene plus the team's median time there where the resolution came more
  than :data:`TEAM_WORK_SPAN` times that median after arrival (a wait). A team's case is not
  split into work and wait: its work is its category's. Its categories' cases go to it in the
  shares the log shows (``route``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass
from itertools import compress
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cockpit.demand import SOURCES
from cockpit.history.as_of import log_as_of
from cockpit.stages import RATINGS, RISKS, quantile_duration
from cockpit.vocabulary.categories import default_categories
from cockpit.vocabulary.local_time import LOCAL_TZ
from cockpit.vocabulary.targets import RESPONSE_TARGET
from simulation.calibration import fit_frame
from simulation.demand_fit import DemandFit

BANDS = ((0, 3), (3, 6), (6, 9), (9, 12), (12, 15), (15, 18), (18, 21), (21, 24))
"""Hour bands of the fitted stages (local hours the stage starts in)."""

LEVEL_DAYS = 28
"""Days at the end of the log that anchor each category's level (its season and trend now)."""

HORIZON_DAYS = 28
"""Days the calibrated scenario runs from the cut."""

MIN_SAMPLES = 40
"""Fewer times than this: the entry is not fitted (the wider entry applies)."""

SETTLE_DAYS = 7
"""Cases reported this close to the cut are left out of the stage fits (their times may lie beyond it)."""

OVERTIME = 90.0
"""Minutes past the end of their shift a worker may still be on a case; a resolution later was a wait."""

WAIT_FENCE = 1.5
"""Interquartile ranges (of log minutes) past the upper quartile of a category's work beyond which it was a wait."""

HOME_LIFT = 1.25
"""How many times its share of the street's cases a community must have among an assignee's to be their home."""

SHIFT_COVER = 0.97
"""Share of an assignee's dispatches their shift window must hold."""

ROTATING_HOURS = 14
"""Hours: an assignee whose dispatches need a window this long (no shift is), in spells no longer, works in turn."""

SPELL_GAP = 8
"""Hours without a dispatch that end an assignee's spell on duty."""

CREW_SHARE = 1 / 3
"""Share of the assignees working the shifts in turn from which their spells, not the others, set the shifts."""

CREW_QUANTILE = 0.9
"""Quantile of the crew members seen in the instances of a shift taken for its headcount."""

CREW_START_RISE = 0.3
"""Rise over the hour before of the share of an hour's dispatches that open a spell, at a shift's start."""

TEAM_OVERLAP = 0.05
"""Share of an assignee's cases dispatched while another of theirs was on its way above which it is a team."""

TEAM_WORK_SPAN = 3.0
"""Times a team's median on-scene → resolved time beyond which a resolution came after a wait, not the work."""

TEAM_QUANTILE = 0.99
"""Quantile of the cases a team held at its dispatches taken for its members when it was never seen full."""

TEAM_FULL_MINUTES = 10.0
"""Minutes from triage to dispatch (and three times the team's median) beyond which a case waited for a member."""

_EPOCH = pd.Timestamp("2000-01-01", tz="UTC")

_RISK_DEADLINE_MINUTES = {"blue": 24 * 60.0, "yellow": 48 * 60.0, "red": 72 * 60.0}


@dataclass(frozen=True)
class Calibration:
    """A calibrated street: ``scenario`` (TOML tables of a ``street = "log"`` scenario) and ``report``."""

    scenario: dict[str, Any]
    report: dict[str, Any]


def _minutes(later: pd.Series, earlier: pd.Series) -> np.ndarray:
    return ((later - earlier).dt.total_seconds() / 60.0).to_numpy(dtype=float)


def _local(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series, utc=True).dt.tz_convert(LOCAL_TZ)


def train_part(frame: pd.DataFrame, until: dt.date | None) -> pd.DataFrame:
    """The log as it stood at local midnight of ``until`` (all of it without one): what a leader had then."""
    if until is None:
        return frame
    return log_as_of(frame, pd.Timestamp(until).tz_localize(LOCAL_TZ))


def calibrate(frame: pd.DataFrame, log_path: Path, until: dt.date | None = None, name: str | None = None) -> Calibration:
    """Fit a scenario of the street whose incident log is ``frame`` (read from ``log_path``).

    Raises
    ------
    ValueError
        The log (before ``until``) has fewer than 14 days or no dispatched case.
    """
    train = train_part(frame, until)
    if train.empty:
        raise ValueError("no case is reported before --until")
    reported = _local(train["reported_at"])
    first_day = reported.min().normalize()
    end = (pd.Timestamp(until).tz_localize(LOCAL_TZ) if until is not None
           else reported.max().normalize() + pd.Timedelta(days=1))
    days = (end - first_day).days
    if days < 14:
        raise ValueError(f"the log covers {days} days before the cut; calibration needs at least 14")
    if train["assignee"].isna().all():
        raise ValueError("no case of the log has an assignee: the staff cannot be inferred")
    report: dict[str, Any] = {"cases": int(len(train)), "days": int(days), "from": str(first_day.date()),
                              "until": str(end.date())}
    places, place_report = _places(train)
    teams = _teams(train)
    staff, staff_report, case_window = _staff(train, days, teams)
    # Stage times from cases reported a week before the cut: a later case still open then would
    # leave its long waits out of the fit (right-censoring).
    settling = (reported < end - pd.Timedelta(days=SETTLE_DAYS)).to_numpy()
    stages, stage_report = _stages(train[settling], list(compress(case_window, settling)), teams)
    level_sd, demand_report = _demand_level(reported, first_day, days)
    dispersion = _day_dispersion(reported, first_day, days)
    demand_report["day_dispersion"] = dispersion
    fit = fit_frame(train, level_days=LEVEL_DAYS, until=end.date()).demand
    forecast = _forecast(fit, end.date() + dt.timedelta(days=HORIZON_DAYS // 2))
    # The level's own uncertainty (its last days' count and the trend's) adds to how much it moves.
    level_sd = math.hypot(level_sd, forecast["level_se"])
    demand_report.update(fit.report, forecast=forecast, level_sd=round(level_sd, 4))
    report.update(places=place_report, staff=staff_report, stages=stage_report, demand=demand_report)
    scenario = {
        "scenario": {
            "name": name or f"calibrated {Path(log_path).stem}",
            "description": f"calibrated from {Path(log_path).name}, cases before {end.date()}",
            "street": "log",
            "start": end.date(),
            "horizon_hours": HORIZON_DAYS * 24.0,
        },
        "demand": {"from_log": str(Path(log_path).resolve()), "until": end.date(), "level_days": LEVEL_DAYS,
                   "level_sd": round(level_sd, 4), **({"dispersion": dispersion} if dispersion else {}),
                   "hours": fit.report["hours"]["groups"], "sources": _sources(train),
                   "category_level_sd": {row["category"]: row["own_level_se"] for row in forecast["categories"]
                                         if row["own_level_se"] > 0}},
        "places": places,
        "staff": staff,
        "dispatch": {"policy": "home_grid_first"},
        "stages": stages,
    }
    return Calibration(scenario, report)


# ---------------------------------------------------------------- places and demand


def _places(train: pd.DataFrame) -> tuple[list[dict], dict]:
    grids = train.groupby(train["general_grid"].astype(str), observed=True)
    rows = []
    for grid, cases in sorted(grids, key=lambda kv: kv[0]):
        rows.append({
            "grid": grid,
            "community": str(cases["community"].astype(str).mode().iloc[0]),
            "share": round(len(cases) / len(train), 6),
            "lon": round(float(cases["lon"].mean()), 6),
            "lat": round(float(cases["lat"].mean()), 6),
        })
    return rows, {"grids": len(rows), "communities": len({r["community"] for r in rows})}


def _forecast(fit: DemandFit, middle: dt.date) -> dict[str, Any]:
    """Cases a day (on an average weekday) at the cut and projected to ``middle``, against the last days' mean.

    ``level_se`` is the standard error of the log of the street's projected level; each category's
    ``own_level_se`` what its own level adds to that (its count of the last days is smaller).
    """
    model = fit.model
    street = fit.report["street"]
    se = _level_se(street, middle, fit.cut)
    rows = []
    for row in fit.report["categories"]:
        code, last = row["category"], row.get("last_days")
        rows.append({"category": code, "at_cut": round(fit.level_per_day(code, fit.cut), 3),
                     "projected": round(fit.level_per_day(code, middle), 3),
                     "last_days_mean": round(last["observed"] / last["days"], 3) if last else None,
                     "own_level_se": round(math.sqrt(max(_level_se(row, middle, fit.cut) ** 2 - se**2, 0.0)), 4)})
    at_cut = sum(fit.level_per_day(code, fit.cut) for code in model.codes)
    projected = sum(fit.level_per_day(code, middle) for code in model.codes)
    return {"middle": str(middle), "cases_per_day_at_cut": round(at_cut, 2),
            "cases_per_day_projected": round(projected, 2), "level_se": round(se, 4), "categories": rows,
            "method": "per category a Poisson log-linear trend over the whole log (season too with 13 months or "
                      "more), shrunk toward none by its significance, anchored on the last days' count beyond "
                      "noise, projected from the cut to the middle of the simulated period"}


def _level_se(row: dict[str, Any], middle: dt.date, cut: dt.date) -> float:
    """Standard error of the log of a fitted level projected to ``middle``: its last days' count and its trend's."""
    if "last_days" not in row:
        return 0.0
    years = ((middle - cut).days + row["last_days"]["days"] / 2) / 365.25
    return math.sqrt(row["overdispersion"] / max(row["last_days"]["observed"], 1) + (row["trend_se"] * years) ** 2)


def _demand_level(reported: pd.Series, first_day: pd.Timestamp, days: int) -> tuple[float, dict]:
    """How far the cases of the next :data:`LEVEL_DAYS` days may be from the last ones' level.

    The standard deviation of the log of the ratio of consecutive blocks of :data:`LEVEL_DAYS`
    days, less what Poisson counts alone would give: the uncertainty a forecast carries.
    """
    day = ((reported - first_day).dt.total_seconds() // 86400).astype(int).to_numpy()
    blocks = days // LEVEL_DAYS
    counts = np.bincount((day[day >= days - blocks * LEVEL_DAYS] - (days - blocks * LEVEL_DAYS)) // LEVEL_DAYS,
                         minlength=blocks)[:blocks].astype(float)
    if blocks < 3 or (counts <= 0).any():
        return 0.05, {"level_blocks": int(blocks), "level_sd": 0.05, "note": "too few months: 5 % assumed"}
    ratios = np.log(counts[1:] / counts[:-1])
    poisson = float(np.mean(1 / counts[1:] + 1 / counts[:-1]))
    sd = math.sqrt(max(float(np.mean(ratios**2)) - poisson, 0.0))
    return max(sd, 0.02), {"level_blocks": int(blocks), "block_cases": counts.astype(int).tolist(),
                           "level_sd": round(max(sd, 0.02), 4)}


def _sources(train: pd.DataFrame) -> dict[str, list[float]]:
    """Per category, the shares of each source in the log (``cockpit.demand.SOURCES`` order)."""
    out = {}
    codes = [s.value for s in SOURCES]
    for code, cases in train.groupby(train["category"].astype(str), observed=True):
        counts = cases["source"].astype(str).value_counts()
        shares = [round(float(counts.get(c, 0)) / len(cases), 4) for c in codes]
        shares[-1] = max(0.0, round(1.0 - sum(shares[:-1]), 4))
        out[code] = shares
    return out


def _day_dispersion(reported: pd.Series, first_day: pd.Timestamp, days: int) -> float | None:
    """The gamma shape of the day-level multiplier (busy and quiet days) of the log's daily counts.

    Each day's count over its expectation (the 28-day moving mean times its weekday's share) has
    variance 1/expected (Poisson) + 1/shape; None when the counts are no more spread than Poisson.
    """
    day = ((reported - first_day).dt.total_seconds() // 86400).astype(int).to_numpy()
    counts = np.bincount(day, minlength=days)[:days].astype(float)
    if days < 28 or counts.mean() < 1:
        return None
    level = pd.Series(counts).rolling(LEVEL_DAYS, center=True, min_periods=7).mean().to_numpy()
    weekday = (first_day.day_of_week + np.arange(days)) % 7
    share = np.array([counts[weekday == k].sum() for k in range(7)]) / counts.sum() * 7
    expected = level * share[weekday]
    ratio = counts / expected
    excess = float(np.var(ratio, ddof=1) - np.mean(1 / expected))
    return round(1 / excess, 3) if excess > 1e-4 else None


# ---------------------------------------------------------------- staff


def _staff(train: pd.DataFrame, days: int,
           teams: dict[str, dict]) -> tuple[dict, dict, list[tuple[int, int] | None]]:
    """Shifts and headcounts per community from who was dispatched when, and the shift window of each case.

    A case's window is its assignee's shift, or for a crew member working the shifts in turn, the
    shift of the spell it was dispatched in (None where neither is known). ``teams``
    (:func:`_teams`) are department teams on their own window.
    """
    dispatched = _local(train["dispatched_at"])
    known = dispatched.notna().to_numpy() & train["assignee"].notna().to_numpy()
    who = train["assignee"].astype(str).to_numpy()[known]
    when = dispatched[known]
    hour = when.dt.hour.to_numpy()
    day = ((when - when.min().normalize()).dt.total_seconds() // 86400).astype(int).to_numpy()
    community = train["community"].astype(str).to_numpy()[known]
    street_share = _shares(community)
    minute = ((when.dt.tz_localize(None) - pd.Timestamp("2000-01-01")).dt.total_seconds() // 60).to_numpy()
    people, rotating = [], []
    for person in sorted(set(who)):
        mine = who == person
        hours = np.bincount(hour[mine], minlength=24).astype(float)
        window = _window(hours)
        if person in teams:
            # A team busy nearly round the clock is on call round the clock (its quiet hour is no rest).
            teams[person]["window"] = (0, 24) if _length(window) >= ROTATING_HOURS else window
            continue
        spells = _spells(minute[mine]) if _length(window) >= ROTATING_HOURS else []
        if spells:
            rotating.append({"id": person, "spells": spells, "home": _home(community[mine], street_share),
                             "rows": np.flatnonzero(known)[mine], "minutes": minute[mine]})
            continue
        # Their shift's days: days with a dispatch, over the chance of a day on duty having one.
        per_day = np.bincount(day[mine])
        active = per_day[per_day > 0]
        rate = _zero_truncated_rate(float(active.mean()))
        on_duty = min(len(active) / max(1e-9, 1 - math.exp(-rate)), float(days))
        home = _home(community[mine], street_share)
        people.append({"id": person, "window": window, "hours": hours, "duty": on_duty / days, "home": home,
                       "cases": int(mine.sum())})
    # A few on call round the clock do not make shifts of their own: the crews' shifts come from
    # their spells once they are a good part of the street.
    crew_windows = _crew_windows(rotating) if len(rotating) >= CREW_SHARE * (len(people) + len(rotating)) else []
    windows = sorted(set(_common_windows(people)) | set(crew_windows))
    popular = Counter(p["window"] for p in people) + Counter({w: len(rotating) for w in crew_windows})
    for p in people:
        # Of the windows that hold as many of their dispatches, the one most assignees have: a
        # worker with no dispatch in their shift's quiet first hour still works the whole shift.
        p["shift"] = min(windows, key=lambda w: (-_covered(p["hours"], w), _length(w) == 24, -popular[w], _length(w)))
    duties = [(p["home"], p["shift"], p["duty"]) for p in people]
    shift_of = {p["id"]: p["shift"] for p in people} | {team: row["window"] for team, row in teams.items()}
    case_window = [shift_of.get(a) for a in train["assignee"].astype(str)]
    if rotating:
        candidates = crew_windows or [w for w in windows if w != (0, 24)] or [(0, 24)]
        duties += _crew_duties(rotating, candidates)
        for person in rotating:
            starts = np.array([spell[0] for spell in person["spells"]])
            spell_windows = [_spell_window(spell, candidates) for spell in person["spells"]]
            spell_of = np.searchsorted(starts, person["minutes"], side="right") - 1
            for row, k in zip(person["rows"].tolist(), spell_of.tolist()):
                case_window[row] = spell_windows[k]
    windows_used = {w for _, w, _ in duties} | {row["window"] for row in teams.values()}
    shifts = {_shift_name(w): [w[0], w[1]] for w in sorted(windows_used - {(0, 24)})}
    groups: dict[tuple, float] = {}
    for home, window, duty in duties:
        key = (home or "", window)
        groups[key] = groups.get(key, 0.0) + duty
    rows = []
    for (home, window), duty in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        count = max(1, int(math.floor(duty + 0.5))) if duty >= 0.3 else 0
        if count == 0:
            continue
        row: dict[str, Any] = {"name": f"{home or 'street'}/{_shift_name(window)}", "role": "grid_worker",
                               "count": count}
        if home:
            row["community"] = home
        if window != (0, 24):
            row["shift"] = _shift_name(window)
        rows.append(row)
    for team, found in sorted(teams.items()):
        row = {"name": f"team/{team}", "role": "department", "department": found["department"],
               "count": found["members"]}
        if found["window"] != (0, 24):
            row["shift"] = _shift_name(found["window"])
        rows.append(row)
    table: dict[str, Any] = {"group": rows}
    if shifts:
        table["shifts"] = shifts
    report = {
        "assignees": len(people) + len(rotating) + len(teams),
        "rotating": len(rotating),
        "teams": {team: {k: v for k, v in found.items() if k != "window"} for team, found in sorted(teams.items())},
        "shifts": {name: hours for name, hours in shifts.items()},
        "on_duty": [{"community": r.get("community", "street"), "shift": r.get("shift", "all_day"),
                     "count": r["count"]} for r in rows],
        "choice": "an assignee's shift is the shortest window of whole hours holding 97 % of their dispatches, "
                  "snapped to the windows most assignees share; their home the community their cases are most "
                  "over-represented in against the street; days on duty are days with a dispatch over the chance "
                  "that a day on duty has one; an assignee whose dispatches fill the whole day in spells of a "
                  "shift works the shifts in turn: each spell counts on the shift it fits",
    }
    return table, report, case_window


def _teams(train: pd.DataFrame) -> dict[str, dict]:
    """Assignees that are department teams, not people, with their ``members`` and ``department`` (module notes).

    A case is on its way from its dispatch to on scene (or accepted, or resolved, whichever the log
    has first). A team serves the whole street: an assignee whose cases keep to a community
    (:func:`_home`) is a person however their cases overlap. The team's department is the
    category table's for the category it took most; a team whose categories the table does not
    know stays counted as people (nothing can route to it).
    """
    table = default_categories()
    minutes = {c: (pd.to_datetime(train[c], utc=True) - _EPOCH).dt.total_seconds().to_numpy() / 60
               for c in ("triaged_at", "dispatched_at", "accepted_at", "on_scene_at", "resolved_at")}
    arrive = np.where(np.isfinite(minutes["on_scene_at"]), minutes["on_scene_at"],
                      np.where(np.isfinite(minutes["accepted_at"]), minutes["accepted_at"], minutes["resolved_at"]))
    there = minutes["resolved_at"] - arrive
    who = train["assignee"].astype(str).to_numpy()
    category = train["category"].astype(str).to_numpy()
    dispatched = np.isfinite(minutes["dispatched_at"]) & train["assignee"].notna().to_numpy()
    community = train["community"].astype(str).to_numpy()
    street_share = _shares(community[dispatched])
    teams = {}
    for assignee in sorted(set(who[dispatched])):
        mine = np.flatnonzero(dispatched & (who == assignee))
        if len(mine) < MIN_SAMPLES:
            continue
        mine = mine[np.argsort(minutes["dispatched_at"][mine], kind="stable")]
        start, end = minutes["dispatched_at"][mine], np.fmax(arrive[mine], minutes["dispatched_at"][mine])
        on_way = np.maximum.accumulate(np.concatenate(([-np.inf], np.nan_to_num(end[:-1], nan=-np.inf))))
        # A worker handed several cases at once is on the way to them together too, but keeps to a community.
        if float(np.mean(start < on_way)) <= TEAM_OVERLAP or _home(community[mine], street_share) is not None:
            continue
        codes = Counter(category[mine].tolist())
        known = [code for code, _ in codes.most_common() if code in table]
        if not known:
            continue
        # Held to the resolution, unless that came long after the work (a wait): then its median time there.
        usual = float(np.nanmedian(there[mine])) if np.isfinite(there[mine]).any() else 0.0
        held = np.where(there[mine] <= TEAM_WORK_SPAN * usual, minutes["resolved_at"][mine], end + usual)
        held = np.where(np.isfinite(held), held, start)
        at_once = (np.searchsorted(np.sort(start), start, side="right")
                   - np.searchsorted(np.sort(held), start, side="right"))
        # A case that waited long for the team was taken when a member came free: all were busy
        # then. A team never seen full is at least as strong as the most it held at once.
        delay = start - minutes["triaged_at"][mine]
        full = delay > max(TEAM_FULL_MINUTES, 3 * float(np.nanmedian(delay)))
        members = (np.median(at_once[full]) if full.sum() >= MIN_SAMPLES // 2
                   else np.quantile(at_once, TEAM_QUANTILE))
        teams[assignee] = {"members": max(1, math.ceil(float(members))), "seen_full": int(full.sum()),
                           "department": table[known[0]].department.value, "cases": len(mine),
                           "dispatched_on_the_way_share": round(float(np.mean(start < on_way)), 4)}
    return teams


def _spells(minutes: np.ndarray) -> list[np.ndarray]:
    """An assignee's dispatch minutes cut into spells on duty (gaps over :data:`SPELL_GAP` hours).

    Empty when the spells are not shifts (most longer than :data:`ROTATING_HOURS`): somebody on
    call round the clock, not a crew that works the shifts in turn.
    """
    minutes = np.sort(minutes)
    cuts = np.flatnonzero(np.diff(minutes) > SPELL_GAP * 60) + 1
    spells = np.split(minutes, cuts)
    lengths = np.array([spell[-1] - spell[0] for spell in spells])
    return spells if len(spells) >= 2 and np.median(lengths) <= ROTATING_HOURS * 60 else []


def _crew_windows(rotating: list[dict]) -> list[tuple[int, int]]:
    """The shifts crews work in turn, when nobody keeps one: they start where spells start, and tile the day.

    An hour whose share of dispatches that open a spell rises by :data:`CREW_START_RISE` over the
    hour before is a shift's start: a shift's first dispatches come soon after it begins, while
    the last hours of the shift before rarely open a spell.
    """
    starts, load = np.zeros(24), np.zeros(24)
    for p in rotating:
        for spell in p["spells"]:
            hours = (spell // 60 % 24).astype(int)
            starts[hours[0]] += 1
            load += np.bincount(hours, minlength=24)
    opening = np.divide(starts, load, out=np.zeros(24), where=load > 0)
    first = sorted(int(h) for h in np.flatnonzero(opening - np.roll(opening, 1) >= CREW_START_RISE))
    if len(first) < 2:
        return []
    return [(h, first[(k + 1) % len(first)]) for k, h in enumerate(first)]


def _crew_duties(rotating: list[dict], windows: list[tuple[int, int]]) -> list[tuple[str | None, tuple, float]]:
    """(home, shift, people) of the crews: how many of a community's crew work each shift instance.

    Each spell counts on the window holding most of it, in the instance it began in. A crew member
    on duty without a dispatch cannot be seen, and load-balanced dispatching spreads a shift's few
    cases over the whole crew, so the zero-truncated correction of a fixed shift would count too
    many on a quiet street: the headcount is the :data:`CREW_QUANTILE` quantile of the members
    seen in each instance (a crew's size does not change from one instance to the next).
    """
    seen: dict[tuple, dict[int, set]] = {}
    for person in rotating:
        for spell in person["spells"]:
            window = _spell_window(spell, windows)
            # The day the shift instance began: a night spell after midnight belongs to the evening before.
            start = int((spell[0] - window[0] * 60) // 1440)
            seen.setdefault((person["home"], window), {}).setdefault(start, set()).add(person["id"])
    return [(home, window, float(np.quantile([len(m) for m in instances.values()], CREW_QUANTILE)))
            for (home, window), instances in seen.items()]


def _spell_window(spell: np.ndarray, windows: list[tuple[int, int]]) -> tuple[int, int]:
    """The shift of ``windows`` that holds most of a spell's dispatch minutes (the shorter on a tie)."""
    hours = np.bincount((spell // 60 % 24).astype(int), minlength=24).astype(float)
    return min(windows, key=lambda w: (-_covered(hours, w), _length(w)))


def _shares(communities: np.ndarray) -> dict[str, float]:
    """Each community's share of the dispatched cases ``communities`` (what :func:`_home` measures against)."""
    places, counts = np.unique(communities, return_counts=True)
    return dict(zip(places.tolist(), (counts / counts.sum()).tolist()))


def _home(communities: np.ndarray, street_share: dict[str, float]) -> str | None:
    """The community an assignee's cases are most over-represented in (against the street), or None.

    Not the community of most of their cases: a worker of a small community who helps out next
    door when they are free has most of their cases elsewhere, yet theirs stand out the most.
    None when no community stands out by :data:`HOME_LIFT` (a worker of the whole street).
    """
    places, counts = np.unique(communities, return_counts=True)
    lift = counts / counts.sum() / np.array([street_share[c] for c in places])
    return str(places[np.argmax(lift)]) if lift.max() >= HOME_LIFT else None


def _zero_truncated_rate(mean: float) -> float:
    """The Poisson rate whose counts, given at least one, have mean ``mean`` (>= 1)."""
    if mean <= 1.0 + 1e-9:
        return 1e-6
    lo, hi = 1e-9, mean
    for _ in range(80):
        mid = (lo + hi) / 2
        if mid / (1 - math.exp(-mid)) < mean:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _length(window: tuple[int, int]) -> int:
    start, end = window
    return (end - start) % 24 or 24


def _covered(hours: np.ndarray, window: tuple[int, int]) -> float:
    start, end = window
    if _length(window) == 24:
        return float(hours.sum())
    idx = [(start + k) % 24 for k in range(_length(window))]
    return float(hours[idx].sum())


def _window(hours: np.ndarray) -> tuple[int, int]:
    """The shortest window of whole hours (start, end; end may be past midnight, mod 24) holding :data:`SHIFT_COVER`."""
    total = hours.sum()
    for length in range(1, 24):
        best = max(range(24), key=lambda s: _covered(hours, (s, (s + length) % 24)))
        if _covered(hours, (best, (best + length) % 24)) >= SHIFT_COVER * total:
            return best, (best + length) % 24
    return 0, 24


def _common_windows(people: list[dict]) -> list[tuple[int, int]]:
    """The windows at least a tenth of the assignees have (or the most common), and all day."""
    counts: dict[tuple[int, int], int] = {}
    for p in people:
        counts[p["window"]] = counts.get(p["window"], 0) + 1
    common = [w for w, c in counts.items() if c >= max(2, 0.1 * len(people))]
    if not common and counts:
        common = [max(counts, key=counts.get)]
    return sorted(set(common) | {(0, 24)})


def _shift_name(window: tuple[int, int]) -> str:
    return "all_day" if _length(window) == 24 else f"h{window[0]:02d}_{window[1]:02d}"


# ---------------------------------------------------------------- stages


def _stages(train: pd.DataFrame, case_window: list[tuple[int, int] | None],
            teams: dict[str, dict]) -> tuple[dict, dict]:
    t = {c: pd.to_datetime(train[c], utc=True) for c in train.columns if c.endswith("_at")}
    first_resolved = t.get("first_resolved_at", t["resolved_at"]).fillna(t["resolved_at"]) if "first_resolved_at" in t \
        else t["resolved_at"]
    risk = train["risk_level"].astype(str).to_numpy()
    category = train["category"].astype(str).to_numpy()
    local_hour = {c: _local(t[c]).dt.hour.to_numpy() for c in ("reported_at", "triaged_at", "dispatched_at",
                                                                "accepted_at")}
    stages: dict[str, list] = {}
    report: dict[str, Any] = {}
    if t["on_scene_at"].isna().all() and t["accepted_at"].notna().any():
        # Many systems keep only acceptance (签收) and resolution (办结): read as no case visited,
        # the person would be held for the category table's work alone, not as long as the log shows.
        t["on_scene_at"] = t["accepted_at"]
        report["on_scene"] = ("the log records no time on scene: the trip is counted in the work from acceptance "
                              "(travel 0), and every accepted case is taken as visited")
    stages["triage"], report["triage"] = _banded(_minutes(t["triaged_at"], t["reported_at"]),
                                                 local_hour["reported_at"], risk, by_risk=False)
    idle = _assignee_idle(train, t)
    operator = _minutes(t["dispatched_at"], t["triaged_at"])
    stages["dispatch"], report["dispatch"] = _banded(np.where(idle, operator, np.nan), local_hour["triaged_at"], risk)
    report["dispatch"]["idle_share"] = round(float(idle.mean()), 4)
    report["dispatch"]["all_cases_mean_minutes"] = _mean(operator)
    stages["accept"], report["accept"] = _banded(_minutes(t["accepted_at"], t["dispatched_at"]),
                                                 local_hour["dispatched_at"], risk)
    stages["travel"], report["travel"] = _banded(_minutes(t["on_scene_at"], t["accepted_at"]),
                                                 local_hour["accepted_at"], risk, by_risk=False)
    team_case = train["assignee"].astype(str).isin(list(teams)).to_numpy()
    work, coordination, no_visit, split = _work_and_waits(train, t, first_resolved, risk, category, case_window,
                                                          team_case)
    stages.update(work=work, coordination=coordination, no_visit=no_visit)
    report["work_and_coordination"] = split
    stages.update(_after_resolution(train, t, first_resolved, category, report))
    stages["route"], report["route"] = _routes(train, risk, category, team_case)
    stages["ratings"] = _ratings(train, t, risk)
    return stages, report


def _mean(values: np.ndarray) -> float | None:
    values = values[np.isfinite(values)]
    return round(float(values.mean()), 3) if len(values) else None


def _banded(minutes: np.ndarray, hours: np.ndarray, risk: np.ndarray, by_risk: bool = True) -> tuple[list, dict]:
    """Quantile entries: one for all, one per hour band, one per band and risk (with enough cases each)."""
    ok = np.isfinite(minutes) & (minutes >= 0)
    entries, report = [], {"cases": int(ok.sum()), "mean_minutes": _mean(minutes[ok])}
    if ok.sum() < MIN_SAMPLES:
        return entries, report
    entries.append(quantile_duration(minutes[ok]).table())
    by_band = {}
    for start, end in BANDS:
        band = ok & (hours >= start) & (hours < end)
        if band.sum() >= MIN_SAMPLES:
            entries.append({"hours": [start, end], **quantile_duration(minutes[band]).table()})
            by_band[f"{start:02d}-{end:02d}"] = _mean(minutes[band])
        if not by_risk:
            continue
        for level in RISKS:
            mine = band & (risk == level)
            if mine.sum() >= MIN_SAMPLES and mine.sum() < band.sum():
                entries.append({"hours": [start, end], "risk": level, **quantile_duration(minutes[mine]).table()})
    report["mean_minutes_by_band"] = by_band
    return entries, report


def _assignee_idle(train: pd.DataFrame, t: dict[str, pd.Series]) -> np.ndarray:
    """Whether each case's assignee had resolved every earlier case of theirs when it was triaged."""
    order = np.lexsort((t["dispatched_at"].to_numpy(dtype="datetime64[us]").astype(np.int64),
                        train["assignee"].astype(str).to_numpy()))
    who = train["assignee"].astype(str).to_numpy()[order]
    resolved = t["resolved_at"].to_numpy(dtype="datetime64[us]").astype(np.int64)[order].astype(float)
    resolved[t["resolved_at"].isna().to_numpy()[order]] = np.inf
    triaged = t["triaged_at"].to_numpy(dtype="datetime64[us]").astype(np.int64)[order].astype(float)
    busy_until = np.full(len(order), -np.inf)
    # The latest resolution of the assignee's earlier cases (a running maximum within each assignee).
    previous = np.concatenate(([-np.inf], resolved[:-1]))
    previous[np.concatenate(([True], who[1:] != who[:-1]))] = -np.inf
    frame = pd.DataFrame({"who": who, "previous": previous})
    busy_until = frame.groupby("who", sort=False)["previous"].cummax().to_numpy()
    idle = np.zeros(len(order), dtype=bool)
    idle[order] = busy_until <= triaged
    return idle & train["assignee"].notna().to_numpy() & t["dispatched_at"].notna().to_numpy()


def _work_and_waits(train, t, first_resolved, risk, category, case_window, team_case) -> tuple[list, list, list, dict]:
    """On-scene work by category and the wait for another department by risk (see the module notes).

    A team's case (``team_case``) cannot be split: its other members are dispatched while one works.
    Its work is taken to be its category's (the people's), the rest a wait.
    """
    on_scene = t["on_scene_at"]
    total = _minutes(first_resolved, on_scene)
    visited = np.isfinite(total) & (total >= 0)
    # Whether the assignee was dispatched to another case before this one was resolved.
    order = np.lexsort((t["dispatched_at"].to_numpy(dtype="datetime64[us]").astype(np.int64),
                        train["assignee"].astype(str).to_numpy()))
    who = train["assignee"].astype(str).to_numpy()[order]
    dispatched = t["dispatched_at"].to_numpy(dtype="datetime64[us]").astype(np.int64)[order].astype(float)
    dispatched[t["dispatched_at"].isna().to_numpy()[order]] = np.nan
    following = np.concatenate((dispatched[1:], [np.nan]))
    following[np.concatenate((who[1:] != who[:-1], [True]))] = np.nan
    next_dispatch = np.full(len(order), np.nan)
    next_dispatch[order] = following
    resolved_us = first_resolved.to_numpy(dtype="datetime64[us]").astype(np.int64).astype(float)
    # Or the resolution came well after the assignee's shift ended: they had gone home.
    scene = _local(on_scene)
    minute = (scene.dt.hour * 60 + scene.dt.minute).to_numpy(dtype=float)
    windows = [(0, 24) if w is None else w for w in case_window]
    to_end = np.array([_minutes_to_end(m, w) for m, w in zip(minute, windows)])
    left = visited & ((np.isfinite(next_dispatch) & (next_dispatch < resolved_us)) | (total > to_end + OVERTIME))
    left |= visited & ~left & (total > _work_fence(total, visited & ~left, category))
    left |= visited & team_case
    held = visited & ~left
    work_entries, coordination_entries, split = [], [], {}
    if held.sum() >= MIN_SAMPLES:
        work_entries.append(quantile_duration(total[held]).table())
    medians = {}
    for code in sorted(set(category)):
        mine = held & (category == code)
        if mine.sum() >= MIN_SAMPLES:
            work_entries.append({"category": code, **quantile_duration(total[mine]).table()})
            medians[code] = float(np.median(total[mine]))
    overall = float(np.median(total[held])) if held.any() else 0.0
    median_work = np.array([medians.get(c, overall) for c in category])
    wait = np.maximum(total - median_work, 0.0)
    for level in RISKS:
        mine_visited = visited & (risk == level)
        mine = left & (risk == level)
        if mine_visited.sum() == 0:
            continue
        share = float(mine.sum() / mine_visited.sum())
        if mine.sum() >= MIN_SAMPLES // 2:
            coordination_entries.append({"risk": level, "share": round(share, 4),
                                         **quantile_duration(wait[mine]).table()})
        split[level] = {"visited": int(mine_visited.sum()), "coordination_share": round(share, 4),
                        "wait_mean_minutes": _mean(wait[mine]), "work_mean_minutes": _mean(total[held & (risk == level)]),
                        "work_mean_if_all_held_minutes": _mean(total[mine_visited])}
    cells, split["categories"] = _coordination_cells(visited, left, wait, risk, category)
    coordination_entries += cells
    resolved = np.isfinite(_minutes(first_resolved, t["reported_at"]))
    no_visit = []
    for code in sorted(set(category)):
        mine = resolved & (category == code) & (train["accepted_at"].notna().to_numpy())
        if mine.sum():
            share = float((mine & on_scene.isna().to_numpy()).sum() / mine.sum())
            no_visit.append({"category": code, "share": round(share, 4)})
    held_busy = float(np.nansum(total[held])) + float(np.nansum(median_work[left]))
    all_busy = float(np.nansum(total[visited]))
    split["choice"] = ("on scene -> resolved is the worker's time unless the assignee was dispatched to another "
                       f"case before the resolution, it came more than {OVERTIME:g} min after their shift ended, or "
                       f"it lies beyond the category's work by Tukey's fence ({WAIT_FENCE:g} IQR of log minutes); "
                       "then the time beyond the category's median work is a wait for another department that does "
                       "not hold the worker")
    split["worker_hours_as_fitted"] = round(held_busy / 60, 1)
    split["worker_hours_if_all_held"] = round(all_busy / 60, 1)
    return work_entries, coordination_entries, no_visit, split


def _routes(train: pd.DataFrame, risk: np.ndarray, category: np.ndarray, team_case: np.ndarray) -> tuple[list, dict]:
    """``route`` entries: the share of each category's dispatched cases (per risk with enough) that went to a team."""
    dispatched = train["dispatched_at"].notna().to_numpy()
    entries: list[dict] = [{"share": 0.0}]
    report = {}
    for code in sorted(set(category[team_case])):
        mine = dispatched & (category == code)
        share = float((team_case & mine).sum() / max(mine.sum(), 1))
        entries.append({"category": code, "share": round(share, 4)})
        report[code] = {"cases": int(mine.sum()), "to_team_share": round(share, 4)}
        for level in RISKS:
            cell = mine & (risk == level)
            if cell.sum() >= MIN_SAMPLES:
                entries.append({"category": code, "risk": level,
                                "share": round(float((team_case & cell).sum() / cell.sum()), 4)})
    return entries, report


def _coordination_cells(visited: np.ndarray, left: np.ndarray, wait: np.ndarray, risk: np.ndarray,
                        category: np.ndarray) -> tuple[list, dict]:
    """Coordination entries per category and risk with :data:`MIN_SAMPLES` visits, and the share per category.

    Which cases wait for another department is often the category's matter (a rental dispute
    waits for the housing office, a parking case for nobody): a category's own share, and its own
    waits where :data:`MIN_SAMPLES` // 2 of them were seen (else its risk's), win over the risk's.
    """
    entries, report = [], {}
    for code in sorted(set(category)):
        mine = visited & (category == code)
        if mine.sum():
            share = float((left & mine).sum() / mine.sum())
            report[code] = {"visited": int(mine.sum()), "coordination_share": round(share, 4),
                            "wait_mean_minutes": _mean(wait[left & mine])}
        for level in RISKS:
            cell = mine & (risk == level)
            if cell.sum() < MIN_SAMPLES:
                continue
            waited = left & cell
            sample = wait[waited] if waited.sum() >= MIN_SAMPLES // 2 else wait[left & (risk == level)]
            if len(sample) < MIN_SAMPLES // 2:
                continue
            entries.append({"category": code, "risk": level, "share": round(float(waited.sum() / cell.sum()), 4),
                            **quantile_duration(sample).table()})
    return entries, report


def _work_fence(total: np.ndarray, held: np.ndarray, category: np.ndarray) -> np.ndarray:
    """Per case, the minutes beyond which its category's on-scene time is no longer work (:data:`WAIT_FENCE`).

    The quartiles are of the log minutes of the cases the rules above leave as work; a category
    with fewer than :data:`MIN_SAMPLES` of them takes the fence of all.
    """
    def fence(mask: np.ndarray) -> float:
        logs = np.log(np.maximum(total[mask], 1.0))
        if len(logs) < MIN_SAMPLES:
            return math.inf
        low, high = np.quantile(logs, (0.25, 0.75))
        return math.exp(high + WAIT_FENCE * (high - low))

    overall = fence(held)
    out = np.full(len(total), overall)
    for code in set(category):
        mine = category == code
        own = fence(held & mine)
        out[mine] = own if math.isfinite(own) else overall
    return out


def _minutes_to_end(minute: float, window: tuple[int, int]) -> float:
    """Minutes from ``minute`` of the day to the end of the shift ``window`` (0 outside it, inf all day)."""
    if _length(window) == 24 or not math.isfinite(minute):
        return math.inf
    start = window[0] * 60
    into = (minute - start) % 1440
    length = _length(window) * 60
    return length - into if into < length else 0.0


def _after_resolution(train, t, first_resolved, category, report) -> dict[str, list]:
    out: dict[str, list] = {}
    resolved = t["resolved_at"].notna().to_numpy()
    reopened = train["reopened"].to_numpy() > 0
    out["reopen"] = [{"share": round(float((reopened & resolved).sum() / max(1, resolved.sum())), 5)}]
    for code in sorted(set(category)):
        mine = resolved & (category == code)
        if mine.sum() >= 200:
            out["reopen"].append({"category": code, "share": round(float((reopened & mine).sum() / mine.sum()), 5)})
    report["reopen"] = {"share": out["reopen"][0]["share"], "cases": int(reopened.sum())}
    if "reopened_at" in t and reopened.sum() >= 10:
        after = _minutes(t["reopened_at"], first_resolved)[reopened]
        rework = _minutes(t["resolved_at"], t["reopened_at"])[reopened]
        after, rework = after[np.isfinite(after) & (after >= 0)], rework[np.isfinite(rework) & (rework >= 0)]
        if len(after) >= 10:
            out["reopen_after"] = [quantile_duration(after, 11).table()]
        if len(rework) >= 10:
            out["rework"] = [quantile_duration(rework, 11).table()]
    rated = train["satisfaction"].notna().to_numpy()
    closed = t["closed_at"].notna().to_numpy()
    final = resolved & ~reopened
    done = closed & resolved
    out["rated"] = [{"share": round(float((rated & done).sum() / max(1, done.sum())), 4)}]
    wait = _minutes(t["closed_at"], t["resolved_at"])
    for name, mask in (("close_rated", done & rated), ("close_unrated", done & ~rated)):
        sample = wait[mask & final]
        sample = sample[np.isfinite(sample) & (sample >= 0)]
        if len(sample) >= 10:
            out[name] = [quantile_duration(sample, 21).table()]
    report["feedback"] = {"rated_share": out["rated"][0]["share"], "closed_cases": int(done.sum())}
    return out


def _ratings(train, t, risk) -> dict[str, list]:
    rating = train["satisfaction"].to_numpy(dtype="float64", na_value=np.nan)
    response = _minutes(t["accepted_at"], t["reported_at"])
    resolution = _minutes(t["resolved_at"], t["reported_at"])
    deadline = np.array([_RISK_DEADLINE_MINUTES.get(r, np.inf) for r in risk])
    late = ~(response <= RESPONSE_TARGET.total_seconds() / 60) | ~(resolution <= deadline)
    reopened = train["reopened"].to_numpy() > 0
    kinds = {"on_time": ~late & ~reopened, "late": late & ~reopened, "after_reopen": reopened}
    out = {}
    for name in RATINGS:
        given = rating[kinds[name] & np.isfinite(rating)]
        if len(given) >= 20:
            counts = np.bincount(given.astype(int), minlength=6)[1:6].astype(float) + 0.5
            shares = counts / counts.sum()
            out[name] = [round(float(v), 4) for v in shares]
            out[name][-1] = round(1.0 - sum(out[name][:-1]), 4)
    return out
