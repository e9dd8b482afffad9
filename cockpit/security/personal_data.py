"""Residents' personal data: encrypted at rest, masked by default, unmasked only with a reason.

Names, ID numbers, phones, addresses and health flags are sensitive personal information (PIPL).
Each field is encrypted separately with AES-256-GCM under a key that is never in the database: it
comes from the OS keyring when one is available, else from the ``STREET_COCKPIT_KEY`` environment
variable (base64 of 32 bytes). The field name is bound into each ciphertext, so a value cannot be
moved to another column unnoticed. Reading gives masked records; :meth:`ResidentStore.unmask` needs
the UNMASK permission in the resident's community and a reason, and writes an audit entry.
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import delete, func, select

from cockpit.security.permissions import Action, PermissionDenied, User, UserLookup, audited_check
from cockpit.security.users import SecurityError, UserStore
from cockpit.storage.audit import AuditLog
from cockpit.storage.db import Database
from cockpit.storage.models import MicroGridRow, ResidentRow
from cockpit.street.model import Street
from cockpit.vocabulary.events import utc
from cockpit.vocabulary.masking import mask_address, mask_id_number, mask_name, mask_phone, mask_text

KEY_ENV = "STREET_COCKPIT_KEY"
KEYRING_SERVICE = "street-cockpit"
KEYRING_ENTRY = "personal-data-key"
KEY_BYTES = 32
_FORMAT = b"\x01"
_NONCE_BYTES = 12

CARE_GROUPS = ("elderly_alone", "disabled", "child_left_behind")
"""Health flags that name a special-care group: shown masked records too (they drive service demand)."""
MEDICAL_FLAGS = ("chronic_illness", "mobility_impaired", "dementia", "hypertension", "diabetes")
"""Health flags that are medical details: only in unmasked records."""
HEALTH_FLAGS = frozenset(CARE_GROUPS + MEDICAL_FLAGS)

MIN_REASON = 4
"""Characters an unmasking reason needs at least (a reason, not a keystroke)."""


class KeyMissing(SecurityError):
    """No personal-data key is configured."""


class DecryptionFailed(SecurityError):
    """A stored field cannot be decrypted: the key is not the one it was encrypted with, or it was altered."""


class ResidentError(SecurityError):
    """A resident record is invalid; names the row (when imported) and the field, never the value."""


# ---------------------------------------------------------------- keys and encryption


def generate_key() -> str:
    """A new random key, base64-encoded, for ``STREET_COCKPIT_KEY`` or the keyring."""
    return base64.b64encode(os.urandom(KEY_BYTES)).decode("ascii")


def _keyring_key() -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, KEYRING_ENTRY)
    except KeyringError:
        return None


def load_key(environ: Mapping[str, str] | None = None, use_keyring: bool = True) -> bytes:
    """The personal-data key: from the OS keyring if one holds it, else from ``STREET_COCKPIT_KEY``.

    Raises
    ------
    KeyMissing
        Neither source has a key; the message says how to make one.
    SecurityError
        The key is not base64 of 32 bytes.
    """
    environ = os.environ if environ is None else environ
    encoded = (_keyring_key() if use_keyring else None) or environ.get(KEY_ENV)
    if not encoded:
        raise KeyMissing(
            f"no personal-data key: store one in the OS keyring ({KEYRING_SERVICE}/{KEYRING_ENTRY}) or set "
            f"{KEY_ENV} to base64 of 32 random bytes (python -c \"import base64,os;"
            f"print(base64.b64encode(os.urandom(32)).decode())\")"
        )
    try:
        key = base64.b64decode(encoded.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise SecurityError(f"{KEY_ENV} is not valid base64") from None
    if len(key) != KEY_BYTES:
        raise SecurityError(f"the personal-data key must be {KEY_BYTES} bytes, not {len(key)}")
    return key


class FieldCipher:
    """Encrypts and decrypts single personal fields with AES-256-GCM; what the value is (its
    ``context``, e.g. ``residents``, and its field name) is authenticated with it, so that a value
    cannot be moved to another column or record unnoticed."""

    def __init__(self, key: bytes, context: str = "residents") -> None:
        if len(key) != KEY_BYTES:
            raise SecurityError(f"the personal-data key must be {KEY_BYTES} bytes, not {len(key)}")
        self._aead = AESGCM(key)
        self.context = context

    def encrypt(self, field_name: str, value: str) -> bytes:
        """Format byte, random nonce and ciphertext of ``value``."""
        nonce = os.urandom(_NONCE_BYTES)
        return _FORMAT + nonce + self._aead.encrypt(nonce, value.encode("utf-8"), self._aad(field_name))

    def decrypt(self, field_name: str, blob: bytes) -> str:
        """The clear text of a field encrypted by :meth:`encrypt` for the same ``field_name``."""
        if len(blob) < 1 + _NONCE_BYTES + 16 or blob[:1] != _FORMAT:
            raise DecryptionFailed(f"stored {field_name} is not in the expected format")
        nonce, body = blob[1:1 + _NONCE_BYTES], blob[1 + _NONCE_BYTES:]
        try:
            return self._aead.decrypt(nonce, body, self._aad(field_name)).decode("utf-8")
        except InvalidTag:
            raise DecryptionFailed(
                f"cannot decrypt {field_name}: wrong key ({KEY_ENV}) or altered data"
            ) from None

    def _aad(self, field_name: str) -> bytes:
        return f"street-cockpit/{self.context}/{field_name}".encode("utf-8")


# ---------------------------------------------------------------- ID numbers and phones

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_PHONE_RE = re.compile(r"1[3-9][0-9]{9}")


def id_check_digit(first17: str) -> str:
    """The GB 11643 (ISO 7064 MOD 11-2) check character of the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def valid_id_number(value: str) -> bool:
    """True for an 18-character resident ID number with a real birth date and the right check character."""
    if not isinstance(value, str) or len(value) != 18 or not value[:17].isascii() or not value[:17].isdigit():
        return False
    try:
        date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return False
    return value[17].upper() == id_check_digit(value[:17])


