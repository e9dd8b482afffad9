"""Ingest reliability against a real Mosquitto: broker stopped or killed under a QoS 1 stream, the
ingest process killed and restarted, and a flood of malformed payloads.

The publisher is the sensor simulator in its own process (``python -m cockpit.cli sensors``): every
device numbers its messages 1, 2, 3..., so what was sent is known exactly from its summary, and a
lost message shows as a missing sequence number.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import msgspec
import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from cockpit.ingest.broker_config import BrokerConfig
from cockpit.ingest.client import MqttIngest
from cockpit.ingest.link import LinkState
from cockpit.ingest.mosquitto_conf import durability_problems
from cockpit.ingest.publisher import Publisher
from cockpit.vocabulary.domain import RiskLevel
from cockpit.ingest.service import DATA_LOSS, DATA_LOSS_SETTLE_S, IngestService, data_loss_missing
from cockpit.rules.model import load_rules
from cockpit.storage.db import open_database
from cockpit.storage.telemetry import DeadLetters, TelemetryWriter
from cockpit.street.demo import load_demo_street
from cockpit.twin import TwinState
from tests.fixtures._servers import wait_until

pytestmark = [pytest.mark.mosquitto, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
QUEUE = ["max_queued_messages 1000000", "max_inflight_messages 4000"]


def start_publisher(url: str, rate: float, duration: float, seed: int = 1, bad: float = 0.0) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "cockpit.cli", "sensors", "--broker", url, "--rate", str(rate),
         "--duration", str(duration), "--seed", str(seed), "--bad-fraction", str(bad)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def finish(process: subprocess.Popen, timeout: float = 60) -> dict:
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


class InProcessIngest:
    """The ingest service and its MQTT client in this process, on a SQLite file."""

    def __init__(self, url: str, db_path: Path, client_id: str = "test-ingest") -> None:
        street = load_demo_street()
        self.db = open_database(f"sqlite:///{db_path}")
        self.twin = TwinState(street)
        self.service = IngestService(street, self.db, sink=lambda ev: self.twin.apply_many(ev, on_error=lambda *_: None),
                                     rules=load_rules())
        self.client = MqttIngest(self.service, BrokerConfig(url=url, client_id=client_id, backoff_max_s=1.0))
        self.client.start()

    def wait_connected(self) -> None:
        assert wait_until(lambda: self.client.link.state is LinkState.CONNECTED, 15)

    def stop(self) -> None:
        self.client.stop()
        self.db.close()


def streaming(url: str, ingest: InProcessIngest, duration: float) -> subprocess.Popen:
    """Connect ``ingest``, start 2,000 msg/s for ``duration`` s and return once 5,000 are accepted."""
    ingest.wait_connected()
    publisher = start_publisher(url, rate=2000, duration=duration)
    assert wait_until(lambda: ingest.service.stats.accepted > 5000, 20)
    return publisher


def stored_keys(db_path: Path) -> tuple[int, int, int]:
    """(rows, distinct keys, missing sequence numbers) of the telemetry table."""
    with sqlite3.connect(db_path) as con:
        rows, distinct = con.execute("select count(*), count(distinct sensor_id || ':' || seq) from telemetry").fetchone()
        missing = con.execute(
            "select max(seq) - min(seq) + 1 - count(*) from telemetry group by sensor_id"
        ).fetchall()
    return rows, distinct, sum(m[0] for m in missing)


def test_broker_stopped_for_10_s_under_2000_msg_s_loses_nothing(mosquitto_factory, tmp_path):
    broker = mosquitto_factory(persistence=True, extra_config=QUEUE)
    ingest = InProcessIngest(broker.url, tmp_path / "cockpit.sqlite")
    try:
        publisher = streaming(broker.url, ingest, duration=22)
        broker.stop()                      # SIGTERM: Mosquitto saves its persistence file
        assert wait_until(lambda: ingest.client.link.state is LinkState.DEGRADED, 5)
        time.sleep(10)
        broker.start()
        sent = finish(publisher)
        assert wait_until(lambda: ingest.service.stats.accepted >= sent["sent"], 30)
        time.sleep(0.5)
    finally:
        ingest.stop()
    rows, distinct, missing = stored_keys(tmp_path / "cockpit.sqlite")
    stats = ingest.service.stats
    assert sent["bad"] == 0 and sent["sent"] >= 20000
    assert rows == distinct == stats.accepted == sent["sent"]       # 0 lost, 0 stored twice
    assert missing == 0 and stats.gaps == 0 and stats.rejected == 0
    states = [s.state for s in ingest.client.link.history]
    assert states == [LinkState.DISCONNECTED, LinkState.CONNECTED, LinkState.DEGRADED, LinkState.CONNECTED,
                      LinkState.DISCONNECTED]                       # ... degraded, restored, stopped


def test_broker_killed_under_the_stream_every_loss_is_a_counted_gap(mosquitto_factory, tmp_path):
    broker = mosquitto_factory(persistence=True, extra_config=QUEUE)
    ingest = InProcessIngest(broker.url, tmp_path / "cockpit.sqlite")
    try:
        publisher = streaming(broker.url, ingest, duration=14)
        broker.kill()                      # SIGKILL: whatever was not yet saved is gone
        time.sleep(2)
        broker.start()
        sent = finish(publisher)
        assert wait_until(lambda: ingest.client.link.state is LinkState.CONNECTED, 10)
        # Quiet for a moment: everything the broker still has has arrived.
        last = -1
        while ingest.service.stats.received != last:
            last = ingest.service.stats.received
            time.sleep(1.0)
    finally:
        ingest.stop()
    rows, distinct, missing = stored_keys(tmp_path / "cockpit.sqlite")
    stats = ingest.service.stats
    assert rows == distinct == stats.accepted                        # 0 stored twice
    lost = sent["sent"] - rows
    # Every device publishes again after the restart, so every lost message sits between two
    # stored ones and is a gap; the service's running count agrees with the database.
    assert stats.gaps == missing == lost
    assert sum(ingest.service.gaps_by_device().values()) == lost


MACHINE_LINES = ("listener", "protocol", "cafile", "certfile", "keyfile", "require_certificate", "tls_version",
                 "log_dest", "log_type", "connection_messages", "persistence_location", "password_file", "acl_file",
                 "allow_anonymous", "user")
"""Settings of the shipped configuration that name this machine's paths, ports, accounts and logging:
the fixture supplies its own."""


def shipped_settings() -> list[str]:
    """The broker-wide settings of resources/mosquitto/mosquitto.conf, as a deployment runs them."""
    lines = (REPO / "resources" / "mosquitto" / "mosquitto.conf").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")
            and line.split()[0] not in MACHINE_LINES]


def quiet(ingest: InProcessIngest, seconds: float = 1.0) -> None:
    """Wait until nothing more arrives for ``seconds``: everything the broker still has is in."""
    last = -1
    while ingest.service.stats.received != last:
        last = ingest.service.stats.received
        time.sleep(seconds)


def kill_the_broker_while_the_cockpit_is_away(broker, ingest: InProcessIngest, duration: float = 14) -> dict:
    """SIGKILL the broker a few seconds into a 2,000 msg/s stream and start it again; the publisher's
    summary ({"sent", "bad"}: what the broker acknowledged) once the stream ends and all arrived.

    The sensors come back before the cockpit does (1,700 devices reconnect on their own schedule,
    the cockpit after its backoff): the cockpit's network process is held while the broker is down
    and for 3 s after, while the publisher reconnects and goes on.
    """
    publisher = streaming(broker.url, ingest, duration=duration)
    network = ingest.client.network_pid
    os.kill(network, signal.SIGSTOP)
    broker.kill()
    time.sleep(1)
    broker.start()
    time.sleep(3)
    os.kill(network, signal.SIGCONT)
    sent = finish(publisher)
    assert wait_until(lambda: ingest.client.link.state is LinkState.CONNECTED, 10)
    quiet(ingest)
    return sent


def test_the_shipped_config_loses_no_acknowledged_message_when_the_broker_is_killed(mosquitto_factory, tmp_path):
    """Audit finding 4: killed before its first autosave, the broker lost the cockpit's session and
    every reading published until the cockpit subscribed again, each of them acknowledged."""
    settings = shipped_settings()
    assert "persistence true" in settings
    broker = mosquitto_factory(persistence=True, extra_config=settings)
    ingest = InProcessIngest(broker.url, tmp_path / "cockpit.sqlite")
    try:
        sent = kill_the_broker_while_the_cockpit_is_away(broker, ingest)
    finally:
        ingest.stop()
    rows, distinct, missing = stored_keys(tmp_path / "cockpit.sqlite")
    stats = ingest.service.stats
    print(f"\nbroker SIGKILL with the shipped config: {sent['sent']:,} sent and acknowledged, {rows:,} stored, "
          f"{stats.duplicates:,} redelivered, {sent['sent'] - rows:,} lost")
    assert sent["sent"] >= 20000 and sent["bad"] == 0
    assert rows == distinct == stats.accepted == sent["sent"]       # 0 acknowledged messages lost
    assert missing == 0 and stats.gaps == 0
    assert not [a for a in ingest.twin.alarms.values() if a.alarm_kind == DATA_LOSS]


def test_a_broker_that_forgot_the_cockpits_session_raises_a_possible_data_loss_alarm(mosquitto_factory, tmp_path):
    """Audit finding 4: the cockpit logged the lost session as "new session" at INFO level."""
    broker = mosquitto_factory(persistence=True, extra_config=QUEUE)   # Mosquitto's own autosave: 30 min
    ingest = InProcessIngest(broker.url, tmp_path / "cockpit.sqlite")
    try:
        sent = kill_the_broker_while_the_cockpit_is_away(broker, ingest)
        assert wait_until(lambda: any(a.alarm_kind == DATA_LOSS for a in ingest.twin.alarms.values()),
                          DATA_LOSS_SETTLE_S + 5)
    finally:
        ingest.stop()
    rows, _, missing = stored_keys(tmp_path / "cockpit.sqlite")
    lost = sent["sent"] - rows
    [alarm] = [a for a in ingest.twin.alarms.values() if a.alarm_kind == DATA_LOSS]
    counted = data_loss_missing(alarm.detail)
    print(f"\nbroker SIGKILL, session lost: {sent['sent']:,} sent and acknowledged, {rows:,} stored, {lost:,} lost; "
          f"the alarm counted {counted:,} missing")
    assert alarm.risk is RiskLevel.RED and lost > 0
    assert 0 < counted <= lost == missing == ingest.service.stats.gaps


def test_ingest_process_killed_5_times_loses_and_duplicates_nothing(mosquitto_factory, tmp_path):
    broker = mosquitto_factory(persistence=True, extra_config=QUEUE)
    db_path = tmp_path / "cockpit.sqlite"
    command = [sys.executable, "-m", "cockpit.ingest", "--broker", broker.url, "--db", f"sqlite:///{db_path}",
               "--client-id", "killed-ingest"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}

    log_path = tmp_path / "ingest.log"

    def launch() -> subprocess.Popen:
        with log_path.open("a") as log:
            return subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=log, text=True)

    ingest = launch()
    # The first start creates the database and the broker session that queues messages for it.
    assert wait_until(lambda: "link connected" in log_path.read_text(), 30)
    publisher = start_publisher(broker.url, rate=800, duration=18, seed=3)
    rng = np.random.default_rng(5)
    for _ in range(5):
        time.sleep(float(rng.uniform(1.0, 2.0)))
        ingest.send_signal(signal.SIGKILL)
        ingest.wait()
        ingest = launch()
        time.sleep(float(rng.uniform(0.3, 1.0)))
    sent = finish(publisher)

    def stored() -> int:
        try:
            with sqlite3.connect(db_path) as con:
                return con.execute("select count(*) from telemetry").fetchone()[0]
        except sqlite3.OperationalError:
            return -1

    assert wait_until(lambda: stored() >= sent["sent"], 40, interval=0.5), (stored(), sent)
    ingest.send_signal(signal.SIGTERM)
    out, _ = ingest.communicate(timeout=20)
    summary = json.loads(out.strip().splitlines()[-1])
    assert ingest.returncode == 0
    rows, distinct, missing = stored_keys(db_path)
    assert rows == distinct == sent["sent"] and missing == 0         # 0 lost, 0 duplicates
    assert summary["gaps"] == 0 and summary["rejected"] == 0
    with sqlite3.connect(db_path) as con:
        assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
        cases = con.execute("select json_extract(payload, '$.case_id') from event_log where type = 'CaseReported'").fetchall()
    assert len(cases) == len(set(cases)) > 0                          # each alarm opened one case


malformed = st.one_of(
    st.binary(max_size=200),
    st.binary(min_size=1, max_size=20).map(lambda b: b * (9000 // len(b) + 1)),
    st.builds(lambda v: msgspec.json.encode({"v": 1, "device": "SMK-000001", "seq": v, "ts": "2026-01-01T00:00:00Z",
                                             "values": {"smoke": 0.0}}), st.text(max_size=5) | st.floats() | st.none()),
    st.builds(lambda x: b'{"v":1,"device":"SMK-000001","seq":1,"ts":"2026-11-01T00:00:00Z","values":{"smoke":'
              + x + b"}}", st.sampled_from([b"NaN", b"Infinity", b"-1e999", b"1e400", b'"hot"', b"true"])),
    st.builds(lambda ts: msgspec.json.encode({"v": 1, "device": "SMK-000001", "seq": 1, "ts": ts,
                                              "values": {"smoke": 0.0}}),
              st.sampled_from(["2019-01-01T00:00:00Z", "2031-01-01T00:00:00Z", "2026-11-01T00:00:00", "now"])),
    st.builds(lambda d: msgspec.json.encode({"v": 1, "device": d, "seq": 1, "ts": "2026-11-01T00:00:00Z",
                                             "values": {"smoke": 0.0}}), st.text(min_size=1, max_size=80)),
    st.dictionaries(st.sampled_from(["v", "device", "seq", "ts", "values"]), st.integers(), max_size=4).map(msgspec.json.encode),
)


def test_1000_malformed_payloads_are_dead_lettered_and_the_ingest_stays_up(mosquitto_factory, tmp_path_factory):
    broker = mosquitto_factory(extra_config=QUEUE)
    db_path = tmp_path_factory.mktemp("malformed") / "cockpit.sqlite"
    ingest = InProcessIngest(broker.url, db_path)
    client = Publisher(BrokerConfig(url=broker.url, client_id="fuzzer"))
    try:
        ingest.wait_connected()
        payloads: list[bytes] = []

        @settings(max_examples=1000, deadline=None, derandomize=True, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(raw=malformed)
        def publish(raw: bytes) -> None:
            payloads.append(raw)
            client.publish("street/jincheng/sensor/SMK-000001/reading", raw, qos=1)

        publish()
        assert len(payloads) >= 950 and client.drain(30)
        assert wait_until(lambda: ingest.service.stats.received == len(payloads), 30)
        assert ingest.client.running
        stats = ingest.service.stats
        assert wait_until(lambda: ingest.service.pending == 0, 5)
        assert stats.accepted + stats.duplicates + stats.rejected == len(payloads)
        assert stats.accepted + stats.rejected == len(payloads) - stats.duplicates
        # Still working: a good reading after the flood is accepted.
        good = msgspec.json.encode({"v": 1, "device": "SMK-000002", "seq": 1,
                                    "ts": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "values": {"smoke": 0.0}})
        client.publish("street/jincheng/sensor/SMK-000002/reading", good, qos=1)
        assert client.drain(10)
        assert wait_until(lambda: TelemetryWriter(ingest.db).count("SMK-000002") == 1, 10)
    finally:
        client.close()
        ingest.stop()
    db = open_database(f"sqlite:///{db_path}")
    letters = DeadLetters(db)
    assert letters.count() == stats.rejected >= 990
    assert all(letter.reason_code for letter in letters.list(limit=2000))
    assert (stats.received, stats.accepted) == (len(payloads) + 1, 1)   # the flood, then the good one
    db.close()


def test_a_broker_that_cannot_write_its_persistence_folder_runs_anyway_and_the_check_refuses_it(mosquitto_factory):
    """Audit finding 4: such a broker says so only in its own log; `cockpit broker check` says it first."""
    if os.geteuid() == 0:
        broker = mosquitto_factory(persistence=True, extra_config=shipped_settings(), user="nobody", start=False)
    else:
        broker = mosquitto_factory(persistence=True, extra_config=shipped_settings(), start=False)
        (broker.directory / "persistence").chmod(0o500)
    [problem] = durability_problems(broker.config_path)
    assert str(broker.directory / "persistence") in problem and "without persistence" in problem
    broker.start()
    client = Publisher(BrokerConfig(url=broker.url, client_id="any-client"))
    try:
        client.publish("street/jincheng/sensor/SMK-000001/reading", b"{}", qos=1)
        assert client.drain(5)
        assert wait_until(lambda: "Error saving in-memory database" in broker.log_text(), 5)
        assert broker.running
    finally:
        client.close()
