"""Roles that work at street level only: neither the administrator nor the auditor can be scoped to a
community (issue 19: dropping the administrator from the street-only roles went unnoticed).
"""

from __future__ import annotations

import pytest

from cockpit.security.permissions import STREET_ONLY_ROLES, Role, User
from cockpit.security.users import SecurityError, UserStore
from tests.core.test_security import db  # noqa: F401  (fixture)


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.AUDITOR])
def test_a_street_level_role_refuses_an_area(db, role):  # noqa: F811
    store = UserStore(db)
    with pytest.raises(SecurityError, match=f"a {role.value} works at street level; give no area"):
        store.add("someone", "long enough pw", role, "C01")
    assert store.add("someone", "long enough pw", role).scope_area is None


def test_only_the_administrator_and_the_auditor_are_street_only():
    assert STREET_ONLY_ROLES == {Role.ADMINISTRATOR, Role.AUDITOR}


def test_a_user_record_cannot_be_widened_after_the_check():
    user = User("op01", Role.OPERATOR, "C01")
    with pytest.raises(AttributeError):
        user.scope_area = None  # a held record must not turn into a street-level one
    assert not hasattr(user, "__dict__")  # slotted: no attribute can be added beside the fields
    assert (user.scope_label, User("admin", Role.ADMINISTRATOR).scope_label) == ("C01", "street")
    assert not user.disabled