def valid_phone(value: str) -> bool:
    """True for an 11-digit mainland mobile number."""
    return isinstance(value, str) and _PHONE_RE.fullmatch(value) is not None


# ---------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class MaskedResident:
    """What screens and exports show of a resident: masked fields and the special-care groups."""

    id: int | None
    micro_grid_id: str
    name: str
    id_number: str
    phone: str
    address: str
    care_groups: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Resident:
    """A resident's record in clear, in memory only. Its ``repr`` is masked, so it never logs in clear."""

    micro_grid_id: str
    name: str
    id_number: str
    phone: str
    address: str
    health_flags: tuple[str, ...] = ()
    id: int | None = None
    stored_at: datetime | None = field(default=None, compare=False)

    def masked(self) -> MaskedResident:
        """The masked view of this record."""
        return MaskedResident(
            self.id, self.micro_grid_id, mask_name(self.name), mask_id_number(self.id_number),
            mask_phone(self.phone), mask_address(self.address),
            tuple(f for f in self.health_flags if f in CARE_GROUPS),
        )

    def validate(self) -> Resident:
        """This record if every field is well formed; else :class:`ResidentError` naming the field."""
        _require(isinstance(self.micro_grid_id, str) and 0 < len(self.micro_grid_id) <= 64,
                 "micro_grid_id", "must be a micro-grid id")
        _require(isinstance(self.name, str) and 0 < len(self.name.strip()) <= 50
                 and self.name == self.name.strip() and self.name.isprintable(),
                 "name", "must be 1-50 printable characters")
        _require(valid_id_number(self.id_number), "id_number",
                 "is not a valid 18-character ID number (date or check character)")
        _require(valid_phone(self.phone), "phone", "is not an 11-digit mobile number")
        _require(isinstance(self.address, str) and 0 < len(self.address.strip()) <= 200
                 and self.address.isprintable(), "address", "must be 1-200 printable characters")
        unknown = [f for f in self.health_flags if f not in HEALTH_FLAGS]
        _require(not unknown, "health_flags", f"unknown flag(s); known: {', '.join(sorted(HEALTH_FLAGS))}")
        return self

    def __repr__(self) -> str:
        m = self.masked()
        return (f"Resident(id={self.id}, micro_grid_id={self.micro_grid_id!r}, name={m.name!r}, "
                f"id_number={m.id_number!r}, phone={m.phone!r}, address={m.address!r})")

    __str__ = __repr__


def _require(ok: bool, field_name: str, message: str) -> None:
    if not ok:
        raise ResidentError(f"{field_name} {message}")


_ENCRYPTED = ("name", "id_number", "phone", "address", "health_flags")


