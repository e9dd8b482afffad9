"""Languages of the cockpit: Chinese (zh_CN) by default, English on request, switchable at run time.

Source strings are English in the code and go through Qt's translation (``tr``); Chinese lives in
resources/translations/zh_CN.ts. The .qm files Qt loads are compiled from the .ts files at start-up
when missing or older (they are not committed). The words of the domain (risk levels, statuses,
sources, reason codes...) are translated here, once, so every panel names them the same way.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QFontDatabase

from cockpit.dispatch import GENERAL_SKILL, TRAVEL_MODE, Recommendation
from cockpit.ingest.service import DATA_LOSS
from cockpit.kpi import COUNT, HOURS, MINUTES, RATING, SHARE, Kpi
from cockpit.records import Case
from cockpit.resources import RESOURCES
from cockpit.street.model import Street
from cockpit.travel.profile import default_profile
from cockpit.twin import LOW_STOCK, TwinState
from cockpit.vocabulary.categories import CategoryTable, Item
from cockpit.vocabulary.domain import (
    CaseStatus,
    Department,
    OwnerLevel,
    ResourceStatus,
    RiskLevel,
    SensorKind,
    Source,
    StaffKind,
    StaffStatus,
)
from cockpit.vocabulary.local_time import LOCAL_TZ

log = logging.getLogger(__name__)

TRANSLATIONS = RESOURCES / "translations"
"""Folder of the .ts sources (committed) and the compiled .qm files (built here)."""

LANGUAGES = {"zh": "zh_CN", "en": "en"}
"""Language codes of the command line and menu → the .ts/.qm file stem."""

KNOWN_CJK_FAMILIES = (
    "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
    "Microsoft YaHei", "SimHei", "SimSun", "PingFang SC", "Hiragino Sans GB", "AR PL UMing CN",
)


# ---------------------------------------------------------------- compiling and loading


def _tool(name: str) -> str | None:
    """Path of a Qt linguist tool: the venv's pyside6-<name>, then PATH, then Debian's qt6 tools."""
    venv_tool = Path(sys.executable).with_name(f"pyside6-{name}")
    if venv_tool.exists():
        return str(venv_tool)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found:
        return found
    debian = Path("/usr/lib/qt6/bin") / name
    return str(debian) if debian.exists() else None


def compile_translations(folder: Path = TRANSLATIONS) -> list[Path]:
    """Compile every .ts in ``folder`` whose .qm is missing or older; returns the .qm files built.

    A missing lrelease is logged, not raised: the cockpit then runs with the English source strings.
    """
    built: list[Path] = []
    sources = sorted(folder.glob("*.ts"))
    stale = [ts for ts in sources if not ts.with_suffix(".qm").exists()
             or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime]
    if not stale:
        return built
    lrelease = _tool("lrelease")
    if lrelease is None:
        log.warning("lrelease not found (pyside6-lrelease or qt6-l10n-tools); translations not compiled")
        return built
    for ts in stale:
        qm = ts.with_suffix(".qm")
        result = subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)],
                                capture_output=True, text=True, check=False)
        if result.returncode != 0 or not qm.exists():
            log.warning("lrelease failed on %s: %s", ts, result.stderr.strip())
            continue
        built.append(qm)
    return built


def update_sources(folder: Path = TRANSLATIONS) -> None:
    """Refresh the .ts files from the strings in widgets/ (pyside6-lupdate; translations are kept).

    Raises
    ------
    RuntimeError
        If lupdate is not installed or fails.
    """
    lupdate = _tool("lupdate")
    if lupdate is None:
        raise RuntimeError("lupdate not found: install PySide6 (pyside6-lupdate) or qt6-l10n-tools")
    sources = sorted(str(p) for p in Path(__file__).resolve().parent.glob("*.py"))
    for stem in LANGUAGES.values():
        result = subprocess.run([lupdate, "-silent", "-no-obsolete", *sources, "-ts", str(folder / f"{stem}.ts")],
                                capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"lupdate failed: {result.stderr.strip()}")


class LanguageSwitcher(QObject):
    """Owns the application's installed translators; switching them retranslates every widget.

    Installing or removing a QTranslator makes Qt send a LanguageChange event to every widget,
    whose ``changeEvent`` calls its ``retranslate_ui``. The default QLocale follows the language so
    that data with two names (categories, communities) picks the matching one.

    Signals
    -------
    language_changed(str)
        The new language code ("zh" or "en"), after the translators are in place.
    """

    language_changed = Signal(str)

    def __init__(self, app: QCoreApplication, folder: Path = TRANSLATIONS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._folder = folder
        self._translators: list[QTranslator] = []
        self._language = ""
        self._previous_locale = QLocale()
        compile_translations(folder)

    @property
    def language(self) -> str:
        """The current language code, "" before the first :meth:`set_language`."""
        return self._language

    def set_language(self, lang: str) -> bool:
        """Switch to ``lang`` ("zh" or "en"); returns False if its translation file could not be loaded."""
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}; choose one of {sorted(LANGUAGES)}")
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        ok = True
        locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang == "zh" else QLocale(
            QLocale.Language.English, QLocale.Country.UnitedStates)
        QLocale.setDefault(locale)
        if lang == "zh":
            ours = QTranslator(self)
            ok = ours.load(str(self._folder / f"{LANGUAGES[lang]}.qm"))
            if not ok:
                log.warning("no compiled Chinese translation in %s", self._folder)
            qt_base = QTranslator(self)
            if qt_base.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._translators.append(qt_base)
            if ok:
                self._translators.append(ours)
        for translator in self._translators:
            self._app.installTranslator(translator)
        # Deliver the posted LanguageChange now, so every widget speaks the new language on return.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self._language = lang
        self.language_changed.emit(lang)
        return ok

    def close(self) -> None:
        """Undo what this switcher did: remove its translators and restore the previous locale.

        For a temporary switch (a headless snapshot) that must leave the application as it found it.
        """
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        QLocale.setDefault(self._previous_locale)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self._language = ""


def is_chinese() -> bool:
    """True when the current (default) locale is Chinese: data with two names shows the Chinese one."""
    return QLocale().language() == QLocale.Language.Chinese


def cjk_font_family() -> str | None:
    """A font family that covers Simplified Chinese, or None if none is installed."""
    families = QFontDatabase.families()
    for family in families:
        if family in KNOWN_CJK_FAMILIES:
            return family
    for family in families:
        if "CJK" in family and ("SC" in family or "Sans" in family):
            return family
    for family in families:
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family):
            return family
    return None


QT_OWN_WORDS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Drive"),
)
"""Words of Qt's own file dialog that its Chinese (qtbase_zh_CN) leaves in English: translated here."""


