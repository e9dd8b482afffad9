"""Every panel that writes data out asks the session's export gate first (audit finding 7): a
refusal raises and writes nothing; the button shows it in a message box."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from cockpit.security.permissions import PermissionDenied
from cockpit.street.demo import load_demo_street
from cockpit.training import Debrief
from widgets.debrief import DebriefView
from widgets.export_gate import export_or_explain
from widgets.scenario_results import ScenarioResultsPanel

T0 = datetime(2026, 11, 24, 19, 0, tzinfo=timezone.utc)


def refuse(what: str, destination: str) -> None:
    raise PermissionDenied(f"administrator admin may not export ({what})")


def test_scenario_results_and_debriefs_are_not_written_when_the_gate_refuses(qtbot, tmp_path):
    results = ScenarioResultsPanel(may_export=refuse)
    qtbot.addWidget(results)
    with pytest.raises(PermissionDenied, match=r"may not export \(scenario results\)"):
        results.export(tmp_path / "results")
    assert not (tmp_path / "results").exists()
    view = DebriefView(Debrief("trainee1", "trainer1", "log.parquet", T0, T0), load_demo_street(), may_export=refuse)
    qtbot.addWidget(view)
    for save, name in ((view.save_csv, "debrief.csv"), (view.save_png, "debrief.png"),
                       (view.save_pdf, "debrief.pdf")):
        with pytest.raises(PermissionDenied, match="debrief of trainee1"):
            save(tmp_path / name)
        assert not (tmp_path / name).exists()
    allowed = []
    view = DebriefView(Debrief("trainee1", "trainer1", "log.parquet", T0, T0), load_demo_street(),
                       may_export=lambda what, where: allowed.append((what, where)))
    qtbot.addWidget(view)
    assert view.save_csv(tmp_path / "ok.csv").exists()
    assert allowed == [("debrief of trainee1", str(tmp_path / "ok.csv"))]


def test_a_refusal_from_a_button_is_shown_not_lost(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr("widgets.export_gate.QMessageBox.warning", lambda parent, title, text: shown.append(text))
    panel = ScenarioResultsPanel(may_export=refuse)
    qtbot.addWidget(panel)
    assert export_or_explain(panel, lambda: panel.export("unused")) is False
    assert shown == ["administrator admin may not export (scenario results)"]
    assert export_or_explain(panel, lambda: None) is True