def authorise_unmask(audit: AuditLog, users: UserLookup, user: User | None, community: str | None, target: str,
                     reason: str, action: str, details: dict[str, Any]) -> User:
    """Let ``user`` see ``target`` (which lies in ``community``) in clear, for ``reason``.

    The account is looked up afresh and needs the UNMASK permission in the community, and the reason
    at least :data:`MIN_REASON` characters; a refusal is audited as ``denied.unmask``, a grant as
    ``action`` (with ``details`` and the reason, ID and phone numbers in it masked) before the caller
    decrypts anything.

    Raises
    ------
    PermissionDenied
        Role, area or account do not allow it, or the reason is missing.
    """
    acting = audited_check(audit, users, user.username if user is not None else None, Action.UNMASK, community,
                           target)
    if not isinstance(reason, str) or len(reason.strip()) < MIN_REASON:
        denied = PermissionDenied(f"unmasking {target} needs a reason of at least {MIN_REASON} characters")
        audit.append(acting.username, "denied.unmask", target, reason=str(denied))
        raise denied
    audit.append(acting.username, action, target, None, details, mask_text(reason.strip()))
    return acting


class ResidentStore:
    """Owns the ``residents`` table of one street: encrypted records, masked reads, audited unmasking.

    Emits nothing; writes audit entries for imports, unmasking and purges, and for every refusal.
    Every call that reads or changes records takes the acting :class:`User` and looks the account up
    again (a disabled account stops at once, whatever object the caller holds).

    Parameters
    ----------
    db
        The cockpit database; the street must be stored in it (residents reference its micro-grids).
    street_id
        The street the residents live in.
    cipher
        The field cipher (from :func:`load_key`); None where there is no key: records can then be
        counted and purged, not stored or read.
    users
        ``username -> User | None`` as the database knows it now (default: the ``users`` table).
    """

    def __init__(self, db: Database, street_id: str, cipher: FieldCipher | None,
                 users: UserLookup | None = None) -> None:
        self.db = db
        self.street_id = street_id
        self.cipher = cipher
        self.audit = AuditLog(db)
        self.users = users or UserStore(db).get

    def _acting(self, user: User | None, action: Action, area: str | None = None, target: str = "") -> User:
        """``user`` afresh, if it may take ``action`` (refusals audited)."""
        return audited_check(self.audit, self.users, user.username if user is not None else None, action, area,
                             target or f"residents of {self.street_id}")

    def _communities(self) -> dict[str, str]:
        query = select(MicroGridRow.id, MicroGridRow.community_id).where(MicroGridRow.street_id == self.street_id)
        with self.db.session() as session:
            return {grid: community for grid, community in session.execute(query)}

    def add_many(self, residents: Sequence[Resident], actor: User, reason: str = "import",
                 now: datetime | None = None) -> int:
        """Validate, encrypt and store residents in one transaction; returns how many.

        Raises
        ------
        PermissionDenied
            ``actor`` may not import residents.
        ResidentError
            A record is invalid or names a micro-grid not in the street ("record 12: phone ...").
        """
        actor = self._acting(actor, Action.IMPORT_RESIDENTS)
        communities = self._communities()
        stamp = utc(now) if now is not None else datetime.now(timezone.utc)
        rows = []
        for n, resident in enumerate(residents, start=1):
            try:
                resident.validate()
            except ResidentError as exc:
                raise ResidentError(f"record {n}: {exc}") from None
            if resident.micro_grid_id not in communities:
                raise ResidentError(f"record {n}: micro_grid_id is not a micro-grid of street {self.street_id}")
            rows.append(self.encrypted_row(resident, stamp))
        with self.db.transaction() as session:
            session.add_all(rows)
            self.audit.append_in(session, actor.username, "residents.import", f"street:{self.street_id}",
                                 None, {"count": len(rows)}, mask_text(reason), at=stamp)
        return len(rows)

    def encrypted_row(self, resident: Resident, stamp: datetime) -> ResidentRow:
        """The table row of ``resident``, every personal field encrypted (for a caller's own transaction)."""
        values = {
            "name": resident.name, "id_number": resident.id_number, "phone": resident.phone,
            "address": resident.address, "health_flags": ",".join(resident.health_flags),
        }
        return ResidentRow(
            street_id=self.street_id, micro_grid_id=resident.micro_grid_id, stored_at=stamp,
            **{f"{name}_enc": self.cipher.encrypt(name, value) for name, value in values.items()},
        )

    def _decrypt(self, row: ResidentRow) -> Resident:
        def field_value(name: str) -> str:
            blob = getattr(row, f"{name}_enc")
            return self.cipher.decrypt(name, blob) if blob is not None else ""

        flags = field_value("health_flags")
        return Resident(row.micro_grid_id, field_value("name"), field_value("id_number"), field_value("phone"),
                        field_value("address"), tuple(f for f in flags.split(",") if f), row.id, row.stored_at)

    def known_names(self) -> set[str]:
        """Every stored resident's name in clear, for the free-text scrubber only (it masks them where
        a report quotes them): never shown, never logged, never written."""
        query = select(ResidentRow.name_enc).where(ResidentRow.street_id == self.street_id)
        with self.db.session() as session:
            return {self.cipher.decrypt("name", blob) for blob in session.scalars(query) if blob is not None}

    def count(self) -> int:
        """Residents stored for this street."""
        query = select(func.count()).select_from(ResidentRow).where(ResidentRow.street_id == self.street_id)
        with self.db.session() as session:
            return session.scalar(query) or 0

    def masked(self, user: User, micro_grid_id: str | None = None, community_id: str | None = None,
               limit: int | None = None) -> list[MaskedResident]:
        """Masked records, optionally of one micro-grid or community (what every screen shows), for
        ``user`` with the VIEW permission (a refusal is audited).

        Raises
        ------
        PermissionDenied
            No user, or an unknown or disabled account.
        """
        self._acting(user, Action.VIEW)
        query = select(ResidentRow).where(ResidentRow.street_id == self.street_id).order_by(ResidentRow.id)
        if micro_grid_id is not None:
            query = query.where(ResidentRow.micro_grid_id == micro_grid_id)
        if community_id is not None:
            grids = select(MicroGridRow.id).where(MicroGridRow.street_id == self.street_id,
                                                  MicroGridRow.community_id == community_id)
            query = query.where(ResidentRow.micro_grid_id.in_(grids))
        if limit is not None:
            query = query.limit(limit)
        with self.db.session() as session:
            return [self._decrypt(row).masked() for row in session.scalars(query)]

    def unmask(self, resident_id: int, user: User, reason: str) -> Resident:
        """The clear record, for ``user`` with the UNMASK permission in its community and a reason.

        The audit entry (who, which record, why) is committed before the record is returned; a
        refusal is audited too.

        Raises
        ------
        PermissionDenied
            Role or area does not allow it, or the reason is missing.
        ResidentError
            No such resident.
        """
        target = f"resident:{resident_id}"
        with self.db.session() as session:
            row = session.get(ResidentRow, resident_id)
            if row is None or row.street_id != self.street_id:
                raise ResidentError(f"no resident {resident_id} in street {self.street_id}")
            community = self._communities().get(row.micro_grid_id)
        authorise_unmask(self.audit, self.users, user, community, target, reason, "resident.unmask",
                         {"fields": list(_ENCRYPTED), "community": community})
        return self._decrypt(row)

    def purge_older_than(self, cutoff: datetime, actor: User, reason: str = "retention") -> int:
        """Delete every record stored before ``cutoff``; one audit entry says how many and why."""
        actor = self._acting(actor, Action.PURGE_PERSONAL_DATA)
        cutoff = utc(cutoff)
        with self.db.transaction() as session:
            result = session.execute(
                delete(ResidentRow).where(ResidentRow.street_id == self.street_id, ResidentRow.stored_at < cutoff)
            )
            purged = int(result.rowcount or 0)
            self.audit.append_in(session, actor.username, "residents.purge", f"street:{self.street_id}",
                                 {"stored_before": cutoff.isoformat()}, {"purged": purged}, mask_text(reason))
        return purged