# ---------------------------------------------------------------- the words of the domain

_RISK = {
    RiskLevel.BLUE: QT_TRANSLATE_NOOP("Domain", "blue"),
    RiskLevel.YELLOW: QT_TRANSLATE_NOOP("Domain", "yellow"),
    RiskLevel.RED: QT_TRANSLATE_NOOP("Domain", "red"),
}
_STATUS = {
    CaseStatus.REPORTED: QT_TRANSLATE_NOOP("Domain", "reported"),
    CaseStatus.TRIAGED: QT_TRANSLATE_NOOP("Domain", "triaged"),
    CaseStatus.DISPATCHED: QT_TRANSLATE_NOOP("Domain", "dispatched"),
    CaseStatus.ACCEPTED: QT_TRANSLATE_NOOP("Domain", "accepted"),
    CaseStatus.ON_SCENE: QT_TRANSLATE_NOOP("Domain", "on scene"),
    CaseStatus.RESOLVED: QT_TRANSLATE_NOOP("Domain", "resolved"),
    CaseStatus.FEEDBACK: QT_TRANSLATE_NOOP("Domain", "feedback"),
    CaseStatus.CLOSED: QT_TRANSLATE_NOOP("Domain", "closed"),
    CaseStatus.MERGED: QT_TRANSLATE_NOOP("Domain", "merged"),
    CaseStatus.REJECTED: QT_TRANSLATE_NOOP("Domain", "rejected"),
}
_SOURCE = {
    Source.PATROL: QT_TRANSLATE_NOOP("Domain", "patrol"),
    Source.RESIDENT: QT_TRANSLATE_NOOP("Domain", "resident"),
    Source.SENSOR: QT_TRANSLATE_NOOP("Domain", "sensor"),
    Source.DEPARTMENT: QT_TRANSLATE_NOOP("Domain", "department referral"),
}
_OWNER = {
    OwnerLevel.GRID: QT_TRANSLATE_NOOP("Domain", "grid"),
    OwnerLevel.COMMUNITY: QT_TRANSLATE_NOOP("Domain", "community"),
    OwnerLevel.STREET: QT_TRANSLATE_NOOP("Domain", "street"),
}
_STAFF_KIND = {
    StaffKind.GRID_WORKER: QT_TRANSLATE_NOOP("Domain", "grid worker"),
    StaffKind.MICRO_GRID_HEAD: QT_TRANSLATE_NOOP("Domain", "micro-grid head"),
    StaffKind.VOLUNTEER: QT_TRANSLATE_NOOP("Domain", "volunteer"),
    StaffKind.PARTY_MEMBER: QT_TRANSLATE_NOOP("Domain", "party member"),
    StaffKind.DEPARTMENT: QT_TRANSLATE_NOOP("Domain", "department team"),
}
_STAFF_STATUS = {
    StaffStatus.OFF_DUTY: QT_TRANSLATE_NOOP("Domain", "off duty"),
    StaffStatus.AVAILABLE: QT_TRANSLATE_NOOP("Domain", "available"),
    StaffStatus.EN_ROUTE: QT_TRANSLATE_NOOP("Domain", "en route"),
    StaffStatus.ON_SCENE: QT_TRANSLATE_NOOP("Domain", "on scene"),
    StaffStatus.BUSY: QT_TRANSLATE_NOOP("Domain", "busy"),
}
_DEPARTMENT = {
    Department.CITY_MANAGEMENT: QT_TRANSLATE_NOOP("Domain", "city management"),
    Department.POLICE: QT_TRANSLATE_NOOP("Domain", "police"),
    Department.FIRE: QT_TRANSLATE_NOOP("Domain", "fire"),
    Department.CIVIL_AFFAIRS: QT_TRANSLATE_NOOP("Domain", "civil affairs"),
    Department.HEALTH: QT_TRANSLATE_NOOP("Domain", "health"),
    Department.EMERGENCY: QT_TRANSLATE_NOOP("Domain", "emergency management"),
    Department.MARKET_REGULATION: QT_TRANSLATE_NOOP("Domain", "market regulation"),
    Department.HOUSING: QT_TRANSLATE_NOOP("Domain", "housing"),
    Department.PROPERTY: QT_TRANSLATE_NOOP("Domain", "property management"),
}
_REASON = {
    "home_grid": QT_TRANSLATE_NOOP("Domain", "own grid"),
    "home_community": QT_TRANSLATE_NOOP("Domain", "own community"),
    "nearest": QT_TRANSLATE_NOOP("Domain", "nearest"),
    "least_loaded": QT_TRANSLATE_NOOP("Domain", "least loaded"),
    "department": QT_TRANSLATE_NOOP("Domain", "whistle (department)"),
}
_SKILL = {
    "mediation": QT_TRANSLATE_NOOP("Domain", "mediation"),
    "fire_safety": QT_TRANSLATE_NOOP("Domain", "fire safety"),
    "first_aid": QT_TRANSLATE_NOOP("Domain", "first aid"),
    "inspection": QT_TRANSLATE_NOOP("Domain", "inspection"),
    "general": QT_TRANSLATE_NOOP("Domain", "general"),
}
_POLICY = {
    "nearest": QT_TRANSLATE_NOOP("Domain", "nearest first"),
    "home_grid_first": QT_TRANSLATE_NOOP("Domain", "home grid first"),
    "priority_fcfs": QT_TRANSLATE_NOOP("Domain", "priority, first come first served"),
    "least_loaded": QT_TRANSLATE_NOOP("Domain", "least loaded first"),
}
_KPI = {
    "cases": QT_TRANSLATE_NOOP("Kpi", "Cases"),
    "open_cases": QT_TRANSLATE_NOOP("Kpi", "Open cases"),
    "response_minutes_mean": QT_TRANSLATE_NOOP("Kpi", "Response time"),
    "response_minutes_p90": QT_TRANSLATE_NOOP("Kpi", "Response time, 90th percentile"),
    "response_within_target_rate": QT_TRANSLATE_NOOP("Kpi", "Accepted within target"),
    "resolution_hours_mean": QT_TRANSLATE_NOOP("Kpi", "Resolution time"),
    "closure_rate": QT_TRANSLATE_NOOP("Kpi", "Closure rate"),
    "overdue_cases": QT_TRANSLATE_NOOP("Kpi", "Overdue cases"),
    "overdue_rate": QT_TRANSLATE_NOOP("Kpi", "Overdue rate"),
    "satisfaction_mean": QT_TRANSLATE_NOOP("Kpi", "Mean rating"),
    "satisfaction_rate": QT_TRANSLATE_NOOP("Kpi", "Satisfaction"),
    "proactive_discovery_rate": QT_TRANSLATE_NOOP("Kpi", "Proactive discovery"),
    "source_resolution_rate": QT_TRANSLATE_NOOP("Kpi", "Source resolution"),
    "resolved_at_level": QT_TRANSLATE_NOOP("Kpi", "Resolved at level"),
    "staff_utilisation": QT_TRANSLATE_NOOP("Kpi", "Staff utilisation"),
}
"""The name of every KPI of :data:`cockpit.kpi.KPIS` on screen (a test checks none is missing)."""
_EVENT = {
    "CaseReported": QT_TRANSLATE_NOOP("Domain", "reported"),
    "CaseTriaged": QT_TRANSLATE_NOOP("Domain", "triaged"),
    "CaseDispatched": QT_TRANSLATE_NOOP("Domain", "dispatched"),
    "CaseAccepted": QT_TRANSLATE_NOOP("Domain", "accepted"),
    "CaseOnScene": QT_TRANSLATE_NOOP("Domain", "on scene"),
    "CaseResolved": QT_TRANSLATE_NOOP("Domain", "resolved"),
    "CaseFeedback": QT_TRANSLATE_NOOP("Domain", "feedback"),
    "CaseClosed": QT_TRANSLATE_NOOP("Domain", "closed"),
    "CaseEscalated": QT_TRANSLATE_NOOP("Domain", "escalated"),
    "CaseMerged": QT_TRANSLATE_NOOP("Domain", "merged"),
    "CaseReopened": QT_TRANSLATE_NOOP("Domain", "reopened"),
    "CaseRejected": QT_TRANSLATE_NOOP("Domain", "rejected"),
    "CaseOverdue": QT_TRANSLATE_NOOP("Domain", "overdue"),
}
_ACTOR = {
    "autopilot": QT_TRANSLATE_NOOP("Actor", "autopilot"),
    "system": QT_TRANSLATE_NOOP("Actor", "system"),
    "resident": QT_TRANSLATE_NOOP("Actor", "resident"),
}
"""Actors of the record who are not people of the street: the demo's autopilot, the system's rules, a resident."""
_SENSOR_KIND = {
    SensorKind.SMOKE: QT_TRANSLATE_NOOP("Domain", "smoke detector"),
    SensorKind.BRACELET: QT_TRANSLATE_NOOP("Domain", "elderly bracelet"),
    SensorKind.WATER_METER: QT_TRANSLATE_NOOP("Domain", "smart water meter"),
    SensorKind.MANHOLE: QT_TRANSLATE_NOOP("Domain", "manhole cover"),
    SensorKind.CAMERA: QT_TRANSLATE_NOOP("Domain", "camera"),
    SensorKind.PARKING: QT_TRANSLATE_NOOP("Domain", "parking sensor"),
    SensorKind.ENVIRONMENT: QT_TRANSLATE_NOOP("Domain", "environment sensor"),
}
_ALARM_KIND = {
    "sensor": QT_TRANSLATE_NOOP("Domain", "sensor alarm"),
    "red_case": QT_TRANSLATE_NOOP("Domain", "red case"),
    "overdue": QT_TRANSLATE_NOOP("Domain", "overdue case"),
    "on_scene_late": QT_TRANSLATE_NOOP("Domain", "not on scene in time"),
    "area": QT_TRANSLATE_NOOP("Domain", "area overdue rate"),
    "flood": QT_TRANSLATE_NOOP("Domain", "alarm flood"),
    DATA_LOSS: QT_TRANSLATE_NOOP("Domain", "possible data loss"),
    LOW_STOCK: QT_TRANSLATE_NOOP("Domain", "low stock"),
}
_RESOURCE_TYPE = {
    "party_mass_centre": QT_TRANSLATE_NOOP("Domain", "party-mass service centre"),
    "party_mass_station": QT_TRANSLATE_NOOP("Domain", "party-mass service station"),
    "grid_station": QT_TRANSLATE_NOOP("Domain", "grid work station"),
    "e_bike": QT_TRANSLATE_NOOP("Domain", "patrol e-bike"),
    "car": QT_TRANSLATE_NOOP("Domain", "car"),
    "station": QT_TRANSLATE_NOOP("Domain", "cache at a station"),
    "school": QT_TRANSLATE_NOOP("Domain", "cache at a school"),
    "market": QT_TRANSLATE_NOOP("Domain", "cache at a market"),
    "hospital": QT_TRANSLATE_NOOP("Domain", "cache at a hospital"),
    "office_tower": QT_TRANSLATE_NOOP("Domain", "cache at an office tower"),
    "park": QT_TRANSLATE_NOOP("Domain", "cache in a park"),
    "street_front": QT_TRANSLATE_NOOP("Domain", "cache on a street front"),
    "residential": QT_TRANSLATE_NOOP("Domain", "cache in a residential block"),
}
_RESOURCE_STATUS = {
    ResourceStatus.AVAILABLE: QT_TRANSLATE_NOOP("Domain", "available"),
    ResourceStatus.DISPATCHED: QT_TRANSLATE_NOOP("Domain", "dispatched"),
    ResourceStatus.ON_SCENE: QT_TRANSLATE_NOOP("Domain", "on scene"),
}
_ITEM_OFFER_REASON = {
    "nearest": QT_TRANSLATE_NOOP("Domain", "nearest"),
    "nearer_closed": QT_TRANSLATE_NOOP("Domain", "nearer ones closed now"),
    "nearer_out": QT_TRANSLATE_NOOP("Domain", "nearer ones out or used up"),
    "next": QT_TRANSLATE_NOOP("Domain", "next nearest"),
}
"""Why a place is offered for an item (:class:`cockpit.item_offers.ItemOffer` ``reason``)."""
_COVERAGE_KIND = {
    "station": QT_TRANSLATE_NOOP("Domain", "stations"),
    "e_bike": QT_TRANSLATE_NOOP("Domain", "patrol e-bikes"),
    "car": QT_TRANSLATE_NOOP("Domain", "cars"),
}
"""Coverage kinds that are not items (items are named by the catalogue, in both languages)."""


