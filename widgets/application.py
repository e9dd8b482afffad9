"""The Qt application of a cockpit process: one QApplication, named, with a font that shows Chinese."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from widgets.i18n import cjk_font_family
from widgets.theme import set_base_font


def application(argv: Sequence[str] | None = None, headless: bool = False) -> QApplication:
    """The running QApplication, or a new one (offscreen when ``headless``)."""
    app = QApplication.instance()
    if app is None:
        if headless:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication(list(argv) if argv is not None else [sys.argv[0]])
        app.setApplicationName("Street Cockpit")
        app.setOrganizationName("street-cockpit")
    return app  # type: ignore[return-value]


def check_cjk_font(app: QApplication) -> str | None:
    """Prefer an installed CJK font; returns the warning to show if there is none."""
    family = cjk_font_family()
    set_base_font(app, family)
    if family is None:
        return ("No Chinese (CJK) font is installed: Chinese text will show as boxes. "
                "Install fonts-noto-cjk (Debian) or another Simplified Chinese font.")
    return None
