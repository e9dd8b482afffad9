"""The cockpit's MQTT source: sensor traffic through a broker, the ingest, and the link state for the UI.

With no broker given, the demo starts the embedded broker on loopback (not durable: the status bar
says so) and publishes the demo street's simulated sensors to it; either way the messages come back
through the same ingest a real command centre runs (validate, store, alarm rules), on the ingest's
own network thread, and reach the twin through :meth:`TwinModel.submit`. Alarms the rules raise
open cases like any other. The link state (connected / degraded / disconnected) is re-emitted as a
Qt signal, so the status bar learns of it on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from cockpit.demo_feed import DEMO_SEED
from cockpit.ingest.broker import EmbeddedBroker
from cockpit.ingest.broker_config import BrokerConfig, BrokerLogin
from cockpit.ingest.client import MqttIngest
from cockpit.ingest.link import LinkStatus
from cockpit.ingest.publisher import Publisher
from cockpit.ingest.service import IngestService
from cockpit.ingest.simulated_sensors import SensorSimulator
from cockpit.ingest.store import BatchStore
from cockpit.ingest.translate import Translator
from cockpit.rules.model import load_rules
from cockpit.security.free_text import guard_for
from cockpit.storage import Database
from cockpit.twin import TwinState
from cockpit.vocabulary.events import CaseMerged, CaseRejected, CaseResolved, Event
from widgets.persistence import DatabaseWriter
from widgets.twin_model import TwinModel

log = logging.getLogger(__name__)

EMBEDDED = "embedded"
"""The ``broker`` value that starts the embedded broker (the demo's default)."""
DEMO_SENSOR_RATE = 10.0
"""Simulated sensor messages a second over the embedded broker (each sensor about every 3 minutes)."""
STOP_TIMEOUT_S = 10.0
CASE_ENDINGS = (CaseResolved, CaseMerged, CaseRejected)
"""Events after which a case is no longer open (a sensor alarming again then opens a new one)."""


class MqttSource(QObject):
    """Owns the embedded broker (when used), the ingest client and the demo sensor publisher.

    Parameters
    ----------
    twin
        The twin (read once, at start, for the open alarms the rules take over).
    model
        Where committed batches go (from the ingest thread).
    db
        The database the ingest commits to.
    broker
        :data:`EMBEDDED`, or the URL of a broker to connect to.
    clock
        The demo's clock, stamped on simulated messages.
    login
        Credentials and TLS for an external broker.
    writer
        Told which events the ingest logged itself, so they are not logged twice.
    sensor_rate
        Simulated messages a second published to the embedded broker (0: none).
    seed
        Seed of the sensor simulator.

    Raises
    ------
    KeyMissing
        Residents are stored but there is no personal-data key to mask their names in reports.

    Signals
    -------
    link_changed(str, str)
        The link's state ("connected", "degraded", "disconnected") and why; queued to the GUI thread.
    """

    link_changed = Signal(str, str)

    def __init__(self, twin: TwinState, model: TwinModel, db: Database, broker: str,
                 clock: Callable[[], datetime], login: BrokerLogin | None = None,
                 writer: DatabaseWriter | None = None, sensor_rate: float = DEMO_SENSOR_RATE, seed: int = DEMO_SEED,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.embedded = EmbeddedBroker() if broker == EMBEDDED else None
        self._broker = broker
        self._login = login or BrokerLogin()
        self._model = model
        self._writer = writer
        self._clock = clock
        self._sensor_rate = sensor_rate if self.embedded is not None else 0.0
        self._seed = seed
        self._stop = threading.Event()
        self._publisher: threading.Thread | None = None
        self.url = ""
        self.service = IngestService(twin.street, db, sink=self._sink, rules=load_rules(None, twin.categories),
                                     translator=Translator(twin.street, guard=guard_for(db, twin.street)))
        assert self.service.engine is not None
        self.service.engine.adopt(twin.alarms.values(), twin.cases)
        # The rules open one case per sensor and rule while it is open; they learn here when one ends.
        self._unsubscribe_cases = twin.subscribe(self._on_applied)
        self._seq_start = max((last for _first, last, _n in BatchStore(db).sequences().values()), default=0) + 1
        self.ingest: MqttIngest | None = None
        self._unsubscribe_link: Callable[[], None] | None = None

    @property
    def note(self) -> str:
        """What the status bar must say about the broker ("" for an external one)."""
        return EmbeddedBroker.NOTE if self.embedded is not None else ""

    def start(self) -> str:
        """Start the broker (if embedded), the ingest and the publisher; returns the broker's URL.

        Raises
        ------
        RuntimeError
            The embedded broker did not start.
        ValueError
            The broker URL is malformed.
        """
        if self.embedded is not None:
            self.url = self.embedded.start()
            config = BrokerConfig(self.url, mqtt5=False)
        else:
            self.url = self._broker
            config = self._login.config(self._broker)
            config.host  # noqa: B018 - validates the URL before a thread starts
        self.ingest = MqttIngest(self.service, config, durable_broker=self.embedded is None)
        self._unsubscribe_link = self.ingest.link.subscribe(self._on_link)
        self.ingest.start()
        if self._sensor_rate > 0:
            self._publisher = threading.Thread(target=self._publish, name="cockpit-demo-sensors", daemon=True)
            self._publisher.start()
        return self.url

    def close(self) -> None:
        """Stop publishing, commit and stop the ingest, stop the embedded broker; joins every thread."""
        self._unsubscribe_cases()
        self._stop.set()
        if self._publisher is not None:
            self._publisher.join(STOP_TIMEOUT_S)
            self._publisher = None
        if self.ingest is not None:
            self.ingest.stop(STOP_TIMEOUT_S)
            if self._unsubscribe_link is not None:
                self._unsubscribe_link()
            self.ingest = None
        if self.embedded is not None:
            self.embedded.stop()

    def _on_applied(self, events: list[Event]) -> None:
        ended = [e.case_id for e in events if isinstance(e, CASE_ENDINGS)]
        if ended:
            self.service.cases_ended(ended)

    # ------------------------------------------------------------ other threads

    def _sink(self, events: list[Event]) -> None:
        if self._writer is not None:
            self._writer.already_logged(events)
        self._model.submit(events)

    def _on_link(self, status: LinkStatus) -> None:
        self.link_changed.emit(status.state.value, status.reason)

    def _publish(self) -> None:
        """The demo's sensors, published to the embedded broker until :meth:`close`."""
        simulator = SensorSimulator(self._model.twin.street, seed=self._seed, clock=self._clock,
                                    seq_start=self._seq_start)
        try:
            client = Publisher(BrokerConfig(self.url, client_id="street-cockpit-demo-sensors"))
        except OSError as exc:
            log.error("demo sensors cannot connect to %s: %s", self.url, exc)
            return
        interval = 1.0 / self._sensor_rate
        due = time.monotonic()
        try:
            for message in simulator.messages():
                if self._stop.is_set():
                    break
                client.publish(message.topic, message.payload, qos=1)
                due += interval
                client.sleep(max(0.0, due - time.monotonic()))
        finally:
            client.close()
