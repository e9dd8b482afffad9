"""Training mode: a trainee takes the decisions of a past window of history, and is scored.

The trainer picks a window of an incident log and a trainee. The record is played into a twin of the
session's own (the trainer's replay stays read-only), but for every case reported in the window the
record's own triage, dispatch and escalations are held back: the replay pauses at each *decision
point* — a new case to triage, a triaged case to dispatch, an overdue case to escalate — and the
trainee acts through the normal twin commands. Each decision is
scored against the SLA and against the best choice available at that moment, beside what the record
did; the debrief is saved per trainee and exported as CSV (and PNG by the Qt debrief view).

Scores (0-100 a decision):
- **triage** (choice only): risk level equal to the record's 70, one level above it 35 (cautious),
  otherwise 0; owner level equal to the risk's default owner (blue → grid, yellow → community,
  red → street) 30.
- **dispatch**: SLA 50 if the chosen person can arrive within the 2 h response target (decision time
  + estimated travel <= report + 2 h), else 0; choice 50 × (best ETA / chosen ETA), where the best
  is the dispatch policy's first pick among qualified people free at that moment (on shift and
  without an open case; the case's department team if no person qualifies); 50 if nobody better was
  free or both ETAs are 0; 0 if the chosen person lacks the skill (or department) the case needs.
- **escalate** (SLA only): 100 if escalated within :data:`ESCALATE_WITHIN` of the deadline, else 0.
- A declined decision scores 0.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import numpy as np
import platformdirs

from cockpit import recommender
from cockpit.dispatch import Candidate, CaseNeed, eta_minutes, get_policy, qualified, rank_departments
from cockpit.recommender import case_need
from cockpit.replay.index import EPOCH, LogIndex, Stage
from cockpit.replay.loader import NULL_TIME
from cockpit.replay.seek import Replay
from cockpit.roster import shift_changes
from cockpit.twin import TwinError, TwinState
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel
from cockpit.vocabulary.events import (
    AlarmAcknowledged,
    CaseDispatched,
    CaseEscalated,
    CaseOverdue,
    CaseReported,
    CaseTriaged,
    ClockTick,
    Event,
)
from cockpit.vocabulary.targets import RESPONSE_TARGET

APP_NAME = "street-cockpit"
ESCALATE_WITHIN = timedelta(minutes=30)
"""An overdue case escalated within this of its deadline meets the SLA."""

TRIAGE, DISPATCH, ESCALATE = "triage", "dispatch", "escalate"
SLA_PART, CHOICE_PART = "sla", "choice"
SCORED = {TRIAGE: (CHOICE_PART,), DISPATCH: (SLA_PART, CHOICE_PART), ESCALATE: (SLA_PART,)}
"""What each kind of decision is scored on: a triage on its choice alone, an escalation on its timing
alone, a dispatch on both (the other part of the 100 is not part of the decision, not a zero)."""
_HELD_BACK = (Stage.TRIAGED, Stage.ESCALATED_1, Stage.ESCALATED_2, Stage.DISPATCHED)
"""The record's own decisions, replaced by the trainee's for cases reported in the window."""


@dataclass(frozen=True)
class DecisionPoint:
    """A moment the replay paused for the trainee: ``kind`` of decision on ``case_id`` at ``at``."""

    kind: str
    case_id: str
    at: datetime


@dataclass(frozen=True)
class Decision:
    """One scored decision: what the trainee did, what the record did, and the best available choice."""

    kind: str
    case_id: str
    paused_at: datetime
    decided_at: datetime
    action: dict[str, Any]
    recorded: dict[str, Any]
    best: dict[str, Any]
    sla_score: float
    choice_score: float
    note: str = ""

    @property
    def score(self) -> float:
        return self.sla_score + self.choice_score


@dataclass
class Debrief:
    """The timeline of a trainee's decisions with their scores, for saving and export."""

    trainee: str
    trainer: str
    log: str
    window_start: datetime
    window_end: datetime
    decisions: list[Decision] = field(default_factory=list)
    created_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    @property
    def total_score(self) -> float | None:
        """Mean score of all decisions (0-100), None with no decision."""
        if not self.decisions:
            return None
        return sum(d.score for d in self.decisions) / len(self.decisions)

    def score_by_kind(self) -> dict[str, float]:
        """Mean score of each kind of decision taken."""
        kinds: dict[str, list[float]] = {}
        for d in self.decisions:
            kinds.setdefault(d.kind, []).append(d.score)
        return {k: sum(v) / len(v) for k, v in kinds.items()}

    def rows(self) -> list[dict[str, Any]]:
        """One flat row per decision (the CSV and table layout)."""
        return [
            {
                "decided_at": d.decided_at.isoformat(),
                "kind": d.kind,
                "case_id": d.case_id,
                "action": _flat(d.action),
                "recorded": _flat(d.recorded),
                "best": _flat(d.best),
                "sla_score": round(d.sla_score, 1),
                "choice_score": round(d.choice_score, 1),
                "score": round(d.score, 1),
                "note": d.note,
            }
            for d in self.decisions
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "trainee": self.trainee,
            "trainer": self.trainer,
            "log": self.log,
            "window_start": self.window_start.isoformat(),
            "window_end": self.window_end.isoformat(),
            "created_at": self.created_at.isoformat(),
            "total_score": self.total_score,
            "score_by_kind": self.score_by_kind(),
            "decisions": [_jsonable(dataclasses.asdict(d)) for d in self.decisions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Debrief":
        decisions = [
            Decision(**{**d, "paused_at": _time(d["paused_at"]), "decided_at": _time(d["decided_at"])})
            for d in data["decisions"]
        ]
        return cls(data["trainee"], data["trainer"], data["log"], _time(data["window_start"]),
                   _time(data["window_end"]), decisions, _time(data["created_at"]))

    def save(self, folder: Path | None = None) -> Path:
        """Write the debrief as JSON under ``folder`` (default: the user data folder), per trainee."""
        folder = (folder or training_folder()) / _safe(self.trainee)
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{self.window_start:%Y%m%dT%H%M}-{self.created_at:%Y%m%dT%H%M%S}.json"
        path = folder / name
        path.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: Path) -> "Debrief":
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    def export_csv(self, path: Path) -> None:
        """The decision rows as CSV (UTF-8 with BOM, so spreadsheet programs show Chinese text)."""
        rows = self.rows()
        columns = list(rows[0]) if rows else ["decided_at", "kind", "case_id", "score"]
        with open(path, "w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)


def training_folder() -> Path:
    """Where debriefs are kept: ``<user data>/street-cockpit/training``."""
    return Path(platformdirs.user_data_dir(APP_NAME)) / "training"


def saved_debriefs(trainee: str, folder: Path | None = None) -> list[Path]:
    """The saved debriefs of a trainee, oldest first."""
    return sorted(((folder or training_folder()) / _safe(trainee)).glob("*.json"))


class TrainingSession:
    """Runs a window of a log replay with the record's decisions replaced by a trainee's.

    Owns the decision timeline and a twin of its own (:attr:`twin`, a fork of the trainer's replay):
    the replay the trainer watches stays read-only and untouched. The record is played into the
    session's twin up to each decision point; the trainee then acts through the twin's normal
    commands (the desk's case panel or the methods here), which the session checks (only the pending
    decision, by the trainee) and scores as they are applied. A refused command uses nothing up.
    Staff come on and off duty by the roster as the record plays, so the operator's ranked list
    offers the people who were free at that moment.

    Parameters
    ----------
    replay
        A replay of an incident log (:class:`~cockpit.replay.index.LogIndex`); it is forked, not moved.
    trainee, trainer
        Names recorded on the debrief; the trainee is the actor of every command.
    start, end
        The window: cases reported in it are the trainee's.
    policy
        The dispatch policy that names the best available choice.
    """

    def __init__(self, replay: Replay, trainee: str, start: datetime, end: datetime,
                 trainer: str = "", policy: str = "nearest") -> None:
        if not isinstance(replay.index, LogIndex):
            raise TypeError("training needs a replay of an incident log")
        if end <= start:
            raise ValueError("the training window ends after it starts")
        if not trainee.strip():
            raise ValueError("a training session needs the trainee's name")
        self.replay = replay.fork()
        self.index: LogIndex = replay.index
        self.twin: TwinState = self.replay.twin
        self.policy = get_policy(policy)
        self.debrief = Debrief(trainee, trainer, self.index.log.path, start, end)
        # The record up to the second before the window; what happens from ``start`` on is the session's.
        self.replay.seek_position(self.index.position(start - timedelta(seconds=1)), start)
        self.position = self.replay.position
        self.end_position = self.index.position(end)
        self._rows = self.index.row_array
        self._stages = self.index.stage_array
        reported = self.index.log.times["reported_at"]
        self._trainee_rows = (reported >= _micros(start)) & (reported < _micros(end))
        self.cases_in_window = int(np.count_nonzero(self._trainee_rows))
        self._row_of: dict[str, int] | None = None
        self.pending: DecisionPoint | None = None
        self._staged: Decision | None = None
        self._listeners: list[Callable[[Decision], None]] = []
        self.skipped = 0
        self.twin.apply_many([ClockTick(start), *shift_changes(self.twin, start, force=True)], on_error=self._skip)
        self.twin.authorizer = self._check
        self._unsubscribe = self.twin.subscribe(self._on_applied)

    @property
    def trainee(self) -> str:
        return self.debrief.trainee

    @property
    def start(self) -> datetime:
        return self.debrief.window_start

    @property
    def end(self) -> datetime:
        return self.debrief.window_end

    @property
    def finished(self) -> bool:
        return self.pending is None and self.position >= self.end_position

    def close(self) -> None:
        """Stop listening to the session's twin."""
        self._unsubscribe()

    def on_decision(self, listener: Callable[[Decision], None]) -> Callable[[], None]:
        """Call ``listener(decision)`` after each decision is scored, whichever screen took it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    # ------------------------------------------------------------ running

    def advance(self, until: datetime | None = None) -> DecisionPoint | None:
        """Play the record up to the next decision point (returned, and held as ``pending``).

        With ``until``, play no further than that moment (a paced playback: the clock then stands
        at ``until``). Returns None when no decision came up, or at the end of the window. A pending
        decision must be taken or declined first: it is returned again.
        """
        if self.pending is not None:
            return self.pending
        limit = self.end_position if until is None else min(self.end_position, self.index.position(until))
        while self.position < limit:
            hi = min(limit, self.position + 2000)
            rows = self._rows[self.position:hi]
            stages = self._stages[self.position:hi]
            ours = self._trainee_rows[rows]
            stops = np.flatnonzero(ours & ((stages == Stage.REPORTED) | (stages == Stage.RESOLVE_OVERDUE)))
            stop = self.position + int(stops[0]) + 1 if stops.size else hi
            events = self.index.events(self.position, stop)
            held = ours[: stop - self.position] & np.isin(stages[: stop - self.position], _HELD_BACK)
            played = [e for e, h in zip(events, held) if not h]
            if played:
                played += shift_changes(self.twin, played[-1].at)
            self.twin.apply_many(played, on_error=self._skip)
            self.position = stop
            if stops.size:
                self.pending = self._point(events[-1])
                if self.pending is not None:
                    return self.pending
        if until is not None and self.position < self.end_position and (self.twin.now is None or until > self.twin.now):
            self.twin.apply_many([ClockTick(until), *shift_changes(self.twin, until)], on_error=self._skip)
        return None

    def _point(self, event: Event) -> DecisionPoint | None:
        """The decision the event (a report or a resolve-overdue mark) asks of the trainee, if any."""
        case = self.twin.cases.get(getattr(event, "case_id", ""))
        if case is None:
            return None
        if isinstance(event, CaseReported):
            return DecisionPoint(TRIAGE, case.id, event.at)
        if isinstance(event, CaseOverdue) and case.status.open and case.owner_level.above() is not None:
            return DecisionPoint(ESCALATE, case.id, event.at)
        return None

    def _skip(self, event, error: TwinError) -> None:
        self.skipped += 1

    # ------------------------------------------------------------ the trainee's commands

    def _check(self, twin: TwinState, event: Event) -> None:
        """The authorizer of the session's twin: only the pending decision, by the trainee.

        It also scores the decision against the state before it is applied; the score is recorded
        only once the twin has applied the command (:meth:`_on_applied`).
        """
        self._staged = None
        if isinstance(event, AlarmAcknowledged):
            return
        point = self.pending
        kind = _DECISION_OF.get(type(event))
        if point is None:
            raise TwinError("training: no decision is pending; play on to the next case")
        if kind != point.kind or getattr(event, "case_id", None) != point.case_id:
            raise TwinError(f"training: the session waits for {point.kind} of case {point.case_id}")
        if getattr(event, "actor", "") != self.trainee:
            raise TwinError(f"training: only the trainee {self.trainee} decides here")
        if isinstance(event, CaseTriaged):
            self._staged = self._score_triage(point, event)
        elif isinstance(event, CaseDispatched):
            self._staged = self._score_dispatch(point, event)
        elif isinstance(event, CaseEscalated):
            self._staged = self._score_escalate(point, event)

    def _on_applied(self, events: list[Event]) -> None:
        staged = self._staged
        if staged is None:
            return
        for event in events:
            if _DECISION_OF.get(type(event)) == staged.kind and getattr(event, "case_id", None) == staged.case_id:
                self._staged = None
                self.pending = DecisionPoint(DISPATCH, staged.case_id, event.at) if staged.kind == TRIAGE else None
                self._record(staged)
                return

    def triage(self, case_id: str, risk: RiskLevel, owner_level: OwnerLevel,
               category: str | None = None, at: datetime | None = None) -> Decision:
        """Triage the pending case; a dispatch decision for it is then pending at once."""
        case = self.twin.case(case_id)
        self.twin.triage(case_id, category or case.category, risk, owner_level, self.trainee, at=at)
        return self.debrief.decisions[-1]

    def dispatch(self, case_id: str, staff_id: str, at: datetime | None = None) -> Decision:
        """Dispatch the pending case to ``staff_id``; scored against the SLA and the best free choice."""
        recommender.dispatch(self.twin, case_id, staff_id, self.trainee, at=at)
        return self.debrief.decisions[-1]

    def escalate(self, case_id: str, reason: str, at: datetime | None = None) -> Decision:
        """Escalate the pending overdue case one level up."""
        self.twin.escalate(case_id, self.trainee, reason, at=at)
        return self.debrief.decisions[-1]

    def decline(self, note: str = "") -> Decision:
        """Let the pending decision pass (scores 0); a declined triage also drops its dispatch."""
        point = self.pending
        if point is None:
            raise TwinError("training: no decision is pending")
        self.pending = None
        return self._record(Decision(point.kind, point.case_id, point.at, point.at, {"declined": True},
                                     self._recorded(point), self._best(point), 0.0, 0.0, note))

    def _best(self, point: DecisionPoint) -> dict[str, Any]:
        """The best choice at a decision the trainee let pass, as a decision taken would show it."""
        case = self.twin.cases[point.case_id]
        if point.kind == TRIAGE:
            risk = RiskLevel(self._recorded(point)["risk"])
            return {"risk": risk.value, "owner_level": risk.default_owner.value}
        if point.kind == DISPATCH:
            need = case_need(self.twin, case)
            best = best_choice(self.policy, need, free_candidates(self.twin, need))
            return {"assignee": best.staff_id, "eta_minutes": round(best.eta_minutes, 1)} if best else {}
        above = case.owner_level.above()
        return {"to_level": above.value} if above is not None else {}

    def finish(self) -> Debrief:
        """End the session now: a pending decision and the cases still to come count as let pass."""
        if self.pending is not None:
            self.decline("session ended")
        self.position = self.end_position
        return self.debrief

    # ------------------------------------------------------------ scoring against the state

    def _score_triage(self, point: DecisionPoint, event: CaseTriaged) -> Decision:
        recorded = self._recorded(point)
        recorded_risk = RiskLevel(recorded["risk"])
        return Decision(
            TRIAGE, point.case_id, point.at, event.at,
            {"risk": event.risk.value, "owner_level": event.owner_level.value},
            recorded,
            {"risk": recorded_risk.value, "owner_level": recorded_risk.default_owner.value},
            0.0, triage_score(event.risk, event.owner_level, recorded_risk),
        )

    def _score_dispatch(self, point: DecisionPoint, event: CaseDispatched) -> Decision:
        case = self.twin.cases[point.case_id]
        need = case_need(self.twin, case)
        everyone = free_candidates(self.twin, need)
        chosen = next((c for c in everyone if c.staff_id == event.assignee), None)
        if chosen is None:
            raise TwinError(f"case {case.id}: unknown assignee {event.assignee!r}")
        chosen_eta = eta_minutes(chosen, need)
        best = best_choice(self.policy, need, everyone)
        recorded = self._recorded(point)
        recorded_id = recorded.get("assignee")
        if recorded_id in self.twin.staff:
            recorded["eta_minutes"] = round(recommender.arrival_minutes(self.twin, case, recorded_id), 1)
        sla, choice = dispatch_score(
            response_minutes=(event.at - case.reported_at).total_seconds() / 60 + chosen_eta,
            chosen_eta=chosen_eta,
            best_eta=best.eta_minutes if best else None,
            chosen_qualified=qualified(dataclasses.replace(chosen, available=True), need),
        )
        return Decision(
            DISPATCH, case.id, point.at, event.at,
            {"assignee": event.assignee, "eta_minutes": round(chosen_eta, 1)},
            recorded,
            {"assignee": best.staff_id, "eta_minutes": round(best.eta_minutes, 1)} if best else {},
            sla, choice,
        )

    def _score_escalate(self, point: DecisionPoint, event: CaseEscalated) -> Decision:
        return Decision(
            ESCALATE, point.case_id, point.at, event.at, {"to_level": event.to_level.value},
            self._recorded(point), {"to_level": event.to_level.value},
            escalate_score(event.at - point.at), 0.0,
        )

    def _recorded(self, point: DecisionPoint) -> dict[str, Any]:
        """What the record did at this decision."""
        row = self._row(point.case_id)
        log = self.index.log
        if point.kind == TRIAGE:
            return {"risk": log.value("risk_level", row), "at": self._recorded_time(point.case_id, "triaged_at")}
        if point.kind == DISPATCH:
            return {"assignee": log.value("assignee", row), "at": self._recorded_time(point.case_id, "dispatched_at")}
        return {"escalations": int(log.escalations[row])}

    def _record(self, decision: Decision) -> Decision:
        self.debrief.decisions.append(decision)
        for listener in list(self._listeners):
            listener(decision)
        return decision

    def _row(self, case_id: str) -> int:
        if self._row_of is None:
            self._row_of = {c: i for i, c in enumerate(self.index.log.case_ids.to_pylist())}
        return self._row_of[case_id]

    def _recorded_time(self, case_id: str, column: str) -> str | None:
        micros = int(self.index.log.times[column][self._row(case_id)])
        if micros == NULL_TIME:
            return None
        return (EPOCH + timedelta(microseconds=micros)).isoformat()


_DECISION_OF: dict[type[Event], str] = {CaseTriaged: TRIAGE, CaseDispatched: DISPATCH, CaseEscalated: ESCALATE}
"""The decision each trainee command answers."""


# ---------------------------------------------------------------- scoring (pure functions)


def triage_score(risk: RiskLevel, owner_level: OwnerLevel, recorded: RiskLevel) -> float:
    """Risk agreement (70 equal / 35 one level above / 0) + 30 if the owner is the risk's default."""
    if risk is recorded:
        points = 70.0
    elif risk.rank == recorded.rank + 1:
        points = 35.0
    else:
        points = 0.0
    return points + (30.0 if owner_level is risk.default_owner else 0.0)


def dispatch_score(response_minutes: float, chosen_eta: float, best_eta: float | None,
                   chosen_qualified: bool) -> tuple[float, float]:
    """(SLA part, choice part), each 0-50; see the module docstring."""
    target = RESPONSE_TARGET.total_seconds() / 60
    sla = 50.0 if response_minutes <= target else 0.0
    if not chosen_qualified:
        return sla, 0.0
    if best_eta is None or chosen_eta <= 0 or best_eta >= chosen_eta:
        return sla, 50.0
    return sla, 50.0 * best_eta / chosen_eta


def escalate_score(delay: timedelta) -> float:
    """100 if escalated within :data:`ESCALATE_WITHIN` of the deadline, else 0."""
    return 100.0 if delay <= ESCALATE_WITHIN else 0.0


def free_candidates(twin: TwinState, need: CaseNeed) -> list[Candidate]:
    """Every staff member as a dispatch candidate for ``need`` (travel by road), as the operator's list sees them.

    Available means on duty and without an open case: the session keeps the roster's shifts.
    """
    return recommender.candidates(twin, need)


def best_choice(policy, need, candidates: list[Candidate]):
    """The policy's first pick among free qualified people, else the nearest free department team."""
    return policy.best(need, candidates) or next(iter(rank_departments(need, candidates)), None)


# ---------------------------------------------------------------- helpers


def _micros(at: datetime) -> int:
    return (at - EPOCH) // timedelta(microseconds=1)


def _flat(data: dict[str, Any]) -> str:
    return "; ".join(f"{k}={v}" for k, v in data.items())


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("_") or "trainee"


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value
