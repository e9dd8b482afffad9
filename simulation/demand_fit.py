"""The demand model of a street fitted from its log: when cases come, how many, and where the count is heading.

:func:`fit_demand` turns the local report times and categories of a log's cases into a
:class:`cockpit.demand.DemandModel` (the one demand model of the cockpit, docs/demand.md) and a
report:

- **weekday**: each weekday's cases per day of that weekday, over the mean (7 multipliers);
- **hours**: the hour-of-day shape per group of weekdays. The log decides the groups with
  likelihood-ratio (G) tests at :data:`HOURS_ALPHA`: one shape for every day, unless the days
  differ; then weekdays and the weekend, unless single days still differ; then one per day. Each
  group's shape is shrunk toward the pooled one by :data:`SHAPE_PRIOR` pseudo-cases, so a group
  with few cases keeps the pooled shape;
- **level and trend** per category: a Poisson log-linear regression of the daily counts on time,
  with the weekday multipliers as offset and, when the log covers :data:`SEASON_DAYS` or more, a
  season of 12 months (ridge-shrunk toward none); in a shorter log a season looks like a trend
  and a misfit, which the anchoring below corrects. Its standard errors are scaled by the counts'
  overdispersion (quasi-Poisson). The street's trend (all cases) is shrunk toward none by its
  significance (``b * b**2 / (b**2 + se**2)``), each category's toward the street's. The level
  at the cut is the regression's, moved toward the count of the last ``level_days`` by how far
  that count lies beyond noise (the street's toward it, each category's toward the street's
  move, shrunk the same way). Projected from the cut with the trend (and the season), it gives
  the level of any later day.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np
import pandas as pd
from scipy.special import chdtrc

from cockpit.demand import PLACES, SOURCES, DemandModel

HOURS_ALPHA = 0.001
"""Significance at which the log's weekdays are given their own hour shapes."""

SHAPE_PRIOR = 240.0
"""Pseudo-cases of the pooled hour shape added to each group's own (10 an hour)."""

SEASON_DAYS = 395
"""A log this long (a year and a month: every month seen, one twice) also fits a season per category."""

SEASON_SD = 0.5
"""Prior standard deviation of a month's log season (the ridge that keeps a month seen once sensible)."""

WEEKEND_SPLIT = ((0, 1, 2, 3, 4), (5, 6))
"""The weekdays and the weekend (0 = Monday)."""


@dataclass(frozen=True)
class DemandFit:
    """A fitted demand: ``model`` (levels at ``cut``, trends, seasons, weekday, hours) and the ``report`` behind it.

    ``risk_shares`` maps each category to its shares of the risk levels in the log.
    """

    model: DemandModel
    cut: dt.date
    risk_shares: dict[str, dict[str, float]]
    report: dict[str, Any]

    def level_per_day(self, code: str, day: dt.date) -> float:
        """Expected cases of category ``code`` on an average weekday at local ``day`` (trend and season)."""
        index = self.model.index(code)
        return float(self.model.daily_rates(day, 1)[0, index] / self.model.weekday[day.weekday()])