# ---------------------------------------------------------------- import from CSV

CSV_COLUMNS = ("micro_grid_id", "name", "id_number", "phone", "address", "health_flags")
"""Columns of a resident import file; ``health_flags`` is a ';'-separated list (may be empty)."""


def parse_residents_csv(source: str | Path | io.TextIOBase) -> list[Resident]:
    """Residents from a UTF-8 CSV file (or text) with the :data:`CSV_COLUMNS` header.

    Raises
    ------
    ResidentError
        "row N, column C: ..." for the first bad row; values are never echoed (they may be personal).
    """
    if isinstance(source, Path):
        try:
            text = source.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ResidentError(f"{source.name}: not UTF-8 text (byte {exc.start})") from None
        return parse_residents_csv(text)
    stream = io.StringIO(source) if isinstance(source, str) else source
    try:
        reader = csv.reader(stream, strict=True)
        header = next(reader, None)
        if header is None:
            raise ResidentError("the file is empty; expected a header row")
        header = [h.strip().lstrip("\ufeff") for h in header]
        missing = [c for c in CSV_COLUMNS if c not in header]
        if missing:
            raise ResidentError(f"row 1: missing column(s) {', '.join(missing)}")
        index = {c: header.index(c) for c in CSV_COLUMNS}
        residents = []
        for row_number, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise ResidentError(f"row {row_number}: {len(row)} fields, the header has {len(header)}")
            values = {c: row[i].strip() for c, i in index.items()}
            resident = Resident(
                values["micro_grid_id"], values["name"], values["id_number"].upper(), values["phone"],
                values["address"], tuple(f.strip() for f in values["health_flags"].split(";") if f.strip()),
            )
            try:
                resident.validate()
            except ResidentError as exc:
                raise ResidentError(f"row {row_number}, column {exc}") from None
            residents.append(resident)
    except csv.Error as exc:
        raise ResidentError(f"row {reader.line_num}: malformed CSV ({exc})") from None
    return residents