def _domain(table: dict, key: object) -> str:
    source = table.get(key)
    return QCoreApplication.translate("Domain", source) if source else str(key)


def risk_name(risk: RiskLevel) -> str:
    """Risk level for display (红 / red)."""
    return _domain(_RISK, risk)


def status_name(status: CaseStatus) -> str:
    return _domain(_STATUS, status)


def source_name(source: Source) -> str:
    return _domain(_SOURCE, source)


def owner_name(level: OwnerLevel) -> str:
    return _domain(_OWNER, level)


def staff_kind_name(kind: StaffKind) -> str:
    return _domain(_STAFF_KIND, kind)


def staff_status_name(status: StaffStatus) -> str:
    return _domain(_STAFF_STATUS, status)


def department_name(department: Department | str) -> str:
    return _domain(_DEPARTMENT, Department(department))


def reason_name(code: str) -> str:
    """A dispatch recommendation's reason code (home_grid, nearest, ...) for display."""
    return _domain(_REASON, code)


def policy_name(name: str) -> str:
    return _domain(_POLICY, name)


def skill_name(skill: str) -> str:
    """A qualification (first_aid, fire_safety...) for display."""
    return _domain(_SKILL, skill)


def travel_mode_name(code: str) -> str:
    """A travel mode (walk, e_bike, car) in the current language, as the travel profile names it."""
    mode = default_profile().modes.get(code)
    if mode is None:
        return code
    return mode.name_zh if is_chinese() else mode.name_en


