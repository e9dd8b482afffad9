"""The daily and weekly report as a PDF for the morning meeting (Tools → Daily report / Weekly report).

One document: the KPIs against their targets beside the period before, cases per hour (day) or per
day (week) with the overdue ones, the communities with the most overdue cases, the top categories
and every red case with where it stands. The figures are :func:`cockpit.reports.report_data`'s; the
KPIs are the registry's (:data:`cockpit.kpi.KPIS`), named, shown and judged against their targets
as the KPI tiles show them (widgets/i18n.py), so the report and the desk say the same thing the same way.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QEvent,
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from cockpit.kpi import KPIS, Kpi
from cockpit.reports import DAILY, ReportData
from cockpit.street.model import Street
from cockpit.vocabulary.categories import CategoryTable
from cockpit.vocabulary.domain import CaseStatus
from cockpit.vocabulary.local_time import LOCAL_TZ
from widgets import i18n
from widgets.pdf import page, picture, section, table, write_pdf
from widgets.theme import ALARM_COLOR, DENSITY_COLOR, TEXT_ON_COLOR

CHART_SIZE = (1200, 360)
CHART_IMAGE = "trend.png"
CHART_PDF_WIDTH = 640
REPORT_WORDS = {
    "overdue": QT_TRANSLATE_NOOP("Report", "overdue"),
    "none": QT_TRANSLATE_NOOP("Report", "None."),
    "judged": QT_TRANSLATE_NOOP("Report", "The cases reported in the period, judged at {end}."),
    "kpis": QT_TRANSLATE_NOOP("Report", "KPIs against target"),
    "kpi": QT_TRANSLATE_NOOP("Report", "KPI"),
    "this": QT_TRANSLATE_NOOP("Report", "This period"),
    "before": QT_TRANSLATE_NOOP("Report", "Period before"),
    "target": QT_TRANSLATE_NOOP("Report", "Target"),
    "per_hour": QT_TRANSLATE_NOOP("Report", "Cases per hour, overdue in red"),
    "per_day": QT_TRANSLATE_NOOP("Report", "Cases per day, overdue in red"),
    "by_community": QT_TRANSLATE_NOOP("Report", "Overdue by community"),
    "community": QT_TRANSLATE_NOOP("Report", "Community"),
    "overdue_cases": QT_TRANSLATE_NOOP("Report", "Overdue cases"),
    "categories": QT_TRANSLATE_NOOP("Report", "Top categories"),
    "category": QT_TRANSLATE_NOOP("Report", "Category"),
    "cases": QT_TRANSLATE_NOOP("Report", "Cases"),
    "red": QT_TRANSLATE_NOOP("Report", "Red cases"),
    "case": QT_TRANSLATE_NOOP("Report", "Case"),
    "reported": QT_TRANSLATE_NOOP("Report", "Reported"),
    "status": QT_TRANSLATE_NOOP("Report", "Status"),
}
"""The report's words (context "Report"), by what they are for."""


def report_title(street: Street, data: ReportData) -> str:
    name = street.name if i18n.is_chinese() else street.name_en
    start = data.start.astimezone(LOCAL_TZ)
    last = (data.end.astimezone(LOCAL_TZ)).date().toordinal() - 1
    last_day = date.fromordinal(last)
    if data.kind == DAILY:
        return QCoreApplication.translate("Report", "{street} daily report {day}").format(
            street=name, day=start.strftime("%Y-%m-%d"))
    return QCoreApplication.translate("Report", "{street} weekly report {start} – {end}").format(
        street=name, start=start.strftime("%Y-%m-%d"), end=last_day.strftime("%m-%d"))


def kpi_rows(data: ReportData) -> list[list[str]]:
    """Each KPI of the registry: its name, this period, the period before, its target, and whether it is met."""
    rows = []
    for kpi in KPIS.values():
        value, before = data.kpis.get(kpi.key), data.previous_kpis.get(kpi.key)
        target = kpi.target
        met = "" if target is None or value is None else (
            QCoreApplication.translate("Report", "met") if target.met(float(value))
            else QCoreApplication.translate("Report", "missed"))
        rows.append([i18n.kpi_name(kpi), _kpi_text(kpi, value), _kpi_text(kpi, before), i18n.kpi_target(kpi) or "", met])
    return rows


def _kpi_text(kpi: Kpi, value: Any) -> str:
    """A KPI's value as the tiles show it; a KPI with parts as its parts in one line."""
    if value is None:
        return "—"
    if kpi.parts:
        return " · ".join(f"{i18n.kpi_part_name(kpi, part)} {i18n.kpi_value(kpi, float(value[part]))}"
                          for part in kpi.parts if value.get(part) is not None) or "—"
    return i18n.kpi_value(kpi, float(value))


