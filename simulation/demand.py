"""A street scenario's arrival classes: one per category, from the demand model or a fitted log.

The default street demand is the cockpit's one demand model (:mod:`cockpit.demand`,
resources/demand.toml), the one the demo feed and the history generator play: each category's
class keeps the model's weekday-specific hours, seasons, trends and busy-or-quiet days, scaled to
the scenario's cases a day. A scenario that gives its own hour-of-day or weekday multipliers gets
plain classes with those instead.
"""

from __future__ import annotations

from typing import Sequence

from cockpit.vocabulary.categories import Category, CategoryTable
from cockpit.demand import DemandModel
from cockpit.vocabulary.domain import RiskLevel
from cockpit.stages import Duration, service_duration
from simulation.model import ArrivalClass, DemandShape


def category_class(category: Category, rate_per_hour: float, profile: Sequence[float] | None = None,
                   weekday: Sequence[float] | None = None, risk: RiskLevel | None = None,
                   service: Duration | None = None, shape: DemandShape | None = None) -> ArrivalClass:
    """The arrival class of one category (of the category table) at one risk level (default: its own)."""
    risk = risk or category.default_risk
    name = category.code if risk is category.default_risk else f"{category.code}:{risk.value}"
    return ArrivalClass(
        name=name,
        priority=risk.priority,
        rate_per_hour=rate_per_hour,
        service=service or service_duration(category),
        profile=None if profile is None else tuple(profile),
        weekday=None if weekday is None else tuple(weekday),
        skill=category.skill,
        department=category.department.value,
        risk=risk.value,
        category=category.code,
        shape=shape,
    )


def model_classes(demand: DemandModel, categories: CategoryTable, cases_per_day: float,
                  scale: float = 1.0) -> list[ArrivalClass]:
    """One class per category shaped by the demand model, ``cases_per_day`` a day on average, times ``scale``."""
    return [
        category_class(c, cases_per_day * scale * demand.shares[demand.index(c.code)] / 24,
                       shape=DemandShape(demand, c.code))
        for c in categories
    ]


def profile_classes(demand: DemandModel, categories: CategoryTable, cases_per_day: float,
                    profile: Sequence[float] | None, weekday: Sequence[float] | None,
                    scale: float = 1.0) -> list[ArrivalClass]:
    """One class per category with the demand model's shares and plain hour-of-day and weekday multipliers."""
    return [
        category_class(c, cases_per_day * scale * demand.shares[demand.index(c.code)] / 24, profile, weekday)
        for c in categories
    ]
