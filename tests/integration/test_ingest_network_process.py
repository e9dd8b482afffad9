"""The ingest's network process (cockpit.ingest.network) against a real Mosquitto: it reads no
further ahead than the cockpit consumes, ends when the cockpit is gone but not on a Ctrl-C, and a
network process that dies is started again with nothing lost."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path

import psutil
import pytest

from cockpit.ingest.broker_config import BrokerConfig
from cockpit.ingest.link import LinkState
from cockpit.ingest.network import MAX_OUTSTANDING
from cockpit.ingest.publisher import Publisher
from cockpit.ingest.simulated_sensors import SensorSimulator
from cockpit.street.demo import load_demo_street
from tests.fixtures._servers import free_port, wait_until
from tests.integration.test_ingest_reliability import QUEUE, InProcessIngest, finish, stored_keys, streaming

pytestmark = [pytest.mark.mosquitto]

REPO = Path(__file__).resolve().parents[2]
TOPICS = ["street/jincheng/#"]


def spawn_network(config: BrokerConfig) -> tuple[subprocess.Popen, Connection]:
    ours, theirs = socket.socketpair()
    process = subprocess.Popen([sys.executable, "-m", "cockpit.ingest.network", str(theirs.fileno())],
                               pass_fds=(theirs.fileno(),), cwd=REPO)
    theirs.close()
    conn = Connection(ours.detach())
    conn.send(("start", config, TOPICS, 65_535, 0, False))
    return process, conn


def take_messages(conn: Connection, quiet_s: float) -> tuple[int, list]:
    """Count the messages handed over until none came for ``quiet_s``; also their tokens."""
    count, tokens = 0, []
    while conn.poll(quiet_s):
        frame = conn.recv()
        if frame[0] == "messages":
            count += len(frame[1])
            tokens += [token for _, _, token in frame[1]]
    return count, tokens


def publish_backlog(url: str, n: int, qos: int = 0) -> None:
    simulator = SensorSimulator(load_demo_street(), seed=3)
    stream = simulator.messages()
    publisher = Publisher(BrokerConfig(url=url, client_id="test-backlog"))
    for _ in range(n):
        message = next(stream)
        publisher.publish(message.topic, message.payload, qos=1)
    assert publisher.drain(60)
    publisher.close()


def test_it_reads_no_further_ahead_than_the_cockpit_consumes(mosquitto_factory):
    broker = mosquitto_factory(extra_config=QUEUE)
    config = BrokerConfig(url=broker.url, client_id="test-flow", qos=0)
    process, conn = spawn_network(config)
    try:
        assert conn.poll(10) and conn.recv()[:2] == ("link", "connected")
        time.sleep(0.5)                                # its SUBSCRIBE reaches the broker first
        publish_backlog(broker.url, MAX_OUTSTANDING + 5000)
        held, _ = take_messages(conn, quiet_s=2.0)
        assert held == MAX_OUTSTANDING                 # the rest waits in the broker
        conn.send(("ack", [], 3000))                   # the cockpit committed 3,000
        more, _ = take_messages(conn, quiet_s=2.0)
        assert more == 3000
        conn.send(("ack", [], held + more - 3000))
        rest, _ = take_messages(conn, quiet_s=2.0)
        assert held + more + rest == MAX_OUTSTANDING + 5000
        conn.send(("stop",))
        assert conn.poll(5) and conn.recv() == ("stopped",)
        conn.send(("ack", [], 0))                      # the cockpit's last commit: it may go
        assert process.wait(10) == 0
    finally:
        process.kill()
        conn.close()


def test_it_ignores_ctrl_c_and_ends_when_the_cockpit_is_gone(tmp_path):
    # No broker: the network process keeps retrying with backoff, as it would during an outage.
    config = BrokerConfig(url=f"mqtt://127.0.0.1:{free_port()}", client_id="test-orphan", backoff_max_s=0.5)
    process, conn = spawn_network(config)
    try:
        assert conn.poll(10) and conn.recv()[:2] == ("link", "disconnected")
        process.send_signal(signal.SIGINT)
        time.sleep(1.0)
        assert process.poll() is None
        conn.close()                                   # the cockpit died
        assert process.wait(10) == 0
    finally:
        process.kill()


@pytest.mark.slow
def test_a_killed_network_process_is_started_again_and_nothing_is_lost(mosquitto_factory, tmp_path):
    broker = mosquitto_factory(persistence=True, extra_config=QUEUE)
    ingest = InProcessIngest(broker.url, tmp_path / "cockpit.sqlite")
    try:
        publisher = streaming(broker.url, ingest, duration=10)
        first = ingest.client.network_pid
        assert first is not None
        os.kill(first, signal.SIGKILL)             # mid-stream, with unacknowledged messages
        assert wait_until(lambda: ingest.client.network_pid not in (first, None)
                          and ingest.client.link.state is LinkState.CONNECTED, 15)
        sent = finish(publisher)
        assert wait_until(lambda: ingest.service.stats.accepted >= sent["sent"], 30)
    finally:
        ingest.stop()
    assert not psutil.pid_exists(first)
    rows, distinct, missing = stored_keys(tmp_path / "cockpit.sqlite")
    assert rows == distinct == ingest.service.stats.accepted == sent["sent"] and missing == 0
    states = [s.state for s in ingest.client.link.history]
    assert states == [LinkState.DISCONNECTED, LinkState.CONNECTED, LinkState.DEGRADED, LinkState.CONNECTED,
                      LinkState.DISCONNECTED]
