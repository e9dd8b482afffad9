"""``cockpit ingest`` and ``cockpit sensors``: the headless ingest service and the sensor simulator.

``cockpit ingest --broker mqtt://HOST:PORT [--db URL]`` subscribes to the street's topics, applies
every message to a twin rebuilt from the event log, stores it, and on SIGINT/SIGTERM commits what
is pending and prints one JSON line {"received", "accepted", "rejected", "duplicates", "gaps"}.
``cockpit sensors --rate R --duration S`` publishes simulated readings and prints {"sent", "bad"}.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from cockpit import heap
from cockpit.command_output import OneLineParser
from cockpit.ingest.broker import EmbeddedBroker
from cockpit.ingest.broker_config import PASSWORD_ENV, BrokerLogin
from cockpit.ingest.client import MqttIngest
from cockpit.ingest.publisher import Publisher
from cockpit.ingest.service import IngestService
from cockpit.ingest.simulated_sensors import SensorSimulator, paced
from cockpit.ingest.translate import Translator
from cockpit.rules.model import load_rules
from cockpit.security.free_text import guard_for
from cockpit.security.personal_data import KeyMissing
from cockpit.storage.db import StorageError, open_database
from cockpit.storage.eventlog import EventStore
from cockpit.twin import TwinError, TwinState
from cockpit.vocabulary.events import Event

log = logging.getLogger(__name__)

EXIT_FAILURE = 1
EXIT_USAGE = 2
DRAIN_TIMEOUT_S = 60.0
"""How long ``cockpit sensors`` waits at the end for the broker to confirm what it sent."""


def add_login_arguments(parser: argparse.ArgumentParser) -> None:
    """Options naming the account and TLS files at a broker (``--password`` only to refuse it)."""
    parser.add_argument("--username", default=None, help="MQTT user name at --broker")
    parser.add_argument("--password-file", default=None,
                        help=f"file whose first line is the MQTT password (or set {PASSWORD_ENV})")
    parser.add_argument("--password", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--tls-ca", default=None, help="CA certificate file of the broker (implies TLS)")
    parser.add_argument("--tls-cert", default=None, help="client certificate file, for a broker that requires one")
    parser.add_argument("--tls-key", default=None, help="the client certificate's private key file")


def broker_login(args: argparse.Namespace) -> BrokerLogin:
    """The login the options of :func:`add_login_arguments` give.

    Raises
    ------
    ValueError
        A password on the command line (``ps`` would show it to every user), an unreadable password
        file, or a certificate without its key; the message is one line and never holds the password.
    """
    if getattr(args, "password", None) is not None:
        raise ValueError(f"--password would show the password to every user of this machine (ps): "
                         f"use --password-file FILE or set {PASSWORD_ENV}")
    return BrokerLogin.of(args.username, args.password_file, args.tls_ca, args.tls_cert, args.tls_key)


def add_ingest_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``cockpit ingest``."""
    parser.add_argument("--broker", required=True, help="broker URL, mqtt://HOST:PORT or mqtts://HOST:PORT")
    parser.add_argument("--db", default=None, help="database URL (default: SQLite in the user data folder)")
    add_login_arguments(parser)
    parser.add_argument("--client-id", default="street-cockpit-ingest", help="MQTT client id (the persistent session)")
    parser.add_argument("--qos", type=int, choices=[0, 1], default=1)
    parser.add_argument("--mqtt311", action="store_true", help="speak MQTT 3.1.1 (e.g. to the embedded amqtt broker)")
    parser.add_argument("--rules", default=None, help="alarm rules TOML (default: resources/rules/default.toml)")
    parser.add_argument("--json", action="store_true", help="the summary is JSON (it always is)")


