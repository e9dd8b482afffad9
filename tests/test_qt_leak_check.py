"""The autouse Qt leak check fails a widget test that leaves a thread or an app timer running."""

import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LEAKY_TESTS = textwrap.dedent(
    """
    from PySide6.QtCore import QThread, QTimer

    def test_leaves_thread(qtbot):
        thread = QThread()
        thread.start()
        test_leaves_thread.thread = thread

    def test_leaves_timer(qapp):
        timer = QTimer(qapp)
        timer.setObjectName("kpi-refresh")
        timer.start(100)

    def test_cleans_up(qtbot):
        thread = QThread()
        with qtbot.waitSignal(thread.started):
            thread.start()
        thread.quit()
        thread.wait()
    """
)


def test_leaked_thread_and_timer_fail_and_clean_test_passes(pytester, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makeconftest('pytest_plugins = ["tests.fixtures.qt_leaks"]')
    pytester.makepyfile(test_leaky=LEAKY_TESTS)

    result = pytester.runpytest_subprocess("-o", "qt_api=pyside6")

    result.assert_outcomes(passed=3, errors=2)
    result.stdout.fnmatch_lines(
        [
            "*QThread started at *test_leaky.py:5 was still running*",
            "*QTimer kpi-refresh of the application (interval 100 ms) was still active*",
        ]
    )
