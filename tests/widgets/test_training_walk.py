"""A trainee walks five decisions to the debrief in the training desk: the replay desk stays read-only.

The training desk is a full operator desk on the session's own twin; the trainee triages, dispatches
and escalates in the normal case panel, the training strip paces the record and says what waits, and
the debrief opens at the end, saved under the trainee's name and exported as PDF and CSV.
"""

from __future__ import annotations

import csv

import pandas as pd
from PySide6.QtCore import Qt

from cockpit.history.format import write_log
from cockpit.replay.cli import open_replay
from cockpit.training import DISPATCH, ESCALATE, TRIAGE, saved_debriefs
from cockpit.vocabulary.domain import CaseStatus, OwnerLevel, RiskLevel
from tests.core.test_training import row
from tests.core.tiny import tiny_street
from widgets.debrief import DebriefView
from widgets.replay_desk import build_replay_desk
from widgets.training_desk import TrainingDialog, _to_qt, start_training

T = pd.Timestamp


def _log(tmp_path):
    rows = [
        row("B", "2026-10-01T09:00+08:00", (2, 0), "C02-G01-M01", triaged_at="2026-10-01T09:05+08:00",
            dispatched_at="2026-10-01T09:10+08:00", accepted_at="2026-10-01T09:30+08:00", assignee="GW-C02-G01"),
        row("A", "2026-10-01T10:00+08:00", (0, 0), "C01-G01-M01", triaged_at="2026-10-01T10:05+08:00",
            dispatched_at="2026-10-01T10:10+08:00", accepted_at="2026-10-01T10:30+08:00",
            resolved_at="2026-10-01T12:00+08:00", closed_at="2026-10-01T13:00+08:00", assignee="GW-C01-G02",
            satisfaction=4),
    ]
    frame = pd.DataFrame(rows)
    for column in ("triaged_at", "dispatched_at", "accepted_at", "on_scene_at", "resolved_at", "closed_at"):
        frame[column] = pd.to_datetime(frame[column], utc=True)
    path = tmp_path / "night.parquet"
    write_log(frame, path)
    return path


def _pick(view, staff_id: str) -> None:
    for i in range(view.count()):
        if view.item(i).data(Qt.ItemDataRole.UserRole) == staff_id:
            view.setCurrentRow(i)
            return
    raise AssertionError(f"{staff_id} is not offered: {[view.item(i).text() for i in range(view.count())]}")


