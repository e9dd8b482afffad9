"""What-if scenarios: a street's demand, staffing and dispatch rule, read from a TOML file.

A scenario names the arrival classes (a risk level or any name, each with a priority and a Poisson
rate, optionally shaped by hour of day and weekday) or, on a street, the demand model's categories;
the on-scene service time; the staff (a plain count for an abstract queue, groups by role, home
grid and shift, or a street's own roster with changes) and the dispatch policy of
``cockpit.dispatch``. Parsing is strict: every bad or unknown key raises
:class:`~simulation.model.ScenarioError` naming the key and the reason, so an operator's typo never
silently changes an answer. docs/scenarios.md documents every key.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

import numpy as np

from cockpit.vocabulary.categories import default_categories
from cockpit.demand import SOURCES, default_demand, hour_profiles
from cockpit.stages import Duration, StageError, StageModel, default_stages, parse_stages
from cockpit.dispatch import GENERAL_SKILL, POLICIES
from cockpit.vocabulary.domain import Department, RiskLevel, StaffKind
from cockpit.vocabulary.targets import RESPONSE_TARGET, guard_limits
from simulation import fields as f
from simulation.calibration import fit_arrival_class, fit_street_demand, read_service_minutes
from simulation.demand import model_classes, profile_classes
from simulation.items import ItemPlan, parse_resources
from simulation.model import ArrivalClass, LogPlaces, ScenarioError, StaffChange, StaffGroup
from simulation.shifts import MINUTES_PER_HOUR, Shift
from simulation.staffing import RosterError, apply_changes, staffing_table
from simulation.street import load_street, street_model, street_names

TRAVEL_MODELS = ("none", "straight_line", "road", "stages")
"""How people reach a case: not at all (abstract), straight line × detour, by road, or the stage table's drawn trips."""
LOG_STREET = "log"
"""``scenario.street`` of a street known only from its incident log (what ``cockpit sim calibrate`` writes)."""
SERVICE_DISTS = ("exponential", "lognormal", "empirical")
DEFAULT_START = dt.date(2024, 1, 1)
"""A Monday; hour-of-day and weekday profiles count from local midnight of the start date."""


@dataclass(frozen=True)
class Scenario:
    """A parsed, validated scenario. ``raw`` keeps the TOML tables so sweeps can change one key."""

    name: str
    horizon_hours: float
    warmup_hours: float
    street: str
    start: dt.date
    arrivals: tuple[ArrivalClass, ...]
    staff: tuple[StaffGroup, ...]
    shifts: Mapping[str, Shift]
    policy: str
    travel: str
    response_target_minutes: float
    raw: Mapping[str, Any] = field(repr=False, compare=False)
    base_dir: Path = field(default=Path("."), repr=False, compare=False)
    staff_from: str | None = None
    staff_changes: tuple["StaffChange", ...] = ()
    staff_roles: tuple[str, ...] | None = None
    dispatch_delay: Duration | None = None
    start_state: Any = field(default=None, repr=False, compare=False)
    stages: StageModel = field(default_factory=default_stages, repr=False, compare=False)
    places: LogPlaces | None = field(default=None, repr=False, compare=False)
    demand_level_sd: float = 0.0
    """Standard deviation of the log of a replication's demand level (a forecast's uncertainty)."""
    category_level_sd: Mapping[str, float] = field(default_factory=dict, repr=False, compare=False)
    """Per category, the standard deviation of the log of its own level on top (its forecast's own uncertainty)."""
    demand_dispersion: float | None = None
    """Gamma shape of the day-level multiplier of a demand fitted from a log (None: Poisson days)."""
    source_shares: Mapping[str, tuple[float, ...]] = field(default_factory=dict, repr=False, compare=False)
    """Per category, the shares of each source (``cockpit.demand.SOURCES`` order) that replace the demand model's."""
    guard_limits: Mapping[str, float] = field(default_factory=guard_limits, repr=False, compare=False)
    """The optimiser's guards (``[guards]`` over resources/targets.toml's): on-scene and response rates per class
    and shift, overdue per community, and the confidence of their bounds."""
    surges: tuple[Surge, ...] = ()
    """Windows in which some categories' rates are multiplied (``[[demand.surge]]``: a typhoon, a festival)."""
    resources: ItemPlan | None = None

    @property
    def staff_count(self) -> int:
        return sum(g.count for g in self.staff)

    @property
    def risk_classes(self) -> tuple[str, ...]:
        """The KPI classes of a street scenario: the risk levels, most urgent first."""
        return tuple(r.value for r in sorted(RiskLevel, key=lambda r: r.priority))

    def with_start(self, state: Any) -> "Scenario":
        """A copy that starts from ``state`` (a :class:`simulation.start.SimStart`) instead of an empty street."""
        if self.street == "none":
            raise ScenarioError("scenario.street", "starting from a state needs a street")
        return replace(self, start_state=state)

    def with_value(self, key: str, value: Any) -> "Scenario":
        """A copy with one dotted key set, re-validated (e.g. ``"staff.count"``, ``"arrivals.red.rate_per_hour"``).

        An ``arrivals.<class>.<key>`` path selects the arrival table whose ``class`` is ``<class>``;
        ``staff.group.<i>.count`` selects a staff group by position.
        """
        raw = copy.deepcopy(dict(self.raw))
        parts = key.split(".")
        node: Any = raw
        for depth, part in enumerate(parts[:-1]):
            if isinstance(node, list):
                node = _select(node, part, ".".join(parts[: depth + 1]))
            elif isinstance(node, dict):
                node = node.setdefault(part, {})
            else:
                raise ScenarioError(key, "does not name a table")
        if isinstance(node, list):
            raise ScenarioError(key, "ends at a list; name one element")
        node[parts[-1]] = value
        return replace(parse_scenario(raw, self.base_dir), start_state=self.start_state)


