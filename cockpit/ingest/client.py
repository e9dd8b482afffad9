"""The MQTT side of the ingest: a paho-mqtt 2 client driven on the cockpit's own network thread.

One thread owns the paho client and the :class:`IngestService`. It drives paho's network loop itself;
paho's callback only collects each message as (topic, payload, delivery token). When the batch
holds ``batch_size`` messages or its oldest waited ``batch_age_s``, the thread validates and
translates the whole batch, stores it in one transaction, runs the rules, hands the events to the
sink, and then acknowledges the batch's QoS 1 messages: every ack follows its commit.

Why not ``loop_start()``: an ack or publish from a thread other than the one running paho's loop is
only queued, and paho wakes its loop through a socket pair, the two threads handing the GIL back
and forth per message (a QoS 1 publisher measured ~1,000 msg/s that way against ~8,000-9,500
msg/s with its loop driven on its own thread; see benchmarks/ingest.py).

Why not ``loop()`` either: it makes a ``select`` call and reads one packet per call. The thread
drives paho through its external-loop calls instead (``loop_read``, ``loop_write``,
``loop_misc``) over a :class:`~cockpit.ingest.bufsock.BufferedSocket`: one ``select`` and one
``recv`` serve every packet the kernel holds, and a batch's acknowledgements leave in one write.

Why no separate worker thread for validation and storage: measured (QoS 0 and QoS 1 backlog
drains, same code otherwise) a network thread handing batches to a worker reached 7,500-9,000
msg/s, this single thread 10,100-11,300 msg/s. paho releases the GIL on every ``select`` and
``recv`` (five or six per message), and each time the worker took it; the hand-offs cost more CPU
than the overlap with SQLite's GIL-free commit saved.

The session is persistent (fixed client id, ``clean_start=False`` and a session expiry interval
with MQTT 5; ``clean_session=False`` with MQTT 3.1.1 for the embedded broker), the subscriptions are
made in ``on_connect`` so that they survive reconnects, and reconnection waits with exponential
backoff and jitter. MQTT 5 lets the cockpit raise its Receive Maximum, so that the acks held back
until a commit never leave the broker without a window to send in. A message is acknowledged
only after its batch is committed.
"""

from __future__ import annotations

import logging
import random
import select
import ssl
import threading
import time
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlsplit

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion, MQTTErrorCode
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from cockpit.ingest.bufsock import BufferedClient
from cockpit.ingest.link import Link, LinkState
from cockpit.ingest.service import IngestService
from cockpit.ingest.topics import subscriptions
from cockpit.storage.db import StorageError

log = logging.getLogger(__name__)

SESSION_EXPIRY_S = 7 * 24 * 3600
"""The broker keeps the cockpit's session (and queues its messages) this long while it is away."""
RECEIVE_MAXIMUM = 4000
"""Unacknowledged QoS 1 messages the broker may have in flight to the cockpit (bounds memory)."""
Token = tuple[int, int]
"""A QoS 1 delivery: (connection generation, packet id). Acks of an older connection are dropped."""


@dataclass(frozen=True, slots=True)
class BrokerConfig:
    """Where and how to connect.

    ``url`` is ``mqtt://HOST:PORT`` or ``mqtts://HOST:PORT`` (TLS; ``tls_ca`` names the CA file,
    the system trust store is used otherwise).
    """

    url: str
    client_id: str = "street-cockpit-ingest"
    username: str | None = None
    password: str | None = None
    tls_ca: str | None = None
    keepalive_s: int = 30
    qos: int = 1
    mqtt5: bool = True
    backoff_min_s: float = 0.1
    backoff_max_s: float = 5.0

    @property
    def host(self) -> str:
        return _split(self.url)[1]

    @property
    def port(self) -> int:
        return _split(self.url)[2]

    @property
    def tls(self) -> bool:
        return _split(self.url)[0] == "mqtts" or self.tls_ca is not None


