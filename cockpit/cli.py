"""The ``cockpit`` command: one entry point with a subcommand per job.

This is the composition root for scripts. simulation/ is imported lazily inside the subcommands
that need it; the commands that open a window (demo, snapshot, replay --window) are handed in as a
:class:`WindowCommands` by the console entry point in widgets/cli.py, so the core never names the
Qt layer at all. Output contract
(DESIGN.md 4): ``--json`` prints exactly one JSON object on stdout, logs go to stderr, exit 0 on
success and non-zero with one clear line on stderr otherwise.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from cockpit.command_output import EXIT_USAGE, CommandError, OneLineParser, print_json
from cockpit.onboard.cli import add_street_options

log = logging.getLogger("cockpit")


# ---------------------------------------------------------------- street


def _street(args: argparse.Namespace):
    """The street of ``--street``/``--db`` (default the demo street of ``--seed``), or a one-line CommandError."""
    from cockpit.storage import StorageError
    from cockpit.onboard.catalog import UnknownStreet, resolve_street

    try:
        return resolve_street(getattr(args, "street", None), getattr(args, "db", None), getattr(args, "seed", None))
    except (UnknownStreet, StorageError) as exc:
        raise CommandError(str(exc)) from None


def _cmd_info(args: argparse.Namespace) -> int:
    from cockpit.street.summary import street_summary

    summary = street_summary(_street(args))
    if args.json:
        print_json(summary)
        return 0
    print(f"{summary['name']} ({summary['street']}), {summary['area_km2']:.1f} km²")
    for key in ("communities", "general_grids", "micro_grids", "dedicated_grids", "households", "residents"):
        print(f"  {key:<16} {summary[key]:>8,}")
    print("  sensors          " + ", ".join(f"{k} {v}" for k, v in summary["sensors"].items()))
    print("  staff            " + ", ".join(f"{k} {v}" for k, v in summary["staff"].items()))
    return 0


def _cmd_street_export(args: argparse.Namespace) -> int:
    from cockpit.onboard.cli import export_command

    return export_command(args, _street(args))


def _cmd_street_import(args: argparse.Namespace) -> int:
    from cockpit.onboard.cli import import_command

    return import_command(args)


# ---------------------------------------------------------------- history and KPIs


def _cmd_history_generate(args: argparse.Namespace) -> int:
    from cockpit.history.cli import generate_command

    from simulation.history import simulated_history
    from simulation.street import street_for

    if args.days <= 0:
        raise CommandError(f"--days must be positive, not {args.days}")
    street = _street(argparse.Namespace(street=args.street, db=args.db, seed=None))
    name = "demo"
    if args.street is not None:
        street_for(args.street, args.db)
        name = args.street

    def run_of_the_model(_street, days: int, seed: int):
        return simulated_history(name, days, seed)

    return generate_command(args.days, args.seed, Path(args.out), street, as_json=args.json,
                            generate=run_of_the_model)


def _cmd_history_import(args: argparse.Namespace) -> int:
    from cockpit.history.cli import import_command

    return import_command(Path(args.export), Path(args.mapping), _street(args), Path(args.out), as_json=args.json)


def _cmd_kpi(args: argparse.Namespace) -> int:
    from cockpit.history.cli import kpi_command

    return kpi_command(Path(args.file), args.by, args.json)


# ---------------------------------------------------------------- the window


@dataclass(frozen=True)
class WindowCommands:
    """The Qt entry points, given by widgets/cli.py: the core calls them, never imports them."""

    run_demo: Callable[[argparse.Namespace], int]
    render_snapshot: Callable[..., Path]
    run_replay: Callable[[argparse.Namespace], int]
    run_open: Callable[[argparse.Namespace], int]


def _windows(args: argparse.Namespace) -> WindowCommands:
    if args.windows is None:
        raise CommandError("this command opens a window: run it with the installed `cockpit` command")
    return args.windows


def _cmd_demo(args: argparse.Namespace) -> int:
    return _windows(args).run_demo(args)


def _cmd_open(args: argparse.Namespace) -> int:
    return _windows(args).run_open(args)


SNAPSHOT_MIN = (320, 240)
SNAPSHOT_MAX = (7680, 4320)
"""Sizes a snapshot may have: from a small preview up to an 8K wall."""


def _cmd_snapshot(args: argparse.Namespace) -> int:
    from cockpit.demo_feed import latest_busy_moment
    from cockpit.vocabulary.local_time import LOCAL_TZ

    width, height = _snapshot_size(args.size)
    out = Path(args.out)
    if not out.parent.is_dir():
        raise CommandError(f"folder does not exist: {out.parent}")
    if args.minutes < 0:
        raise CommandError(f"--minutes must be 0 or more, not {args.minutes}")
    at = _snapshot_moment(args.at) if args.at else latest_busy_moment(datetime.now(timezone.utc))
    out = _windows(args).render_snapshot(out, size=(width, height), lang=args.lang, page=args.page,
                                         minutes=args.minutes, at=at, street=_street(args))
    if args.json:
        print_json({"out": str(out), "size": [width, height], "page": args.page, "lang": args.lang,
                    "at": at.astimezone(LOCAL_TZ).isoformat()})
    return 0


def _snapshot_size(text: str) -> tuple[int, int]:
    """``--size``: WIDTHxHEIGHT within :data:`SNAPSHOT_MIN` and :data:`SNAPSHOT_MAX`."""
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise CommandError(f"--size must look like 1920x1080, not {text!r}") from None
    (low_w, low_h), (high_w, high_h) = SNAPSHOT_MIN, SNAPSHOT_MAX
    if not (low_w <= width <= high_w and low_h <= height <= high_h):
        raise CommandError(f"--size {text}: the wall is drawn from {low_w}x{low_h} to {high_w}x{high_h}")
    return width, height


def _snapshot_moment(text: str) -> datetime:
    """``--at``: an ISO time; one without an offset is local (Asia/Shanghai) time, as the wall shows it."""
    from cockpit.vocabulary.local_time import LOCAL_TZ

    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--at must be an ISO time like 2026-11-24T10:00, not {text!r}") from None
    return (at if at.tzinfo is not None else at.replace(tzinfo=LOCAL_TZ)).astimezone(timezone.utc)


# ---------------------------------------------------------------- simulation


def _add_sim(sub: argparse._SubParsersAction) -> None:
    sim = sub.add_parser("sim", help="what-if simulation of staffing and dispatch policy")
    sim_sub = sim.add_subparsers(dest="sim_command", required=True)
    run = sim_sub.add_parser("run", help="run a scenario file's replications")
    from simulation.cli import add_arguments

    add_arguments(run)
    run.set_defaults(handler=_cmd_sim_run)
    from simulation.calibrate_cli import add_calibrate_arguments, add_validate_arguments

    calibrate = sim_sub.add_parser("calibrate", help="a scenario of the street whose incident log this is")
    add_calibrate_arguments(calibrate)
    calibrate.set_defaults(handler=_cmd_sim_calibrate)
    validate = sim_sub.add_parser("validate", help="calibrate on a log's past and check its last days")
    add_validate_arguments(validate)
    validate.set_defaults(handler=_cmd_sim_validate)
    from simulation.optimise_cli import add_arguments as add_optimise_arguments

    optimise = sim_sub.add_parser("optimise", help="fewest grid workers per community and shift keeping every guard")
    add_optimise_arguments(optimise)
    optimise.set_defaults(handler=_cmd_sim_optimise)
    from simulation.compare_cli import add_arguments as add_compare_arguments

    compared = sim_sub.add_parser("compare", help="two scenarios on common random numbers, KPI by KPI")
    add_compare_arguments(compared)
    compared.set_defaults(handler=_cmd_sim_compare)
    from simulation.sensitivity_cli import add_arguments as add_sensitivity_arguments

    sensitivity = sim_sub.add_parser("sensitivity", help="tornado of the main inputs at -20 %% and +20 %%")
    add_sensitivity_arguments(sensitivity)
    sensitivity.set_defaults(handler=_cmd_sim_sensitivity)


def _cmd_sim_run(args: argparse.Namespace) -> int:
    from simulation.cli import run

    return run(args)


def _cmd_sim_calibrate(args: argparse.Namespace) -> int:
    from simulation.calibrate_cli import calibrate_command

    return calibrate_command(args)


def _cmd_sim_validate(args: argparse.Namespace) -> int:
    from simulation.calibrate_cli import validate_command

    return validate_command(args)


def _cmd_sim_optimise(args: argparse.Namespace) -> int:
    from simulation.optimise_cli import optimise_command

    return optimise_command(args)


def _cmd_sim_compare(args: argparse.Namespace) -> int:
    from simulation.compare_cli import compare_command

    return compare_command(args)


def _cmd_sim_sensitivity(args: argparse.Namespace) -> int:
    from simulation.sensitivity_cli import sensitivity_command

    return sensitivity_command(args)


# ---------------------------------------------------------------- resources


def _cmd_resources_coverage(args: argparse.Namespace) -> int:
    from cockpit.allocation.cli import coverage_command

    return coverage_command(_street(args), args.kind, args.minutes, args.at, args.travel,
                            args.json)


def _cmd_resources_staffing(args: argparse.Namespace) -> int:
    from cockpit.allocation.cli import staffing_command

    return staffing_command(_street(args), args.json)


def _cmd_resources_plan(args: argparse.Namespace) -> int:
    from cockpit.allocation.cli import plan_command

    return plan_command(_street(args), args.kind, args.add, args.move, args.minutes,
                        args.objective, args.solver, args.time_limit, args.at, args.travel, args.json)


def _cmd_resources_whatif(args: argparse.Namespace) -> int:
    from simulation.resource_whatif import whatif_command

    return whatif_command(args.plan, args.scenario, args.replications, args.seed, args.workers, args.json)


def _add_resources(sub: argparse._SubParsersAction) -> None:
    resources = sub.add_parser("resources", help="stations, vehicles and emergency caches: coverage and placement")
    resources_sub = resources.add_subparsers(dest="resources_command", required=True)

    def common(parser: argparse.ArgumentParser) -> None:
        add_street_options(parser)
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def travel(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--minutes", type=float, default=None, help="time limit (default: the kind's standard)")
        parser.add_argument("--at", default=None, help="count only stations and caches open at this time (HH:MM)")
        parser.add_argument("--travel", choices=["road", "straight"], default="road",
                            help="travel on the road layer (default) or straight line x detour")

    coverage = resources_sub.add_parser("coverage", help="share of households within T minutes of each kind")
    common(coverage)
    travel(coverage)
    coverage.add_argument("--kind", default=None, help="one kind (station, e_bike, car or an item such as aed)")
    coverage.set_defaults(handler=_cmd_resources_coverage)

    staffing = resources_sub.add_parser("staffing", help="grids against the staffing standard")
    common(staffing)
    staffing.set_defaults(handler=_cmd_resources_staffing)

    plan = resources_sub.add_parser("plan", help="where to add N units of a kind or move M of them")
    common(plan)
    travel(plan)
    plan.add_argument("--kind", required=True, help="station, e_bike, car or an item such as aed")
    plan.add_argument("--add", type=int, default=0, help="units to add")
    plan.add_argument("--move", type=int, default=0, help="existing units that may move")
    plan.add_argument("--objective", choices=["coverage", "median"], default="coverage",
                      help="most households within the limit (default) or least mean travel time")
    plan.add_argument("--solver", choices=["auto", "exact", "greedy"], default="auto",
                      help="exact MILP (HiGHS), greedy, or auto: exact unless the instance is very large")
    plan.add_argument("--time-limit", type=float, default=60.0, help="seconds the exact solver may take")
    plan.set_defaults(handler=_cmd_resources_plan)

    whatif = resources_sub.add_parser("whatif", help="a plan's effect on response for the cases that need its item")
    whatif.add_argument("plan", help="the JSON of `cockpit resources plan --json` (an item's plan)")
    whatif.add_argument("--scenario", default=None,
                        help="street scenario TOML to try it on (default: the demo street as staffed today)")
    whatif.add_argument("--replications", type=int, default=30, help="replications of each placement (default 30)")
    whatif.add_argument("--seed", type=int, default=0, help="experiment seed, common to both runs (default 0)")
    whatif.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    whatif.add_argument("--json", action="store_true", help="print one JSON object")
    whatif.set_defaults(handler=_cmd_resources_whatif)


# ---------------------------------------------------------------- parser


def build_parser(windows: WindowCommands | None = None) -> argparse.ArgumentParser:
    """The full command-line parser (subcommands import their modules only when run).

    Without ``windows`` the window commands are listed but refuse to run with a clear message.
    """
    parser = OneLineParser(prog="cockpit", description="Street Cockpit 街道数字孪生驾驶舱")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging on stderr")
    parser.set_defaults(windows=windows)
    sub = parser.add_subparsers(dest="command", required=True)

    info = sub.add_parser("info", help="summary of a street (default the demo street)")
    add_street_options(info)
    info.add_argument("--seed", type=int, default=None, help="demo street seed (default: the shipped one)")
    info.add_argument("--json", action="store_true", help="print one JSON object")
    info.set_defaults(handler=_cmd_info)

    street = sub.add_parser("street", help="import a real street, or export one's layers")
    street_sub = street.add_subparsers(dest="street_command", required=True)
    imported = street_sub.add_parser("import", help="import a street from a manifest (docs/street-import.md)")
    imported.add_argument("manifest", help="MANIFEST.toml naming the street's GIS layers and ledgers")
    imported.add_argument("--db", default=None, help="database URL (default: SQLite in the user data folder)")
    imported.add_argument("--json", action="store_true", help="print one JSON object")
    imported.set_defaults(handler=_cmd_street_import)
    export = street_sub.add_parser("export", help="write the layers, ledgers and a manifest (QGIS opens the layers)")
    add_street_options(export)
    export.add_argument("--out", required=True, help="folder to write into")
    export.add_argument("--format", choices=["geojson", "gpkg"], default="geojson")
    export.add_argument("--seed", type=int, default=None)
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=_cmd_street_export)

    history = sub.add_parser("history", help="incident history")
    history_sub = history.add_subparsers(dest="history_command", required=True)
    generate = history_sub.add_parser("generate", help="generate a seeded incident log for a street")
    add_street_options(generate)
    generate.add_argument("--days", type=int, required=True)
    generate.add_argument("--seed", type=int, default=1)
    generate.add_argument("--out", required=True, help="FILE.csv or FILE.parquet")
    generate.add_argument("--json", action="store_true")
    generate.set_defaults(handler=_cmd_history_generate)
    hotline = history_sub.add_parser("import", help="turn a 12345 hotline or grid-platform export into an incident log")
    hotline.add_argument("export", help="the export (CSV in UTF-8 or GB18030, or XLSX)")
    hotline.add_argument("--mapping", required=True, help="MAP.toml: its columns and values (docs/hotline-import.md)")
    add_street_options(hotline)
    hotline.add_argument("--out", required=True, help="the incident log to write (.csv or .parquet)")
    hotline.add_argument("--json", action="store_true")
    hotline.set_defaults(handler=_cmd_history_import)

    kpi = sub.add_parser("kpi", help="KPIs of an incident log")
    kpi.add_argument("file", help="incident log (.csv or .parquet)")
    kpi.add_argument("--by", choices=["community", "general_grid", "micro_grid", "category", "risk_level", "source"],
                     default=None, help="also break the KPIs down by this column")
    kpi.add_argument("--json", action="store_true")
    kpi.set_defaults(handler=_cmd_kpi)

    demo = sub.add_parser("demo", help="open the cockpit on the demo street with a live demo feed")
    _add_window_options(demo)
    demo.add_argument("--role", choices=["operator", "leader", "trainer"], default="operator",
                      help="the demo account to log in as (demo-ROLE, street level): a leader may run "
                           "what-if simulations, a trainer training sessions")
    demo.set_defaults(handler=_cmd_demo)

    opened = sub.add_parser("open", help="the operator window on a stored street with a real broker, after login")
    opened.add_argument("--street", required=True, help="id of a street stored in --db (cockpit street import)")
    opened.add_argument("--db", default=None, help="database URL (default: SQLite in the user data folder)")
    opened.add_argument("--broker", required=True, help="MQTT broker URL, e.g. mqtts://broker.example:8883")
    opened.add_argument("--lang", choices=["zh", "en"], default="zh")
    opened.add_argument("--wall", action="store_true", help="also open the wall display")
    opened.add_argument("--screen", type=int, default=0, help="screen number for the wall display")
    opened.add_argument("--user", default=None, help="user name to put in the login dialog")
    from cockpit.ingest.cli import add_login_arguments

    add_login_arguments(opened)
    opened.set_defaults(handler=_cmd_open)

    snapshot = sub.add_parser("snapshot", help="render the wall display headless to PNG")
    snapshot.add_argument("--out", required=True)
    add_street_options(snapshot)
    snapshot.add_argument("--size", default="1920x1080")
    snapshot.add_argument("--lang", choices=["zh", "en"], default="zh")
    snapshot.add_argument("--page", choices=["map", "kpi", "cases", "staff", "resources"], default="map")
    snapshot.add_argument("--minutes", type=int, default=60, help="minutes of accelerated demo feed first")
    snapshot.add_argument("--at", default=None,
                          help="the moment shown, ISO time (no offset: Asia/Shanghai); "
                               "default the latest 10:00 in Shanghai, so that the same day gives the same picture")
    snapshot.add_argument("--json", action="store_true")
    snapshot.set_defaults(handler=_cmd_snapshot)

    _add_sim(sub)
    _add_replay(sub, windows)
    for register in _EXTRA_COMMANDS:
        register(sub)
    return parser


def _add_window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=["zh", "en"], default="zh")
    parser.add_argument("--wall", action="store_true", help="wall-display mode: fullscreen, dark, rotating pages")
    parser.add_argument("--screen", type=int, default=0, help="screen number for the wall display")
    parser.add_argument("--speed", type=float, default=1.0, help="demo clock speed (1 = real time)")
    parser.add_argument("--db", default=None, help="database URL (default: SQLite in the user data folder)")
    parser.add_argument("--broker", default=None, help="MQTT broker URL (default: an embedded broker)")
    from cockpit.ingest.cli import add_login_arguments

    add_login_arguments(parser)
    parser.add_argument("--seed", type=int, default=None, help="demo feed seed (default: the demo's own day)")
    parser.add_argument("--street", default=None, help="id of a street stored in --db (default: the demo street)")


def _add_ingest(sub: argparse._SubParsersAction) -> None:
    from cockpit.ingest.cli import (
        add_ingest_arguments,
        add_sensors_arguments,
        ingest_command,
        sensors_command,
    )

    ingest = sub.add_parser("ingest", help="headless MQTT ingest into the database")
    add_ingest_arguments(ingest)
    ingest.set_defaults(handler=ingest_command)
    sensors = sub.add_parser("sensors", help="simulate the demo street's sensors over MQTT")
    add_sensors_arguments(sensors)
    sensors.set_defaults(handler=sensors_command)


def _add_broker(sub: argparse._SubParsersAction) -> None:
    from cockpit.ingest.broker_cli import register

    register(sub)


def _add_security(sub: argparse._SubParsersAction) -> None:
    from cockpit.security.cli import register

    register(sub)


def _add_replay(sub: argparse._SubParsersAction, windows: WindowCommands | None) -> None:
    from cockpit.replay.cli import register

    register(sub, open_window=windows.run_replay if windows is not None else None)


_EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [_add_ingest, _add_broker, _add_security,
                                                                      _add_resources]
"""Registrars of further subcommands, in the order they appear in --help."""


def main(argv: Sequence[str] | None = None, windows: WindowCommands | None = None) -> int:
    """Run the command line with the given window commands; returns the exit code."""
    parser = build_parser(windows)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    from cockpit.vocabulary.masking import install_log_masking

    install_log_masking()
    if not args.verbose:
        # Migration chatter on every open says nothing an operator needs.
        logging.getLogger("alembic").setLevel(logging.WARNING)
        logging.getLogger("pyogrio").setLevel(logging.WARNING)
    try:
        return int(args.handler(args) or 0)
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: not an error worth a message.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except CommandError as exc:
        print(f"cockpit: {exc}", file=sys.stderr)
        return exc.code
    except (OSError, ValueError, KeyError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"cockpit: {message}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