def _select(items: list, part: str, key: str) -> Any:
    for item in items:
        if isinstance(item, dict) and item.get("class") == part:
            return item
    if part.isdigit() and int(part) < len(items):
        return items[int(part)]
    raise ScenarioError(key, "no such element")


def load_scenario(path: str | Path, street: str | None = None) -> Scenario:
    """Read and validate a scenario file; with ``street``, a street scenario runs on that street instead.

    ``street`` replaces ``scenario.street`` and ``staff.from``: a stored street must have been
    loaded first with :func:`simulation.street.street_for`.

    Raises
    ------
    ScenarioError
        For an unreadable file, invalid TOML, or any bad key (the error names the key).
    """
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ScenarioError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ScenarioError(str(path), "file is not UTF-8 text") from exc
    if street is None:
        return parse_scenario_text(text, path.parent)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError("toml", str(exc)) from exc
    head, staff = data.get("scenario"), data.get("staff")
    if not isinstance(head, dict) or head.get("street", "none") == "none" or not isinstance(staff, dict):
        raise ScenarioError("scenario.street", "only a street scenario can run on another street")
    head["street"] = staff["from"] = street
    return parse_scenario(data, path.parent)


def parse_scenario_text(text: str, base_dir: Path = Path(".")) -> Scenario:
    """Validate scenario TOML text; relative paths in it are taken from ``base_dir``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError("toml", str(exc)) from exc
    return parse_scenario(data, base_dir)


def parse_scenario(data: Mapping[str, Any], base_dir: Path = Path(".")) -> Scenario:
    """Validate a scenario given as nested tables (as ``tomllib`` returns them)."""
    if not isinstance(data, Mapping):
        raise ScenarioError("toml", "a scenario is a table")
    f.no_unknown(data, "", {"scenario", "arrivals", "demand", "service", "staff", "dispatch", "targets", "guards",
                            "stages", "places", "resources"})

    head = f.subtable(data, "scenario", required=True)
    f.no_unknown(head, "scenario", {"name", "horizon_hours", "warmup_hours", "street", "start", "description"})
    name = f.string(head, "name", "scenario.name", required=True)
    f.string(head, "description", "scenario.description")
    horizon = f.number(head, "horizon_hours", "scenario.horizon_hours", required=True, positive=True)
    warmup = f.number(head, "warmup_hours", "scenario.warmup_hours", default=0.0, minimum=0.0)
    if warmup >= horizon:
        raise ScenarioError("scenario.warmup_hours", f"must be less than horizon_hours ({horizon:g})")
    if horizon > 24 * 366 * 20:
        raise ScenarioError("scenario.horizon_hours", "more than 20 years; split the experiment")
    street = f.choice(head, "street", "scenario.street", ("none", LOG_STREET, *street_names()), default="none")
    start = head.get("start", DEFAULT_START)
    if isinstance(start, dt.datetime):
        start = start.date()
    if not isinstance(start, dt.date):
        raise ScenarioError("scenario.start", "must be a date such as 2024-01-01")

    staff_from = None
    changes: tuple[StaffChange, ...] = ()
    roles = None
    places = None
    level_sd = 0.0
    category_sd: dict[str, float] = {}
    dispersion = None
    sources: dict[str, tuple[float, ...]] = {}
    surges: tuple[Surge, ...] = ()
    if street != LOG_STREET and "places" in data:
        raise ScenarioError("places", f"only a street known from its log (street = \"{LOG_STREET}\") lists its places")
    if street == "none":
        if "demand" in data:
            raise ScenarioError("demand", "[demand] draws cases over a street; use [[arrivals]] with street = \"none\"")
        arrivals = _arrivals(data, base_dir)
        shifts, staff = _staff(f.subtable(data, "staff", required=True))
    else:
        if "arrivals" in data or "service" in data:
            which = "arrivals" if "arrivals" in data else "service"
            raise ScenarioError(which, "a street scenario draws its cases from [demand] and the category table")
        demand_table = f.subtable(data, "demand", required=False)
        arrivals = _demand(demand_table, base_dir, street)
        level_sd = f.number(demand_table, "level_sd", "demand.level_sd", default=0.0, minimum=0.0)
        category_sd = _category_level_sd(f.subtable(demand_table, "category_level_sd", required=False,
                                                    key="demand.category_level_sd"))
        dispersion = f.number(demand_table, "dispersion", "demand.dispersion", default=None, positive=True)
        sources = _sources(f.subtable(demand_table, "sources", required=False, key="demand.sources"))
        surges = _surges(demand_table.get("surge", []))
        if street == LOG_STREET:
            places = _places(data.get("places"))
            shifts, staff, changes = _log_staff(f.subtable(data, "staff", required=True), places)
        else:
            shifts, staff, staff_from, changes, roles = _street_staff(f.subtable(data, "staff", required=True), street)

    dispatch = f.subtable(data, "dispatch", required=False)
    f.no_unknown(dispatch, "dispatch", {"policy", "travel", "delay"})
    delay = None
    if "delay" in dispatch:
        if street == "none":
            raise ScenarioError("dispatch.delay", "a dispatch delay needs a street; an abstract queue dispatches at once")
        delay = _service(f.subtable(dispatch, "delay", required=True, key="dispatch.delay"), "dispatch.delay", base_dir)
    policy = f.choice(dispatch, "policy", "dispatch.policy", tuple(POLICIES), default="priority_fcfs")
    default_travel = {"none": "none", LOG_STREET: "stages"}.get(street, "road")
    travel = f.choice(dispatch, "travel", "dispatch.travel", TRAVEL_MODELS, default=default_travel)
    if travel != "none" and street == "none":
        raise ScenarioError("dispatch.travel", "travel needs a street; use travel = \"none\" with street = \"none\"")
    if travel in ("road", "straight_line") and street == LOG_STREET:
        raise ScenarioError("dispatch.travel", "a street known from its log has no map; its trips are the stages' travel")

    stages = default_stages()
    if "stages" in data:
        if street == "none":
            raise ScenarioError("stages", "the closed loop's stages need a street")
        stages = _stages(f.subtable(data, "stages", required=True))

    targets = f.subtable(data, "targets", required=False)
    f.no_unknown(targets, "targets", {"response_minutes"})
    guards = f.subtable(data, "guards", required=False)
    shipped = guard_limits()
    f.no_unknown(guards, "guards", set(shipped))
    limits = {key: f.number(guards, key, f"guards.{key}", default=value, positive=True)
              for key, value in shipped.items()}
    for key, value in limits.items():
        if key != "on_scene_minutes" and value > 1:
            raise ScenarioError(f"guards.{key}", f"a share is at most 1, got {value:g}")
    response_target = f.number(
        targets,
        "response_minutes",
        "targets.response_minutes",
        default=RESPONSE_TARGET.total_seconds() / 60,
        positive=True,
    )

    resources = None
    if "resources" in data:
        if street in ("none", LOG_STREET):
            raise ScenarioError("resources", "items are fetched from a street's stations and caches; give a street "
                                             "with a map")
        place = load_street(street)
        resources = parse_resources(f.subtable(data, "resources", required=True), base_dir, place.id,
                                    place.projection.to_xy)

    return Scenario(
        name=name,
        horizon_hours=horizon,
        warmup_hours=warmup,
        street=street,
        start=start,
        arrivals=tuple(arrivals),
        staff=tuple(staff),
        shifts=shifts,
        policy=policy,
        travel=travel,
        response_target_minutes=response_target,
        raw=copy.deepcopy(dict(data)),
        base_dir=base_dir,
        staff_from=staff_from,
        staff_changes=changes,
        staff_roles=roles,
        dispatch_delay=delay,
        stages=stages,
        places=places,
        demand_level_sd=level_sd,
        category_level_sd=category_sd,
        demand_dispersion=dispersion,
        source_shares=sources,
        guard_limits=limits,
        surges=surges,
        resources=resources,
    )


@dataclass(frozen=True)
class Surge:
    """Cases of ``categories`` (all if empty) come ``factor`` times as often for ``hours`` from ``start`` (local)."""

    categories: tuple[str, ...]
    factor: float
    start: dt.datetime
    hours: float

    def factors(self, category: str, first: dt.date, hours: int) -> np.ndarray:
        """Each hour's multiplier from local midnight of ``first`` (1 outside the window or category)."""
        out = np.ones(hours)
        if self.categories and category not in self.categories:
            return out
        begin = (self.start - dt.datetime.combine(first, dt.time())).total_seconds() / 3600
        index = np.arange(hours)
        out[(index + 1 > begin) & (index < begin + self.hours)] = self.factor
        return out


