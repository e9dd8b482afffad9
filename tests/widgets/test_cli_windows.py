"""The `cockpit` entry point reaches the windows; the core's command line alone refuses them."""

from __future__ import annotations

import json

from PySide6.QtGui import QImage

from widgets.cli import main


def test_cockpit_snapshot_through_the_entry_point_writes_a_png(tmp_path, capsys):
    out = tmp_path / "wall.png"
    assert main(["snapshot", "--out", str(out), "--size", "960x540", "--minutes", "2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"out": str(out), "size": [960, 540], "page": "map", "lang": "zh"}
    image = QImage(str(out))
    assert (image.width(), image.height()) == (960, 540)
    assert len({image.pixel(x, y) for x in range(0, 960, 40) for y in range(0, 540, 40)}) > 1


def test_a_chinese_snapshot_leaves_the_application_language_as_it_was(tmp_path, languages):
    from PySide6.QtCore import QCoreApplication

    from widgets.i18n import is_chinese

    assert main(["snapshot", "--out", str(tmp_path / "zh.png"), "--size", "640x360", "--minutes", "1"]) == 0
    assert not is_chinese()
    assert QCoreApplication.translate("AlarmBanner", "{n} more waiting") == "{n} more waiting"
