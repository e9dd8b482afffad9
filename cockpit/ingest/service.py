"""The ingest pipeline without the network: messages in, committed batches and events out.

:class:`IngestService` validates and translates each message as it arrives, collects a batch, and
on :meth:`IngestService.flush` stores it in one transaction (receipts, events, dead letters), runs
the alarm rules on the messages that are new, hands the events to the twin through the caller's
sink, and returns the delivery tokens that may now be acknowledged. The MQTT client
(:mod:`cockpit.ingest.client`) drives it from its ingest thread; tests drive it directly.
"""

from __future__ import annotations

import logging
import queue
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Generic, TypeVar

from cockpit.ingest.payloads import PayloadError
from cockpit.ingest.reasons import Reason
from cockpit.ingest.store import BatchStore
from cockpit.ingest.topics import Space, TopicKind
from cockpit.ingest.translate import Message, Translator
from cockpit.rules.engine import RuleEngine
from cockpit.rules.model import AlarmRule
from cockpit.storage.db import Database
from cockpit.storage.telemetry import DeadLetter
from cockpit.street.model import Street
from cockpit.vocabulary.domain import RiskLevel
from cockpit.vocabulary.events import AlarmRaised, Event

log = logging.getLogger(__name__)

Token = TypeVar("Token")
Sink = Callable[[list[Event]], None]

BATCH_SIZE = 10_000
"""A batch is committed when it holds this many messages..."""
BATCH_AGE_S = 0.05
"""...or when its oldest message has waited this long and no more are waiting to be read (the
added latency of a light stream; the ack waits for it)..."""
BATCH_MAX_AGE_S = 0.5
"""...or, while a backlog keeps more waiting, when its oldest message has waited this long.

Group commit: a light stream is committed every ``BATCH_AGE_S``, a backlog in batches of up to
``BATCH_SIZE``. Batch size is what a receipt costs: the (device, seq) key spreads a batch over one
index page per device (1,700 on the demo street), every one written to the log at commit, so a
batch of 2,000 receipts cost 25 us each against a table of 240,000, a batch of 10,000 9.7 us
(docs/mqtt.md)."""

DATA_LOSS_SETTLE_S = 5.0
"""How long after the broker lost the cockpit's session the "possible data loss" alarm is raised:
the devices' next messages show the sequence numbers missing since, and the alarm counts them."""
DATA_LOSS = "data_loss"
"""The alarm kind of a lost broker session."""

_READING_KINDS = frozenset((TopicKind.READING, TopicKind.ALARM))
_SENSOR = Space.SENSOR
"""Message kinds whose first event is a SensorReading for the rules."""


@dataclass(slots=True)
class IngestStats:
    """Counters of the ingest so far; ``gaps`` is the number of sequence numbers never received.

    ``received = accepted + duplicates + rejected`` once every received message is committed.
    """

    received: int = 0
    accepted: int = 0
    rejected: int = 0
    duplicates: int = 0
    gaps: int = 0
    batches: int = 0
    events: int = 0
    sink_errors: int = 0
    rejected_by_reason: Counter[str] = field(default_factory=Counter)

    def summary(self) -> dict[str, int]:
        """The command-line summary {"received", "accepted", "rejected", "duplicates", "gaps"}."""
        return {
            "received": self.received,
            "accepted": self.accepted,
            "rejected": self.rejected,
            "duplicates": self.duplicates,
            "gaps": self.gaps,
        }


