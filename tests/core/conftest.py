"""Fixtures shared by the core tests."""

from __future__ import annotations

import pytest

from cockpit.street.model import Street
from tests.core import tiny


@pytest.fixture
def tiny_street() -> Street:
    """A small hand-made street: 2 communities, 4 general grids, 8 micro-grids, a few staff and sensors.

    Built from the :mod:`cockpit.street.model` classes (see tests/core/tiny.py for the layout);
    shared by every test, so treat it as read-only.
    """
    return tiny.tiny_street()