def test_a_trainee_walks_five_decisions_to_the_debrief(qtbot, tmp_path, monkeypatch, languages) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    replay_view = build_replay_desk(open_replay(_log(tmp_path), tiny_street()), "李老师")
    qtbot.addWidget(replay_view.desk.window)

    dialog = TrainingDialog(replay_view.player, replay_view.player.replay)
    qtbot.addWidget(dialog)
    dialog.trainee.setText("张三")
    dialog.start_edit.setDateTime(_to_qt(T("2026-10-01T08:58+08:00")))
    dialog.end_edit.setDateTime(_to_qt(T("2026-10-02T10:00+08:00")))
    dialog.speed_box.setCurrentIndex(dialog.speed_box.findData(60.0))
    training = start_training(replay_view.desk, dialog.choice(), "李老师", replay_view.player)
    desk, panel, session = training.desk, training.panel, training.session
    assert desk.window.isVisible() and "TRAINING" in desk.window.windowTitle()
    assert session.twin is not replay_view.player.replay.twin

    # 1. The record plays at 60x and stops at the first report: the case panel shows it.
    qtbot.waitUntil(lambda: session.pending is not None, timeout=10_000)
    assert (session.pending.kind, session.pending.case_id) == (TRIAGE, "B")
    assert desk.detail.case_id == "B" and "triage" in panel.prompt.text()
    detail = desk.detail
    detail.risk_combo.setCurrentIndex(detail.risk_combo.findData(RiskLevel.BLUE.value))
    detail.owner_combo.setCurrentIndex(detail.owner_combo.findData(OwnerLevel.GRID.value))
    with qtbot.waitSignal(panel.decision_made) as made:
        qtbot.mouseClick(detail.triage_button, Qt.MouseButton.LeftButton)
    assert made.args[0].score == 100.0
    # A triage is scored on its choice alone: no "SLA 0" beside a full score.
    assert "score 100 (choice 100)" in panel.result.text()

    # 2. Dispatch: the ranked list offers the people on duty then, by road; the nearest is the best.
    assert session.pending.kind == DISPATCH
    _pick(detail.recommendations, "GW-C02-G01")
    with qtbot.waitSignal(panel.decision_made) as made:
        qtbot.mouseClick(detail.dispatch_button, Qt.MouseButton.LeftButton)
    assert (made.args[0].sla_score, made.args[0].choice_score) == (50.0, 50.0)
    assert "record:" in panel.result.text()

    # A command that is not the decision waiting is refused and uses nothing up.
    assert not training.model.command(session.twin.accept, "B", "张三")
    assert len(session.debrief.decisions) == 2

    # 3-4. Skip ahead to the next case; triage one level above the record, dispatch a farther person.
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert (session.pending.kind, session.pending.case_id) == (TRIAGE, "A")
    detail.risk_combo.setCurrentIndex(detail.risk_combo.findData(RiskLevel.YELLOW.value))
    detail.owner_combo.setCurrentIndex(detail.owner_combo.findData(OwnerLevel.COMMUNITY.value))
    qtbot.mouseClick(detail.triage_button, Qt.MouseButton.LeftButton)
    assert session.debrief.decisions[-1].score == 65.0
    _pick(detail.recommendations, "GW-C01-G02")
    qtbot.mouseClick(detail.dispatch_button, Qt.MouseButton.LeftButton)
    a = session.debrief.decisions[-1]
    assert a.best["assignee"] == "GW-C01-G01" and 0 < a.choice_score < 50

    # 5. The next morning B passes its deadline: escalate it from the case panel, with a reason.
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert (session.pending.kind, session.pending.case_id) == (ESCALATE, "B")
    assert detail.case_id == "B" and detail.escalate_button.isEnabled()
    detail.ask_reason = lambda prompt: "overdue: the community coordinates"
    qtbot.mouseClick(detail.escalate_button, Qt.MouseButton.LeftButton)
    assert session.debrief.decisions[-1].score == 100.0
    assert session.twin.cases["B"].owner_level is OwnerLevel.COMMUNITY

    # The end of the window: the debrief opens, saved under the trainee's name.
    with qtbot.waitSignal(panel.finished):
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    view = training.debrief_view
    assert isinstance(view, DebriefView) and view.isVisible()
    assert view.table.rowCount() == 5
    assert [view.table.item(r, 1).text() for r in range(5)] == ["triage", "dispatch", "triage", "dispatch", "escalate"]
    assert view.table.item(3, 4).text().startswith("grid worker")  # the record's choice, in words
    # Parts a kind is not scored on show as "—": a triage has no SLA part, an escalation no choice part.
    assert [view.table.item(r, 6).text() for r in (0, 4)] == ["—", "100"]
    assert [view.table.item(r, 7).text() for r in (0, 4)] == ["100", "—"]
    assert len(saved_debriefs("张三")) == 1
    pdf = view.save_pdf(tmp_path / "debrief.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    with open(view.save_csv(tmp_path / "debrief.csv"), encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["case_id"] for r in rows] == ["B", "B", "A", "A", "B"]

    # The replay the trainer watches took none of it and still refuses every action.
    replay_twin = replay_view.player.replay.twin
    replay_view.player.seek(T("2026-10-01T11:00+08:00"))
    assert replay_twin.cases["B"].status is CaseStatus.ACCEPTED
    assert all(step.actor != "张三" for case in replay_twin.cases.values() for step in case.history)
    assert not replay_view.model.command(replay_twin.escalate, "B", "李老师", "test")
    replay_view.close()
