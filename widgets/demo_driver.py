"""The demo street played by its feed: live on a timer, or offline up to a moment.

The demo feed (cockpit/demo_feed.py) plays the field: reports, staff moving, sensors. Live, the
:class:`DemoDriver` asks it for the street's events four times a second on a scaled clock and hands
them to the model like any other source; :func:`play_demo` plays it without waiting, a minute at a
time on a manual clock, so that the same moment and seed always give the same twin.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Slot

from cockpit.clock import Clock, ManualClock
from cockpit.demand import default_demand
from cockpit.demo_feed import DEMO_SEED, DemoFeed
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import Source
from cockpit.vocabulary.events import AlarmCleared, AlarmRaised, AlarmRepeated, CaseReported, Event, SensorReading
from widgets.twin_model import TwinModel

FEED_INTERVAL_MS = 250
"""How often the demo driver asks the feed for the street's events (4 Hz real time)."""
PLAY_STEP = timedelta(minutes=1)
"""The step of the manual clock when the feed is played offline."""


def without_sensor_traffic(events: list[Event]) -> list[Event]:
    """The demo feed's events minus its sensors: readings, the alarms its rule engine raises, repeats
    and clears, and the cases they open (the feed clears no other alarm).

    Used when the sensors come over MQTT, so that alarms are the ingest's rule engine's.
    """
    return [e for e in events
            if not isinstance(e, (SensorReading, AlarmRepeated, AlarmCleared))
            and not (isinstance(e, AlarmRaised) and e.alarm_kind == "sensor")
            and not (isinstance(e, CaseReported) and e.source is Source.SENSOR and e.alarm_id)]


def usual_day() -> list[float]:
    """Expected reports per hour of a usual day in the demo street (the demand model the demo feed plays)."""
    return default_demand().usual_day().tolist()


class DemoDriver(QObject):
    """Feeds the demo street's events into the model on a timer, on the scaled clock.

    Owns the timer; the feed reads the twin on the GUI thread (the timer's thread) and its events
    enter through :meth:`TwinModel.submit` like any other source's.
    """

    def __init__(self, model: TwinModel, feed: DemoFeed, clock: Clock, interval_ms: int = FEED_INTERVAL_MS,
                 sensors_elsewhere: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._feed = feed
        self._clock = clock
        self._sensors_elsewhere = sensors_elsewhere
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.step)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def step(self) -> None:
        """Hand the feed's events up to the clock's now to the model (minus sensors that come over MQTT)."""
        events = self._feed.step(self._model.twin, self._clock.now())
        self._model.submit(without_sensor_traffic(events) if self._sensors_elsewhere else events)


def play_demo(twin: TwinState, at: datetime, minutes: int = 60, seed: int = DEMO_SEED) -> None:
    """Bring a fresh ``twin`` of the demo street to ``at`` (whole minutes): the bootstrap, then ``minutes`` of feed.

    The feed's last ``minutes`` run on a manual clock stepped a minute at a time (no real waiting);
    the same ``at``, ``minutes`` and ``seed`` give the same twin.
    """
    feed = DemoFeed(twin.street, seed)
    finish = at.replace(second=0, microsecond=0)
    clock = ManualClock(finish - timedelta(minutes=minutes))
    feed.bootstrap(twin, clock.now())
    while clock.now() < finish:
        twin.apply_many(feed.step(twin, clock.advance(PLAY_STEP)))