def residents_to_csv(residents: Iterable[Resident]) -> str:
    """The import-file text of ``residents`` (clear: only for writing an encrypted backup or tests)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for r in residents:
        writer.writerow([r.micro_grid_id, r.name, r.id_number, r.phone, r.address, ";".join(r.health_flags)])
    return out.getvalue()


# ---------------------------------------------------------------- the demo's residents

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "淑芬桂兰秀珍玉梅凤英德华建国志强海燕晓明丽娟永福春生秋菊冬梅宝山文杰俊豪雅婷子涵梓萱浩然思远雨欣家乐嘉怡"
_REGIONS = ("510104", "510105", "510106", "510107", "510108", "510112", "510113", "510114")
_PREFIXES = ("133", "135", "136", "137", "138", "139", "150", "151", "153", "158", "159",
             "177", "180", "186", "187", "188", "189", "199")


def _demo_name(rng: np.random.Generator) -> str:
    surname = _SURNAMES[int(rng.integers(len(_SURNAMES)))]
    given = "".join(_GIVEN[int(rng.integers(len(_GIVEN)))] for _ in range(int(rng.integers(1, 3))))
    return surname + given


def _demo_id_number(rng: np.random.Generator, born_from: int, born_to: int) -> str:
    born = date(born_from, 1, 1).toordinal() + int(rng.integers(0, date(born_to, 12, 31).toordinal()
                                                               - date(born_from, 1, 1).toordinal()))
    first17 = (_REGIONS[int(rng.integers(len(_REGIONS)))] + date.fromordinal(born).strftime("%Y%m%d")
               + f"{int(rng.integers(0, 1000)):03d}")
    return first17 + id_check_digit(first17)


def generate_demo_residents(street: Street, seed: int = 20240501, others_per_micro_grid: int = 2) -> list[Resident]:
    """Seeded, fictitious resident records for the demo: every elderly person living alone, plus others.

    Per micro-grid: one record for each of its ``elderly_alone`` residents (born 1930-1955, flagged
    ``elderly_alone`` and some medical flags) and ``others_per_micro_grid`` further residents. ID
    numbers carry valid check characters; addresses run community, building, unit and room.
    """
    rng = np.random.default_rng(seed)
    residents: list[Resident] = []
    for micro in street.micro_grids:
        community = street.community(micro.community_id)
        for k in range(micro.elderly_alone + others_per_micro_grid):
            elderly = k < micro.elderly_alone
            flags: tuple[str, ...] = ()
            if elderly:
                medical = [f for f in MEDICAL_FLAGS if rng.random() < 0.3]
                flags = ("elderly_alone", *medical)
            building = int(rng.integers(1, 31))
            address = (f"{street.city}{street.name}{community.name}{building}栋{int(rng.integers(1, 5))}单元"
                       f"{int(rng.integers(1, 19))}{int(rng.integers(1, 5)):02d}室")
            residents.append(Resident(
                micro_grid_id=micro.id,
                name=_demo_name(rng),
                id_number=_demo_id_number(rng, 1930, 1955) if elderly else _demo_id_number(rng, 1956, 2006),
                phone=_PREFIXES[int(rng.integers(len(_PREFIXES)))] + f"{int(rng.integers(0, 10**8)):08d}",
                address=address,
                health_flags=flags,
            ))
    return residents


def masked_rows(residents: Iterable[Resident | MaskedResident]) -> list[dict[str, Any]]:
    """Masked records as plain dicts (for tables and exports)."""
    rows = []
    for r in residents:
        m = r.masked() if isinstance(r, Resident) else r
        rows.append({"id": m.id, "micro_grid_id": m.micro_grid_id, "name": m.name, "id_number": m.id_number,
                     "phone": m.phone, "address": m.address, "care_groups": ";".join(m.care_groups)})
    return rows
