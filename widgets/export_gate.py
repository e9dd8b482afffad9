"""Exports from the panels go through the session's export gate, and a refusal is shown, not lost.

A panel that writes data out (the case queue's CSV, a debrief, scenario results) is given the
session's :data:`~cockpit.security.authorizer.ExportCheck`: before writing it asks whether the
logged-in account may export now (the check is audited, and so is the export), and its export
method raises :class:`~cockpit.security.permissions.PermissionDenied` otherwise. The button's
handler runs the export through :func:`export_or_explain`, which shows the refusal in a message box.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from cockpit.security.permissions import PermissionDenied


def export_or_explain(parent: QWidget, export: Callable[[], object]) -> bool:
    """Run ``export``; if the account may not export, say why in a message box. True if it ran."""
    try:
        export()
    except PermissionDenied as refused:
        QMessageBox.warning(parent, QCoreApplication.translate("ExportGate", "Export refused"), str(refused))
        return False
    return True