def fit_demand(local_times: pd.Series, categories: Sequence[str], risks: Sequence[str], first_day: dt.date,
               cut: dt.date, level_days: int | None = None, hours: np.ndarray | None = None,
               sources: dict[str, Sequence[float]] | None = None) -> DemandFit:
    """Fit the demand of cases reported at ``local_times`` (local, before ``cut``) from ``first_day``.

    Parameters
    ----------
    categories, risks
        Each case's category code and risk level.
    level_days
        The days at the end of the log whose count anchors each category's level and whose trend
        the forecast follows; None: the plain mean rate of the whole log, without trend.
    hours
        (7, 24) hour shapes to use instead of fitting them (a scenario's ``[[demand.hours]]``).
    sources
        Per category, the shares of :data:`cockpit.demand.SOURCES` (default: all patrol).
    """
    days = (cut - first_day).days
    day = ((local_times.dt.tz_localize(None) - pd.Timestamp(first_day)).dt.days).to_numpy()
    hour = local_times.dt.hour.to_numpy()
    categories = np.asarray(categories, dtype=object)
    risks = np.asarray(risks, dtype=object)
    dates = pd.date_range(first_day, periods=days, freq="D")
    dow_of_day = dates.day_of_week.to_numpy()
    dow = dow_of_day[day]
    per_weekday = np.bincount(dow_of_day, minlength=7).astype(float)
    cases_by_weekday = np.bincount(dow, minlength=7).astype(float)
    rate = np.divide(cases_by_weekday, per_weekday, out=np.zeros(7), where=per_weekday > 0)
    weekday = rate / rate.mean() if rate.sum() > 0 else np.ones(7)
    weekday = np.where(per_weekday > 0, weekday, 1.0)
    weekday = weekday / weekday.mean()

    counts = np.zeros((7, 24))
    np.add.at(counts, (dow, hour), 1.0)
    if hours is None:
        hours, hours_report = hour_shapes(counts)
    else:
        hours = np.asarray(hours, dtype=float)
        hours_report = {"groups": _groups_of(hours), "choice": "given by the scenario"}

    codes = tuple(sorted(set(categories)))
    rows, levels, trends, seasons, fitted_daily = [], [], [], [], np.zeros(days)
    offset = np.log(weekday[dow_of_day])
    month_of_day = dates.month.to_numpy() - 1
    # The street's trend first: each category's own is shrunk toward it (a category's count is noisier).
    total = np.bincount(day, minlength=days)[:days].astype(float)
    street = _level_and_trend(total, offset, month_of_day, level_days, _Toward())[4]
    toward = _Toward(street.pop("log_trend"), street.pop("log_shift"))
    for code in codes:
        daily = np.bincount(day[categories == code], minlength=days)[:days].astype(float)
        level, growth, season, mu, row = _level_and_trend(daily, offset, month_of_day, level_days, toward)
        del row["log_trend"], row["log_shift"]
        levels.append(level)
        trends.append(growth)
        seasons.append(season)
        fitted_daily += mu
        rows.append({"category": code, **row})
    levels = np.array(levels)
    risk_shares = {}
    for code in codes:
        mine = risks[categories == code]
        values, n = np.unique(mine, return_counts=True)
        risk_shares[code] = {str(v): float(k / n.sum()) for v, k in zip(values, n)}
    patrol_only = np.eye(len(SOURCES))[0]
    source_rows = np.array([sources[c] if sources and c in sources else patrol_only for c in codes], dtype=float)
    model = DemandModel(
        codes=codes,
        cases_per_day=float(levels.sum()),
        shares=levels / levels.sum(),
        weekday=weekday,
        hours=hours,
        season=np.ones(12),
        category_season=np.array(seasons),
        trend=np.array(trends),
        trend_from=cut,
        sources=source_rows,
        places=tuple(PLACES[0] for _ in codes),
        dispersion=None,
    )
    report = {
        "hours": hours_report,
        "weekday": [round(float(v), 4) for v in weekday],
        "weekday_hour": _weekday_hour_report(counts, weekday, per_weekday, hours),
        "month": _month_report(day, dates, fitted_daily),
        "street": street,
        "categories": rows,
    }
    return DemandFit(model, cut, risk_shares, report)


# ---------------------------------------------------------------- hour shapes


