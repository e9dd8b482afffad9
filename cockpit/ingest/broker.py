"""An embedded MQTT broker (amqtt) so the cockpit and its demo run with no broker installed.

It runs in-process on its own asyncio thread, on 127.0.0.1 and a free port. It keeps sessions in
memory only: a restart of the app loses whatever it had queued, so the status bar says it is not
durable (:data:`EmbeddedBroker.NOTE`). amqtt speaks MQTT 3.1.1, so clients connect with v3.1.1
(:class:`~cockpit.ingest.client.BrokerConfig` ``mqtt5=False``). Real deployments use Mosquitto
(resources/mosquitto/).
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from concurrent.futures import Future

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"


class EmbeddedBroker:
    """An amqtt broker on a loopback port, owned by one background thread.

    ``start()`` returns its ``mqtt://127.0.0.1:PORT`` URL once it accepts connections; ``stop()``
    shuts it down and ends the thread.
    """

    NOTE = "embedded broker (not durable)"
    """The status-bar text: messages queued in the embedded broker do not survive a restart."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._broker = None

    @property
    def url(self) -> str:
        if self.port is None:
            raise RuntimeError("the embedded broker is not started")
        return f"mqtt://{LOOPBACK}:{self.port}"

    def start(self, timeout: float = 10.0) -> str:
        """Start the broker; returns its URL.

        Raises
        ------
        RuntimeError
            If it did not start within ``timeout`` seconds (the message says why).
        """
        if self._thread is not None:
            return self.url
        if self.port is None:
            self.port = _free_port()
        started: Future[None] = Future()
        self._thread = threading.Thread(target=self._serve, args=(started,), name="cockpit-embedded-broker", daemon=True)
        self._thread.start()
        try:
            started.result(timeout)
        except Exception as exc:
            self._thread = None
            raise RuntimeError(f"embedded broker did not start on port {self.port}: {exc}") from exc
        return self.url

    def stop(self, timeout: float = 10.0) -> None:
        """Shut the broker down and wait for its thread."""
        if self._thread is None or self._loop is None:
            return
        loop = self._loop
        if self._broker is not None:
            future = asyncio.run_coroutine_threadsafe(self._broker.shutdown(), loop)
            try:
                future.result(timeout)
            except Exception:  # noqa: BLE001 - shutting down anyway
                log.exception("embedded broker shutdown failed")
        loop.call_soon_threadsafe(loop.stop)
        self._thread.join(timeout)
        self._thread = None

    def __enter__(self) -> EmbeddedBroker:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _serve(self, started: Future[None]) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._start_broker())
            started.set_result(None)
        except Exception as exc:  # noqa: BLE001 - handed to the starting thread
            started.set_exception(exc)
            loop.close()
            return
        try:
            loop.run_forever()
        finally:
            loop.close()

    async def _start_broker(self) -> None:
        from amqtt.broker import Broker

        config = {
            "listeners": {"default": {"type": "tcp", "bind": f"{LOOPBACK}:{self.port}", "max_connections": 1000}},
            "plugins": {"amqtt.plugins.authentication.AnonymousAuthPlugin": {"allow_anonymous": True}},
        }
        self._broker = Broker(config)
        await self._broker.start()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]
