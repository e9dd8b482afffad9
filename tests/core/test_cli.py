"""The command line's output contract: one JSON object with --json, one clear line on errors."""

from __future__ import annotations

import json

import pytest

from cockpit.cli import main


def test_info_json_reports_the_calibrated_street(capsys):
    assert main(["info", "--json"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert out.count("\n") == 1
    assert data["communities"] == 23 and data["micro_grids"] == 536
    assert set(data["sensors"]) >= {"smoke", "bracelet", "water_meter", "manhole", "camera", "parking", "environment"}
    assert 1500 <= sum(data["sensors"].values()) <= 1900
    assert data["staff"]["grid_worker"] == data["general_grids"]


def test_bad_arguments_give_one_line_and_non_zero(capsys):
    assert main(["snapshot", "--out", "x.png", "--size", "big"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["cockpit: --size must look like 1920x1080, not 'big'"]
    with pytest.raises(SystemExit) as exc:
        main(["nonsense"])
    assert exc.value.code == 2


def test_window_commands_need_the_entry_point_that_plugs_them_in(capsys):
    assert main(["demo"]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "cockpit: this command opens a window: run it with the installed `cockpit` command"]
