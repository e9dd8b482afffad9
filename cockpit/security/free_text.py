"""Personal data in free text: scrubbed before it is stored, the original kept only encrypted.

A resident's report says "王秀英 (13812345678, ID 110101194912310027) fell in the stairwell"; a field
worker's note names the neighbour who was called. The events the cockpit stores and shows carry
such text scrubbed: ID and mobile numbers masked as everywhere (:func:`mask_text`), and the names
of the street's known residents and staff masked where the text quotes them (``王**``). The
original is sealed with the personal-data key (:class:`~cockpit.security.personal_data.FieldCipher`)
in ``sealed_texts`` and shown only to an account with the UNMASK permission in the case's
community, for a reason, audited (:meth:`SealedTexts.unmask`, the same rule as a resident's record).
Names the cockpit does not know cannot be recognised; a reporter field, which holds a name by
definition, has every run of Chinese characters in it masked as well.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from cockpit.security.permissions import User, UserLookup
from cockpit.security.personal_data import (
    KEY_ENV,
    FieldCipher,
    KeyMissing,
    ResidentStore,
    authorise_unmask,
)
from cockpit.security.resident_stores import residents_key
from cockpit.security.users import SecurityError, UserStore
from cockpit.storage.audit import AuditLog
from cockpit.storage.db import Database
from cockpit.storage.models import CaseRow, SealedTextRow
from cockpit.street.model import Street
from cockpit.vocabulary.domain import StaffKind
from cockpit.vocabulary.masking import mask_name, mask_text

log = logging.getLogger(__name__)

CONTEXT = "texts"
"""The cipher context of sealed texts (a resident's fields use ``residents``)."""
MIN_NAME = 2
"""Shorter names are not looked for in text: one character is a word far more often than a name."""
_CHINESE_RUN = re.compile(r"[\u3400-\u9fff]{2,}")


class TextScrubber:
    """Masks ID numbers, mobile numbers and known names in free text. Owns the set of names.

    Parameters
    ----------
    names
        Names of the street's residents and staff to look for (shorter than :data:`MIN_NAME` skipped).
    """

    def __init__(self, names: Iterable[str]) -> None:
        self._names: dict[int, set[str]] = {}
        for name in names:
            name = name.strip()
            if len(name) >= MIN_NAME:
                self._names.setdefault(len(name), set()).add(name)
        self._lengths = sorted(self._names, reverse=True)
        self._first = {name[0] for group in self._names.values() for name in group}

    def scrub(self, text: str) -> str:
        """``text`` with ID and mobile numbers and every known name in it masked."""
        text = mask_text(text)
        if not self._lengths:
            return text
        out, i, n = [], 0, len(text)
        while i < n:
            if text[i] in self._first:
                length = next((k for k in self._lengths if text[i:i + k] in self._names[k]), 0)
                if length:
                    out.append(mask_name(text[i:i + length]))
                    i += length
                    continue
            out.append(text[i])
            i += 1
        return "".join(out)

    def scrub_name(self, text: str) -> str:
        """A field that holds a person's name (a report's reporter): :meth:`scrub`, and any run of
        Chinese characters left is masked as a name too."""
        return _CHINESE_RUN.sub(lambda m: mask_name(m.group(0)), self.scrub(text))


def street_names(street: Street) -> set[str]:
    """The names of the street's people (staff who are persons, not departments' teams)."""
    return {member.name for member in street.staff if member.kind is not StaffKind.DEPARTMENT}


def guard_for(db: Database, street: Street, environ: Mapping[str, str] | None = None) -> FreeTextGuard:
    """The guard an ingest of ``street`` runs with: the names of its staff and stored residents, and
    the personal-data key to seal originals with.

    The key is :func:`~cockpit.security.resident_stores.residents_key` (the demo street's fictitious
    residents have one without configuration). Without a key the text is still scrubbed (ID and
    phone numbers, staff names), its original not kept, and a warning says so once.

    Raises
    ------
    KeyMissing
        Residents are stored but there is no key: their names could not be recognised in reports.
    """
    names = street_names(street)
    try:
        key = residents_key(street, environ)
    except KeyMissing as missing:
        if ResidentStore(db, street.id, None).count():
            raise KeyMissing(f"residents are stored, and their names must be masked in reports: {missing}") from None
        log.warning("no personal-data key (%s): personal data in reports and notes is masked and its original "
                    "is not kept", KEY_ENV)
        return FreeTextGuard(TextScrubber(names), None)
    return FreeTextGuard(TextScrubber(names | ResidentStore(db, street.id, FieldCipher(key)).known_names()), key)


@dataclass(frozen=True, slots=True)
class SealedText:
    """The original of one scrubbed text, encrypted: which case, message and field it was."""

    case_id: str
    message: str
    field: str
    community_id: str | None
    text_enc: bytes

    def row(self, stored_at: datetime) -> dict[str, Any]:
        """The ``sealed_texts`` row."""
        return {"case_id": self.case_id, "message": self.message, "field": self.field,
                "community_id": self.community_id, "stored_at": stored_at, "text_enc": self.text_enc}


class FreeTextGuard:
    """Scrubs free text on its way in and seals the originals. Owns the scrubber and the cipher.

    Parameters
    ----------
    scrubber
        What to mask.
    key
        The personal-data key (:func:`~cockpit.security.personal_data.load_key`); None when there is
        none: the text is still scrubbed, but its original cannot be kept (the caller says so once).
    """

    def __init__(self, scrubber: TextScrubber, key: bytes | None) -> None:
        self.scrubber = scrubber
        self.cipher = FieldCipher(key, CONTEXT) if key is not None else None

    def protect(self, text: str, case_id: str, message: str, field: str, community_id: str | None = None,
                name_field: bool = False) -> tuple[str, SealedText | None]:
        """``text`` scrubbed, and its original sealed when scrubbing changed it (and a key is there).

        Parameters
        ----------
        text
            The free text as it came.
        case_id, message, field
            Which case it is about, the message it came in (``space/sender/seq``) and which field.
        community_id
            The case's community when known (a scoped account may unmask only there).
        name_field
            Whether the field holds a person's name (:meth:`TextScrubber.scrub_name`).
        """
        scrubbed = self.scrubber.scrub_name(text) if name_field else self.scrubber.scrub(text)
        if scrubbed == text or self.cipher is None:
            return scrubbed, None
        sealed = self.cipher.encrypt(_sealed_field(message, field), text)
        return scrubbed, SealedText(case_id, message, field, community_id, sealed)


def _sealed_field(message: str, field: str) -> str:
    """What a sealed original is bound to: its message and field (it cannot be moved to another)."""
    return f"{message}/{field}"


@dataclass(frozen=True, slots=True)
class UnmaskedText:
    """One original, in clear: the message it came in, which field, and the text."""

    message: str
    field: str
    text: str


class SealedTexts:
    """Owns ``sealed_texts``: shows the originals of a case's scrubbed texts to whom may see them.

    Emits nothing; audits every unmask (``text.unmask``) and every refusal (``denied.unmask``).

    Parameters
    ----------
    db
        The cockpit database.
    key
        The personal-data key.
    users
        ``username -> User | None`` as the database knows it now (default: the ``users`` table).
    """

    def __init__(self, db: Database, key: bytes, users: UserLookup | None = None) -> None:
        self.db = db
        self.cipher = FieldCipher(key, CONTEXT)
        self.audit = AuditLog(db)
        self.users = users or UserStore(db).get

    def cases(self) -> list[str]:
        """The cases with sealed originals."""
        with self.db.session() as session:
            return list(session.scalars(select(SealedTextRow.case_id).distinct().order_by(SealedTextRow.case_id)))

    def unmask(self, case_id: str, user: User | None, reason: str) -> list[UnmaskedText]:
        """The originals of ``case_id``'s scrubbed texts, in the order they came, for ``user`` with
        the UNMASK permission in the case's community and a reason (audited before anything is
        decrypted). The community is the one the report was located in, else the stored case's;
        a case with neither is street-wide (only street-level accounts).

        Raises
        ------
        PermissionDenied
            Role, area or account do not allow it, or the reason is missing.
        SecurityError
            Nothing of ``case_id`` is sealed.
        """
        target = f"case:{case_id}"
        with self.db.session() as session:
            rows = list(session.scalars(select(SealedTextRow).where(SealedTextRow.case_id == case_id)
                                        .order_by(SealedTextRow.id)))
            community = next((r.community_id for r in rows if r.community_id), None) or session.scalar(
                select(CaseRow.community).where(CaseRow.case_id == case_id))
        if not rows:
            raise SecurityError(f"nothing of case {case_id} is sealed")
        authorise_unmask(self.audit, self.users, user, community, target, reason, "text.unmask",
                         {"fields": [f"{r.message}/{r.field}" for r in rows], "community": community})
        return [UnmaskedText(r.message, r.field, self.cipher.decrypt(_sealed_field(r.message, r.field), r.text_enc))
                for r in rows]