def _surges(raw: Any) -> tuple[Surge, ...]:
    """``[[demand.surge]]``: ``categories`` (optional), ``factor``, ``start`` (a local date-time), ``hours``."""
    if not isinstance(raw, list):
        raise ScenarioError("demand.surge", "must be an array of tables ([[demand.surge]])")
    known = default_categories().codes
    out = []
    for index, item in enumerate(raw):
        key = f"demand.surge[{index}]"
        if not isinstance(item, Mapping):
            raise ScenarioError(key, "must be a table")
        f.no_unknown(item, key, {"categories", "factor", "start", "hours", "name"})
        categories = item.get("categories", [])
        if not isinstance(categories, list) or any(c not in known for c in categories):
            raise ScenarioError(f"{key}.categories", f"must be a list of category codes of {sorted(known)}")
        start = item.get("start")
        if isinstance(start, dt.date) and not isinstance(start, dt.datetime):
            start = dt.datetime.combine(start, dt.time())
        if not isinstance(start, dt.datetime) or start.tzinfo is not None:
            raise ScenarioError(f"{key}.start", "must be a local date-time such as 2024-07-20T06:00:00")
        out.append(Surge(tuple(categories), f.number(item, "factor", f"{key}.factor", required=True, positive=True),
                         start, f.number(item, "hours", f"{key}.hours", required=True, positive=True)))
    return tuple(out)


