"""Named random streams, so that common random numbers line up across compared scenarios.

Every random quantity of a replication comes from its own stream, named by purpose and class
(``("arrivals", "red")``, ``("service", "red")``, ...). A stream is a numpy ``SeedSequence`` with
the spawn key ``(replication, purpose, name)`` under the experiment's seed: the mechanism
``SeedSequence.spawn`` uses, keyed by name instead of by call order. Replication i of two scenarios
therefore draws the same arrivals and service times for a class they share, whatever else differs.
"""

from __future__ import annotations

import zlib

import numpy as np


def _code(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def stream(seed: int, replication: int, purpose: str, name: str = "") -> np.random.Generator:
    """The generator for one purpose (and class) of one replication under ``seed``."""
    sequence = np.random.SeedSequence(entropy=seed, spawn_key=(replication, _code(purpose), _code(name)))
    return np.random.default_rng(sequence)
