"""Retention: residents' personal data older than the configured period is purged, with an audit entry.

The period is ``[retention] personal_data_days`` in resources/security.toml (or a file given by the
caller). Records are purged by the time they were stored; the purge itself is audited with the count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cockpit.security.permissions import User
from cockpit.security.personal_data import ResidentStore
from cockpit.security.users import SecurityError, read_security_settings
from cockpit.vocabulary.events import utc


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    """How long personal data may be kept."""

    personal_data_days: int

    @property
    def period(self) -> timedelta:
        return timedelta(days=self.personal_data_days)

    def cutoff(self, now: datetime) -> datetime:
        """Records stored before this moment are past retention."""
        return utc(now) - self.period


def load_retention(path: Path | None = None) -> RetentionPolicy:
    """The retention policy from ``path`` (default: the shipped resources/security.toml).

    Raises
    ------
    SecurityError
        The file lacks ``[retention] personal_data_days`` or it is not a positive whole number.
    """
    days = read_security_settings(path).get("retention", {}).get("personal_data_days")
    if not isinstance(days, int) or isinstance(days, bool) or days <= 0:
        raise SecurityError("security settings: [retention] personal_data_days must be a positive whole number of days")
    return RetentionPolicy(days)


def purge_expired(store: ResidentStore, policy: RetentionPolicy, now: datetime, actor: User) -> int:
    """Purge the records of ``store`` past ``policy`` at ``now``; returns how many were deleted."""
    return store.purge_older_than(
        policy.cutoff(now), actor, reason=f"retention: older than {policy.personal_data_days} days"
    )