def recommendation_text(twin: TwinState, case: Case, rec: Recommendation) -> str:
    """One ranked option with the facts behind its place, as the operator reads it.

    "网格员 张三 · 4 分钟(电动车) · 350 m · 本网格 · 有急救技能 · 空闲": who, the arrival by road
    and mode, how far, home grid or community, the needed skill they hold, and their load.
    """
    member = twin.street.staff_member(rec.staff_id)
    kind = department_name(member.department) if member.department is not None else staff_kind_name(member.kind)
    parts = [f"{kind} {member.name}",
             QCoreApplication.translate("Domain", "{eta} min ({mode})").format(eta=max(1, round(rec.eta_minutes)),
                                                       mode=travel_mode_name(TRAVEL_MODE[member.kind])),
             f"{int(round(rec.distance_m, -1))} m"]
    if member.home_general_grid_id == case.general_grid_id:
        parts.append(reason_name("home_grid"))
    elif member.home_community_id == case.community_id:
        parts.append(reason_name("home_community"))
    skill = twin.categories[case.category].skill
    if skill != GENERAL_SKILL and skill in member.skills:
        parts.append(QCoreApplication.translate("Domain", "has {skill}").format(skill=skill_name(skill)))
    parts.append(QCoreApplication.translate("Domain", "idle") if rec.workload == 0
                 else QCoreApplication.translate("Domain", "{n} open").format(n=rec.workload))
    return " · ".join(parts)
