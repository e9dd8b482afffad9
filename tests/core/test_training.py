"""Training mode: decision points from the record, scores by hand, the debrief saved and exported."""

from __future__ import annotations

import csv
from datetime import timedelta

import pandas as pd
import pytest

from cockpit.history.format import write_log
from cockpit.replay.cli import open_replay
from cockpit.training import (
    DISPATCH,
    ESCALATE,
    TRIAGE,
    Debrief,
    TrainingSession,
    dispatch_score,
    escalate_score,
    saved_debriefs,
    triage_score,
)
from cockpit.twin import TwinError
from cockpit.vocabulary.domain import CaseStatus, OwnerLevel, RiskLevel
from tests.core.tiny import centre, tiny_street

T = pd.Timestamp


# ---------------------------------------------------------------- pure scores


@pytest.mark.parametrize(
    ("risk", "owner", "recorded", "expected"),
    [
        (RiskLevel.RED, OwnerLevel.STREET, RiskLevel.RED, 100.0),  # 70 + 30
        (RiskLevel.YELLOW, OwnerLevel.COMMUNITY, RiskLevel.BLUE, 65.0),  # one level above: 35 + 30
        (RiskLevel.RED, OwnerLevel.GRID, RiskLevel.BLUE, 0.0),  # two above, wrong owner
        (RiskLevel.BLUE, OwnerLevel.GRID, RiskLevel.YELLOW, 30.0),  # under-rated: 0 + 30
    ],
)
def test_triage_score(risk, owner, recorded, expected) -> None:
    assert triage_score(risk, owner, recorded) == expected


def test_dispatch_score_by_hand() -> None:
    # 100 min to arrive (<= 120) and an ETA of 10 min where 4 was possible: 50 + 50 * 4 / 10.
    assert dispatch_score(100.0, 10.0, 4.0, True) == (50.0, 20.0)
    assert dispatch_score(121.0, 4.0, 4.0, True) == (0.0, 50.0)
    assert dispatch_score(30.0, 6.0, None, True) == (50.0, 50.0)  # nobody better was free
    assert dispatch_score(30.0, 2.0, 4.0, False) == (50.0, 0.0)  # lacks the needed skill


def test_escalate_score() -> None:
    assert escalate_score(timedelta(minutes=30)) == 100.0
    assert escalate_score(timedelta(minutes=31)) == 0.0


# ---------------------------------------------------------------- a session on a hand-made log


def row(case_id: str, reported: str, cell: tuple[float, float], micro: str, **times) -> dict:
    lon, lat = centre(*cell)
    out = {"case_id": case_id, "reported_at": T(reported), "category": "neighbour_dispute",
           "risk_level": "blue", "source": "resident", "community": micro[:3], "general_grid": micro[:7],
           "micro_grid": micro, "lon": lon, "lat": lat, "assignee": times.pop("assignee", None),
           "owner_level": "grid", "escalations": 0, "satisfaction": times.pop("satisfaction", None),
           "reopened": 0}
    for column in ("triaged_at", "dispatched_at", "accepted_at", "on_scene_at", "resolved_at", "closed_at"):
        out[column] = T(times[column]) if column in times else pd.NaT
    return out


@pytest.fixture()
def replay(tmp_path):
    rows = [
        # B: blue in C02-G01-M01, accepted by its grid worker and never resolved (overdue next day 09:00).
        row("B", "2026-10-01T09:00+08:00", (2, 0), "C02-G01-M01", triaged_at="2026-10-01T09:05+08:00",
            dispatched_at="2026-10-01T09:10+08:00", accepted_at="2026-10-01T09:30+08:00",
            assignee="GW-C02-G01"),
        # A: blue in C01-G01-M01; the record sent GW-C01-G02, resolved and closed it.
        row("A", "2026-10-01T10:00+08:00", (0, 0), "C01-G01-M01", triaged_at="2026-10-01T10:05+08:00",
            dispatched_at="2026-10-01T10:10+08:00", accepted_at="2026-10-01T10:30+08:00",
            resolved_at="2026-10-01T12:00+08:00", closed_at="2026-10-01T13:00+08:00",
            assignee="GW-C01-G02", satisfaction=4),
    ]
    frame = pd.DataFrame(rows)
    for column in ("triaged_at", "dispatched_at", "accepted_at", "on_scene_at", "resolved_at", "closed_at"):
        frame[column] = pd.to_datetime(frame[column], utc=True)
    path = tmp_path / "night.parquet"
    write_log(frame, path)
    return open_replay(path, tiny_street())


