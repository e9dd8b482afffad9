"""The ingest's network process: paho-mqtt 2 driven on its own, handing messages to the cockpit.

paho costs about as much per message as everything the cockpit does with it (validate, locate, run
the rules, store, update the twin), and both are Python: on one thread they take turns. This
process owns the broker connection; the cockpit's ingest thread (:class:`~cockpit.ingest.client.
MqttIngest`) owns the pipeline, so the two run on two cores. Between them is one socket pair
carrying pickled frames (:class:`multiprocessing.connection.Connection`):

======================================  ==========================================================
cockpit → network                       network → cockpit
======================================  ==========================================================
``("start", config, topics, rm, g, c, e)`` ``("messages", [(topic, payload, token), ...])``
``("ack", [token, ...], consumed)``     ``("link", state, reason)``
``("stop",)``                           ``("error", text)`` (the broker refused the connection)
—                                       ``("retry", attempt, seconds, reason)`` (each failed attempt)
—                                       ``("session_lost", text)`` (a new session where one was due)
—                                       ``("stopped",)`` (the answer to ``stop``)
======================================  ==========================================================

``start`` carries the :class:`~cockpit.ingest.broker_config.BrokerConfig`, the topic filters, the
Receive Maximum to ask for, the first token generation, whether the cockpit was connected before
(so that a new network process reports an outage as degraded, not as never connected) and whether
the broker should still hold the cockpit's session from earlier (None: a broker that keeps none,
the embedded one): a connection that finds no session then, or any later one that finds none,
means the broker forgot what it had queued and acknowledged meanwhile. A
token is (connection generation, packet id) of a QoS 1 message, None for QoS 0. The network
process acknowledges a message only when the cockpit hands its token back after the commit, and
only on the connection it came by. It reads no more than :data:`MAX_OUTSTANDING` messages ahead of
what the cockpit reported consumed, so a slow database holds the backlog in the broker, not in
memory. On ``stop`` it hands over what it read, answers ``stopped`` and waits for the acks of the
cockpit's last commit before it disconnects. It ends when the cockpit's end of the pair closes
(the cockpit died), and ignores SIGINT: a Ctrl-C at the terminal reaches the whole process group,
and the cockpit stops it in order, after its last commit.

Why not ``loop_start()``: an ack or publish from a thread other than the one running paho's loop
is only queued, and paho wakes its loop through a socket pair, the two threads handing the GIL
back and forth per message (~700 msg/s at QoS 1 against ~28,000 with the loop driven directly).
Why not ``loop()``: it makes a ``select`` call and reads one packet per call. The loop here uses
paho's external-loop calls (``loop_read``, ``loop_write``, ``loop_misc``) over a
:class:`~cockpit.ingest.bufsock.BufferedSocket`: one ``select`` and one ``recv`` serve every packet
the kernel holds, and a batch's acknowledgements leave in one write.

The session is persistent (fixed client id, ``clean_start=False`` and a session expiry interval
with MQTT 5; ``clean_session=False`` with MQTT 3.1.1 for the embedded broker), the subscriptions
are made in ``on_connect`` so that they survive reconnects, and reconnection waits with
exponential backoff and jitter.
"""

from __future__ import annotations

import logging
import random
import select
import signal
import ssl
import sys
import zlib
from multiprocessing.connection import Connection

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion, MQTTErrorCode
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from cockpit.ingest.bufsock import BufferedClient
from cockpit.ingest.broker_config import BrokerConfig

log = logging.getLogger(__name__)

SESSION_EXPIRY_S = 7 * 24 * 3600
"""The broker keeps the cockpit's session (and queues its messages) this long while it is away."""
MAX_OUTSTANDING = 20_000
"""Messages handed to the cockpit and not yet reported consumed, at most (two full batches)."""
CHUNK = 500
"""Messages read per turn at most, so that the cockpit gets them in frames of a useful size."""
STOP_WAIT_S = 5.0
"""How long a stopping network process waits for the acks of the cockpit's last commit."""
Token = tuple[int, int]
"""A QoS 1 delivery: (connection generation, packet id). Acks of an older connection are dropped."""