def kpi_name(kpi: Kpi) -> str:
    return QCoreApplication.translate("Kpi", _KPI.get(kpi.key, kpi.title))


def kpi_value(kpi: Kpi, value: float) -> str:
    """``value`` in the KPI's unit, as a tile shows it."""
    if kpi.unit == SHARE:
        return f"{value * 100:.0f} %"
    if kpi.unit == MINUTES:
        return QCoreApplication.translate("Kpi", "{m:.0f} min").format(m=value)
    if kpi.unit == HOURS:
        return QCoreApplication.translate("Kpi", "{h:.1f} h").format(h=value)
    if kpi.unit == RATING:
        return f"{value:.1f} / 5"
    return f"{value:,.0f}" if kpi.unit == COUNT else f"{value:g}"


def kpi_target(kpi: Kpi) -> str | None:
    """The KPI's target in words (``target ≤ 2 h``), or None without one."""
    target = kpi.target
    if target is None:
        return None
    bound = target.bound
    if kpi.unit == MINUTES and bound >= 60 and bound % 60 == 0:
        shown = QCoreApplication.translate("Kpi", "{h:.0f} h").format(h=bound / 60)
    else:
        shown = kpi_value(kpi, bound)
    text = QT_TRANSLATE_NOOP("Kpi", "target ≤ {bound}") if target.at_most else QT_TRANSLATE_NOOP("Kpi", "target ≥ {bound}")
    return QCoreApplication.translate("Kpi", text).format(bound=shown)


