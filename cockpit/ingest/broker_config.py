"""Where the cockpit's broker is and how to connect to it: a value both ingest processes share."""

from __future__ import annotations

import random
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

PASSWORD_ENV = "STREET_COCKPIT_MQTT_PASSWORD"
"""The environment variable a broker password may come from (a command-line argument would show
it to every user of the machine in ``ps``)."""


@dataclass(frozen=True, slots=True)
class BrokerConfig:
    """Where and how to connect.

    ``url`` is ``mqtt://HOST:PORT`` or ``mqtts://HOST:PORT`` (TLS; ``tls_ca`` names the CA file,
    the system trust store is used otherwise; ``tls_cert`` and ``tls_key`` the client certificate
    and its key, for a broker that requires one).
    """

    url: str
    client_id: str = "street-cockpit-ingest"
    username: str | None = None
    password: str | None = None
    tls_ca: str | None = None
    tls_cert: str | None = None
    tls_key: str | None = None
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
        return _split(self.url)[0] == "mqtts" or self.tls_ca is not None or self.tls_cert is not None

    def tls_arguments(self) -> dict[str, str | None]:
        """Keyword arguments of paho's ``tls_set`` for this connection (the CA, the client's
        certificate and key); the server's certificate and host name are always verified."""
        return {"ca_certs": self.tls_ca, "certfile": self.tls_cert, "keyfile": self.tls_key}

    def backoff_s(self, attempt: int, rng: random.Random) -> float:
        """Seconds to wait before retry number ``attempt`` (0, 1, ...): doubling from
        ``backoff_min_s`` up to ``backoff_max_s``, with jitter so that clients spread out."""
        ceiling = min(self.backoff_max_s, self.backoff_min_s * 2 ** min(attempt, 20))
        return ceiling * (0.5 + 0.5 * rng.random())


@dataclass(frozen=True, slots=True)
class BrokerLogin:
    """Who the cockpit is at an external broker: account, password and TLS files."""

    username: str | None = None
    password: str | None = None
    tls_ca: str | None = None
    tls_cert: str | None = None
    tls_key: str | None = None

    @classmethod
    def of(cls, username: str | None = None, password_file: str | None = None, tls_ca: str | None = None,
           tls_cert: str | None = None, tls_key: str | None = None,
           environ: Mapping[str, str] | None = None) -> BrokerLogin:
        """The login with its password read from ``password_file`` (its first line), else from
        :data:`PASSWORD_ENV`, else none.

        Raises
        ------
        ValueError
            The file cannot be read, or a certificate is given without its key (or the reverse).
        """
        password = None
        if password_file is not None:
            try:
                password = Path(password_file).read_text(encoding="utf-8").splitlines()[0]
            except (OSError, UnicodeDecodeError, IndexError) as exc:
                reason = "it is empty" if isinstance(exc, IndexError) else exc
                raise ValueError(f"cannot read the broker password from {password_file}: {reason}") from None
        else:
            password = (os.environ if environ is None else environ).get(PASSWORD_ENV) or None
        if (tls_cert is None) != (tls_key is None):
            raise ValueError("a client certificate needs its key: give --tls-cert and --tls-key together")
        return cls(username, password, tls_ca, tls_cert, tls_key)

    def config(self, url: str, **options) -> BrokerConfig:
        """A :class:`BrokerConfig` for ``url`` with this login (and further ``options``)."""
        return BrokerConfig(url, username=self.username, password=self.password, tls_ca=self.tls_ca,
                            tls_cert=self.tls_cert, tls_key=self.tls_key, **options)


def _split(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    if parts.scheme not in ("mqtt", "mqtts") or not parts.hostname:
        raise ValueError(f"broker URL must be mqtt://HOST:PORT or mqtts://HOST:PORT, not {url!r}")
    default = 8883 if parts.scheme == "mqtts" else 1883
    return parts.scheme, parts.hostname, parts.port or default