def hour_shapes(counts: np.ndarray) -> tuple[np.ndarray, dict[str, Any]]:
    """(7, 24) hour multipliers (each row mean 1) from cases by weekday and hour, and the test that grouped them."""
    pooled = _shape(counts.sum(axis=0))
    g_pooled = _g_statistic(counts, [tuple(range(7))])
    g_split = _g_statistic(counts, list(WEEKEND_SPLIT))
    p_any = float(chdtrc(6 * 23, g_pooled))
    p_within = float(chdtrc(5 * 23, g_split))
    if p_any >= HOURS_ALPHA:
        groups, choice = [tuple(range(7))], "one shape: the weekdays' hours do not differ"
    elif p_within >= HOURS_ALPHA:
        groups, choice = list(WEEKEND_SPLIT), "weekdays and the weekend: single days differ no further"
    else:
        groups, choice = [(d,) for d in range(7)], "one shape per weekday"
    shapes = np.zeros((7, 24))
    for group in groups:
        own = counts[list(group)].sum(axis=0)
        shape = (own + SHAPE_PRIOR * pooled / 24) / (own.sum() + SHAPE_PRIOR)
        shapes[list(group)] = shape * 24
    report = {
        "groups": _groups_of(shapes),
        "choice": choice,
        "test": {"g_all_days_alike": round(g_pooled, 1), "df": 6 * 23, "p": p_any,
                 "g_within_weekdays_and_weekend": round(g_split, 1), "df_within": 5 * 23, "p_within": p_within,
                 "alpha": HOURS_ALPHA, "shrinkage_cases": SHAPE_PRIOR},
    }
    return shapes, report


def _shape(hourly: np.ndarray) -> np.ndarray:
    """Shares of the 24 hours (uniform when there is nothing)."""
    total = hourly.sum()
    return hourly / total * 24 if total > 0 else np.ones(24)


def _g_statistic(counts: np.ndarray, groups: list[tuple[int, ...]]) -> float:
    """The likelihood-ratio statistic of one hour shape per group against one shape per weekday."""
    g = 0.0
    for group in groups:
        rows = counts[list(group)]
        shape = rows.sum(axis=0)
        if shape.sum() == 0:
            continue
        expected = rows.sum(axis=1, keepdims=True) * shape[None, :] / shape.sum()
        seen = rows > 0
        g += 2.0 * float((rows[seen] * np.log(rows[seen] / expected[seen])).sum())
    return g


def _groups_of(hours: np.ndarray) -> list[dict[str, Any]]:
    """``[[hours]]`` entries (days and profile) of (7, 24) shapes: weekdays with the same shape share one."""
    out: list[dict[str, Any]] = []
    for d in range(7):
        profile = [round(float(v), 4) for v in hours[d]]
        same = next((g for g in out if g["profile"] == profile), None)
        if same is None:
            out.append({"days": [d], "profile": profile})
        else:
            same["days"].append(d)
    return out


def _weekday_hour_report(counts: np.ndarray, weekday: np.ndarray, per_weekday: np.ndarray,
                         hours: np.ndarray) -> dict[str, Any]:
    """Observed against fitted cases by weekday and hour, and the Pearson dispersion of the cells."""
    weight = per_weekday * weekday
    fitted = counts.sum() * (weight / weight.sum())[:, None] * hours / 24
    ok = fitted > 0
    chi2 = float((((counts - fitted) ** 2)[ok] / fitted[ok]).sum())
    free = 6 + sum(23 for _ in _groups_of(hours))
    return {"observed": counts.astype(int).tolist(), "fitted": np.round(fitted, 2).tolist(),
            "pearson_dispersion": round(chi2 / max(1, int(ok.sum()) - free), 3)}


def _month_report(day: np.ndarray, dates: pd.DatetimeIndex, fitted_daily: np.ndarray) -> list[dict[str, Any]]:
    """Observed against the regression's cases per calendar month of the log."""
    months = dates.to_period("M")
    observed = np.bincount(day, minlength=len(dates))[:len(dates)]
    frame = pd.DataFrame({"month": months.astype(str), "observed": observed, "fitted": fitted_daily})
    out = frame.groupby("month", sort=True).agg(observed=("observed", "sum"), fitted=("fitted", "sum"))
    return [{"month": m, "observed": int(r.observed), "fitted": round(float(r.fitted), 1)} for m, r in out.iterrows()]


# ---------------------------------------------------------------- level, trend and season


@dataclass(frozen=True)
class _Toward:
    """What a category's trend and last-days shift shrink toward: the street's (logs; none for the street)."""

    trend: float = 0.0
    shift: float = 0.0


