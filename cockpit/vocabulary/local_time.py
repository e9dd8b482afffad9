"""The street's local time: China Standard Time (Asia/Shanghai), the zone the wall and the logs speak.

Events, the twin and storage hold timezone-aware UTC; a "local day", an hour of the day, a time
without an offset typed by an operator and the timestamps written for people are in this zone.
China has kept UTC+8 all year since 1991, so vectorised code may add :data:`LOCAL_UTC_OFFSET`
instead of converting each value; both come from :data:`LOCAL_TZ`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Shanghai")
"""The one timezone of every street the cockpit serves (pandas takes it as ``tz`` too)."""

LOCAL_UTC_OFFSET: timedelta = LOCAL_TZ.utcoffset(datetime(2000, 1, 1))  # type: ignore[assignment]
"""The constant offset of :data:`LOCAL_TZ` from UTC (+8 h)."""


LOCAL_OFFSET_TEXT = datetime(2000, 1, 1, tzinfo=LOCAL_TZ).isoformat()[-6:]
"""``+08:00``, the suffix of a local timestamp in a written incident log."""
