"""Log rows → the typed events of each case's life, and a twin fed by them reproducing the log."""

from __future__ import annotations

import pandas as pd

from cockpit.history.format import normalise_log
from cockpit.history.generator import generate_history
from cockpit.history.to_events import NO_FEEDBACK_REASON, case_events, log_to_events
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel, Source
from cockpit.vocabulary.events import (
    CaseAccepted,
    CaseClosed,
    CaseDispatched,
    CaseEscalated,
    CaseFeedback,
    CaseOnScene,
    CaseReopened,
    CaseReported,
    CaseResolved,
    CaseTriaged,
)
from tests.core.history_rows import at, frame, row


def _kinds(events) -> list[str]:
    return [type(e).__name__ for e in events]


def test_a_full_loop_gives_one_event_per_step_at_its_time():
    events = case_events(normalise_log(frame(row("A"))), 0)
    assert _kinds(events) == ["CaseReported", "CaseTriaged", "CaseDispatched", "CaseAccepted", "CaseOnScene",
                              "CaseResolved", "CaseFeedback", "CaseClosed"]
    assert [e.at for e in events] == [at(h) for h in (0, 0.1, 0.2, 0.5, 1.0, 2.0, 3.0, 3.0)]
    reported, triaged, dispatched = events[:3]
    assert reported == CaseReported(at(0), "A", "waste_sanitation", Source.PATROL, 104.0526, 30.6022,
                                    "C01-G01-M01", "C01-G01", "C01", risk=RiskLevel.BLUE)
    assert triaged.owner_level is OwnerLevel.GRID and triaged.risk is RiskLevel.BLUE
    assert dispatched == CaseDispatched(at(0.2), "A", "GW-C01-G01")
    assert events[6] == CaseFeedback(at(3.0), "A", 5, True, "resident")
    assert events[7].reason == ""


def test_unrated_cases_close_with_a_reason_and_open_cases_stop_early():
    df = normalise_log(frame(
        row("A", satisfaction=None, on_scene_at=None),
        row("B", accepted_at=None, on_scene_at=None, resolved_at=None, closed_at=None, satisfaction=None),
    ))
    a = case_events(df, 0)
    assert _kinds(a)[-2:] == ["CaseResolved", "CaseClosed"]
    assert a[-1].reason == NO_FEEDBACK_REASON
    assert _kinds(case_events(df, 1)) == ["CaseReported", "CaseTriaged", "CaseDispatched"]


def test_escalation_is_placed_when_the_deadline_passed_and_triage_starts_one_level_lower():
    df = normalise_log(frame(row("A", owner_level="community", escalations=1, resolved_at=30, closed_at=31)))
    events = case_events(df, 0)
    assert _kinds(events) == ["CaseReported", "CaseTriaged", "CaseDispatched", "CaseAccepted", "CaseOnScene",
                              "CaseEscalated", "CaseResolved", "CaseFeedback", "CaseClosed"]
    escalated = events[5]
    assert escalated == CaseEscalated(at(24), "A", OwnerLevel.COMMUNITY, "system", "resolve deadline passed", True)
    assert events[1].owner_level is OwnerLevel.GRID


def test_an_escalation_before_the_deadline_was_manual_and_goes_just_before_resolution():
    df = normalise_log(frame(row("A", owner_level="community", escalations=1)))
    events = case_events(df, 0)
    assert _kinds(events)[5:7] == ["CaseEscalated", "CaseResolved"]
    assert events[5].at == at(2.0) and not events[5].automatic and events[5].reason


def test_a_reopened_case_is_resolved_reopened_and_handled_again():
    df = normalise_log(frame(row("A", reopened=1, first_resolved_at=1.5, reopened_at=6.0, resolved_at=8.0,
                                 closed_at=9.0, satisfaction=3)))
    events = case_events(df, 0)
    assert _kinds(events) == ["CaseReported", "CaseTriaged", "CaseDispatched", "CaseAccepted", "CaseOnScene",
                              "CaseResolved", "CaseReopened", "CaseTriaged", "CaseDispatched", "CaseAccepted",
                              "CaseResolved", "CaseFeedback", "CaseClosed"]
    assert events[5].at == at(1.5) and events[6].at == at(6.0) and events[10].at == at(8.0)
    assert events[8].assignee == "GW-C01-G01" and events[11].rating == 3


def test_all_events_come_in_time_order_with_rows_breaking_ties():
    later = {"reported_at": 1.0, "triaged_at": 1.1, "dispatched_at": 1.2, "accepted_at": 1.5,
             "on_scene_at": 2.0, "resolved_at": 3.0, "closed_at": 4.0}
    df = normalise_log(frame(row("A", **later), row("B"), row("C")))
    events = log_to_events(df)
    times = [e.at for e in events]
    assert times == sorted(times)
    assert [e.case_id for e in events[:2]] == ["B", "C"]  # both at 0 h, in row order
    assert events[2].case_id == "B" and isinstance(events[2], CaseTriaged)
    assert log_to_events(df) == events


def test_a_twin_fed_the_events_of_a_generated_log_reproduces_it(tiny_street):
    df = generate_history(tiny_street, days=21, seed=4)
    twin = TwinState(tiny_street)
    for event in log_to_events(df):
        twin.apply(event)
    got = twin.cases_frame().set_index("case_id").loc[df["case_id"]]
    want = df.set_index("case_id")
    for column in ("risk_level", "owner_level", "assignee", "escalations", "reopened", "satisfaction"):
        assert got[column].astype(object).where(got[column].notna(), None).tolist() == \
            want[column].astype(object).where(want[column].notna(), None).tolist(), column
    for column in ("triaged_at", "dispatched_at", "accepted_at", "on_scene_at", "first_resolved_at",
                   "reopened_at", "resolved_at", "closed_at"):
        pd.testing.assert_series_equal(got[column].astype("datetime64[us, UTC]"), want[column],
                                       check_names=False, check_index_type=False, obj=column)
    open_in_log = want["resolved_at"].isna()
    assert (got.loc[open_in_log, "status"].isin(["reported", "triaged", "dispatched", "accepted",
                                                 "on_scene"])).all()
    assert len(got) == len(df) and (want["escalations"] > 0).any() and (want["reopened"] > 0).any()


def test_every_kind_of_case_event_is_produced(tiny_street):
    kinds = set(_kinds(log_to_events(generate_history(tiny_street, days=21, seed=4))))
    assert {c.__name__ for c in (CaseReported, CaseTriaged, CaseDispatched, CaseAccepted, CaseOnScene,
                                 CaseResolved, CaseFeedback, CaseClosed, CaseEscalated, CaseReopened)} <= kinds
