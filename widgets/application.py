"""The Qt application of a cockpit process: one QApplication, named, in a language, with a font that shows Chinese."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from widgets.i18n import LanguageSwitcher, cjk_font_family
from widgets.theme import set_base_font


def application(argv: Sequence[str] | None = None, headless: bool = False) -> QApplication:
    """The running QApplication, or a new one (offscreen when ``headless``)."""
    app = QApplication.instance()
    if app is None:
        if headless:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        # Qt's own dialogs (file, colour, message) speak the cockpit's language through the qtbase
        # translations; a desktop's native file dialog would follow the system's locale instead.
        QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
        app = QApplication(list(argv) if argv is not None else [sys.argv[0]])
        app.setApplicationName("Street Cockpit")
        app.setOrganizationName("street-cockpit")
    return app  # type: ignore[return-value]


def set_up_language(app: QApplication, lang: str) -> tuple[LanguageSwitcher, str | None]:
    """Show ``app`` in ``lang`` ("zh" or "en") in an installed CJK font if there is one.

    Returns the language switcher (the menu changes the language through it) and the warning to
    show when no CJK font is installed, or None.
    """
    languages = LanguageSwitcher(app)
    languages.set_language(lang)
    family = cjk_font_family()
    set_base_font(app, family)
    if family is None:
        return languages, ("No Chinese (CJK) font is installed: Chinese text will show as boxes. "
                           "Install fonts-noto-cjk (Debian) or another Simplified Chinese font.")
    return languages, None