class NetworkLoop:
    """Owns the paho client, its connection and the hand-over to the cockpit over ``conn``.

    Emits frames on ``conn`` (see the module docstring): each turn's messages, link changes, a
    refusal. The parameters are those of the ``start`` frame; ``generation_base`` keeps the tokens
    of successive network processes apart.
    """

    def __init__(self, conn: Connection, config: BrokerConfig, topics: list[str], receive_maximum: int,
                 generation_base: int = 0, ever_connected: bool = False, expect_session: bool | None = None) -> None:
        self.conn = conn
        self.config = config
        self.topics = topics
        self.receive_maximum = receive_maximum
        self._inbox: list[tuple[str, bytes, Token | None]] = []
        self._outstanding = 0
        self._generation = generation_base
        self._connected = False
        self._ever_connected = ever_connected
        self._expect_session = expect_session
        self._link: tuple[str, str] | None = None
        self._stopping = False
        self._orphaned = False
        self._rng = random.Random(zlib.crc32(config.client_id.encode()))
        self._client = self._build_client()

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
            client.tls_set(cert_reqs=ssl.CERT_REQUIRED, **self.config.tls_arguments())
        client.max_queued_messages_set(0)
        client.on_connect = self._on_connect
        client.on_disconnect = self._on_disconnect
        client.on_message = self._on_message
        return client

    def _on_connect(self, client: mqtt.Client, userdata: object, flags, reason_code, properties) -> None:
        if reason_code.is_failure:
            self._set_link("disconnected", f"broker refused: {reason_code}")
            self._send(("error", f"broker refused the connection: {reason_code}"))
            return
        client.subscribe([(topic, self.config.qos) for topic in self.topics])
        self._connected = self._ever_connected = True
        session = "resumed" if flags.session_present else "new"
        if self._expect_session and not flags.session_present:
            self._send(("session_lost", f"{self.config.host}:{self.config.port} had no session for "
                                        f"{self.config.client_id!r}"))
        if self._expect_session is not None:
            # A durable broker owes the session from this connection on (MQTT 5 and 3.1.1 keep one).
            self._expect_session = True
        self._set_link("connected", f"connected to {self.config.host}:{self.config.port} ({session} session)")

    def _on_disconnect(self, client: mqtt.Client, userdata: object, flags, reason_code, properties) -> None:
        self._connected = False

    def _on_message(self, client: mqtt.Client, userdata: object, message: mqtt.MQTTMessage) -> None:
        self._inbox.append((message.topic, message.payload, (self._generation, message.mid) if message.qos else None))

    def _retry(self, attempt: int, reason: str) -> None:
        """Say why the connection failed and when the next attempt is, and wait for it (backing off)."""
        self._lost(reason)
        delay = self.config.backoff_s(attempt, self._rng)
        self._send(("retry", attempt + 1, delay, reason))
        self._listen(delay)

    def _connect(self) -> str:
        """Connect; "" on success, else why not."""
        try:
            if self.config.mqtt5:
                properties = Properties(PacketTypes.CONNECT)
                properties.SessionExpiryInterval = SESSION_EXPIRY_S
                properties.ReceiveMaximum = self.receive_maximum
                self._client.connect(
                    self.config.host, self.config.port, self.config.keepalive_s,
                    clean_start=False, properties=properties,
                )
            else:
                self._client.connect(self.config.host, self.config.port, self.config.keepalive_s)
        except (OSError, ssl.SSLError) as exc:
            return f"cannot connect to {self.config.host}:{self.config.port}: {exc}"
        self._generation += 1
        return ""

    def _lost(self, reason: str) -> None:
        # Degraded once it has been connected: the broker's session holds the messages meanwhile.
        self._set_link("degraded" if self._ever_connected else "disconnected", reason)

    def _set_link(self, state: str, reason: str) -> None:
        if self._link is None or self._link[0] != state:
            self._link = (state, reason)
            self._send(("link", state, reason))

    # ------------------------------------------------------------ the loop

    def run(self) -> None:
        """Connect, hand messages over and acknowledge them until told to stop or orphaned."""
        attempt = 0
        try:
            while not self._stopping:
                if not self._connected and self._client.socket() is None:
                    failure = self._connect()
                    if failure:
                        self._retry(attempt, failure)
                        attempt += 1
                        continue
                rc = self._turn(timeout=0.05)
                if rc != MQTTErrorCode.MQTT_ERR_SUCCESS:
                    self._connected = False
                    self._hand_over()
                    self._retry(attempt, f"connection to {self.config.host}:{self.config.port} lost: "
                                         f"{mqtt.error_string(rc)}")
                    attempt += 1
                    if self._client.socket() is not None:
                        self._client.disconnect()
                    continue
                if self._connected:
                    attempt = 0
                self._hand_over()
            if not self._orphaned:
                self._finish()
        finally:
            if self._client.socket() is not None:
                self._client.disconnect()

    def _finish(self) -> None:
        """Told to stop: hand over what was read, say so, and send the acks of the last commit."""
        self._hand_over()
        self._send(("stopped",))
        try:
            if self.conn.poll(STOP_WAIT_S):
                self._on_frame(self.conn.recv())
        except (EOFError, OSError):
            pass

    def _turn(self, timeout: float) -> MQTTErrorCode:
        """One turn: wait at most ``timeout`` for the broker or the cockpit, take the cockpit's
        frames, read the packets at hand (as far as the cockpit keeps up), write what paho queued
        and keep the connection alive."""
        client = self._client
        sock = client.buffered_socket()
        if sock is None:
            return MQTTErrorCode.MQTT_ERR_NO_CONN
        room = MAX_OUTSTANDING - self._outstanding
        if room <= 0 or not sock.fill():
            reading = [self.conn] if room <= 0 else [sock, self.conn]
            writing = [sock] if sock.unsent() or client.want_write() else []
            try:
                select.select(reading, writing, [], timeout)
            except (OSError, ValueError):
                # The socket went bad under us (closed descriptor): a lost connection, never a crash.
                return MQTTErrorCode.MQTT_ERR_CONN_LOST
        self._listen(0)
        if self._stopping:
            return MQTTErrorCode.MQTT_ERR_SUCCESS
        # The per-packet loop, with its lookups hoisted: it runs once per message.
        inbox, fill, read = self._inbox, sock.fill, client.loop_read
        limit = min(CHUNK, MAX_OUTSTANDING - self._outstanding)
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

    def _hand_over(self) -> None:
        if self._inbox:
            batch, self._inbox = self._inbox, []
            self._outstanding += len(batch)
            self._send(("messages", batch))

    def _listen(self, timeout: float) -> None:
        """Take the cockpit's frames, waiting at most ``timeout`` for the first."""
        try:
            ready = self.conn.poll(timeout)
            while ready and not self._stopping:
                self._on_frame(self.conn.recv())
                ready = self.conn.poll(0)
        except (EOFError, OSError):
            log.warning("the cockpit is gone: the network process stops")
            self._stopping = self._orphaned = True

    def _on_frame(self, frame: tuple) -> None:
        if frame[0] == "ack":
            _, tokens, consumed = frame
            self._outstanding -= consumed
            generation = self._generation
            for token_generation, mid in tokens:
                if token_generation == generation and self._connected:
                    self._client.ack(mid, 1)
            sock = self._client.buffered_socket()
            if sock is not None:
                sock.flush()
        elif frame[0] == "stop":
            self._stopping = True

    def _send(self, frame: tuple) -> None:
        try:
            self.conn.send(frame)
        except OSError:
            self._stopping = self._orphaned = True


def main(argv: list[str] | None = None) -> int:
    """``python -m cockpit.ingest.network FD``: serve the cockpit at the other end of socket FD."""
    argv = sys.argv[1:] if argv is None else argv
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="network: %(message)s")
    conn = Connection(int(argv[0]))
    try:
        frame = conn.recv()
    except (EOFError, OSError):
        return 0
    loop = NetworkLoop(conn, *frame[1:])
    loop.run()
    conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