def _level_and_trend(daily: np.ndarray, offset: np.ndarray, month: np.ndarray, level_days: int | None,
                     toward: _Toward) -> tuple[float, float, np.ndarray, np.ndarray, dict[str, Any]]:
    """(level a day at the cut, trend per year, 12-month season, in-sample fit a day, report) of daily counts.

    The fitted log trend and the log shift of the last days' count are shrunk toward ``toward``'s
    by how clearly they differ from it.
    """
    days = len(daily)
    years = (np.arange(days) - days) / 365.25
    mean_level = float(daily.sum() / np.exp(offset).sum())
    if level_days is None or daily.sum() == 0:
        mu = mean_level * np.exp(offset)
        return mean_level, 0.0, np.ones(12), mu, {"cases": int(daily.sum()), "level_per_day": round(mean_level, 3),
                                                  "trend_per_year": 0.0, "log_trend": 0.0, "log_shift": 0.0,
                                                  "note": "the log's mean rate"}
    seasonal = days >= SEASON_DAYS
    columns = [np.ones(days), years]
    penalty = [0.0, 0.0]
    if seasonal:
        columns += [(month == m).astype(float) for m in range(12)]
        penalty += [1.0 / SEASON_SD**2] * 12
    x = np.column_stack(columns)
    beta, cov, mu = _poisson(daily, x, offset, np.array(penalty))
    free = 2 + (11 if seasonal else 0)
    phi = max(1.0, float(((daily - mu) ** 2 / np.maximum(mu, 1e-9)).sum()) / max(1, days - free))
    b, se = float(beta[1]), math.sqrt(max(phi * float(cov[1, 1]), 0.0))
    trend = toward.trend + _shrink(b - toward.trend, se**2)
    season_log = beta[2:] if seasonal else np.zeros(12)
    # The level given the shrunk trend, then the last days' count beyond noise.
    shape = np.exp(offset + trend * years + season_log[month])
    level = float(daily.sum() / shape.sum())
    recent = np.arange(days) >= days - min(level_days, days)
    observed, expected = float(daily[recent].sum()), level * float(shape[recent].sum())
    own = math.log(observed / expected) if observed > 0 else toward.shift
    shift = toward.shift + _shrink(own - toward.shift, phi / max(observed, 1.0))
    fitted = level * shape
    level *= math.exp(shift)
    season = np.exp(season_log)
    level *= float(season.mean())
    season = season / season.mean()
    row = {"cases": int(daily.sum()), "level_per_day": round(level, 3),
           "trend_per_year": round(math.expm1(trend), 4), "trend_fitted_per_year": round(math.expm1(b), 4),
           "trend_se": round(se, 4), "overdispersion": round(phi, 3), "log_trend": trend, "log_shift": shift,
           "last_days": {"days": int(recent.sum()), "observed": int(observed), "expected": round(expected, 1),
                         "level_shift": round(math.expm1(shift), 4)}}
    if seasonal:
        row["season"] = [round(float(v), 3) for v in season]
    return level, math.expm1(trend), season, fitted, row


def _shrink(value: float, variance: float) -> float:
    """``value`` kept by how clearly it stands out of its noise: ``value * value**2 / (value**2 + variance)``."""
    if value == 0.0:
        return 0.0
    return value * value * value / (value * value + variance)


def _poisson(y: np.ndarray, x: np.ndarray, offset: np.ndarray, penalty: np.ndarray):
    """Penalised Poisson regression (log link) by Newton steps: coefficients, their covariance, fitted means."""
    beta = np.zeros(x.shape[1])
    beta[0] = math.log(max(y.sum(), 1e-9) / np.exp(offset).sum())
    ridge = np.diag(penalty)
    for _ in range(100):
        mu = np.exp(x @ beta + offset)
        gradient = x.T @ (y - mu) - penalty * beta
        hessian = (x.T * mu) @ x + ridge
        step = np.linalg.solve(hessian, gradient)
        beta = beta + step
        if np.abs(step).max() < 1e-9:
            break
    mu = np.exp(x @ beta + offset)
    return beta, np.linalg.inv((x.T * mu) @ x + ridge), mu