def _category_level_sd(table: Mapping[str, Any]) -> dict[str, float]:
    """``[demand.category_level_sd]``: per category code, a standard deviation >= 0."""
    known = default_categories().codes
    for code in table:
        if code not in known:
            raise ScenarioError(f"demand.category_level_sd.{code}", f"unknown category; one of {sorted(known)}")
    return {code: f.number(table, code, f"demand.category_level_sd.{code}", minimum=0.0) for code in table}


def _sources(table: Mapping[str, Any]) -> dict[str, tuple[float, ...]]:
    """``[demand.sources]``: per category code, the shares of patrol, resident, sensor, department."""
    known = default_categories().codes
    out = {}
    for code, shares in table.items():
        key = f"demand.sources.{code}"
        if code not in known:
            raise ScenarioError(key, f"unknown category; one of {sorted(known)}")
        values = f.nonnegative_numbers(shares, key, "shares", len(SOURCES))
        if abs(sum(values) - 1.0) > 1e-3:
            raise ScenarioError(key, f"shares must sum to 1, got {sum(values):g}")
        out[code] = tuple(v / sum(values) for v in values)
    return out


def _stages(table: Mapping[str, Any]) -> StageModel:
    """The shipped stage table with each stage the scenario gives replaced by its entries, then
    ``[stages.scale]`` applied (a factor per stage: how the sensitivity tornado moves a stage)."""

    def fail(key: str, reason: str) -> ScenarioError:
        return ScenarioError(key, reason)

    table = dict(table)
    factors = f.subtable(table, "scale", required=False, key="stages.scale")
    table.pop("scale", None)
    for stage in factors:
        f.number(factors, stage, f"stages.scale.{stage}", required=True, positive=True)
    own = parse_stages(table, fail, "stages")
    base = default_stages()
    try:
        return StageModel({**base.stages, **own.stages}, {**base.ratings, **own.ratings}).scaled(factors)
    except StageError as exc:
        raise ScenarioError("stages.scale", str(exc)) from None