def kpi_part_name(kpi: Kpi, part: str) -> str:
    """The name of one part of a KPI with parts (the owner levels of ``resolved_at_level``)."""
    if part in OwnerLevel.__members__.values():
        return owner_name(OwnerLevel(part))
    return QCoreApplication.translate("Kpi", part)


def event_name(event_type: str) -> str:
    """A transition's event type (CaseDispatched...) as a verb for the timeline."""
    return _domain(_EVENT, event_type)


def alarm_kind_name(kind: str) -> str:
    return _domain(_ALARM_KIND, kind)


def resource_type_name(code: str) -> str:
    """What a station, vehicle or cache is (网格工作站 / grid work station)."""
    return _domain(_RESOURCE_TYPE, code)


def resource_status_name(status: ResourceStatus) -> str:
    return _domain(_RESOURCE_STATUS, status)


def item_name(items: Mapping[str, Item], code: str) -> str:
    """An emergency item's name in the current language (AED除颤仪 / AED)."""
    item = items.get(code)
    if item is None:
        return code
    return item.name("zh" if is_chinese() else "en")


def item_offer_reason_name(code: str) -> str:
    return _domain(_ITEM_OFFER_REASON, code)


def coverage_kind_name(items: Mapping[str, Item], code: str) -> str:
    """A coverage kind of :mod:`cockpit.allocation.coverage`: stations, a vehicle type or an item."""
    return _domain(_COVERAGE_KIND, code) if code in _COVERAGE_KIND else item_name(items, code)


