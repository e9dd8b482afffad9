"""The `cockpit` entry point reaches the windows; the core's command line alone refuses them."""

from __future__ import annotations

import json

from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtGui import QImage

from cockpit.cli import WindowCommands
from cockpit.cli import main as core_main
from widgets.cli import main


def _recording_windows(calls: list[dict]) -> WindowCommands:
    def render(out: Path, **options) -> Path:
        calls.append(options)
        return out

    return WindowCommands(run_demo=lambda args: 0, render_snapshot=render, run_replay=lambda args: 0,
                          run_open=lambda args: 0)


def test_cockpit_snapshot_through_the_entry_point_writes_a_png(tmp_path, capsys):
    out = tmp_path / "wall.png"
    assert main(["snapshot", "--out", str(out), "--size", "960x540", "--minutes", "2", "--json"]) == 0
    reply = json.loads(capsys.readouterr().out)
    assert reply.pop("at").endswith("T10:00:00+08:00")  # the latest busy moment, not the wall clock
    assert reply == {"out": str(out), "size": [960, 540], "page": "map", "lang": "zh"}
    image = QImage(str(out))
    assert (image.width(), image.height()) == (960, 540)
    assert len({image.pixel(x, y) for x in range(0, 960, 40) for y in range(0, 540, 40)}) > 1


def test_a_chinese_snapshot_leaves_the_application_language_as_it_was(tmp_path, languages):
    from PySide6.QtCore import QCoreApplication

    from widgets.i18n import is_chinese

    assert main(["snapshot", "--out", str(tmp_path / "zh.png"), "--size", "640x360", "--minutes", "1"]) == 0
    assert not is_chinese()
    assert QCoreApplication.translate("AlarmBanner", "{n} more waiting") == "{n} more waiting"


def test_snapshot_at_takes_local_time_without_an_offset_and_refuses_a_bad_one(capsys):
    calls: list[dict] = []
    windows = _recording_windows(calls)
    assert core_main(["snapshot", "--out", "x.png", "--at", "2026-11-24T15:30", "--json"], windows=windows) == 0
    assert calls[0]["at"] == datetime(2026, 11, 24, 7, 30, tzinfo=timezone.utc)
    assert json.loads(capsys.readouterr().out)["at"] == "2026-11-24T15:30:00+08:00"
    assert core_main(["snapshot", "--out", "x.png", "--at", "2026-11-24T07:30Z"], windows=windows) == 0
    assert calls[1]["at"] == datetime(2026, 11, 24, 7, 30, tzinfo=timezone.utc)
    capsys.readouterr()
    assert core_main(["snapshot", "--out", "x.png", "--at", "tea time"], windows=windows) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "cockpit: --at must be an ISO time like 2026-11-24T10:00, not 'tea time'"]
    assert core_main(["snapshot", "--out", "x.png", "--minutes", "-5"], windows=windows) == 2
    assert len(calls) == 2
