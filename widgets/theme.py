"""Themes and the colours that carry meaning: risk levels, SLA warnings, staff statuses.

Light for the desk, dark for the wall and night shifts. Colours of meaning are the same in both
themes so that "red" means the same thing on every screen. Wall type is sized from the screen height
so that it reads at 5 m on a 1080p and on a 4K wall alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from cockpit.resources import RESOURCES
from cockpit.vocabulary.domain import ResourceKind, ResourceStatus, RiskLevel, StaffStatus
from cockpit.vocabulary.sensor_kinds import sensor_kinds

THEMES = ("light", "dark")

_RED = "#e03131"
_AMBER = "#f08c00"
_BLUE = "#1c7ed6"
_GREEN = "#2f9e44"
_VIOLET = "#ae3ec9"
_GREY = "#868e96"

RISK_COLORS = {
    RiskLevel.BLUE: QColor(_BLUE),
    RiskLevel.YELLOW: QColor(_AMBER),
    RiskLevel.RED: QColor(_RED),
}
"""Risk level colours (红黄蓝)."""

SLA_AMBER = QColor("#f59f00")
"""A case with less than a quarter of its resolve window left."""
SLA_RED = QColor(_RED)
"""A case past its deadline, an overdue or escalated step."""
SLA_WARN_FRACTION = 0.75
"""Share of the window used after which the countdown turns amber."""

OK_COLOR = QColor(_GREEN)
"""A figure that meets its target, a good score."""
BAD_COLOR = QColor(_RED)
"""A figure that misses its target, a poor score."""
ALARM_COLOR = QColor(_RED)
"""An alarm on the map (a red star)."""
TEXT_ON_COLOR = QColor("#ffffff")
"""Text on a risk or SLA colour."""
COMPARISON_COLOR = QColor(_AMBER)
"""A line drawn to compare with (a usual day beside today's bars)."""
REPLAY_COLOR = QColor("#7b1fa2")
"""Replay mode's banner and badge: a purple no live state uses."""
DENSITY_COLOR = QColor("#868e96")
"""Bars of the replay's reports-per-hour strip (red where red cases went overdue)."""
NO_DATA_COLOR = QColor("#dee2e6")
"""An area or cell without a figure."""
MARKER_OUTLINE = QColor("#495057")
"""Outline of markers on a chart."""
DIVERGING_RAMP = tuple(QColor(c) for c in (
    "#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7",
    "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f"))
"""A change on a map (ColorBrewer RdBu, 11 classes): five blues (better), a neutral middle, five reds (worse)."""

STAFF_STATUS_COLORS = {
    StaffStatus.OFF_DUTY: QColor(_GREY),
    StaffStatus.AVAILABLE: QColor(_GREEN),
    StaffStatus.EN_ROUTE: QColor(_BLUE),
    StaffStatus.ON_SCENE: QColor(_VIOLET),
    StaffStatus.BUSY: QColor(_AMBER),
}

RESOURCE_KIND_COLORS = {
    ResourceKind.STATION: QColor("#364fc7"),
    ResourceKind.CACHE: QColor("#0c8599"),
}
"""Stations (indigo squares) and caches (teal diamonds) on the map; vehicles take their status colour."""
RESOURCE_STATUS_COLORS = {
    ResourceStatus.AVAILABLE: QColor(_GREEN),
    ResourceStatus.DISPATCHED: QColor(_BLUE),
    ResourceStatus.ON_SCENE: QColor(_VIOLET),
}
"""A vehicle's status: the staff board's colours for the same states."""
LOW_STOCK_COLOR = QColor(_AMBER)
"""A station or cache whose stock of some item is below its threshold."""
PLANNED_SITE_COLOR = QColor("#f783ac")
"""A site a placement plan suggests (a pink star: no live state uses it)."""

SERIES_COLORS = (QColor(_BLUE), QColor("#e8590c"), QColor(_GREEN), QColor(_VIOLET))
"""One colour per compared scenario, in order (at most four)."""

SENSOR_KIND_COLORS = {kind: QColor(info.colour) for kind, info in sensor_kinds().items()}
"""Okabe-Ito colours (colour-blind safe) by sensor kind, the same in both themes."""
SILENT_SENSOR = QColor("#adb5bd")
"""A sensor that has gone silent: grey, outlined in its kind's colour."""
SENSOR_GROUP_COLOR = QColor("#495057")
"""A grid's sensors drawn as one marker at street level (mixed kinds: a neutral dark grey)."""


@dataclass(frozen=True)
class MapColors:
    """The map's colours in one theme: the base map, the measure's ramp, outlines and names."""

    background: QColor
    ramp: tuple[QColor, ...]
    """Zero, then five steps of a sequential ramp (more is stronger)."""
    area_outline: QColor
    area_highlight: QColor
    """The focused area's bold outline."""
    label_text: QColor
    label_halo: QColor
    marker_outline: QColor
    """Outline of a selected case and of alarm stars: the strongest contrast to the background."""
    marker_thin: QColor
    """Thin outline of the other case markers: the background's own colour."""
    road: QColor
    water: QColor
    community_boundary: QColor
    street_boundary: QColor
    dedicated: QColor
    """Hatch and dashed outline of dedicated grids (markets, schools...)."""
    focus_ring: QColor
    """The ring around a staff member the map flies to."""
    legend_border: QColor


def _water(name: str) -> QColor:
    colour = QColor(name)
    colour.setAlpha(200)
    return colour


MAP_COLORS = {
    "light": MapColors(
        background=QColor("#ffffff"),
        # A purple sequential ramp (after ColorBrewer Purples), clear of the blue/yellow/red markers, its
        # steps 13-16 apart in CIELAB lightness so that neighbouring bins read apart on any screen.
        ramp=tuple(QColor(c) for c in ("#f4f4f6", "#cfcce6", "#a9a5d2", "#8079bb", "#5b4c9f", "#3d1f7a")),
        area_outline=QColor("#9a9aa6"),
        area_highlight=QColor("#101010"),
        label_text=QColor("#1a1a1a"),
        label_halo=QColor(255, 255, 255, 230),
        marker_outline=QColor("#000000"),
        marker_thin=QColor("#ffffff"),
        road=QColor("#8a8a8a"),
        water=_water("#a5d8ff"),
        community_boundary=QColor("#5f5f6e"),
        street_boundary=QColor("#303040"),
        dedicated=QColor("#e8590c"),
        focus_ring=QColor("#d6336c"),
        legend_border=QColor("#9a9aa6"),
    ),
    "dark": MapColors(
        background=QColor("#0d1117"),
        # The same ramp for the dark wall: brighter means more, 13-17 apart in lightness (zero and one
        # case were 6 apart, unreadable on a dark wall).
        ramp=tuple(QColor(c) for c in ("#1b2130", "#3f3878", "#5e52ab", "#8276d3", "#aba1ee", "#dcd6fb")),
        area_outline=QColor("#3d4a5c"),
        area_highlight=QColor("#ffd43b"),
        label_text=QColor("#f1f3f5"),
        label_halo=QColor(13, 17, 23, 230),
        marker_outline=QColor("#ffffff"),
        marker_thin=QColor("#0d1117"),
        road=QColor("#59657a"),
        water=_water("#1f4e79"),
        community_boundary=QColor("#7a869a"),
        street_boundary=QColor("#c0c8d4"),
        dedicated=QColor("#ffa94d"),
        focus_ring=QColor("#ffd43b"),
        legend_border=QColor("#5c6b80"),
    ),
}
"""The map's colours by theme name."""


@dataclass(frozen=True)
class PlotColors:
    """A chart's backdrop in one theme."""

    background: QColor
    foreground: QColor
    """Axes and their ticks."""


PLOT_COLORS = {
    "light": PlotColors(background=QColor("#ffffff"), foreground=QColor("#24292f")),
    "dark": PlotColors(background=QColor("#10151c"), foreground=QColor("#c9d4e0")),
}
"""Chart backdrops by theme name."""


def theme_of(dark: bool) -> str:
    """The theme name of a dark (wall, night) or light (desk) view."""
    return "dark" if dark else "light"


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
