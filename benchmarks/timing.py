"""Timing helper shared by the benchmarks (run as scripts: this folder is first on sys.path)."""

from __future__ import annotations

import time


def best_of(repeats: int, function):
    """The shortest of ``repeats`` timed calls of ``function`` (seconds) and the last call's result."""
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result
