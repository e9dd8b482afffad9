"""The MQTT side of the ingest: the cockpit's ingest thread and the network process behind it.

:class:`MqttIngest` starts a network process (:mod:`cockpit.ingest.network`: paho-mqtt 2, the
broker connection, the persistent session, reconnects) and runs the pipeline on a thread of its
own: it takes the messages the network process hands over, and when a batch is due (full; or its
oldest waited ``batch_age_s`` and nothing more is waiting; or, under a backlog,
``batch_max_age_s``: see :data:`~cockpit.ingest.service.BATCH_SIZE`) it validates and translates
the batch, stores it in one transaction, runs the rules, hands the events to the sink, and then
gives the batch's QoS 1 tokens back to the network process to acknowledge: every ack follows its
commit.

Why a process: paho costs about 20 us a message and the pipeline about as much, both Python. On
one thread they took turns (and a thread beside it would only have shared the GIL); in two
processes they run on two cores. See docs/mqtt.md for the measurements.

A network process that dies is started again (with backoff); what it had handed over is committed
and its unacknowledged messages come again from the broker's session, where the unique receipt key
drops the ones already stored.
"""

from __future__ import annotations

import logging
import os
import queue
import random
import socket
import subprocess
import sys
import threading
import time
import zlib
from datetime import datetime, timezone
from multiprocessing.connection import Connection
from pathlib import Path

from cockpit.ingest.broker_config import BrokerConfig
from cockpit.ingest.link import Link, LinkState
from cockpit.ingest.service import BATCH_SIZE, IngestService
from cockpit.ingest.topics import subscriptions
from cockpit.storage.db import StorageError

log = logging.getLogger(__name__)

RECEIVE_MAXIMUM = BATCH_SIZE
"""Unacknowledged QoS 1 messages the broker may have in flight to the cockpit (bounds memory): a
full batch, since none of its messages is acknowledged before it is committed."""
STOP_WAIT_S = 5.0
"""How long a stop waits for the network process's last messages, and then for it to exit."""
_GENERATIONS = 1_000_000
"""Token generations given to each network process: its connections' tokens never match another's."""
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


