"""``cockpit broker acl`` and ``cockpit broker check``: the broker's side of a deployment.

``acl`` writes the Mosquitto ACL of a street (the demo street, or ``--street ID`` stored in ``--db``;
each account may publish only its own topics in its own street: :func:`cockpit.ingest.acl.render_acl`); ``check`` reads a Mosquitto configuration and
fails, with one line per problem, when a broker running it would lose acknowledged messages
(:func:`cockpit.ingest.mosquitto_conf.durability_problems`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cockpit.command_output import CommandError, print_json
from cockpit.ingest.acl import COCKPIT_USER, RESIDENT_GATEWAY, render_acl
from cockpit.ingest.mosquitto_conf import ConfigError, durability_problems
from cockpit.onboard.cli import add_street_options

EXIT_PROBLEMS = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``broker`` subcommand to the cockpit command line."""
    broker = subparsers.add_parser("broker", help="the MQTT broker's ACL and durability check")
    broker_sub = broker.add_subparsers(dest="broker_command", required=True)
    acl = broker_sub.add_parser("acl", help="write the street's Mosquitto ACL")
    acl.add_argument("--out", default=None, help="file to write (default: standard output)")
    acl.add_argument("--app", action="append", default=None,
                     help=f"a resident app account that posts reports (repeatable; default {RESIDENT_GATEWAY})")
    acl.add_argument("--cockpit-user", default=COCKPIT_USER, help="the cockpit's broker account")
    acl.add_argument("--seed", type=int, default=None, help="demo street seed (default: the shipped one)")
    add_street_options(acl)
    acl.set_defaults(handler=_cmd_acl)
    check = broker_sub.add_parser("check", help="fail if a Mosquitto configuration would lose acknowledged messages")
    check.add_argument("--config", required=True, help="the broker's mosquitto.conf")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.set_defaults(handler=_cmd_check)


def _cmd_acl(args: argparse.Namespace) -> int:
    from cockpit.onboard.catalog import UnknownStreet, resolve_street
    from cockpit.storage.db import StorageError

    try:
        street = resolve_street(args.street, args.db, args.seed)
    except (UnknownStreet, StorageError) as exc:
        raise CommandError(str(exc)) from None
    text = render_acl(street, args.cockpit_user, args.app if args.app is not None else (RESIDENT_GATEWAY,)) + "\n"
    if args.out is None:
        sys.stdout.write(text)
        return 0
    out = Path(args.out)
    if not out.parent.is_dir():
        raise CommandError(f"folder does not exist: {out.parent}")
    out.write_text(text, encoding="utf-8")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    try:
        problems = durability_problems(args.config)
    except ConfigError as exc:
        raise CommandError(str(exc)) from None
    if args.json:
        print_json({"config": args.config, "durable": not problems, "problems": problems})
    elif not problems:
        print(f"{args.config}: durable")
    for problem in problems:
        print(f"cockpit: {problem}", file=sys.stderr)
    return EXIT_PROBLEMS if problems else 0