def sensor_kind_name(kind: SensorKind | str) -> str:
    """A sensor's kind for display (烟感 / smoke detector)."""
    return _domain(_SENSOR_KIND, SensorKind(kind))


def category_name(categories: CategoryTable, code: str) -> str:
    """The category's Chinese or English name, following the current language."""
    if code not in categories:
        return code
    return categories[code].name("zh" if is_chinese() else "en")


def community_name(street: Street, community_id: str | None) -> str:
    """The community's name in the current language (its id if unknown)."""
    if not community_id or not street.has("communities", community_id):
        return community_id or ""
    community = street.community(community_id)
    return community.name if is_chinese() else community.name_en


def _in_community(street: Street, community_id: str, grid_id: str) -> str:
    """English name of a grid: grids have only Chinese names, so the community's name and the grid's id."""
    return f"{community_name(street, community_id)} · {grid_id}"


def grid_name(street: Street, general_grid_id: str | None) -> str:
    """A general grid's name: 永丰社区第2网格 in Chinese, "Yongfeng Community · C03-G02" in English."""
    if not general_grid_id or not street.has("general_grids", general_grid_id):
        return general_grid_id or ""
    grid = street.general_grid(general_grid_id)
    return grid.name if is_chinese() else _in_community(street, grid.community_id, grid.id)


def micro_grid_name(street: Street, micro_grid_id: str | None) -> str:
    """A micro-grid's name: its Chinese name, or "Yongfeng Community · C03-G02-M05" in English."""
    if not micro_grid_id or not street.has("micro_grids", micro_grid_id):
        return micro_grid_id or ""
    grid = street.micro_grid(micro_grid_id)
    return grid.name if is_chinese() else _in_community(street, grid.community_id, grid.id)


def place_name(street: Street, community_id: str | None = None, general_grid_id: str | None = None,
               micro_grid_id: str | None = None) -> str:
    """Where a place is, from community down to micro-grid, in the current language, without repeats.

    An area whose name the next finer one already begins with is left out: 永丰社区第2网格第5微网格
    (or "Yongfeng Community · C03-G02-M05") says its community and grid, while a micro-grid named
    on its own ("3号楼") keeps them in front ("永丰社区 / 永丰社区第2网格 / 3号楼").
    """
    names = [name for name in (community_name(street, community_id), grid_name(street, general_grid_id),
                               micro_grid_name(street, micro_grid_id)) if name]
    kept = [name for name, finer in zip(names, names[1:] + [""]) if not (finer and finer.startswith(name))]
    return " / ".join(kept)


def actor_name(street: Street, actor: str) -> str:
    """Who took a step, for display: a staff member's name, the rules or a resident in words, else the
    user name (an account)."""
    if street.has("staff", actor):
        return street.staff_member(actor).name
    source = _ACTOR.get(actor)
    return QCoreApplication.translate("Actor", source) if source else actor


def staff_name(street: Street, staff_id: str | None) -> str:
    if not staff_id:
        return ""
    return street.staff_member(staff_id).name if street.has("staff", staff_id) else staff_id


def local_time(at: datetime | None, with_date: bool = False, with_seconds: bool = False) -> str:
    """A UTC time shown in Asia/Shanghai: "20:14", "11-24 20:14" or "11-24 20:14:05"."""
    if at is None:
        return ""
    pattern = ("%m-%d " if with_date else "") + "%H:%M" + (":%S" if with_seconds else "")
    return at.astimezone(LOCAL_TZ).strftime(pattern)


def countdown(left: timedelta) -> str:
    """Time to a deadline, negative once past: "5 h 03 min" / "-1 h 20 min" (translated units)."""
    seconds = int(left.total_seconds())
    sign = "-" if seconds < 0 else ""
    minutes = abs(seconds) // 60
    hours, minutes = divmod(minutes, 60)
    if hours:
        text = QCoreApplication.translate("Format", "{h} h {m:02d} min").format(h=hours, m=minutes)
    else:
        text = QCoreApplication.translate("Format", "{m} min").format(m=minutes)
    return sign + text
