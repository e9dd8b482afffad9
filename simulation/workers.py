"""The worker processes that run replications in parallel: one way to start them, with the streets they need.

Workers fork from a fork server that imported the simulator once (where the platform has one;
elsewhere they are spawned): a fresh interpreter per worker spends seconds importing pandas,
scipy and shapely, and the program that asks for workers (the cockpit, with its Qt threads) is
never forked itself. The server lives as long as the program, so every pool after the first
starts in a fraction of a second.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable

from simulation.street import install_street_models, street_models_for

PRELOAD = ["simulation.replication"]
"""Modules the fork server imports once for all its workers."""


def street_pool(workers: int, scenarios: Iterable, start_method: str | None = None) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes holding the street models ``scenarios`` run in (generated here, once).

    ``start_method`` names another way to start them (``"spawn"``: a benchmark's baseline).
    """
    context = _context() if start_method is None else multiprocessing.get_context(start_method)
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=install_street_models,
                               initargs=(street_models_for(scenarios),))


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context
