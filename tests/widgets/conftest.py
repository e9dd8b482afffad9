"""Fixtures of the widget ring: a tiny street twin behind a TwinModel, in Chinese or English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import pytest

from cockpit.sla import live_derivers
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import Source, StaffStatus
from cockpit.vocabulary.events import CaseReported, ClockTick, StaffStatusChanged
from tests.core.tiny import centre, tiny_street

T0 = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)
"""20:00 in Shanghai: the evening shift of the operator journey."""


def report(case_id: str, category: str = "parking_traffic", col: float = 0, row: float = 0,
           at: datetime = T0, source: Source = Source.RESIDENT, risk=None) -> CaseReported:
    """A case reported in the tiny street's cell (col, row)."""
    lon, lat = centre(col, row)
    c, g, m = int(col) // 2 + 1, int(row) + 1, int(col) % 2 + 1
    return CaseReported(at, case_id, category, source, lon, lat, f"C0{c}-G0{g}-M0{m}", f"C0{c}-G0{g}", f"C0{c}",
                        risk=risk)


@pytest.fixture
def twin() -> TwinState:
    """The tiny street at T0 with everybody on duty and no cases."""
    state = TwinState(tiny_street(), derivers=live_derivers())
    state.apply_many([ClockTick(T0)] + [StaffStatusChanged(T0, s, StaffStatus.AVAILABLE) for s in state.staff])
    return state


@pytest.fixture
def model(qtbot, twin):
    """A TwinModel over the tiny twin; its intake timer is stopped at the end."""
    from widgets.twin_model import TwinModel

    twin_model = TwinModel(twin)
    yield twin_model
    twin_model.close()


@pytest.fixture
def languages(qapp) -> Iterator:
    """A LanguageSwitcher set to English; English without translators is left for the next test."""
    from widgets.i18n import LanguageSwitcher

    switcher = LanguageSwitcher(qapp)
    switcher.set_language("en")
    yield switcher
    switcher.set_language("en")


@pytest.fixture
def panel(qtbot, model):
    """A MapPanel on ``model``, shown at 900 x 700 and fitted to the street; closed at the end."""
    from widgets.map_panel import MapPanel

    map_panel = MapPanel(model)
    qtbot.addWidget(map_panel)
    map_panel.resize(900, 700)
    map_panel.show()
    qtbot.waitExposed(map_panel)
    map_panel.fit()
    yield map_panel
    map_panel.close()