def _places(raw: Any) -> LogPlaces:
    """``[[places]]``: the general grids of a street known from its log, their community, position and share."""
    if not isinstance(raw, list) or not raw:
        raise ScenarioError("places", "a street known from its log needs [[places]]: its grids and their communities")
    grids, communities, community, share, lon, lat = [], [], [], [], [], []
    for index, item in enumerate(raw):
        key = f"places[{index}]"
        if not isinstance(item, Mapping):
            raise ScenarioError(key, "must be a table")
        f.no_unknown(item, key, {"grid", "community", "share", "lon", "lat"})
        grid = f.string(item, "grid", f"{key}.grid", required=True)
        if grid in grids:
            raise ScenarioError(f"{key}.grid", f"duplicate grid {grid!r}")
        name = f.string(item, "community", f"{key}.community", required=True)
        if name not in communities:
            communities.append(name)
        grids.append(grid)
        community.append(communities.index(name))
        share.append(f.number(item, "share", f"{key}.share", required=True, minimum=0.0))
        lon.append(f.number(item, "lon", f"{key}.lon", default=math.nan))
        lat.append(f.number(item, "lat", f"{key}.lat", default=math.nan))
    total = sum(share)
    if total <= 0:
        raise ScenarioError("places", "the shares of the places add up to 0")
    base = np.asarray(share) / total
    return LogPlaces(tuple(grids), tuple(communities), np.asarray(community, dtype=np.int64), {}, base,
                     np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))


def _log_staff(table: Mapping[str, Any], places: LogPlaces):
    """``[staff]`` of a street known from its log: its shifts and groups, then ``[[staff.change]]``."""
    plain = {k: v for k, v in table.items() if k != "change"}
    shifts, groups = _staff(plain)
    for index, group in enumerate(groups):
        if group.community is not None and group.community not in places.community_ids:
            raise ScenarioError(f"staff.group[{index}].community",
                                f"unknown community {group.community!r}; one of {list(places.community_ids)}")
    changes = _changes(table.get("change", []))
    return shifts, groups, changes


