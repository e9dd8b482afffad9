"""``cockpit resources coverage|staffing|plan``: the command bodies, given the street to work on.

Bad arguments raise ValueError with one line for the user; the entry point prints it and exits 2.
"""

from __future__ import annotations

from datetime import time

from cockpit.allocation.coverage import Demand, coverage, coverage_kinds
from cockpit.allocation.plan import plan
from cockpit.allocation.staffing import staffing
from cockpit.command_output import print_json
from cockpit.street.model import Street
from cockpit.travel.model import RoadTravel, StraightLineTravel, TravelModel
from cockpit.travel.profile import default_profile

TRAVEL_MODELS = ("road", "straight")


def travel_model(street: Street, name: str) -> TravelModel:
    """The travel model called ``name`` for ``street``: ``road`` (its road layer) or ``straight``."""
    if name == "straight":
        return StraightLineTravel()
    if not street.roads:
        raise ValueError(f"street {street.id} has no road layer: use --travel straight")
    return RoadTravel.from_street(street)


def parse_clock(text: str | None) -> time | None:
    """``--at HH:MM``, the wall-clock time at which stations and caches must be open."""
    if text is None:
        return None
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise ValueError(f"--at must be a time of day like 02:00, not {text!r}") from None


def _kind(code: str):
    kinds = coverage_kinds(default_profile())
    try:
        return kinds[code]
    except KeyError:
        raise ValueError(f"unknown resource kind {code!r}; choose one of {', '.join(kinds)}") from None


def _positive_minutes(minutes: float | None) -> float | None:
    if minutes is not None and not minutes > 0:
        raise ValueError(f"--minutes must be positive, not {minutes}")
    return minutes


def coverage_command(street: Street, kind: str | None, minutes: float | None, at: str | None,
                     travel: str, as_json: bool) -> int:
    """Coverage of one kind (its object alone) or of every kind (``{"street", "coverage": [...]}``)."""
    minutes = _positive_minutes(minutes)
    clock = parse_clock(at)
    kinds = [_kind(kind)] if kind is not None else list(coverage_kinds(default_profile()).values())
    model = travel_model(street, travel)
    demand = Demand.of(street, model)
    results = [coverage(street, model, k, minutes, clock, demand) for k in kinds]
    if as_json:
        print_json(results[0].as_json() if kind is not None else
                   {"street": street.id, "coverage": [r.as_json() for r in results]})
        return 0
    print(f"{street.name} ({street.id}) coverage by {travel}" + (f" at {clock:%H:%M}" if clock else ""))
    for result in results:
        share = "-" if result.share is None else f"{result.share:6.1%}"
        print(f"  {result.kind:<14} {result.mode:<7} {result.minutes:>5g} min  {result.covered:>7,} / "
              f"{result.households:,} households  {share}  {len(result.uncovered_micro_grids)} micro-grids uncovered")
    return 0


def staffing_command(street: Street, as_json: bool) -> int:
    """The street's grids against the staffing standard."""
    report = staffing(street).as_json()
    if as_json:
        print_json(report)
        return 0
    print(f"{street.id}: {report['grid_workers']} grid workers for {report['general_grids']} general grids "
          f"({report['required']} required), {len(report['below_standard'])} grids below the standard, "
          f"{len(report['micro_grids_without_head'])} of {report['micro_grids']} micro-grids without a head")
    for grid in report["below_standard"]:
        print(f"  {grid['general_grid']}: {grid['households']} households, "
              f"{grid['grid_workers']} of {grid['required']} grid workers")
    return 0


def plan_command(street: Street, kind: str, add: int, move: int, minutes: float | None, objective: str,
                 method: str, time_limit: float, at: str | None, travel: str, as_json: bool) -> int:
    """Where to add ``add`` units of ``kind`` and move ``move`` of them."""
    if add < 0 or move < 0:
        raise ValueError("--add and --move must be 0 or more")
    if add == 0 and move == 0:
        raise ValueError("nothing to plan: give --add N or --move M")
    if not time_limit > 0:
        raise ValueError(f"--time-limit must be positive, not {time_limit}")
    result = plan(street, travel_model(street, travel), _kind(kind), add, move, _positive_minutes(minutes),
                  objective, method, time_limit, parse_clock(at))
    if as_json:
        print_json(result.as_json())
        return 0
    data = result.as_json()
    before, after, solver = data["before"], data["after"], data["solver"]
    print(f"{data['kind']} within {data['minutes']:g} min ({data['mode']}): "
          f"{before['covered']:,} -> {after['covered']:,} of {before['households']:,} households "
          f"({before['share']:.1%} -> {after['share']:.1%}); mean {before['mean_minutes']} -> {after['mean_minutes']} min")
    print(f"  solver: {solver['method']} {solver['status']}, gap {solver['gap']:.4%}, {solver['seconds']:.2f} s")
    for site in data["added"]:
        print(f"  add    {site['micro_grid']}  {site['name']}  ({site['lon']:.5f}, {site['lat']:.5f})")
    for site in data["removed"]:
        print(f"  move   {site['resource']}  {site['name']}")
    return 0
