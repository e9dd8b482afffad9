"""Themes and the colours that carry meaning: risk levels, SLA warnings, staff statuses.

Light for the desk, dark for the wall and night shifts. Colours of meaning are the same in both
themes so that "red" means the same thing on every screen. Wall type is sized from the screen height
so that it reads at 5 m on a 1080p and on a 4K wall alike.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from cockpit.resources import RESOURCES
from cockpit.vocabulary.domain import RiskLevel, StaffStatus

THEMES = ("light", "dark")

RISK_COLORS = {
    RiskLevel.BLUE: QColor("#1c7ed6"),
    RiskLevel.YELLOW: QColor("#f08c00"),
    RiskLevel.RED: QColor("#e03131"),
}
"""Risk level colours (红黄蓝)."""

SLA_AMBER = QColor("#f59f00")
"""A case with less than a quarter of its resolve window left."""
SLA_RED = QColor("#e03131")
"""A case past its deadline."""
SLA_WARN_FRACTION = 0.75
"""Share of the window used after which the countdown turns amber."""

OK_COLOR = QColor("#2f9e44")
BAD_COLOR = QColor("#e03131")

STAFF_STATUS_COLORS = {
    StaffStatus.OFF_DUTY: QColor("#868e96"),
    StaffStatus.AVAILABLE: QColor("#2f9e44"),
    StaffStatus.EN_ROUTE: QColor("#1c7ed6"),
    StaffStatus.ON_SCENE: QColor("#ae3ec9"),
    StaffStatus.BUSY: QColor("#f08c00"),
}

WIDE_VALUE_SCALE = 1.3
"""Type of a wide KPI tile's value (several figures in one line) against the body text; one figure gets 2."""

DENSE_VALUE_SCALE = 1.6
"""Type of a tile's value on the full KPI page, whose rows of tiles share the screen with the plots."""

WALL_LINES_PER_SCREEN = 40
"""Wall body text is 1/40 of the screen height: 27 px on 1080p, 54 px on 4K (legible at 5 m)."""


def wall_pixel_size(screen_height: int) -> int:
    """Body text pixel size for a wall of ``screen_height`` pixels."""
    return max(14, round(screen_height / WALL_LINES_PER_SCREEN))


def wall_stylesheet(screen_height: int) -> str:
    """The dark theme with type sized for a wall of ``screen_height`` pixels.

    Sizes go in the style sheet because a style sheet on a window stops plain font propagation to
    its children; the named labels (titles, tile values) get their multiples of the body size.
    """
    px = wall_pixel_size(screen_height)
    return stylesheet("dark") + (
        f"\nQWidget {{ font-size: {px}px; }}"
        f"\nQLabel#pageTitle {{ font-size: {round(px * 1.4)}px; font-weight: bold; }}"
        f"\nQLabel#tileValue {{ font-size: {round(px * 2.0)}px; font-weight: bold; }}"
        f"\nQLabel#tileValue[dense=\"true\"] {{ font-size: {round(px * DENSE_VALUE_SCALE)}px; }}"
        f"\nQLabel#tileValue[wide=\"true\"] {{ font-size: {round(px * WIDE_VALUE_SCALE)}px; }}"
        f"\nQLabel#tileTarget {{ font-size: {round(px * 0.75)}px; }}"
        f"\nQLabel#allClear {{ font-size: {round(px * 1.4)}px; }}"
        f"\nQFrame#alarmBanner QLabel {{ font-size: {round(px * 1.15)}px; }}"
        # The desk's few pixels of button padding vanish around 4K type; pad in proportion to it.
        f"\nQFrame#alarmBanner QPushButton {{ font-size: {px}px;"
        f" padding: {round(px * 0.3)}px {round(px * 0.8)}px; }}"
        f"\nQCheckBox::indicator {{ width: {round(px * 0.8)}px; height: {round(px * 0.8)}px; }}"
        # Columns sized to their contents would touch; at 4K a fixed few pixels are nothing.
        f"\nQTableView::item {{ padding: 0px {round(px * 0.15)}px; }}"
        f"\nQHeaderView::section {{ padding: {round(px * 0.15)}px; }}\n"
    )


def sla_color(fraction_used: float, overdue: bool) -> QColor | None:
    """Red when overdue, amber when less than 25 % of the window remains, else None (no colour)."""
    if overdue:
        return SLA_RED
    if fraction_used >= SLA_WARN_FRACTION:
        return SLA_AMBER
    return None


def _palette(dark: bool) -> QPalette:
    palette = QPalette()
    if not dark:
        return QStyleFactory.create("Fusion").standardPalette()
    roles = {
        QPalette.ColorRole.Window: "#10151c",
        QPalette.ColorRole.WindowText: "#e6edf3",
        QPalette.ColorRole.Base: "#0d1117",
        QPalette.ColorRole.AlternateBase: "#141c26",
        QPalette.ColorRole.Text: "#e6edf3",
        QPalette.ColorRole.Button: "#223044",
        QPalette.ColorRole.ButtonText: "#e6edf3",
        QPalette.ColorRole.Highlight: "#1f6feb",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#182230",
        QPalette.ColorRole.ToolTipText: "#e6edf3",
        QPalette.ColorRole.PlaceholderText: "#8b9bb0",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#566578"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#566578"))
    return palette


def stylesheet(name: str) -> str:
    """The QSS of theme ``name`` from resources/themes."""
    if name not in THEMES:
        raise ValueError(f"unknown theme {name!r}; choose one of {THEMES}")
    return (RESOURCES / "themes" / f"{name}.qss").read_text(encoding="utf-8")


def apply_theme(target: QApplication | QWidget, name: str) -> None:
    """Give the application (or one window and its children) the palette and style sheet of ``name``."""
    target.setPalette(_palette(name == "dark"))
    target.setStyleSheet(stylesheet(name))


def set_base_font(app: QApplication, family: str | None) -> None:
    """Prefer ``family`` (a CJK font) for every widget, keeping the platform's size."""
    if family:
        font = QFont(app.font())
        font.setFamilies([family, *font.families()])
        app.setFont(font)


def scaled_font(base: QFont, factor: float, bold: bool = False) -> QFont:
    """``base`` scaled by ``factor`` (pixel or point size, whichever it uses)."""
    font = QFont(base)
    if base.pixelSize() > 0:
        font.setPixelSize(max(1, round(base.pixelSize() * factor)))
    else:
        font.setPointSizeF(max(1.0, base.pointSizeF() * factor))
    font.setBold(bold)
    return font
