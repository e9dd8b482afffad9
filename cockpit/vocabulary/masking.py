"""Masking of residents' personal data for display, exports, logs and dead letters.

Masked is the default everywhere: a name keeps its surname (张**), an ID number its region prefix and
last four characters (110***********1234), a phone its carrier prefix and last four digits
(138****5678), an address stops at the building. :func:`mask_text` finds ID and phone numbers in free
text (log lines, payload excerpts); names cannot be recognised in free text, so code must never put
a clear name into text: :class:`~cockpit.security.personal_data.Resident` prints itself masked.
This module depends on nothing else in the cockpit so that any layer may use it.
"""

from __future__ import annotations

import logging
import re

ID_NUMBER_RE = re.compile(r"(?<![0-9])([1-9][0-9]{5})([0-9]{8})([0-9]{3})([0-9Xx])(?![0-9Xx])")
"""An 18-character resident ID number (GB 11643) not embedded in a longer run of digits."""

PHONE_RE = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?(1[3-9][0-9])[- ]?([0-9]{4})[- ]?([0-9]{4})(?![0-9])")
"""A mainland mobile number, optionally with +86 and separators."""

_BUILDING_RE = re.compile(r"^(.*?[0-9０-９一二三四五六七八九十]+(?:栋|幢|号楼|座))")


def mask_name(name: str) -> str:
    """``张**``: the first character then two stars, whatever the length (the length is hidden too)."""
    name = name.strip()
    return f"{name[0]}**" if name else ""


def mask_id_number(id_number: str) -> str:
    """``110***********1234``: the first three and the last four of the 18 characters."""
    value = id_number.strip()
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_phone(phone: str) -> str:
    """``138****5678``: the first three and last four digits of an 11-digit number."""
    digits = re.sub(r"[^0-9]", "", phone)
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if len(digits) <= 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_address(address: str) -> str:
    """The address up to the building (…3栋***); without a building, its first eight characters."""
    value = address.strip()
    match = _BUILDING_RE.match(value)
    kept = match.group(1) if match else value[:8]
    return kept + "***" if kept != value else kept


def mask_text(text: str) -> str:
    """``text`` with every ID number and mobile number in it masked."""
    text = ID_NUMBER_RE.sub(lambda m: mask_id_number(m.group(0)), text)
    return PHONE_RE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)


class PersonalDataFilter(logging.Filter):
    """Masks ID numbers and phone numbers in every record it sees (message, arguments, traceback).

    Attach it to handlers (:func:`install_log_masking`): a filter on a logger does not see records
    propagated from its child loggers, a filter on a handler sees every record the handler writes.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_text(message)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_text(record.stack_info)
        return True


def install_log_masking(logger: logging.Logger | None = None) -> PersonalDataFilter:
    """Attach one :class:`PersonalDataFilter` to every handler of ``logger`` (default: the root).

    Call it after the handlers are configured (after ``logging.basicConfig``); handlers added later
    need ``handler.addFilter`` themselves. Installing twice does not add a second filter.
    """
    target = logger if logger is not None else logging.getLogger()
    existing = next((f for h in target.handlers for f in h.filters if isinstance(f, PersonalDataFilter)), None)
    log_filter = existing or PersonalDataFilter()
    for handler in target.handlers:
        if log_filter not in handler.filters:
            handler.addFilter(log_filter)
    return log_filter