class IngestService(Generic[Token]):
    """Validates, batches, stores and forwards messages of one street; owns the sequence counters.

    Emits the events of every committed batch (new messages' events and the alarms and cases the
    rules derive) to ``sink``, after the commit, from the thread that calls :meth:`flush`; and a red
    ``data_loss`` alarm when the broker lost the cockpit's session (:meth:`session_lost`).

    Parameters
    ----------
    street
        The street served.
    db
        The cockpit database.
    sink
        Receives each committed batch's events (headless: a TwinState's apply_many; in the app:
        TwinModel.submit). Errors in it are logged and counted, never raised.
    rules
        Alarm rules; None for no rule engine.
    translator
        Validation and translation (built from the street when omitted).
    batch_size, batch_age_s, batch_max_age_s
        When a batch is due for commit (see :data:`BATCH_SIZE`).
    loss_settle_s
        How long after a lost session its alarm waits for the gaps to show (:data:`DATA_LOSS_SETTLE_S`).
    """

    def __init__(
        self,
        street: Street,
        db: Database,
        sink: Sink | None = None,
        rules: Sequence[AlarmRule] | None = None,
        translator: Translator | None = None,
        batch_size: int = BATCH_SIZE,
        batch_age_s: float = BATCH_AGE_S,
        batch_max_age_s: float = BATCH_MAX_AGE_S,
        loss_settle_s: float = DATA_LOSS_SETTLE_S,
    ) -> None:
        self.street = street
        self.store = BatchStore(db)
        self.sink = sink
        self.translator = translator or Translator(street)
        self.engine = RuleEngine(street, rules) if rules is not None else None
        self.batch_size = batch_size
        self.batch_age_s = batch_age_s
        self.batch_max_age_s = batch_max_age_s
        self.loss_settle_s = loss_settle_s
        self.stats = IngestStats()
        self._loss: tuple[datetime, int, float] | None = None
        self._messages: list[Message] = []
        self._dead: list[DeadLetter] = []
        self._tokens: list[Token] = []
        self._tick_events: list[Event] = []
        self._ended: queue.SimpleQueue[str] = queue.SimpleQueue()
        self._oldest: float | None = None
        self._sequences: dict[str, list[int]] = {}
        for sender, (first, last, count) in self.store.sequences().items():
            self._sequences[sender] = [first, last, count]
            self.stats.gaps += last - first + 1 - count

    # ------------------------------------------------------------ arrival (ingest thread)

    def handle(self, topic: str, payload: bytes, token: Token | None = None, now: datetime | None = None) -> None:
        """Take one message; never raises (a failure becomes a dead letter with reason ``internal``).

        ``token`` is returned by the :meth:`flush` that commits the message, for acknowledging it.
        """
        self.handle_many(((topic, payload, token),), now)

    def handle_many(self, items: Iterable[tuple[str, bytes, Token | None]], now: datetime | None = None) -> None:
        """Take messages as (topic, payload, token) in arrival order; :meth:`handle` for each.

        ``now`` is the clock the timestamps are checked against (one reading for the batch; UTC now
        when omitted).
        """
        now = now or datetime.now(timezone.utc)
        translate = self.translator.translate
        messages, tokens = self._messages, self._tokens
        received = 0
        for topic, payload, token in items:
            received += 1
            try:
                messages.append(translate(topic, payload, now))
            except PayloadError as exc:
                self._reject(topic, exc.reason, str(exc), payload)
            except Exception as exc:  # noqa: BLE001 - a bad message must never stop the loop
                log.exception("ingest failed on a message on %s", topic[:200])
                self._reject(topic, Reason.INTERNAL, f"{type(exc).__name__}: {exc}", payload)
            if token is not None:
                tokens.append(token)
        self.stats.received += received
        if received and self._oldest is None:
            self._oldest = time.monotonic()

    def _reject(self, topic: str, reason: Reason, detail: str, payload: bytes) -> None:
        self._dead.append(DeadLetter.of(topic[:1000], reason.value, detail[:500], bytes(payload),
                                        scrub=self.translator.guard.scrubber.scrub))
        self.stats.rejected += 1
        self.stats.rejected_by_reason[reason.value] += 1

    def cases_ended(self, case_ids: Iterable[str]) -> None:
        """Cases that are no longer open: their sensors may open new cases. Safe to call from any thread."""
        for case_id in case_ids:
            self._ended.put(case_id)

    def _forget_ended(self) -> None:
        assert self.engine is not None
        while True:
            try:
                self.engine.case_ended(self._ended.get_nowait())
            except queue.Empty:
                return

    def tick(self, at: datetime | None = None) -> None:
        """Let the clock run the no-signal rules, end floods and raise a due data-loss alarm; their
        events go out with the next flush."""
        at = at or datetime.now(timezone.utc)
        if self.engine is not None:
            self._forget_ended()
            self._tick_events += self.engine.tick(at)
        if self._loss is not None and time.monotonic() - self._loss[2] >= self.loss_settle_s:
            self._tick_events.append(self._data_loss_alarm(at))
            self._loss = None
        if self._tick_events and self._oldest is None:
            self._oldest = time.monotonic()

    @property
    def has_history(self) -> bool:
        """Whether this database already holds messages ingested before (a broker session is due)."""
        return bool(self._sequences)

    def session_lost(self, at: datetime, detail: str = "") -> None:
        """The broker had no session for the cockpit where it should have kept one.

        What it queued and acknowledged to the devices meanwhile may be gone; the devices' next
        messages show how many sequence numbers are missing. After ``loss_settle_s`` a tick raises a
        red :data:`DATA_LOSS` alarm with that count (:func:`data_loss_detail`).
        """
        log.warning("possible data loss: the broker lost the cockpit's session (%s); "
                    "counting the messages missing since", detail or "no detail")
        if self._loss is None:
            self._loss = (at, self.stats.gaps, time.monotonic())

    def _data_loss_alarm(self, at: datetime) -> AlarmRaised:
        assert self._loss is not None
        since, gaps_before, _ = self._loss
        missing = max(self.stats.gaps - gaps_before, 0)
        log.warning("possible data loss: %d sequence numbers missing since the broker lost the cockpit's session", missing)
        return AlarmRaised(at, f"ALM-LOSS-{since:%Y%m%dT%H%M%S}", DATA_LOSS, RiskLevel.RED,
                           detail=data_loss_detail(missing, since))

    @property
    def pending(self) -> int:
        """Messages received and not yet committed."""
        return len(self._messages) + len(self._dead)

    def due(self) -> bool:
        """Whether the batch should be committed now (full, or its oldest message waited enough)."""
        if self._oldest is None:
            return False
        return self.batch_due(self.pending, time.monotonic() - self._oldest, backlog=False)

    def batch_due(self, size: int, age_s: float, backlog: bool) -> bool:
        """Whether a batch of ``size`` messages, the oldest ``age_s`` old, should be committed now;
        ``backlog``: more messages are already waiting to be read."""
        return size >= self.batch_size or age_s >= (self.batch_max_age_s if backlog else self.batch_age_s)

    # ------------------------------------------------------------ commit

    def flush(self) -> list[Token]:
        """Commit the batch, forward its events and return the tokens that may now be acknowledged.

        Raises
        ------
        cockpit.storage.db.StorageError
            If the commit fails; the batch is kept (nothing is acknowledged) and retried next time.
        """
        if self._oldest is None:
            return []
        committed = self.store.commit(self._messages, self._dead, self._derive, self._tick_events)
        tokens = self._tokens
        self.stats.accepted += len(committed.new)
        self.stats.duplicates += committed.duplicates
        self.stats.batches += 1
        self.stats.events += len(committed.events)
        count = self._count_sequence
        for message in committed.new:
            count(message.device if message.space is _SENSOR else message.sender, message.seq)
        self._messages, self._dead, self._tokens, self._tick_events = [], [], [], []
        self._oldest = None
        if committed.events and self.sink is not None:
            try:
                self.sink(committed.events)
            except Exception:  # noqa: BLE001 - the twin's troubles must not stop the ingest
                self.stats.sink_errors += 1
                log.exception("the event sink failed on a batch of %d events", len(committed.events))
        return tokens

    def discard_tokens(self) -> None:
        """Forget the tokens of the pending batch (their connection is gone; the broker resends)."""
        self._tokens = []

    def _derive(self, new: list[Message]) -> list[Event]:
        events: list[Event] = []
        if self.engine is None:
            for message in new:
                events.extend(message.events)
            return events
        self._forget_ended()
        feed = self.engine.feed
        for message in new:
            events.extend(message.events)
            if message.kind in _READING_KINDS:
                events.extend(feed(message.events[0]))
        return events

    def _count_sequence(self, sender: str, seq: int) -> None:
        counter = self._sequences.get(sender)
        if counter is None:
            self._sequences[sender] = [seq, seq, 1]
            return
        first, last, count = counter
        before = last - first + 1 - count
        counter[0], counter[1], counter[2] = min(first, seq), max(last, seq), count + 1
        self.stats.gaps += counter[1] - counter[0] + 1 - counter[2] - before

    def gaps_by_device(self) -> dict[str, int]:
        """Sequence numbers never received, per sender that has any: a sensor by its id, a phone or an
        app account as ``staff/ID`` or ``app/ID``."""
        return {
            sender: last - first + 1 - count
            for sender, (first, last, count) in self._sequences.items()
            if last - first + 1 - count
        }


_DETAIL = "{missing} sequence numbers missing since the broker lost the cockpit's session at {since}"


def data_loss_detail(missing: int, since: datetime) -> str:
    """The detail of a data-loss alarm: how many messages are known missing, and since when."""
    return _DETAIL.format(missing=missing, since=since.astimezone(timezone.utc).isoformat(timespec="seconds"))


def data_loss_missing(detail: str) -> int | None:
    """The count of missing messages in a :func:`data_loss_detail` text (None if it is not one)."""
    head = detail.split(" ", 1)[0]
    return int(head) if head.isdigit() else None