def _split(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    if parts.scheme not in ("mqtt", "mqtts") or not parts.hostname:
        raise ValueError(f"broker URL must be mqtt://HOST:PORT or mqtts://HOST:PORT, not {url!r}")
    default = 8883 if parts.scheme == "mqtts" else 1883
    return parts.scheme, parts.hostname, parts.port or default


class MqttIngest:
    """Runs an :class:`IngestService` behind a broker connection on its own thread.

    Owns the paho client, the thread and the :class:`~cockpit.ingest.link.Link` (state changes are
    reported to its listeners from that thread).

    Parameters
    ----------
    service
        The ingest pipeline; only this client's thread touches it while running (the sink is
        called from there).
    config
        The broker and the connection options.
    tick_s
        How often the no-signal rules are run.
    """

    def __init__(self, service: IngestService, config: BrokerConfig, tick_s: float = 1.0) -> None:
        self.service = service
        self.config = config
        self.link = Link()
        self.tick_s = tick_s
        self.error: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._inbox: list[tuple[str, bytes, Token | None]] = []
        self._inbox_since = 0.0
        self._generation = 0
        self._connected = False
        self._ever_connected = False
        self._rng = random.Random(zlib.crc32(config.client_id.encode()))
        self._client = self._build_client()

    # ------------------------------------------------------------ lifecycle

    def start(self) -> None:
        """Start the network thread (it connects, and reconnects on its own)."""
        if self._thread is not None:
            raise RuntimeError("ingest already started")
        self._thread = threading.Thread(target=self._run, name="cockpit-mqtt-ingest", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Commit what is pending, acknowledge it, disconnect and end the thread."""
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

    # ------------------------------------------------------------ paho

    def _build_client(self) -> BufferedClient:
        if self.config.mqtt5:
            client = BufferedClient(
                CallbackAPIVersion.VERSION2, client_id=self.config.client_id,
                protocol=mqtt.MQTTv5, manual_ack=True,
            )
        else:
            client = BufferedClient(
                CallbackAPIVersion.VERSION2, client_id=self.config.client_id,
                protocol=mqtt.MQTTv311, clean_session=False, manual_ack=True,
            )
        if self.config.username is not None:
            client.username_pw_set(self.config.username, self.config.password)
        if self.config.tls:
            client.tls_set(ca_certs=self.config.tls_ca, cert_reqs=ssl.CERT_REQUIRED)
        client.max_queued_messages_set(0)
        client.on_connect = self._on_connect
        client.on_disconnect = self._on_disconnect
        client.on_message = self._on_message
        return client

    def _on_connect(self, client: mqtt.Client, userdata: object, flags, reason_code, properties) -> None:
        if reason_code.is_failure:
            self.link.set(LinkState.DISCONNECTED, f"broker refused: {reason_code}")
            self.error = f"broker refused the connection: {reason_code}"
            return
        client.subscribe([(topic, self.config.qos) for topic in subscriptions(self.service.street.id)])
        self._connected = self._ever_connected = True
        session = "resumed" if flags.session_present else "new"
        self.link.set(LinkState.CONNECTED, f"connected to {self.config.host}:{self.config.port} ({session} session)")

    def _on_disconnect(self, client: mqtt.Client, userdata: object, flags, reason_code, properties) -> None:
        self._connected = False

    def _on_message(self, client: mqtt.Client, userdata: object, message: mqtt.MQTTMessage) -> None:
        if not self._inbox:
            self._inbox_since = time.monotonic()
        self._inbox.append((message.topic, message.payload, (self._generation, message.mid) if message.qos else None))

    def _connect(self) -> bool:
        try:
            if self.config.mqtt5:
                properties = Properties(PacketTypes.CONNECT)
                properties.SessionExpiryInterval = SESSION_EXPIRY_S
                properties.ReceiveMaximum = RECEIVE_MAXIMUM
                self._client.connect(
                    self.config.host, self.config.port, self.config.keepalive_s,
                    clean_start=False, properties=properties,
                )
            else:
                self._client.connect(self.config.host, self.config.port, self.config.keepalive_s)
        except (OSError, ssl.SSLError) as exc:
            self._lost(f"cannot connect to {self.config.host}:{self.config.port}: {exc}")
            return False
        self._generation += 1
        return True

    def _lost(self, reason: str) -> None:
        # Degraded once it has been connected: the broker's session holds the messages meanwhile.
        self.link.set(LinkState.DEGRADED if self._ever_connected else LinkState.DISCONNECTED, reason)

    # ------------------------------------------------------------ the network thread

    def _run(self) -> None:
        attempt = 0
        next_tick = time.monotonic() + self.tick_s
        batch_size, batch_age_s = self.service.batch_size, self.service.batch_age_s
        try:
            while not self._stop.is_set():
                if not self._connected and self._client.socket() is None:
                    if not self._connect():
                        self._wait(self._backoff(attempt))
                        attempt += 1
                        continue
                rc = self._turn(timeout=0.005 if self._inbox or self.service.pending else 0.05)
                if rc != MQTTErrorCode.MQTT_ERR_SUCCESS:
                    self._connected = False
                    # Stored all the same; the acks, of a gone connection, are not sent.
                    self._commit(ack=False)
                    self._lost(f"connection lost: {mqtt.error_string(rc)}")
                    self._wait(self._backoff(attempt))
                    attempt += 1
                    if self._client.socket() is not None:
                        self._client.disconnect()
                    continue
                if self._connected:
                    attempt = 0
                now = time.monotonic()
                if self._inbox and (len(self._inbox) >= batch_size or now - self._inbox_since >= batch_age_s):
                    self._commit(ack=True)
                elif self.service.due():
                    self._commit(ack=True)
                if now >= next_tick:
                    next_tick = now + self.tick_s
                    self.service.tick(datetime.now(timezone.utc))
        finally:
            self._shutdown()

    def _turn(self, timeout: float) -> MQTTErrorCode:
        """One turn of the network loop: wait at most ``timeout`` for data, read the packets at
        hand (until the batch is full), write what paho queued and keep the connection alive."""
        client = self._client
        sock = client.buffered_socket()
        if sock is None:
            return MQTTErrorCode.MQTT_ERR_NO_CONN
        if not sock.fill():
            writing = [sock] if sock.unsent() or client.want_write() else []
            try:
                select.select([sock], writing, [], timeout)
            except (OSError, ValueError):
                # The socket went bad under us (closed descriptor): a lost connection, never a crash.
                return MQTTErrorCode.MQTT_ERR_CONN_LOST
        # The per-packet loop, with its lookups hoisted: it runs once per message.
        inbox, limit, fill, read = self._inbox, self.service.batch_size, sock.fill, client.loop_read
        while len(inbox) < limit and fill():
            rc = read()
            if rc:
                return rc
            if sock.closed:
                return MQTTErrorCode.MQTT_ERR_CONN_LOST
        if client.want_write():
            rc = client.loop_write()
            if rc != MQTTErrorCode.MQTT_ERR_SUCCESS:
                return rc
        sock.flush()
        return client.loop_misc()

    def _commit(self, ack: bool) -> None:
        """Take the collected messages into the service, commit them and acknowledge them."""
        if self._inbox:
            batch, self._inbox = self._inbox, []
            self.service.handle_many(batch)
        try:
            tokens = self.service.flush()
        except StorageError as exc:
            # Nothing is acknowledged: the broker keeps the messages and sends them again.
            log.error("commit failed, batch kept for retry: %s", exc)
            self.service.discard_tokens()
            return
        if not ack:
            return
        generation = self._generation
        for token_generation, mid in tokens:
            if token_generation == generation:
                self._client.ack(mid, 1)

    def _shutdown(self) -> None:
        if self._client.socket() is not None:
            self._commit(ack=True)
            self._turn(timeout=0.01)
            self._client.disconnect()
        else:
            self._commit(ack=False)
        self.link.set(LinkState.DISCONNECTED, "stopped")

    def _backoff(self, attempt: int) -> float:
        ceiling = min(self.config.backoff_max_s, self.config.backoff_min_s * 2 ** min(attempt, 20))
        return ceiling * (0.5 + 0.5 * self._rng.random())

    def _wait(self, seconds: float) -> None:
        self._stop.wait(seconds)