class MqttIngest:
    """Runs an :class:`IngestService` behind a broker connection: a thread here, paho in a process.

    Owns the thread, the network process and the :class:`~cockpit.ingest.link.Link` (state changes
    are reported to its listeners from the thread).

    Parameters
    ----------
    service
        The ingest pipeline; only this client's thread touches it while running (the sink is
        called from there).
    config
        The broker and the connection options.
    tick_s
        How often the no-signal rules are run.
    durable_broker
        Whether the broker keeps sessions across its restarts (Mosquitto with persistence; not the
        embedded broker). Then a connection that finds the cockpit's session gone, after the
        cockpit was connected or once the database holds what it ingested before, raises the
        "possible data loss" alarm (:meth:`IngestService.session_lost`).
    """

    def __init__(self, service: IngestService, config: BrokerConfig, tick_s: float = 1.0,
                 durable_broker: bool = True) -> None:
        self.service = service
        self.config = config
        self.durable_broker = durable_broker
        self.link = Link()
        self.tick_s = tick_s
        self.error: str | None = None
        self.last_failure = ""
        """Why the latest attempt to connect failed, or the connection was lost ("" if none has)."""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._process: subprocess.Popen | None = None
        self._conn: Connection | None = None
        self._frames: queue.SimpleQueue[tuple | None] = queue.SimpleQueue()
        self._reader: threading.Thread | None = None
        self._incarnation = 0
        self._inbox: list[tuple[str, bytes, object]] = []
        self._inbox_since = 0.0
        self._uncommitted = 0
        self._backlog = False
        self._ever_connected = False
        self._rng = random.Random(zlib.crc32(config.client_id.encode()))

    # ------------------------------------------------------------ lifecycle

    def start(self) -> None:
        """Start the thread (it starts the network process, which connects and reconnects)."""
        if self._thread is not None:
            raise RuntimeError("ingest already started")
        self._thread = threading.Thread(target=self._run, name="cockpit-mqtt-ingest", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Commit what is pending, acknowledge it, disconnect and end the thread and the process."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def join(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def ever_connected(self) -> bool:
        """Whether the broker accepted the cockpit at least once since :meth:`start`."""
        return self._ever_connected

    @property
    def network_pid(self) -> int | None:
        """The network process's id while one runs (for monitoring)."""
        return self._process.pid if self._process is not None else None

    # ------------------------------------------------------------ the network process

    def _spawn(self) -> None:
        ours, theirs = socket.socketpair()
        self._incarnation += 1
        path = os.environ.get("PYTHONPATH")
        env = {**os.environ, "PYTHONPATH": _PACKAGE_ROOT + (os.pathsep + path if path else "")}
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "cockpit.ingest.network", str(theirs.fileno())],
                pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, env=env,
            )
        except OSError:
            ours.close()
            raise
        finally:
            theirs.close()
        self._conn = Connection(ours.detach())
        self._frames = queue.SimpleQueue()
        self._reader = threading.Thread(target=_read_frames, args=(self._conn, self._frames),
                                        name="cockpit-mqtt-frames", daemon=True)
        self._reader.start()
        expect_session = (self._ever_connected or self.service.has_history) if self.durable_broker else None
        self._conn.send(("start", self.config, subscriptions(self.service.street.id), RECEIVE_MAXIMUM,
                         self._incarnation * _GENERATIONS, self._ever_connected, expect_session))

    def _network_gone(self) -> str:
        """Wait for the network process to end (kill it after :data:`STOP_WAIT_S`), close our end
        of the pair; returns why it ended."""
        code = None
        if self._process is not None:
            try:
                code = self._process.wait(STOP_WAIT_S)
            except subprocess.TimeoutExpired:
                self._process.kill()
                code = self._process.wait()
            self._process = None
        if self._reader is not None:
            # The process's end of the pair is closed now: the reader sees the end of the stream.
            self._reader.join(STOP_WAIT_S)
            self._reader = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        # What a failed commit kept was handed over by this process: the next one starts its
        # count of messages read ahead from nothing.
        self._uncommitted = 0
        return f"network process ended (exit code {code})"

    def _on_frame(self, frame: tuple) -> bool:
        """Take one frame of the network process; False when it says it has stopped."""
        kind = frame[0]
        if kind == "messages":
            if not self._inbox:
                self._inbox_since = time.monotonic()
            self._inbox.extend(frame[1])
            self._uncommitted += len(frame[1])
        elif kind == "link":
            state = LinkState(frame[1])
            self._ever_connected |= state is LinkState.CONNECTED
            self.link.set(state, frame[2])
        elif kind == "error":
            self.error = frame[1]
        elif kind == "retry":
            _, attempt, delay, reason = frame
            self.last_failure = reason
            log.warning("%s; retry %d in %.1f s", reason, attempt, delay)
        elif kind == "session_lost":
            self.service.session_lost(datetime.now(timezone.utc), frame[1])
        elif kind == "stopped":
            return False
        return True

    def _receive(self, timeout: float) -> None:
        """Take the frames waiting (up to a full batch), waiting at most ``timeout`` for the first.

        Raises EOFError when the network process has ended.
        """
        frames, limit = self._frames, self.service.batch_size
        try:
            frame = frames.get(timeout=timeout)
            while True:
                if frame is None:
                    raise EOFError("the network process ended")
                self._on_frame(frame)
                if len(self._inbox) >= limit:
                    break
                frame = frames.get_nowait()
        except queue.Empty:
            pass
        self._backlog = not frames.empty()

    # ------------------------------------------------------------ the thread

    def _run(self) -> None:
        attempt = 0
        next_tick = time.monotonic() + self.tick_s
        try:
            while not self._stop.is_set():
                if self._conn is None:
                    try:
                        self._spawn()
                    except OSError as exc:
                        self._lost(f"cannot start the network process: {exc}")
                        self._stop.wait(self.config.backoff_s(attempt, self._rng))
                        attempt += 1
                        continue
                try:
                    self._receive(timeout=0.005 if self._inbox or self.service.pending else 0.05)
                except EOFError:
                    # Stored all the same; the acks, of a gone connection, are not sent.
                    self._commit(ack=False)
                    self._lost(self._network_gone())
                    self._stop.wait(self.config.backoff_s(attempt, self._rng))
                    attempt += 1
                    continue
                attempt = 0
                now = time.monotonic()
                if self._inbox and self.service.batch_due(len(self._inbox), now - self._inbox_since, self._backlog):
                    self._commit(ack=True)
                elif self.service.due():
                    self._commit(ack=True)
                if now >= next_tick:
                    next_tick = now + self.tick_s
                    self.service.tick(datetime.now(timezone.utc))
        finally:
            self._shutdown()

    def _commit(self, ack: bool, last: bool = False) -> None:
        """Take the collected messages into the service, commit them and have them acknowledged
        (``last``: the network process waits for this answer to stop, even an empty one)."""
        if self._inbox:
            batch, self._inbox = self._inbox, []
            self.service.handle_many(batch)
        tokens: list = []
        consumed = 0
        try:
            tokens = self.service.flush()
            consumed, self._uncommitted = self._uncommitted, 0
        except StorageError as exc:
            # Nothing is acknowledged: the broker keeps the messages and sends them again. Nor are
            # they reported consumed: the network process stops reading while they wait.
            log.error("commit failed, batch kept for retry: %s", exc)
            self.service.discard_tokens()
        if ack and self._conn is not None and (tokens or consumed or last):
            try:
                self._conn.send(("ack", tokens, consumed))
            except OSError:
                pass  # the network process is gone: the next receive finds out

    def _shutdown(self) -> None:
        conn = self._conn
        if conn is None:
            self._commit(ack=False)
        else:
            try:
                conn.send(("stop",))
                deadline = time.monotonic() + STOP_WAIT_S
                while (frame := self._frames.get(timeout=max(0.0, deadline - time.monotonic()))) is not None:
                    if not self._on_frame(frame):
                        break
                self._commit(ack=frame is not None, last=True)
            except (queue.Empty, OSError):
                self._commit(ack=False)
            self._network_gone()
        self.link.set(LinkState.DISCONNECTED, "stopped")

    def _lost(self, reason: str) -> None:
        # Degraded once it has been connected: the broker's session holds the messages meanwhile.
        self.link.set(LinkState.DEGRADED if self._ever_connected else LinkState.DISCONNECTED, reason)


def _read_frames(conn: Connection, frames: queue.SimpleQueue) -> None:
    """The reader thread: every frame of the network process into ``frames``, None at the end.

    A thread of its own, so that the network process is never held up writing while the ingest
    thread commits a batch (the socket pair buffers a few hundred kilobytes, a tenth of a batch);
    it waits in ``recv`` without the GIL and takes it once per frame of up to 500 messages.
    """
    try:
        while True:
            frames.put(conn.recv())
    except (EOFError, OSError):
        frames.put(None)