def _arrivals(data: Mapping[str, Any], base_dir: Path) -> list[ArrivalClass]:
    service_default = None
    if "service" in data:
        service_default = _service(f.subtable(data, "service", required=True), "service", base_dir)
    arrivals_raw = data.get("arrivals")
    if not isinstance(arrivals_raw, list) or not arrivals_raw:
        raise ScenarioError("arrivals", "need at least one [[arrivals]] table")
    arrivals = []
    seen: set[str] = set()
    for index, item in enumerate(arrivals_raw):
        arrival = _arrival(item, f"arrivals[{index}]", service_default, base_dir)
        if arrival.name in seen:
            raise ScenarioError(f"arrivals[{index}].class", f"duplicate class {arrival.name!r}")
        seen.add(arrival.name)
        arrivals.append(arrival)
    return arrivals


def _demand(table: Mapping[str, Any], base_dir: Path, street: str) -> list[ArrivalClass]:
    """One arrival class per category (per category and risk from a log); see :mod:`simulation.demand`."""
    f.no_unknown(table, "demand", {"cases_per_day", "profile", "weekday", "scale", "from_log", "until", "level_days",
                                   "level_sd", "category_level_sd", "dispersion", "sources", "surge", "hours"})
    scale = f.number(table, "scale", "demand.scale", default=1.0, positive=True)
    if "from_log" in table:
        for other in ("cases_per_day", "profile", "weekday"):
            if other in table:
                raise ScenarioError(f"demand.{other}", "a fitted demand takes it from the log; drop it or from_log")
        until = table.get("until")
        if until is not None and not isinstance(until, dt.date):
            raise ScenarioError("demand.until", "must be a date such as 2024-12-01")
        level_days = f.integer(table, "level_days", "demand.level_days", minimum=7)
        hours = hour_profiles(table["hours"], "demand.hours", ScenarioError) if "hours" in table else None
        fitted = fit_street_demand(f.path(table, "from_log", "demand.from_log", base_dir), "demand.from_log",
                                   until=until, level_days=level_days, hours=hours)
        return [replace(a, rate_per_hour=a.rate_per_hour * scale) for a in fitted.arrivals]
    if street == LOG_STREET:
        raise ScenarioError("demand.from_log", "a street known from its log draws its cases from that log")
    for other in ("until", "level_days", "dispersion", "hours", "category_level_sd"):
        if other in table:
            raise ScenarioError(f"demand.{other}", "only a demand fitted from a log (from_log) has it")
    demand = default_demand()
    per_day = f.number(table, "cases_per_day", "demand.cases_per_day", default=demand.cases_per_day, positive=True)
    profile = f.multipliers(table, "profile", "demand.profile", 24)
    weekday = f.multipliers(table, "weekday", "demand.weekday", 7)
    if profile is None and weekday is None:
        return model_classes(demand, default_categories(), per_day, scale)
    if profile is None:
        usual = demand.usual_day()
        profile = tuple(float(v) for v in usual / usual.mean())
    return profile_classes(demand, default_categories(), per_day, profile, weekday, scale)


def _street_staff(table: Mapping[str, Any], street_name: str):
    """The street's own roster (``from``) after ``[[staff.change]]``, only ``roles``, summarised as groups."""
    f.no_unknown(table, "staff", {"from", "change", "roles"})
    staff_from = f.choice(table, "from", "staff.from", (street_name,), required=True)
    roles = None
    if "roles" in table:
        valid = [k.value for k in StaffKind]
        roles_raw = table["roles"]
        if not isinstance(roles_raw, list) or not roles_raw or not all(r in valid for r in roles_raw):
            raise ScenarioError("staff.roles", f"must be a non-empty list of roles from {valid}")
        roles = tuple(dict.fromkeys(roles_raw))
    changes = _changes(table.get("change", []))
    model = street_model(staff_from)
    try:
        roster = apply_changes(model.roster, changes, (s.id for s in model.shifts), model.geometry.community_ids,
                               model.geometry.grid_ids, roles)
    except RosterError as exc:
        raise ScenarioError(f"staff.change[{exc.index}].{exc.field}", exc.reason) from None
    if not roster:
        raise ScenarioError("staff", "nobody is left to take cases")
    shifts = {s.id: s for s in model.shifts}
    groups = [
        StaffGroup(role=StaffKind(role), count=count, shift=shift, community=community, name=f"{community or 'street'}/{shift}/{role}")
        for (community, shift, role), count in sorted(staffing_table(roster).items(), key=lambda kv: tuple(str(k) for k in kv[0]))
    ]
    return shifts, groups, staff_from, changes, roles


