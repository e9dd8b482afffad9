"""Times as hotline and grid-platform exports write them, read as local time of the street.

Exports write ``2024/3/5 8:07``, ``2024-03-05 08:07:00`` or ``2024年3月5日 08:07`` (DESIGN.md 1.5),
in local time without an offset; Excel gives naive datetimes. A time with an offset (``+08:00``,
``Z``) keeps it. The result is always a timezone-aware UTC datetime.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone, tzinfo
from typing import Any

_LOCAL_TIME = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:(?:\s+|T|\s*日\s*)(\d{1,2})\s*[:：时]\s*(\d{1,2})\s*分?"
    r"(?:\s*[:：]?\s*(\d{1,2})\s*秒?(?:\.(\d{1,6}))?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?$"
)


class TimeFormatError(ValueError):
    """Text that is not a time in any of the accepted forms."""


def parse_local_time(value: Any, zone: tzinfo) -> datetime | None:
    """The UTC time of an export's cell; None for an empty cell.

    Parameters
    ----------
    value
        Text such as ``2024/3/5 8:07``, ``2024-03-05 08:07:00``, ``2024年3月5日 08:07:00``,
        ``2024-03-05T08:07+08:00``, or a ``datetime`` (naive: local).
    zone
        The street's local time zone, for times without an offset.

    Raises
    ------
    TimeFormatError
        Not a time, or not a real date and time (``2024/2/30``, ``25:00``).
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        stamp = value if value.tzinfo is not None else value.replace(tzinfo=zone)
        return stamp.astimezone(timezone.utc)
    text = str(value).strip()
    if not text:
        return None
    match = _LOCAL_TIME.match(text)
    if match is None:
        raise TimeFormatError(f"{text!r} is not a time such as 2024/3/5 8:07 or 2024-03-05 08:07:00")
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    try:
        stamp = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0),
                         int((fraction or "0").ljust(6, "0")))
    except ValueError as exc:
        raise TimeFormatError(f"{text!r} is not a real date and time ({exc})") from None
    if offset is None:
        return stamp.replace(tzinfo=zone).astimezone(timezone.utc)
    if offset == "Z":
        return stamp.replace(tzinfo=timezone.utc)
    digits = offset.replace(":", "")
    sign = 1 if digits[0] == "+" else -1
    hours, minutes = int(digits[1:3]), int(digits[3:5])
    if hours > 23 or minutes > 59:
        raise TimeFormatError(f"{text!r} has an impossible UTC offset {offset}")
    aware = datetime.fromisoformat(f"{stamp.isoformat()}{'+' if sign > 0 else '-'}{hours:02d}:{minutes:02d}")
    return aware.astimezone(timezone.utc)
