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
