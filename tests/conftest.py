"""Test-wide set-up: real-server fixtures, the Qt leak check and a headless Qt by default."""

import os

# Before anything imports Qt: tests never need a display, and a developer's DISPLAY must not
# make windows pop up. Exporting another platform (e.g. xcb) still works for debugging.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = [
    "tests.fixtures.postgres",
    "tests.fixtures.mosquitto",
    "tests.fixtures.qt_leaks",
    "pytester",
]
