"""BrokerConfig: broker URLs and the reconnect backoff."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cockpit.ingest.broker_config import BrokerConfig


@pytest.mark.parametrize(("url", "host", "port", "tls"), [
    ("mqtt://broker.local", "broker.local", 1883, False),
    ("mqtt://10.0.0.5:1884", "10.0.0.5", 1884, False),
    ("mqtts://broker.local", "broker.local", 8883, True),
])
def test_a_broker_url_gives_host_port_and_tls(url, host, port, tls) -> None:
    config = BrokerConfig(url=url)
    assert (config.host, config.port, config.tls) == (host, port, tls)


@pytest.mark.parametrize("url", ["http://broker:1883", "mqtt://", "broker:1883"])
def test_a_url_that_is_not_mqtt_is_refused(url) -> None:
    with pytest.raises(ValueError, match="mqtt://HOST:PORT"):
        BrokerConfig(url=url).host


@given(attempt=st.integers(0, 1000), seed=st.integers(0, 2**32))
def test_backoff_doubles_up_to_its_ceiling_with_at_most_half_jitter(attempt, seed) -> None:
    config = BrokerConfig(url="mqtt://b", backoff_min_s=0.1, backoff_max_s=5.0)
    ceiling = min(5.0, 0.1 * 2 ** min(attempt, 20))
    assert ceiling / 2 <= config.backoff_s(attempt, random.Random(seed)) <= ceiling


def test_backoff_reaches_its_ceiling_after_six_attempts() -> None:
    config = BrokerConfig(url="mqtt://b", backoff_min_s=0.1, backoff_max_s=5.0)
    rng = random.Random(1)
    assert all(config.backoff_s(n, rng) < 2.5 for n in range(5))
    assert all(2.5 <= config.backoff_s(n, rng) <= 5.0 for n in range(6, 30))
