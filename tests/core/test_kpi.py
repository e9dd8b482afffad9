"""KPIs of hand-made case frames, every figure computed by hand in the comments."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from cockpit.kpi import KPI_KEYS, compute_kpis, in_window, kpi_rows, kpis_by, roster_hours
from tests.core.history_rows import at, frame, row

NOW = at(50)


def _case(case_id, reported, accepted=None, resolved=None, closed=None, **values):
    """A case whose triage and dispatch come 6 and 12 minutes after its report."""
    return row(case_id, reported_at=reported, triaged_at=reported + 0.1, dispatched_at=reported + 0.2,
               accepted_at=accepted, on_scene_at=None, resolved_at=resolved, closed_at=closed,
               satisfaction=values.pop("satisfaction", None), **values)


@pytest.fixture
def cases() -> pd.DataFrame:
    return frame(
        # A: blue, response 30 min, resolved in 2 h, closed, rated 5.
        _case("A", 0, accepted=0.5, resolved=2, closed=3, satisfaction=5, assignee="W1"),
        # B: yellow, response 180 min (late), resolved at 49 h > its 48 h deadline: overdue; community.
        _case("B", 0, accepted=3, resolved=49, risk_level="yellow", source="resident",
              owner_level="community", escalations=1, assignee="W1"),
        # C: red, response 15 min, resolved in 2 h at street level, closed, rated 3; other community.
        _case("C", 10, accepted=10.25, resolved=12, closed=14, satisfaction=3, risk_level="red",
              source="sensor", owner_level="street", assignee="T1", community="C02",
              general_grid="C02-G01", micro_grid="C02-G01-M01"),
        # D: dispatched at 20.2 h, never accepted; open at 50 h and past its 24 h deadline (44 h).
        _case("D", 20, source="resident", assignee="W2"),
        # E: reported 1 h before now: open, not overdue, its 2 h response window still running.
        _case("E", 49, source="department", assignee="W2"),
        # F: accepted after 30 min but resolved only at 60 h, after now: open and overdue at 50 h,
        #    and its rating (given at closing, 61 h) is not known yet.
        _case("F", 1, accepted=1.5, resolved=60, closed=61, satisfaction=4, assignee="W2"),
    )


def test_every_kpi_at_a_moment_by_hand(cases):
    k = compute_kpis(cases, now=NOW)
    assert list(k) == list(KPI_KEYS)
    assert k["cases"] == 6
    assert k["open_cases"] == 3  # D, E, F
    assert k["response_minutes_mean"] == pytest.approx((30 + 180 + 15 + 30) / 4)
    assert k["response_minutes_p90"] == pytest.approx(30 + 0.7 * (180 - 30))  # linear, of 15 30 30 180
    assert k["response_within_target_rate"] == pytest.approx(3 / 5)  # A C F of A B C D F (E undecided)
    assert k["resolution_hours_mean"] == pytest.approx((2 + 49 + 2) / 3)
    assert k["closure_rate"] == pytest.approx(2 / 6)
    assert k["overdue_cases"] == 3  # B, D, F
    assert k["overdue_rate"] == pytest.approx(3 / 6)
    assert k["satisfaction_mean"] == pytest.approx(4.0)  # A 5 and C 3; F's rating comes later
    assert k["satisfaction_rate"] == pytest.approx(1 / 2)
    assert k["proactive_discovery_rate"] == pytest.approx(3 / 6)  # A F patrol, C sensor
    assert k["source_resolution_rate"] == pytest.approx(1 / 3)
    assert k["resolved_at_level"] == pytest.approx({"grid": 1 / 3, "community": 1 / 3, "street": 1 / 3})
    # Busy: W1 0.5-2 and 3-49 = 47.5 h, T1 10.25-12 = 1.75 h, W2 (F) 1.5-50 = 48.5 h.
    # On duty: 3 people x 8 h a day x 50 h / 24 h = 50 h.
    assert k["staff_utilisation"] == pytest.approx((47.5 + 1.75 + 48.5) / 50)


def test_now_defaults_to_the_latest_time_in_the_frame(cases):
    k = compute_kpis(cases)  # now = 61 h, F's closing
    assert k["open_cases"] == 2  # D and E
    assert k["satisfaction_mean"] == pytest.approx((5 + 3 + 4) / 3)


def test_an_earlier_moment_sees_only_what_had_happened(cases):
    k = compute_kpis(cases, now=at(1))
    assert (k["cases"], k["open_cases"], k["closure_rate"], k["overdue_rate"]) == (3, 3, 0.0, 0.0)
    assert k["resolution_hours_mean"] is None and k["satisfaction_rate"] is None
    assert k["response_minutes_mean"] == pytest.approx(30)  # only A was accepted


def test_roster_hours_set_the_denominator_of_utilisation(cases, tiny_street):
    k = compute_kpis(cases, now=NOW, roster={"W1": 24, "T1": 24, "W2": 24})
    assert k["staff_utilisation"] == pytest.approx(97.75 / 150)
    hours = roster_hours(tiny_street)
    assert hours["GW-C01-G01"] == pytest.approx(9.5) and hours["PROP-1"] == pytest.approx(14.5)


def test_overlapping_cases_of_one_person_count_once():
    df = frame(_case("A", 0, accepted=0.5, resolved=2, assignee="W1"),
               _case("B", 0, accepted=1, resolved=3, assignee="W1"))
    k = compute_kpis(df, now=at(24), roster={"W1": 24})
    assert k["staff_utilisation"] == pytest.approx(2.5 / 24)


def test_a_reopen_still_in_the_future_leaves_the_case_resolved():
    df = frame(row("G", reopened=1, first_resolved_at=5, reopened_at=60, resolved_at=62, closed_at=63))
    k = compute_kpis(df, now=NOW)
    assert k["open_cases"] == 0 and k["resolution_hours_mean"] == pytest.approx(5)
    later = compute_kpis(df, now=at(61))
    assert later["open_cases"] == 1


def test_merged_and_rejected_twin_cases_are_not_counted(cases):
    cases["status"] = ["closed", "resolved", "closed", "merged", "rejected", "on_scene"]
    assert compute_kpis(cases, now=NOW)["cases"] == 4


def test_kpis_by_area_judge_every_group_at_the_same_moment(cases):
    table = kpis_by(cases, "community", now=NOW)
    assert table.index.tolist() == ["C01", "C02"]
    assert table.loc["C01", "cases"] == 5 and table.loc["C02", "cases"] == 1
    assert table.loc["C01", "overdue_rate"] == pytest.approx(3 / 5)
    assert table.loc["C02", "resolved_at_street"] == pytest.approx(1.0)
    assert table.loc["C01", "staff_utilisation"] == pytest.approx((47.5 + 48.5) / (2 * 8 * 50 / 24))
    rows = kpi_rows(table)
    assert rows["C02"]["satisfaction_rate"] == 0.0 and rows["C02"]["resolved_at_level"]["street"] == 1.0
    json.dumps(rows, allow_nan=False)
    with pytest.raises(KeyError, match="unknown column 'district'"):
        kpis_by(cases, "district")


def test_a_time_window_and_an_empty_frame(cases):
    window = in_window(cases, at(0.5), at(20))
    assert window["case_id"].tolist() == ["C", "F"]
    empty = compute_kpis(cases.iloc[:0])
    assert empty["cases"] == 0 and empty["overdue_rate"] is None
    assert empty["resolved_at_level"] == {"grid": None, "community": None, "street": None}
    json.dumps(empty, allow_nan=False)


def test_the_registry_names_every_kpi_once_with_a_unit_and_takes_targets_from_the_table():
    from cockpit.kpi import KPIS, UNITS
    from cockpit.vocabulary.targets import AREA_OVERDUE_ALARM_RATE, RESPONSE_TARGET, kpi_targets

    assert KPI_KEYS == tuple(KPIS) and len(set(KPI_KEYS)) == len(KPI_KEYS)
    assert all(kpi.unit in UNITS and kpi.denominator and kpi.title for kpi in KPIS.values())
    assert set(kpi_targets()) <= set(KPIS)
    assert KPIS["response_minutes_mean"].target.bound == RESPONSE_TARGET.total_seconds() / 60 == 120
    assert KPIS["overdue_rate"].target.bound == AREA_OVERDUE_ALARM_RATE == 0.10
    assert KPIS["satisfaction_rate"].target.met(0.9) and not KPIS["satisfaction_rate"].target.met(0.89)
    assert KPIS["cases"].target is None


def test_a_targets_table_with_a_bad_entry_names_it(tmp_path):
    from cockpit.vocabulary.targets import load_targets

    path = tmp_path / "targets.toml"
    path.write_text("version = 1\n[overdue_rate]\nat_most = 0.1\nat_least = 0.2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="overdue_rate: give exactly one"):
        load_targets(path)
    path.write_text('[overdue_rate]\nat_most = "low"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="overdue_rate.at_most: must be a finite number"):
        load_targets(path)