def trend_chart(data: ReportData) -> QImage:
    """Cases per hour (day) or per day (week) as bars, the overdue part of each in red, with the bins' labels."""
    width, height = CHART_SIZE
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(TEXT_ON_COLOR)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(painter.font())
    font.setPixelSize(18)
    painter.setFont(font)
    cases = data.series["cases"].to_numpy(dtype=float)
    late = data.series["overdue"].to_numpy(dtype=float)
    left, bottom, top = 50.0, height - 40.0, 20.0
    plot_h = bottom - top
    step = (width - left - 10) / max(len(cases), 1)
    most = max(float(cases.max()) if len(cases) else 0.0, 1.0)
    painter.setPen(QPen(QColor("#495057"), 1))
    painter.drawLine(QPointF(left, bottom), QPointF(width - 10, bottom))
    painter.drawText(QRectF(0, top - 10, left - 6, 20), Qt.AlignmentFlag.AlignRight, f"{most:.0f}")
    for i, (count, overdue) in enumerate(zip(cases, late)):
        x = left + i * step
        bar = plot_h * count / most
        red = plot_h * overdue / most
        painter.fillRect(QRectF(x + 2, bottom - bar, step - 4, bar - red), DENSITY_COLOR)
        painter.fillRect(QRectF(x + 2, bottom - red, step - 4, red), ALARM_COLOR)
        if data.kind != DAILY or i % 3 == 0:
            start = data.series["start"].iloc[i].tz_convert(LOCAL_TZ)
            label = start.strftime("%H") if data.kind == DAILY else start.strftime("%m-%d")
            painter.drawText(QRectF(x - 10, bottom + 4, step + 20, 30), Qt.AlignmentFlag.AlignHCenter, label)
    painter.end()
    return image


def write_report(path: Path, data: ReportData, street: Street, categories: CategoryTable) -> Path:
    """Write the report as an A4 PDF; returns ``path`` (OSError if it cannot be written)."""
    title = report_title(street, data)
    words = {key: QCoreApplication.translate("Report", text) for key, text in REPORT_WORDS.items()}
    community_rows = [[i18n.community_name(street, c), n] for c, n in data.overdue_by_community]
    category_rows = [[i18n.category_name(categories, c), n] for c, n in data.top_categories]
    red_rows = [[r["case_id"], i18n.local_time(r["reported_at"].to_pydatetime(), with_date=True),
                 i18n.category_name(categories, r["category"]), i18n.community_name(street, r["community"]),
                 i18n.status_name(CaseStatus(r["status"])), words["overdue"] if r["overdue"] else ""]
                for r in data.red_cases]
    none = f"<p>{words['none']}</p>"
    judged = data.end.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
    kpi_headers = [words["kpi"], words["this"], words["before"], words["target"], ""]
    body = page(title, [
        "<p>" + words["judged"].format(end=judged) + "</p>",
        section(words["kpis"], table(kpi_headers, kpi_rows(data), numeric=(1, 2))),
        section(words["per_hour"] if data.kind == DAILY else words["per_day"], picture(CHART_IMAGE, CHART_PDF_WIDTH)),
        section(words["by_community"], table([words["community"], words["overdue_cases"]], community_rows,
                                             numeric=(1,)) if community_rows else none),
        section(words["categories"], table([words["category"], words["cases"]], category_rows, numeric=(1,))
                if category_rows else none),
        section(words["red"], table([words["case"], words["reported"], words["category"], words["community"],
                                     words["status"], ""], red_rows) if red_rows else none),
    ])
    return write_pdf(path, body, title, {CHART_IMAGE: trend_chart(data)})


class ReportDialog(QDialog):
    """Asks which day a daily report covers, or which day a weekly report ends on."""

    def __init__(self, kind: str, default: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.day = QDateEdit(QDate(default.year, default.month, default.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        self.label = QLabel()
        form.addRow(self.label, self.day)
        form.addRow(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.setWindowTitle(self.tr("Daily report") if self.kind == DAILY else self.tr("Weekly report"))
        self.label.setText(self.tr("Day") if self.kind == DAILY else self.tr("Week ending on"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def chosen(self) -> date:
        value = self.day.date()
        return date(value.year(), value.month(), value.day())


def default_day(frame_days: np.ndarray, today: date) -> date:
    """The day a report opens on: yesterday when there are cases of it (the morning meeting), else today."""
    yesterday = date.fromordinal(today.toordinal() - 1)
    return yesterday if yesterday in set(frame_days) else today