def _changes(changes_raw: Any) -> tuple[StaffChange, ...]:
    """``[[staff.change]]``: headcount changes by role, shift and community or grid."""
    if not isinstance(changes_raw, list):
        raise ScenarioError("staff.change", "must be an array of tables ([[staff.change]])")
    role_names = tuple(k.value for k in StaffKind)
    changes = []
    for index, item in enumerate(changes_raw):
        key = f"staff.change[{index}]"
        if not isinstance(item, Mapping):
            raise ScenarioError(key, "must be a table")
        f.no_unknown(item, key, {"role", "community", "grid", "shift", "delta"})
        delta = item.get("delta")
        if isinstance(delta, bool) or not isinstance(delta, int):
            raise ScenarioError(f"{key}.delta", f"must be a whole number of people, got {delta!r}")
        changes.append(
            StaffChange(
                role=StaffKind(f.choice(item, "role", f"{key}.role", role_names, required=True)),
                shift=f.string(item, "shift", f"{key}.shift", required=True),
                delta=delta,
                community=f.string(item, "community", f"{key}.community"),
                grid=f.string(item, "grid", f"{key}.grid"),
            )
        )
    return tuple(changes)


def _arrival(item: Any, key: str, service_default: Duration | None, base_dir: Path) -> ArrivalClass:
    if not isinstance(item, Mapping):
        raise ScenarioError(key, "must be a table")
    f.no_unknown(
        item,
        key,
        {"class", "priority", "process", "rate_per_hour", "profile", "weekday", "from_log",
         "service", "skill", "department"},
    )
    name = f.string(item, "class", f"{key}.class", required=True)
    priority = f.integer(item, "priority", f"{key}.priority", required=True, minimum=1)
    f.choice(item, "process", f"{key}.process", ("poisson",), default="poisson")
    has_rate = "rate_per_hour" in item
    if has_rate == ("from_log" in item):
        raise ScenarioError(f"{key}.rate_per_hour", "give exactly one of rate_per_hour and from_log")
    profile = f.multipliers(item, "profile", f"{key}.profile", 24)
    weekday = f.multipliers(item, "weekday", f"{key}.weekday", 7)
    if has_rate:
        rate = f.number(item, "rate_per_hour", f"{key}.rate_per_hour", required=True, positive=True)
    else:
        if profile is not None or weekday is not None:
            raise ScenarioError(f"{key}.from_log", "a fitted class takes its profile from the log; drop profile/weekday")
        rate, profile, weekday = fit_arrival_class(
            f.path(item, "from_log", f"{key}.from_log", base_dir), name, f"{key}.from_log"
        )
    risk = name if name in RiskLevel.__members__.values() else None
    if "service" in item:
        service = _service(f.subtable(item, "service", required=True, key=f"{key}.service"), f"{key}.service", base_dir)
    elif service_default is not None:
        service = service_default
    else:
        raise ScenarioError(f"{key}.service", "no service time: add [service] or a per-class service table")
    skill = f.string(item, "skill", f"{key}.skill", default=GENERAL_SKILL)
    department = f.choice(item, "department", f"{key}.department", tuple(d.value for d in Department), default=None)
    return ArrivalClass(
        name=name,
        priority=priority,
        rate_per_hour=rate,
        service=service,
        profile=profile,
        weekday=weekday,
        skill=skill,
        department=department,
        risk=risk,
    )


