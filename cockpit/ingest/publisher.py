"""A publishing MQTT client whose network loop runs on the publishing thread.

With paho's ``loop_start()``, every ``publish()`` from the caller's thread is handed to the network
thread through a wake-up socket, and the two threads take turns on the GIL for each message; on
this platform that capped a QoS 1 publisher at roughly 1,000-2,000 msg/s. When no other thread runs
the loop, paho writes the PUBLISH at once from ``publish()``; this class then calls ``loop()``
itself, between messages and while pacing, to read the PUBACKs and to reconnect after a broker
restart. QoS 1 messages published while the broker is away stay queued in paho and go out after
the reconnect.
"""

from __future__ import annotations

import ssl
import time

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion, MQTTErrorCode

from cockpit.ingest.broker_config import BrokerConfig

SERVICE_EVERY = 64
"""Messages between two calls of the network loop while publishing flat out."""


class Publisher:
    """Publishes to one broker from the calling thread; owns the paho client.

    ``confirmed`` counts messages the broker acknowledged (QoS 1) or that were written (QoS 0).
    """

    def __init__(self, config: BrokerConfig, max_inflight: int = 1000) -> None:
        self.config = config
        self.confirmed = 0
        self.published = 0
        self._client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=config.client_id, clean_session=False)
        if config.username is not None:
            self._client.username_pw_set(config.username, config.password)
        if config.tls:
            self._client.tls_set(cert_reqs=ssl.CERT_REQUIRED, **config.tls_arguments())
        self._client.max_inflight_messages_set(max_inflight)
        self._client.max_queued_messages_set(0)
        self._client.on_publish = self._on_publish
        self._retry_at = 0.0
        self._backoff = config.backoff_min_s
        self._client.connect(config.host, config.port, config.keepalive_s)

    def _on_publish(self, *_: object) -> None:
        self.confirmed += 1

    def publish(self, topic: str, payload: bytes, qos: int = 1) -> None:
        """Publish one message (queued by paho if the broker is away)."""
        self._client.publish(topic, payload, qos=qos)
        self.published += 1
        if self.published % SERVICE_EVERY == 0:
            self.service(0.0)

    def service(self, timeout: float) -> None:
        """Run the network loop once, waiting at most ``timeout`` seconds; reconnect when due."""
        if self._client.socket() is None:
            now = time.monotonic()
            if now < self._retry_at:
                time.sleep(min(timeout, self._retry_at - now))
                return
            try:
                self._client.reconnect()
                self._backoff = self.config.backoff_min_s
            except OSError:
                self._retry_at = now + self._backoff
                self._backoff = min(self.config.backoff_max_s, self._backoff * 2)
                return
        rc = self._client.loop(timeout)
        if rc != MQTTErrorCode.MQTT_ERR_SUCCESS and self._client.socket() is not None:
            self._client.disconnect()

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` while serving the network loop."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self.service(min(left, 0.05))

    def drain(self, timeout: float, stop=lambda: False) -> bool:
        """Serve the loop until every message is confirmed; False if ``timeout`` passed first."""
        deadline = time.monotonic() + timeout
        while self.confirmed < self.published and time.monotonic() < deadline and not stop():
            self.service(0.02)
        return self.confirmed >= self.published

    def close(self) -> None:
        if self._client.socket() is not None:
            self._client.disconnect()
