"""Hypothesis state machine over the case life cycle: random interleavings of every action.

The oracle below is written from DESIGN.md 1.3, independently of cockpit/vocabulary/lifecycle.py: it says for
each action which statuses allow it and what status follows. The twin must accept exactly those,
refuse the rest without changing anything, record each transition once and keep its SLA clocks.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, rule

from cockpit.sla import live_derivers
from cockpit.twin import TwinError, TwinState
from cockpit.vocabulary.domain import CaseStatus, OwnerLevel, RiskLevel, Source, StaffStatus
from cockpit.vocabulary.events import CaseReported, StaffStatusChanged

OPEN = {"reported", "triaged", "dispatched", "accepted", "on_scene"}
ORACLE = {
    "triage": ({"reported", "triaged"}, "triaged"),
    "dispatch": ({"triaged", "dispatched", "accepted"}, "dispatched"),
    "accept": ({"dispatched"}, "accepted"),
    "arrive": ({"accepted"}, "on_scene"),
    "resolve": ({"accepted", "on_scene"}, "resolved"),
    "feedback": ({"resolved"}, "feedback"),
    "close": ({"resolved", "feedback"}, "closed"),
    "reopen": ({"resolved", "feedback"}, "triaged"),
    "merge": ({"reported", "triaged"}, "merged"),
    "reject": ({"reported", "triaged"}, "rejected"),
    "escalate": (OPEN, None),
}
T0 = datetime(2026, 11, 24, 0, 0, tzinfo=timezone.utc)


class CaseLifeCycle(RuleBasedStateMachine):
    cases = Bundle("cases")

    @initialize()
    def setup(self) -> None:
        from tests.core.tiny import tiny_street

        self.street = tiny_street()
        self.twin = TwinState(self.street, derivers=live_derivers())
        self.now = T0
        self.expected_history: dict[str, int] = {}
        self.counter = 0
        for staff in self.street.staff:
            self.twin.apply(StaffStatusChanged(T0, staff.id, StaffStatus.AVAILABLE))

    def _advance(self, minutes: int) -> datetime:
        self.now += timedelta(minutes=minutes)
        return self.now

    @rule(target=cases, risk=st.sampled_from(list(RiskLevel)), minutes=st.integers(0, 90))
    def report(self, risk: RiskLevel, minutes: int) -> str:
        self.counter += 1
        case_id = f"K{self.counter:04d}"
        micro = self.street.micro_grids[self.counter % len(self.street.micro_grids)]
        self.twin.apply(
            CaseReported(self._advance(minutes), case_id, "property_maintenance", Source.RESIDENT,
                         104.05, 30.6, micro.id, micro.general_grid_id, micro.community_id, risk)
        )
        self.expected_history[case_id] = 1
        return case_id

    def _attempt(self, action: str, case_id: str, call) -> None:
        case = self.twin.cases[case_id]
        before_status, before_len = case.status.value, len(case.history)
        allowed_from, after = ORACLE[action]
        allowed = before_status in allowed_from
        if action == "escalate":
            allowed = allowed and case.owner_level is not OwnerLevel.STREET
        if action == "dispatch" and case.assignee is not None and before_status in ("dispatched", "accepted"):
            allowed = allowed and any(s.id != case.assignee for s in self.street.staff)
        try:
            call()
        except TwinError:
            assert not allowed, f"{action} refused from {before_status}"
            assert case.status.value == before_status
            assert len(case.history) == before_len
            return
        assert allowed, f"{action} accepted from {before_status}"
        if after is not None:
            assert case.status.value == after
        self.expected_history[case_id] += 1

    @rule(case_id=cases, risk=st.sampled_from(list(RiskLevel)), minutes=st.integers(0, 300))
    def triage(self, case_id: str, risk: RiskLevel, minutes: int) -> None:
        at = self._advance(minutes)
        self._attempt("triage", case_id, lambda: self.twin.triage(
            case_id, "property_maintenance", risk, risk.default_owner, "op", at))

    @rule(case_id=cases, pick=st.integers(0, 100), minutes=st.integers(0, 60))
    def dispatch(self, case_id: str, pick: int, minutes: int) -> None:
        at = self._advance(minutes)
        case = self.twin.cases[case_id]
        people = [s.id for s in self.street.staff if s.id != case.assignee] or [self.street.staff[0].id]
        self._attempt("dispatch", case_id, lambda: self.twin.dispatch(
            case_id, people[pick % len(people)], "op", "reassign", at))

    @rule(case_id=cases, minutes=st.integers(0, 200))
    def accept(self, case_id: str, minutes: int) -> None:
        at = self._advance(minutes)
        self._attempt("accept", case_id, lambda: self.twin.accept(case_id, "w", at))

    @rule(case_id=cases, minutes=st.integers(0, 60))
    def arrive(self, case_id: str, minutes: int) -> None:
        at = self._advance(minutes)
        self._attempt("arrive", case_id, lambda: self.twin.arrive(case_id, "w", at))

    @rule(case_id=cases, minutes=st.integers(0, 600))
    def resolve(self, case_id: str, minutes: int) -> None:
        at = self._advance(minutes)
        self._attempt("resolve", case_id, lambda: self.twin.resolve(case_id, "w", "done", at))

    @rule(case_id=cases, rating=st.integers(1, 5))
    def feedback(self, case_id: str, rating: int) -> None:
        at = self._advance(1)
        self._attempt("feedback", case_id, lambda: self.twin.feedback(case_id, rating, rating >= 3, "r", at))

    @rule(case_id=cases)
    def close(self, case_id: str) -> None:
        at = self._advance(1)
        self._attempt("close", case_id, lambda: self.twin.close(case_id, "op", "no reply in 7 days", at))

    @rule(case_id=cases)
    def reopen(self, case_id: str) -> None:
        at = self._advance(1)
        self._attempt("reopen", case_id, lambda: self.twin.reopen(case_id, "op", "not fixed", at))

    @rule(case_id=cases)
    def reject(self, case_id: str) -> None:
        at = self._advance(1)
        self._attempt("reject", case_id, lambda: self.twin.reject(case_id, "op", "not a case", at))

    @rule(case_id=cases)
    def escalate(self, case_id: str) -> None:
        at = self._advance(1)
        self._attempt("escalate", case_id, lambda: self.twin.escalate(case_id, "op", "needs departments", at))

    @rule(case_id=cases, other=cases)
    def merge(self, case_id: str, other: str) -> None:
        at = self._advance(1)
        target = self.twin.cases[other]
        if other == case_id or target.status.terminal:
            case = self.twin.cases[case_id]
            before = (case.status, len(case.history))
            try:
                self.twin.merge(case_id, other, "op", "duplicate", at)
            except TwinError:
                assert (case.status, len(case.history)) == before
                return
            raise AssertionError("merge into itself or a finished case was accepted")
        self._attempt("merge", case_id, lambda: self.twin.merge(case_id, other, "op", "duplicate", at))

    @rule(hours=st.integers(1, 30))
    def tick(self, hours: int) -> None:
        at = self._advance(hours * 60)
        for event in self.twin.tick(at):
            case_id = getattr(event, "case_id", None)
            if case_id in self.expected_history and type(event).__name__.startswith("Case"):
                self.expected_history[case_id] += 1

    @invariant()
    def every_transition_recorded_once(self) -> None:
        for case_id, expected in getattr(self, "expected_history", {}).items():
            assert len(self.twin.cases[case_id].history) == expected

    @invariant()
    def statuses_and_clocks_consistent(self) -> None:
        if not hasattr(self, "twin"):
            return
        now = self.twin.now
        for case in self.twin.cases.values():
            assert case.status in CaseStatus
            assert case.resolve_due == case.reported_at + case.risk.resolve_within
            assert case.response_due == case.reported_at + timedelta(hours=2)
            assert case.overdue(now) == (
                (case.status.open and now > case.resolve_due)
                or (not case.status.open and case.resolved_at is not None and case.resolved_at > case.resolve_due)
            )
            assert case.history[-1].to_status is case.status
            if case.status is CaseStatus.MERGED:
                assert case.id in self.twin.cases[case.merged_into].duplicates

    @invariant()
    def workload_matches_assignments(self) -> None:
        if not hasattr(self, "twin"):
            return
        assigned: dict[str, set[str]] = {}
        for case in self.twin.cases.values():
            if case.assignee is not None and case.status in (
                CaseStatus.DISPATCHED, CaseStatus.ACCEPTED, CaseStatus.ON_SCENE
            ):
                assigned.setdefault(case.assignee, set()).add(case.id)
        for staff in self.twin.staff.values():
            assert staff.cases == assigned.get(staff.id, set())


CaseLifeCycle.TestCase.settings = settings(max_examples=150, stateful_step_count=40, deadline=None)
TestCaseLifeCycle = CaseLifeCycle.TestCase
