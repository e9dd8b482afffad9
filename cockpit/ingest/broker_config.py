"""Where the cockpit's broker is and how to connect to it: a value both ingest processes share."""

from __future__ import annotations

import random
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True, slots=True)
class BrokerConfig:
    """Where and how to connect.

    ``url`` is ``mqtt://HOST:PORT`` or ``mqtts://HOST:PORT`` (TLS; ``tls_ca`` names the CA file,
    the system trust store is used otherwise).
    """

    url: str
    client_id: str = "street-cockpit-ingest"
    username: str | None = None
    password: str | None = None
    tls_ca: str | None = None
    keepalive_s: int = 30
    qos: int = 1
    mqtt5: bool = True
    backoff_min_s: float = 0.1
    backoff_max_s: float = 5.0

    @property
    def host(self) -> str:
        return _split(self.url)[1]

    @property
    def port(self) -> int:
        return _split(self.url)[2]

    @property
    def tls(self) -> bool:
        return _split(self.url)[0] == "mqtts" or self.tls_ca is not None

    def backoff_s(self, attempt: int, rng: random.Random) -> float:
        """Seconds to wait before retry number ``attempt`` (0, 1, ...): doubling from
        ``backoff_min_s`` up to ``backoff_max_s``, with jitter so that clients spread out."""
        ceiling = min(self.backoff_max_s, self.backoff_min_s * 2 ** min(attempt, 20))
        return ceiling * (0.5 + 0.5 * rng.random())


def _split(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    if parts.scheme not in ("mqtt", "mqtts") or not parts.hostname:
        raise ValueError(f"broker URL must be mqtt://HOST:PORT or mqtts://HOST:PORT, not {url!r}")
    default = 8883 if parts.scheme == "mqtts" else 1883
    return parts.scheme, parts.hostname, parts.port or default