def add_sensors_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``cockpit sensors``."""
    parser.add_argument("--broker", default=None, help="broker URL (default: start an embedded broker)")
    parser.add_argument("--rate", type=float, required=True, help="messages per second, all sensors together")
    parser.add_argument("--duration", type=float, required=True, help="seconds to run")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--bad-fraction", type=float, default=0.0, help="share of malformed messages")
    parser.add_argument("--seq-start", type=int, default=1, help="first sequence number of every device")
    parser.add_argument("--qos", type=int, choices=[0, 1], default=1)
    add_login_arguments(parser)
    parser.add_argument("--client-id", default="street-cockpit-sensors")
    parser.add_argument("--json", action="store_true", help="the summary is JSON (it always is)")


@contextmanager
def _stop_on_signals() -> Iterator[threading.Event]:
    """An event set by SIGINT or SIGTERM while the block runs (previous handlers restored after)."""
    stop = threading.Event()
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    for sig in previous:
        signal.signal(sig, lambda *_: stop.set())
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _demo_street():
    from cockpit.street.demo import load_demo_street

    return load_demo_street()


def ingest_command(args: argparse.Namespace) -> int:
    """Run the headless ingest until SIGINT/SIGTERM; prints the JSON summary. Returns the exit code."""
    try:
        config = broker_login(args).config(args.broker, client_id=args.client_id, qos=args.qos,
                                           mqtt5=not args.mqtt311)
        config.host  # noqa: B018 - validates the URL before anything starts
        db = open_database(args.db)
    except (ValueError, StorageError) as exc:
        print(f"cockpit ingest: {exc}", file=sys.stderr)
        return EXIT_USAGE
    street = _demo_street()
    try:
        guard = guard_for(db, street)
    except KeyMissing as exc:
        db.close()
        print(f"cockpit ingest: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    twin = TwinState(street)
    refused = 0

    def on_refused(event: Event, error: TwinError) -> None:
        nonlocal refused
        refused += 1
        log.warning("twin refused %s: %s", type(event).__name__, error)

    twin.apply_many(EventStore(db).read(), on_error=lambda event, error: None)
    service = IngestService(
        street, db, sink=lambda events: twin.apply_many(events, on_error=on_refused),
        rules=load_rules(args.rules, twin.categories), translator=Translator(street, guard=guard),
    )
    assert service.engine is not None
    service.engine.adopt(twin.alarms.values())
    ingest = MqttIngest(service, config)
    ingest.link.subscribe(lambda status: log.info("link %s: %s", status.state, status.reason))
    heap.settle()
    with _stop_on_signals() as stop:
        ingest.start()
        while not stop.wait(0.2) and ingest.running:
            if ingest.error is not None and "refused" in ingest.error:
                break
        ingest.stop()
    db.close()
    print(json.dumps(service.stats.summary()), flush=True)
    log.info("rejected by reason: %s; twin refused %d events", dict(service.stats.rejected_by_reason), refused)
    if ingest.error is not None:
        print(f"cockpit ingest: {ingest.error}", file=sys.stderr)
        return EXIT_FAILURE
    if not ingest.ever_connected:
        print(f"cockpit ingest: never connected to {args.broker} ({ingest.last_failure or 'stopped first'})",
              file=sys.stderr)
        return EXIT_FAILURE
    return 0


def sensors_command(args: argparse.Namespace) -> int:
    """Publish simulated sensor traffic; prints {"sent", "bad"}. Returns the exit code."""
    if args.rate <= 0 or args.duration < 0:
        print("cockpit sensors: --rate must be > 0 and --duration >= 0", file=sys.stderr)
        return EXIT_FAILURE
    street = _demo_street()
    try:
        simulator = SensorSimulator(street, seed=args.seed, bad_fraction=args.bad_fraction, seq_start=args.seq_start)
    except ValueError as exc:
        print(f"cockpit sensors: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    try:
        login = broker_login(args)
    except ValueError as exc:
        print(f"cockpit sensors: {exc}", file=sys.stderr)
        return EXIT_USAGE
    embedded = EmbeddedBroker() if args.broker is None else None
    url = embedded.start() if embedded is not None else args.broker
    try:
        client = Publisher(login.config(url, client_id=args.client_id))
    except (ValueError, OSError) as exc:
        print(f"cockpit sensors: cannot connect to {url}: {exc}", file=sys.stderr)
        if embedded is not None:
            embedded.stop()
        return EXIT_FAILURE
    sent = bad = 0
    with _stop_on_signals() as stop:
        for message in paced(simulator.messages(), args.rate, args.duration, stop.is_set, client.sleep):
            client.publish(message.topic, message.payload, qos=args.qos)
            sent += 1
            bad += message.bad
        client.drain(DRAIN_TIMEOUT_S, stop.is_set)
    client.close()
    if embedded is not None:
        embedded.stop()
    print(json.dumps({"sent": sent, "bad": bad}), flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m cockpit.ingest``: the ingest command on its own (for supervisors and tests)."""
    parser = OneLineParser(prog="python -m cockpit.ingest", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true")
    add_ingest_arguments(parser)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return ingest_command(args)
