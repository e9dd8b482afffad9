"""Queueing formulas the abstract simulator must reproduce (and a UI can show beside its results).

Erlang C gives the probability of waiting and the mean wait of an M/M/c queue; Cobham's formula
gives the mean wait of each class of a non-preemptive priority M/M/c queue whose classes share one
exponential service rate.
"""

from __future__ import annotations

from typing import Sequence


def erlang_c(servers: int, offered: float) -> float:
    """Probability that an arrival waits in an M/M/c queue with offered load ``offered`` = λ/μ < c."""
    if not 0 <= offered < servers:
        raise ValueError("offered load must be in [0, servers) for a stable queue")
    term = 1.0
    total = 1.0
    for k in range(1, servers):
        term *= offered / k
        total += term
    top = term * offered / servers * servers / (servers - offered)
    return top / (total + top)


def mmc_mean_wait(arrival_rate: float, service_rate: float, servers: int) -> float:
    """Mean queueing delay of M/M/c (time units of the rates)."""
    offered = arrival_rate / service_rate
    return erlang_c(servers, offered) / (servers * service_rate - arrival_rate)


def cobham_mean_waits(arrival_rates: Sequence[float], service_rate: float, servers: int) -> list[float]:
    """Mean queueing delay of each class of a non-preemptive priority M/M/c, most urgent class first.

    W_k = C(c, a) / (c μ) / ((1 - σ_{k-1}) (1 - σ_k)) with σ_k = Σ_{i <= k} λ_i / (c μ).
    """
    offered = sum(arrival_rates) / service_rate
    base = erlang_c(servers, offered) / (servers * service_rate)
    waits = []
    sigma_before = 0.0
    for rate in arrival_rates:
        sigma = sigma_before + rate / (servers * service_rate)
        waits.append(base / ((1 - sigma_before) * (1 - sigma)))
        sigma_before = sigma
    return waits