def _service(table: Mapping[str, Any], key: str, base_dir: Path) -> Duration:
    dist = f.choice(table, "dist", f"{key}.dist", SERVICE_DISTS, required=True)
    allowed = {
        "exponential": {"dist", "mean_minutes"},
        "lognormal": {"dist", "median_minutes", "sigma"},
        "empirical": {"dist", "values", "from_log", "column"},
    }[dist]
    f.no_unknown(table, key, allowed)
    if dist == "exponential":
        return Duration(dist, mean_minutes=f.number(table, "mean_minutes", f"{key}.mean_minutes", required=True, positive=True))
    if dist == "lognormal":
        return Duration(
            dist,
            median_minutes=f.number(table, "median_minutes", f"{key}.median_minutes", required=True, positive=True),
            sigma=f.number(table, "sigma", f"{key}.sigma", required=True, minimum=0.0),
        )
    if ("values" in table) == ("from_log" in table):
        raise ScenarioError(f"{key}.values", "give exactly one of values and from_log")
    if "values" in table:
        return Duration(dist, values=f.nonnegative_numbers(table["values"], f"{key}.values", "minutes"))
    column = f.string(table, "column", f"{key}.column", default="service_minutes")
    values = read_service_minutes(f.path(table, "from_log", f"{key}.from_log", base_dir), column, f"{key}.from_log")
    return Duration(dist, values=tuple(values))


def _staff(table: Mapping[str, Any]) -> tuple[dict[str, Shift], list[StaffGroup]]:
    f.no_unknown(table, "staff", {"count", "group", "shifts"})
    shifts: dict[str, Shift] = {}
    shift_table = f.subtable(table, "shifts", required=False, key="staff.shifts")
    for name, hours in shift_table.items():
        key = f"staff.shifts.{name}"
        if (
            not isinstance(hours, list)
            or len(hours) != 2
            or not all(isinstance(h, int) and not isinstance(h, bool) and 0 <= h <= 24 for h in hours)
        ):
            raise ScenarioError(key, "must be [start_hour, end_hour] with whole hours 0-24")
        start, end = hours[0] % 24, hours[1] % 24
        if start == end:
            raise ScenarioError(key, "start and end are the same hour; omit the shift for round-the-clock staff")
        shifts[name] = Shift(name, start * MINUTES_PER_HOUR, end * MINUTES_PER_HOUR)
    if ("count" in table) == ("group" in table):
        raise ScenarioError("staff.count", "give exactly one of count and [[staff.group]]")
    if "count" in table:
        count = f.integer(table, "count", "staff.count", required=True, minimum=1)
        return shifts, [StaffGroup(role=StaffKind.GRID_WORKER, count=count, name="staff")]
    groups_raw = table["group"]
    if not isinstance(groups_raw, list) or not groups_raw:
        raise ScenarioError("staff.group", "must be a non-empty array of tables")
    groups = []
    for index, item in enumerate(groups_raw):
        key = f"staff.group[{index}]"
        if not isinstance(item, Mapping):
            raise ScenarioError(key, "must be a table")
        f.no_unknown(item, key, {"name", "role", "count", "shift", "grid", "community", "skills", "department", "speed_m_per_min"})
        role = StaffKind(f.choice(item, "role", f"{key}.role", tuple(k.value for k in StaffKind), default="grid_worker"))
        count = f.integer(item, "count", f"{key}.count", required=True, minimum=0)
        shift = f.string(item, "shift", f"{key}.shift")
        if shift is not None and shift not in shifts:
            raise ScenarioError(f"{key}.shift", f"unknown shift {shift!r}; define it under [staff.shifts]")
        skills = item.get("skills", [])
        if not isinstance(skills, list) or not all(isinstance(s, str) and s for s in skills):
            raise ScenarioError(f"{key}.skills", "must be a list of skill names")
        department = f.choice(item, "department", f"{key}.department", tuple(d.value for d in Department), default=None)
        if role is StaffKind.DEPARTMENT and department is None:
            raise ScenarioError(f"{key}.department", "a department team needs its department")
        groups.append(
            StaffGroup(
                role=role,
                count=count,
                shift=shift,
                grid=f.string(item, "grid", f"{key}.grid"),
                community=f.string(item, "community", f"{key}.community"),
                skills=frozenset(skills),
                department=department,
                speed_m_per_min=f.number(item, "speed_m_per_min", f"{key}.speed_m_per_min", default=None, positive=True),
                name=f.string(item, "name", f"{key}.name", default=f"group{index + 1}"),
            )
        )
    if sum(g.count for g in groups) < 1:
        raise ScenarioError("staff.group", "at least one person is needed")
    return shifts, groups


