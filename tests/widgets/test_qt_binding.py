"""Guard against Qt binding releases that corrupt Python's reference counts.

PySide6 6.12.0 dropped a reference to None on every Qt call returning void, so a live cockpit
aborted with "none_dealloc" after a few thousand calls. pyproject.toml excludes it; this test keeps
any future release with the same fault out.
"""

import sys

from PySide6.QtCore import QPointF


def test_void_qt_calls_leave_none_refcount_alone():
    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(5000):
        point.setX(1.0)
    assert sys.getrefcount(None) >= before - 50
