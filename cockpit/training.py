"""Training mode: a trainee takes the decisions of a past window of history, and is scored.

The trainer picks a window of an incident log and a trainee. The replay runs the record, but for
every case reported in the window the record's own triage, dispatch and escalations are held back:
the replay pauses at each *decision point* — a new case to triage, a triaged case to dispatch, an
overdue case to escalate — and the trainee acts through the normal twin commands. Each decision is
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
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import numpy as np
import platformdirs

from cockpit.dispatch import Candidate, eta_minutes, get_policy, qualified, rank_departments
from cockpit.recommender import candidate, case_need
from cockpit.replay.index import EPOCH, LogIndex, Stage
from cockpit.replay.loader import NULL_TIME
from cockpit.replay.seek import Replay
from cockpit.twin import TwinError, TwinState
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel
from cockpit.vocabulary.events import CaseOverdue, CaseReported, Event
from cockpit.vocabulary.targets import RESPONSE_TARGET

APP_NAME = "street-cockpit"
ESCALATE_WITHIN = timedelta(minutes=30)
"""An overdue case escalated within this of its deadline meets the SLA."""

TRIAGE, DISPATCH, ESCALATE = "triage", "dispatch", "escalate"
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

    Owns the decision timeline. Drives ``replay.twin`` directly from ``start`` (the replay must not be
    seeked while the session runs: the twin then holds the trainee's world, not the record's).

    Parameters
    ----------
    replay
        A replay of an incident log (:class:`~cockpit.replay.index.LogIndex`).
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
        self.replay = replay
        self.index: LogIndex = replay.index
        self.twin: TwinState = replay.twin
        self.policy = get_policy(policy)
        self.debrief = Debrief(trainee, trainer, self.index.log.path, start, end)
        replay.seek(start)
        self.position = replay.position
        self.end_position = self.index.position(end)
        self._rows = self.index.row_array
        self._stages = self.index.stage_array
        reported = self.index.log.times["reported_at"]
        self._trainee_rows = (reported >= _micros(start)) & (reported < _micros(end))
        self._row_of: dict[str, int] | None = None
        self.pending: DecisionPoint | None = None
        self.skipped = 0

    @property
    def trainee(self) -> str:
        return self.debrief.trainee

    @property
    def finished(self) -> bool:
        return self.pending is None and self.position >= self.end_position

    # ------------------------------------------------------------ running

    def advance(self) -> DecisionPoint | None:
        """Play the record up to the next decision point (returned, and held as ``pending``).

        Returns None at the end of the window. A pending decision must be taken or declined first.
        """
        if self.pending is not None:
            return self.pending
        while self.position < self.end_position:
            hi = min(self.end_position, self.position + 2000)
            rows = self._rows[self.position:hi]
            stages = self._stages[self.position:hi]
            ours = self._trainee_rows[rows]
            stops = np.flatnonzero(ours & ((stages == Stage.REPORTED) | (stages == Stage.RESOLVE_OVERDUE)))
            stop = self.position + int(stops[0]) + 1 if stops.size else hi
            events = self.index.events(self.position, stop)
            held = ours[: stop - self.position] & np.isin(stages[: stop - self.position], _HELD_BACK)
            self.twin.apply_many([e for e, h in zip(events, held) if not h], on_error=self._skip)
            self.position = stop
            if stops.size:
                self.pending = self._point(events[-1])
                if self.pending is not None:
                    return self.pending
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

    def _take(self, kind: str, case_id: str) -> DecisionPoint:
        point = self.pending
        if point is None or point.kind != kind or point.case_id != case_id:
            expected = f"{point.kind} {point.case_id}" if point else "nothing"
            raise TwinError(f"the session waits for {expected}, not {kind} {case_id}")
        self.pending = None
        return point

    # ------------------------------------------------------------ decisions

    def triage(self, case_id: str, risk: RiskLevel, owner_level: OwnerLevel,
               category: str | None = None, at: datetime | None = None) -> Decision:
        """Triage the pending case; a dispatch decision for it is then pending at once."""
        point = self._take(TRIAGE, case_id)
        case = self.twin.cases[case_id]
        when = at or point.at
        self.twin.triage(case_id, category or case.category, risk, owner_level, self.trainee, at=when)
        recorded_risk = RiskLevel(self.index.log.value("risk_level", self._row(case_id)))
        decision = Decision(
            TRIAGE, case_id, point.at, when,
            {"risk": risk.value, "owner_level": owner_level.value},
            {"risk": recorded_risk.value, "at": self._recorded_time(case_id, "triaged_at")},
            {"risk": recorded_risk.value, "owner_level": risk.default_owner.value},
            0.0, triage_score(risk, owner_level, recorded_risk),
        )
        self.pending = DecisionPoint(DISPATCH, case_id, when)
        return self._record(decision)

    def dispatch(self, case_id: str, staff_id: str, at: datetime | None = None) -> Decision:
        """Dispatch the pending case to ``staff_id``; scored against the SLA and the best free choice."""
        point = self._take(DISPATCH, case_id)
        when = at or point.at
        case = self.twin.cases[case_id]
        need = case_need(self.twin, case)
        candidates = free_candidates(self.twin, when)
        chosen = next(c for c in candidates if c.staff_id == staff_id) if staff_id in self.twin.staff else None
        if chosen is None:
            self.pending = point
            raise TwinError(f"case {case_id}: unknown assignee {staff_id!r}")
        best = best_choice(self.policy, need, candidates)
        chosen_eta = eta_minutes(chosen, need)
        self.twin.dispatch(case_id, staff_id, self.trainee, at=when, eta_minutes=chosen_eta)
        recorded_id = self.index.log.value("assignee", self._row(case_id))
        recorded = {"assignee": recorded_id, "at": self._recorded_time(case_id, "dispatched_at")}
        if recorded_id in self.twin.staff:
            recorded["eta_minutes"] = round(eta_minutes(candidate(self.twin.staff[recorded_id]), need), 1)
        sla, choice = dispatch_score(
            response_minutes=(when - case.reported_at).total_seconds() / 60 + chosen_eta,
            chosen_eta=chosen_eta,
            best_eta=best.eta_minutes if best else None,
            chosen_qualified=qualified(dataclasses.replace(chosen, available=True), need),
        )
        decision = Decision(
            DISPATCH, case_id, point.at, when,
            {"assignee": staff_id, "eta_minutes": round(chosen_eta, 1)},
            recorded,
            {"assignee": best.staff_id, "eta_minutes": round(best.eta_minutes, 1)} if best else {},
            sla, choice,
        )
        return self._record(decision)

    def escalate(self, case_id: str, reason: str, at: datetime | None = None) -> Decision:
        """Escalate the pending overdue case one level up."""
        point = self._take(ESCALATE, case_id)
        when = at or point.at
        case = self.twin.cases[case_id]
        to_level = case.owner_level.above()
        self.twin.escalate(case_id, self.trainee, reason, at=when)
        decision = Decision(
            ESCALATE, case_id, point.at, when, {"to_level": to_level.value if to_level else None},
            {"escalations": int(self.index.log.escalations[self._row(case_id)])},
            {"to_level": to_level.value if to_level else None},
            escalate_score(when - point.at), 0.0,
        )
        return self._record(decision)

    def decline(self, note: str = "") -> Decision:
        """Let the pending decision pass (scores 0); a declined triage also drops its dispatch."""
        point = self.pending
        if point is None:
            raise TwinError("no decision is pending")
        self.pending = None
        return self._record(Decision(point.kind, point.case_id, point.at, point.at, {"declined": True},
                                     {}, {}, 0.0, 0.0, note))

    def _record(self, decision: Decision) -> Decision:
        self.debrief.decisions.append(decision)
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


def free_candidates(twin: TwinState, at: datetime) -> list[Candidate]:
    """Every staff member as a dispatch candidate, available when on shift at ``at`` and without open cases.

    A replayed log carries no staff status, so "free" is judged from the roster and the assignments.
    """
    out = []
    for staff in twin.staff.values():
        free = twin.on_shift(staff, at) and not staff.cases
        out.append(dataclasses.replace(candidate(staff), available=free))
    return out


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
