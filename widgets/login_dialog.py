"""The production window's login: a user name and a password checked against the local accounts.

Accounts are made with ``cockpit users add``; :meth:`UserStore.authenticate` answers the same way for
an unknown name and a wrong password, counts failures (a run of them locks the account for a while)
and records them in the audit log. The dialog shows the answer in one line, in the UI's language,
and keeps the user name typed, so a second try is only the password.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from cockpit.security.permissions import User
from cockpit.security.users import SecurityError, UserStore
from cockpit.storage.db import StorageError
from widgets.error_text import translated


class LoginDialog(QDialog):
    """Asks for a user name and password until the account store accepts them (or the user cancels).

    Owns nothing but its fields; :attr:`user` is the account once accepted.
    """

    def __init__(self, users: UserStore, street_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.users = users
        self.street_name = street_name
        self.user: User | None = None
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.username_label, self.password_label = QLabel(), QLabel()
        form = QFormLayout(self)
        form.addRow(self.heading)
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        self.retranslate_ui()

    @Slot()
    def try_login(self) -> bool:
        """Check the name and password; accept the dialog on success, else say why in one line."""
        name = self.username.text().strip()
        password = self.password.text()
        self.password.clear()
        if not name or not password:
            self.error.setText(self.tr("Enter your user name and password."))
            return False
        try:
            self.user = self.users.authenticate(name, password)
        except SecurityError as exc:
            self.error.setText(translated(str(exc)))
            self.password.setFocus()
            return False
        except StorageError as exc:
            self.error.setText(self.tr("The account database cannot be read: {reason}").format(reason=exc))
            return False
        self.accept()
        return True

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.setWindowTitle(self.tr("Street Cockpit — log in"))
        self.heading.setText(self.tr("Log in to {street}").format(street=self.street_name))
        self.username_label.setText(self.tr("User name"))
        self.password_label.setText(self.tr("Password"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
