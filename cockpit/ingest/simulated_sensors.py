"""The sensor simulator: realistic MQTT traffic for every demo sensor, with seeded incidents.

It plays the street's ~1,700 devices as they would publish: periodic readings per kind from the one
reading generator (:mod:`cockpit.readings`, resources/sensors.toml: smoke detectors, bracelets with
heart rate, water meters, manhole tilt, camera AI flags, parking occupancy, noise and PM2.5), plus
incidents every demo needs — a smoke alarm spreading through one
building, a bracelet SOS, a water meter of an elderly person living alone gone silent, and a
flapping smoke detector. With ``bad_fraction`` it mixes in malformed messages of every kind the
ingest must refuse. :meth:`SensorSimulator.messages` yields (topic, payload) records, so the in-app
demo can publish them over the embedded broker and ``cockpit sensors`` over any broker.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import msgspec
import numpy as np

from cockpit.ingest.payloads import SCHEMA_VERSION
from cockpit.ingest.topics import alarm_topic, reading_topic
from cockpit.readings import default_readings
from cockpit.street.model import Sensor, Street
from cockpit.vocabulary.domain import SensorKind
from cockpit.vocabulary.local_time import LOCAL_UTC_OFFSET

BAD_KINDS = (
    "bad_json", "bad_utf8", "wrong_type", "nan", "out_of_range", "missing_field", "huge",
    "ts_future", "ts_past", "unknown_device", "unknown_field", "device_mismatch",
)
"""The kinds of malformed message the simulator sends on purpose."""

INCIDENT_EVERY = 40
"""One message in this many comes from an incident sensor, so incidents show within seconds."""


@dataclass(frozen=True, slots=True)
class SimMessage:
    """One message to publish; ``bad`` marks a deliberately malformed one."""

    topic: str
    payload: bytes
    bad: bool = False
    bad_kind: str = ""


def _iso(at: datetime) -> str:
    return at.isoformat(timespec="milliseconds")


class SensorSimulator:
    """Generates the messages of a street's sensors; owns each device's sequence counter.

    Parameters
    ----------
    street
        The street whose sensors publish.
    seed
        Seed of every random choice (order, values, incidents, malformed messages).
    bad_fraction
        Share of messages that are malformed on purpose.
    clock
        The time stamped on messages (UTC now by default).
    seq_start
        First sequence number of every device.
    """

    def __init__(
        self,
        street: Street,
        seed: int = 0,
        bad_fraction: float = 0.0,
        clock: Callable[[], datetime] | None = None,
        seq_start: int = 1,
    ) -> None:
        if not 0.0 <= bad_fraction <= 1.0:
            raise ValueError(f"bad fraction must be within 0..1, not {bad_fraction}")
        self.street = street
        self.rng = np.random.default_rng(seed)
        self.bad_fraction = bad_fraction
        self.clock = clock or (lambda: datetime.now(timezone.utc))
        self.sent = 0
        self.bad = 0
        self._seq: dict[str, int] = {s.id: seq_start for s in street.sensors}
        self._order = [street.sensors[i] for i in self.rng.permutation(len(street.sensors))]
        self._next = 0
        self._emitted: dict[str, int] = {}
        self.incidents = self._pick_incidents()
        self._silent = {self.incidents["silent_water_meter"]}
        self.readings = default_readings()

    # ------------------------------------------------------------ incidents

    def _pick_incidents(self) -> dict[str, str]:
        by_kind: dict[SensorKind, list[Sensor]] = {}
        for sensor in self.street.sensors:
            by_kind.setdefault(sensor.kind, []).append(sensor)
        smoke = by_kind[SensorKind.SMOKE]
        fire = smoke[int(self.rng.integers(len(smoke)))]
        flapping = next(s for s in smoke if s.micro_grid_id != fire.micro_grid_id)
        bracelets = by_kind[SensorKind.BRACELET]
        sos = bracelets[int(self.rng.integers(len(bracelets)))]
        meters = [s for s in by_kind[SensorKind.WATER_METER] if s.elderly_alone]
        silent = meters[int(self.rng.integers(len(meters)))]
        return {"smoke_fire": fire.id, "flapping_smoke": flapping.id, "sos_bracelet": sos.id,
                "silent_water_meter": silent.id}

    # ------------------------------------------------------------ generation

    def messages(self) -> Iterator[SimMessage]:
        """An endless stream of messages (good and, at ``bad_fraction``, malformed)."""
        incident_ids = [self.incidents["smoke_fire"], self.incidents["flapping_smoke"], self.incidents["sos_bracelet"]]
        n = 0
        while True:
            n += 1
            if self.bad_fraction and self.rng.random() < self.bad_fraction:
                message = self._malformed()
            elif n % INCIDENT_EVERY == 0:
                sensor = self.street.sensor(incident_ids[(n // INCIDENT_EVERY) % len(incident_ids)])
                message = self._reading(sensor)
            else:
                sensor = self._next_sensor()
                message = self._reading(sensor)
            self.sent += 1
            self.bad += message.bad
            yield message

    def _next_sensor(self) -> Sensor:
        while True:
            sensor = self._order[self._next]
            self._next = (self._next + 1) % len(self._order)
            if sensor.id not in self._silent:
                return sensor

    def _reading(self, sensor: Sensor) -> SimMessage:
        seq = self._seq[sensor.id]
        self._seq[sensor.id] = seq + 1
        count = self._emitted.get(sensor.id, 0)
        self._emitted[sensor.id] = count + 1
        values = self._values(sensor, count)
        body = {"v": SCHEMA_VERSION, "device": sensor.id, "seq": seq, "ts": _iso(self.clock())}
        if sensor.id == self.incidents["sos_bracelet"] and count % 6 == 1:
            body.update(alarm="sos", values=values)
            return SimMessage(alarm_topic(self.street.id, sensor.id), _json(body))
        body["values"] = values
        return SimMessage(reading_topic(self.street.id, sensor.id), _json(body))

    def _values(self, sensor: Sensor, count: int) -> dict[str, float]:
        """The one reading generator's healthy values, except where an incident says otherwise."""
        # Thousands of messages a second: the constant offset, not a zone conversion per message.
        local = self.clock() + LOCAL_UTC_OFFSET
        values = self.readings.healthy(sensor.kind, self.rng, local.hour + local.minute / 60)
        if sensor.id == self.incidents["smoke_fire"] and count >= 1:
            values["smoke"] = 1.0
        elif sensor.id == self.incidents["flapping_smoke"]:
            values["smoke"] = 1.0 if count % 3 == 0 else 0.0
        return values

    # ------------------------------------------------------------ malformed

    def _malformed(self) -> SimMessage:
        rng = self.rng
        kind = BAD_KINDS[int(rng.integers(len(BAD_KINDS)))]
        sensor = self._order[int(rng.integers(len(self._order)))]
        topic = reading_topic(self.street.id, sensor.id)
        # A malformed message carries a sequence number no good message uses, so it causes no gap.
        body: dict = {"v": SCHEMA_VERSION, "device": sensor.id, "seq": -1, "ts": _iso(self.clock()),
                      "values": {"x": 1.0}}
        if kind == "bad_json":
            payload = b'{"v": 1, "device": "' + sensor.id.encode() + b'", "seq": '
        elif kind == "bad_utf8":
            payload = b'{"v": 1, "device": "\xff\xfe\xfa", "seq": 1}'
        elif kind == "nan":
            payload = _json(body).replace(b'"x":1.0', b'"x":NaN')
        elif kind == "huge":
            body["values"] = {f"v{i}": float(i) for i in range(31)}
            payload = _json(body) + b" " * 20_000
        else:
            body["seq"] = int(rng.integers(1, 1000))
            if kind == "wrong_type":
                body["seq"] = str(body["seq"])
            elif kind == "out_of_range":
                body["values"] = {"tilt_deg": 1e12}
            elif kind == "missing_field":
                del body["ts"]
            elif kind == "ts_future":
                body["ts"] = _iso(self.clock() + timedelta(days=30))
            elif kind == "ts_past":
                body["ts"] = _iso(self.clock() - timedelta(days=3 * 365))
            elif kind == "unknown_device":
                body["device"] = "GHOST-000001"
                topic = reading_topic(self.street.id, "GHOST-000001")
            elif kind == "unknown_field":
                body["firmware"] = "1.2.3"
            elif kind == "device_mismatch":
                body["device"] = self._order[(self._order.index(sensor) + 1) % len(self._order)].id
            payload = _json(body)
        return SimMessage(topic, payload, bad=True, bad_kind=kind)


def _json(body: dict) -> bytes:
    return msgspec.json.encode(body)


def paced(messages: Iterator[SimMessage], rate: float, duration: float,
          stop: Callable[[], bool] = lambda: False,
          sleep: Callable[[float], None] = time.sleep) -> Iterator[SimMessage]:
    """Yield messages at ``rate`` per second for ``duration`` seconds (or until ``stop()``).

    ``sleep`` waits between messages (a publisher passes one that serves its network loop).
    """
    start = time.monotonic()
    sent = 0
    for message in messages:
        now = time.monotonic()
        if now - start >= duration or stop():
            return
        due = start + sent / rate
        if due > now:
            sleep(due - now)
        sent += 1
        yield message
