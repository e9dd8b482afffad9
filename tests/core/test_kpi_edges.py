"""KPIs at their edges: the empty frame, and times that fall exactly at ``now`` or on a deadline
(issue 19: a rating given exactly at ``now`` and the empty frame's counts were unpinned).
"""

from __future__ import annotations

from datetime import time
from types import SimpleNamespace

import pandas as pd
import pytest

from cockpit.kpi import KPIS, compute_kpis, get_kpi, in_window, kpis_by, roster_hours
from cockpit.street.model import Shift
from tests.core.history_rows import at, frame, row


def test_the_empty_frame_counts_zero_and_measures_nothing():
    empty = compute_kpis(frame(row("A")).iloc[:0])
    assert (empty["cases"], empty["open_cases"], empty["overdue_cases"]) == (0, 0, 0)
    assert all(type(empty[key]) is int for key in ("cases", "open_cases", "overdue_cases"))
    others = {k: v for k, v in empty.items() if KPIS[k].unit != "cases" and k != "resolved_at_level"}
    assert set(others.values()) == {None}


def test_a_rating_given_exactly_at_now_is_known():
    df = frame(row("A", resolved_at=2.0, closed_at=3.0, satisfaction=4),
               row("B", resolved_at=2.0, closed_at=None, satisfaction=2))
    at_close = compute_kpis(df, now=at(3))
    assert at_close["satisfaction_mean"] == pytest.approx(3.0)  # B's rating known at its resolution
    assert at_close["satisfaction_rate"] == pytest.approx(0.5)
    before = compute_kpis(df, now=at(2.999))
    assert before["satisfaction_mean"] == pytest.approx(2.0) and before["satisfaction_rate"] == 0.0
    assert compute_kpis(df, now=at(1.999))["satisfaction_mean"] is None


def test_times_exactly_at_now_have_happened_and_a_deadline_met_exactly_is_not_overdue():
    df = frame(
        row("A", accepted_at=2.0, resolved_at=24.0, closed_at=None),  # resolved exactly at 24 h
        row("B", reported_at=1.0, accepted_at=None, resolved_at=None, closed_at=None),  # open
    )
    k = compute_kpis(df, now=at(25))  # A resolved exactly at its deadline; B open exactly at its own
    assert (k["cases"], k["open_cases"], k["overdue_cases"]) == (2, 1, 0)
    k = compute_kpis(df, now=at(25.001))
    assert (k["open_cases"], k["overdue_cases"], k["overdue_rate"]) == (1, 1, 0.5)
    assert compute_kpis(df, now=at(24))["open_cases"] == 1
    # Accepted exactly at the 2 h response target is within it; decided once 2 h have passed.
    k = compute_kpis(df, now=at(3))
    assert k["response_within_target_rate"] == pytest.approx(1.0)
    assert compute_kpis(df, now=at(3.001))["response_within_target_rate"] == pytest.approx(0.5)
    assert compute_kpis(df, now=at(2))["response_minutes_mean"] == pytest.approx(120)


def test_kpis_by_a_column_counts_each_group_and_leaves_empty_measures_nan():
    df = frame(row("A", satisfaction=5), row("B", community="C02", accepted_at=None, resolved_at=None,
                                               closed_at=None, satisfaction=None))
    table = kpis_by(df, "community", now=at(30))
    assert table["cases"].tolist() == [1.0, 1.0]
    assert table["open_cases"].tolist() == [0.0, 1.0]
    assert table["overdue_cases"].tolist() == [0.0, 1.0]
    assert table.loc["C02", "satisfaction_mean"] != table.loc["C02", "satisfaction_mean"]  # NaN


def test_each_unit_prints_its_own_way_and_undefined_is_a_dash():
    assert KPIS["cases"].text(12345) == "12,345"
    assert KPIS["response_minutes_mean"].text(61.25) == "61.2 min"
    assert KPIS["resolution_hours_mean"].text(2.06) == "2.1 h"
    assert KPIS["overdue_rate"].text(0.1234) == "12.3%"
    assert KPIS["satisfaction_mean"].text(4.256) == "4.26 / 5"
    assert KPIS["overdue_rate"].text(None) == "—"
    assert KPIS["overdue_rate"].text(0.0) == "0.0%"


def test_the_registry_entries_are_frozen_and_name_their_columns():
    with pytest.raises(AttributeError):
        KPIS["cases"].unit = "minutes"
    assert KPIS["resolved_at_level"].columns == ("resolved_at_grid", "resolved_at_community", "resolved_at_street")
    assert KPIS["overdue_rate"].columns == ("overdue_rate",)


def test_a_kpi_is_found_by_key_and_an_unknown_key_lists_the_valid_ones():
    assert get_kpi("overdue_rate") is KPIS["overdue_rate"]
    with pytest.raises(KeyError, match=r"unknown KPI 'speed'; choose one of \['cases', 'open_cases'"):
        get_kpi("speed")


def test_a_window_includes_its_start_and_excludes_its_end():
    df = frame(row("A", reported_at=0.0), row("B", reported_at=1.0), row("C", reported_at=2.0))
    assert in_window(df)["case_id"].tolist() == ["A", "B", "C"]
    assert in_window(df, at(1), at(2))["case_id"].tolist() == ["B"]
    assert in_window(df, start=at(1))["case_id"].tolist() == ["B", "C"]
    assert in_window(df, end=at(1))["case_id"].tolist() == ["A"]


def test_roster_hours_of_day_overnight_and_round_the_clock_shifts():
    shifts = (Shift("day", "白班", time(8), time(17, 30)), Shift("night", "夜班", time(20), time(8)),
              Shift("full", "全天", time(8), time(8)))
    staff = [SimpleNamespace(id=f"P-{s.id}", shift_id=s.id) for s in shifts]
    staff.append(SimpleNamespace(id="P-none", shift_id="unknown"))
    hours = roster_hours(SimpleNamespace(shifts=shifts, staff=staff))
    assert hours == {"P-day": 9.5, "P-night": 12.0, "P-full": 24.0, "P-none": 8.0}


def test_a_window_over_text_times_with_mixed_offsets_compares_instants():
    df = pd.DataFrame({"case_id": ["A", "B", "C"],
                       "reported_at": ["2025-03-03T08:30:00+08:00", "2025-03-03T01:00:00+00:00",
                                       "2025-03-03T10:00:00+09:00"]})
    # 00:30, 01:00 and 01:00 UTC.
    assert in_window(df, at(0.75), at(2))["case_id"].tolist() == ["B", "C"]
