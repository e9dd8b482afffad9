"""The demo street everyone uses: generated once per process from the default seed.

Generation takes well under a second, so the street is kept in memory only (no disk cache);
:data:`~cockpit.street.generator.GENERATOR_VERSION` marks output changes for anyone storing it.
"""

from __future__ import annotations

import functools

from cockpit.street.generator import DEFAULT_SEED, generate_demo_street
from cockpit.street.model import Street


def load_demo_street(seed: int = DEFAULT_SEED) -> Street:
    """The demo street for ``seed``, generated on first use and shared afterwards.

    The returned street is shared by every caller in the process: treat it as read-only.
    """
    return _cached(int(seed))


@functools.cache
def _cached(seed: int) -> Street:
    return generate_demo_street(seed)