def test_a_session_pauses_at_each_decision_and_scores_it(replay, tmp_path) -> None:
    session = TrainingSession(replay, "张三", T("2026-10-01T08:30+08:00"), T("2026-10-02T10:00+08:00"),
                              trainer="李老师")
    point = session.advance()
    assert (point.kind, point.case_id, point.at) == (TRIAGE, "B", T("2026-10-01T09:00+08:00"))
    assert session.twin.cases["B"].status is CaseStatus.REPORTED  # the record's triage is held back
    with pytest.raises(TwinError, match="waits for triage of case B"):
        session.dispatch("B", "GW-C02-G01")
    assert session.triage("B", RiskLevel.BLUE, OwnerLevel.GRID).score == 100.0
    point = session.advance()
    assert (point.kind, point.case_id) == (DISPATCH, "B")
    b = session.dispatch("B", "GW-C02-G01")
    assert (b.sla_score, b.choice_score) == (50.0, 50.0)
    assert b.best["assignee"] == "GW-C02-G01" and b.recorded["assignee"] == "GW-C02-G01"

    point = session.advance()
    assert (point.kind, point.case_id) == (TRIAGE, "A")
    assert session.twin.cases["B"].status is CaseStatus.ACCEPTED  # the record's acceptance played on
    assert session.triage("A", RiskLevel.YELLOW, OwnerLevel.COMMUNITY).score == 65.0
    session.advance()
    a = session.dispatch("A", "GW-C01-G02")
    # GW-C01-G01 sits 250 m east of the case, GW-C01-G02 250 m east and 500 m north: both by e-bike.
    assert a.best["assignee"] == "GW-C01-G01"
    assert a.sla_score == 50.0
    assert a.choice_score == pytest.approx(50 * 250 / (250**2 + 500**2) ** 0.5, rel=0.02)

    point = session.advance()
    assert (point.kind, point.case_id, point.at) == (ESCALATE, "B", T("2026-10-02T09:00+08:00"))
    assert session.escalate("B", "overdue: the street coordinates now").score == 100.0
    assert session.twin.cases["B"].owner_level is OwnerLevel.COMMUNITY
    assert session.twin.cases["A"].status is CaseStatus.CLOSED
    assert session.advance() is None and session.finished

    debrief = session.debrief
    assert [d.kind for d in debrief.decisions] == [TRIAGE, DISPATCH, TRIAGE, DISPATCH, ESCALATE]
    assert debrief.total_score == pytest.approx((100 + 100 + 65 + 50 + a.choice_score + 100) / 5)
    assert debrief.score_by_kind()[TRIAGE] == 82.5

    saved = debrief.save(tmp_path)
    assert saved_debriefs("张三", tmp_path) == [saved]
    again = Debrief.load(saved)
    assert again.rows() == debrief.rows() and again.trainer == "李老师"
    debrief.export_csv(tmp_path / "debrief.csv")
    with open(tmp_path / "debrief.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["case_id"] for r in rows] == ["B", "B", "A", "A", "B"]
    assert rows[3]["recorded"].startswith("assignee=GW-C01-G02")


def test_declining_scores_zero_and_the_window_is_checked(replay) -> None:
    session = TrainingSession(replay, "trainee", T("2026-10-01T08:30+08:00"), T("2026-10-01T09:30+08:00"))
    session.advance()
    assert session.decline("not sure").score == 0.0
    assert session.advance() is None
    with pytest.raises(ValueError, match="ends after it starts"):
        TrainingSession(replay, "x", T("2026-10-02T00:00+08:00"), T("2026-10-01T00:00+08:00"))


def test_the_session_plays_on_a_twin_of_its_own_and_the_replay_stays_read_only(replay) -> None:
    def read_only(twin, event):
        raise TwinError("this is a replay of history")

    replay.twin.authorizer = read_only
    replay.seek(T("2026-10-01T08:00+08:00"))
    session = TrainingSession(replay, "trainee", T("2026-10-01T08:30+08:00"), T("2026-10-01T11:00+08:00"))
    assert session.twin is not replay.twin
    session.advance()
    session.triage("B", RiskLevel.BLUE, OwnerLevel.GRID)
    assert session.twin.cases["B"].status is CaseStatus.TRIAGED
    assert "B" not in replay.twin.cases  # the trainer's replay did not move
    assert replay.twin.authorizer is read_only


def test_a_refused_command_uses_nothing_up(replay) -> None:
    session = TrainingSession(replay, "trainee", T("2026-10-01T08:30+08:00"), T("2026-10-01T11:00+08:00"))
    session.advance()
    session.triage("B", RiskLevel.BLUE, OwnerLevel.GRID)
    with pytest.raises(TwinError, match="unknown assignee 'NOBODY'"):
        session.dispatch("B", "NOBODY")
    with pytest.raises(TwinError, match="only the trainee"):
        session.twin.dispatch("B", "GW-C02-G01", "someone else")
    assert session.pending.kind == DISPATCH and len(session.debrief.decisions) == 1
    assert session.dispatch("B", "GW-C02-G01").kind == DISPATCH
    assert len(session.debrief.decisions) == 2


def test_the_operators_ranked_list_offers_the_people_on_duty_then(replay) -> None:
    from cockpit import recommender

    session = TrainingSession(replay, "trainee", T("2026-10-01T08:30+08:00"), T("2026-10-01T11:00+08:00"))
    session.advance()
    session.triage("B", RiskLevel.BLUE, OwnerLevel.GRID)
    ranked = [r.staff_id for r in recommender.recommend(session.twin, "B")]
    assert ranked and ranked[0] == "GW-C02-G01"


def test_paced_playback_stops_at_the_clock_and_at_each_case(replay) -> None:
    session = TrainingSession(replay, "trainee", T("2026-10-01T08:30+08:00"), T("2026-10-01T11:00+08:00"))
    assert session.advance(until=T("2026-10-01T08:50+08:00")) is None
    assert session.twin.now == T("2026-10-01T08:50+08:00") and "B" not in session.twin.cases
    point = session.advance(until=T("2026-10-01T09:30+08:00"))
    assert (point.kind, point.case_id) == (TRIAGE, "B")
    assert session.advance(until=T("2026-10-01T09:40+08:00")) is point  # waits for the trainee


def test_finishing_early_lets_the_pending_decision_pass(replay) -> None:
    session = TrainingSession(replay, "trainee", T("2026-10-01T08:30+08:00"), T("2026-10-01T11:00+08:00"))
    session.advance()
    debrief = session.finish()
    assert session.finished and [d.action for d in debrief.decisions] == [{"declined": True}]
    assert debrief.decisions[0].recorded["risk"] == "blue"
    # A decision let pass still shows what was best then (the debrief read "—" there).
    assert debrief.decisions[0].best == {"risk": "blue", "owner_level": "grid"}


def test_a_window_that_starts_on_a_report_gives_that_report_to_the_trainee(replay) -> None:
    session = TrainingSession(replay, "trainee", T("2026-10-01T09:00+08:00"), T("2026-10-01T11:00+08:00"))
    assert "B" not in session.twin.cases
    point = session.advance()
    assert (point.kind, point.case_id) == (TRIAGE, "B")
