"""The daily and weekly report: a PDF of the KPIs against target, the trend, overdue by community, the
top categories and the red cases; refused to a role that may not export."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage, QPainter, QTextDocument

from cockpit.kpi import KPIS
from cockpit.reports import DAILY, WEEKLY, report_data
from cockpit.security.permissions import PermissionDenied
from cockpit.vocabulary.domain import RiskLevel
from cockpit.vocabulary.events import ClockTick
from tests.widgets.conftest import T0, report
from widgets import i18n
from widgets.app import build_desk
from widgets.reports import kpi_rows, report_title, trend_chart


def _desk(qtbot, model):
    desk = build_desk(model, "值班员")
    qtbot.addWidget(desk.window)
    model.submit([report("K1", at=T0 - timedelta(hours=30)), report("K2", col=3, at=T0 - timedelta(hours=2)),
                  report("K3", "fire_hazard", at=T0 - timedelta(hours=1), risk=RiskLevel.RED),
                  ClockTick(T0 + timedelta(hours=3))])
    model.drain()
    return desk


def test_the_daily_and_weekly_reports_are_written_as_pdf(qtbot, model, twin, languages, tmp_path):
    desk = _desk(qtbot, model)
    day = date(2026, 11, 24)
    data = report_data(twin.cases_frame(), DAILY, day)
    assert report_title(twin.street, data) == "Tiny street daily report 2026-11-24"
    rows = kpi_rows(data)
    # Every KPI of the registry, in its order, named as the tiles name it.
    assert [r[0] for r in rows] == [i18n.kpi_name(kpi) for kpi in KPIS.values()]
    assert rows[0][:3] == ["Cases", "2", "1"]  # K2 and K3 that day, K1 the day before
    response = rows[list(KPIS).index("response_minutes_mean")]
    assert response[0] == "Response time" and response[3] == "target ≤ 2 h"
    chart = trend_chart(data)
    assert not chart.isNull() and chart.width() > 1000
    for kind in (DAILY, WEEKLY):
        path = desk.write_report(kind, day, tmp_path / f"{kind}.pdf")
        pdf = path.read_bytes()
        assert pdf.startswith(b"%PDF") and b"/Type /Page" in pdf
    shots = os.environ.get("COCKPIT_SHOTS")
    if shots:  # for a person to look at: the weekly report's first page as a picture
        _render_first_page(desk, twin, day, Path(shots) / "weekly_report.png")


def test_a_role_that_may_not_export_gets_no_report(qtbot, model, languages, tmp_path):
    desk = _desk(qtbot, model)

    def refuse(what, where):
        raise PermissionDenied("auditor aud may not export (weekly report)")

    desk.export_check = refuse
    assert desk.write_report(WEEKLY, date(2026, 11, 24), tmp_path / "w.pdf") is None
    assert not (tmp_path / "w.pdf").exists()
    assert "auditor aud may not export" in desk.window.statusBar().currentMessage()


def _render_first_page(desk, twin, day, out: Path) -> None:
    from widgets import reports

    captured = {}
    original = reports.write_pdf
    reports.write_pdf = lambda path, body, title, images: captured.update(body=body, images=images) or path
    try:
        reports.write_report(out.with_suffix(".pdf"), report_data(twin.cases_frame(), WEEKLY, day), twin.street,
                             twin.categories)
    finally:
        reports.write_pdf = original
    document = QTextDocument()
    from PySide6.QtCore import QUrl
    for name, image in captured["images"].items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(captured["body"])
    document.setPageSize(QSizeF(800, 1130))
    image = QImage(800, 1130, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    document.drawContents(painter)
    painter.end()
    image.save(str(out))
