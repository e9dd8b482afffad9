"""Accounts, masking, encryption of residents' personal data, retention, the log filter and bad input."""

from __future__ import annotations

import base64
import csv
import dataclasses
import io
import logging
import re
import string
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from cockpit.security.permissions import DEMO_USERNAME, PermissionDenied, Role, User
from cockpit.security.personal_data import (
    CSV_COLUMNS,
    DecryptionFailed,
    FieldCipher,
    KeyMissing,
    Resident,
    ResidentError,
    ResidentStore,
    generate_demo_residents,
    generate_key,
    id_check_digit,
    load_key,
    parse_residents_csv,
    residents_to_csv,
    valid_id_number,
)
from cockpit.security.retention import RetentionPolicy, load_retention, purge_expired
from cockpit.security.authorizer import Authorizer
from cockpit.security.users import (
    AuthenticationError,
    LoginPolicy,
    SecurityError,
    UserStore,
    authenticate,
    load_login_policy,
)
from cockpit.storage import open_database, save_street
from cockpit.storage.audit import AuditLog
from cockpit.storage.models import ResidentRow, UserRow
from cockpit.street.demo import load_demo_street
from cockpit.vocabulary.masking import (
    PersonalDataFilter,
    install_log_masking,
    mask_address,
    mask_id_number,
    mask_name,
    mask_phone,
    mask_text,
)
from tests.core.tiny import tiny_street

T0 = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)
KEY = bytes(range(32))
ADMIN = User("admin", Role.ADMINISTRATOR)
OPERATOR_C01 = User("op01", Role.OPERATOR, "C01")
AUDITOR = User("audit1", Role.AUDITOR)


def with_accounts(db):
    """``db`` holding the accounts the tests act as (every sensitive call looks them up)."""
    users = UserStore(db)
    for user in (ADMIN, OPERATOR_C01, AUDITOR):
        users.add(user.username, f"{user.username} password", user.role, user.scope_area)
    return db


@pytest.fixture
def db(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'security.sqlite'}")
    yield database
    database.close()


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory):
    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('sec') / 'shared.sqlite'}")
    save_street(database, tiny_street())
    yield with_accounts(database)
    database.close()


# ---------------------------------------------------------------- accounts


def test_login_with_clear_errors_and_audited_account_changes(db):
    store = UserStore(db)
    store.add("admin", "first admin password", Role.ADMINISTRATOR)
    op = store.add("op07", "operator password", "operator", "C07", actor=ADMIN, reason="new hire")
    assert op == User("op07", Role.OPERATOR, "C07", False)
    assert authenticate(db, "op07", "operator password") == op
    for name, password in (("op07", "wrong password"), ("ghost", "operator password")):
        with pytest.raises(AuthenticationError, match="^wrong user name or password$"):
            authenticate(db, name, password)
    store.set_password("op07", "a new password!", actor=op)
    assert authenticate(db, "op07", "a new password!") == op
    store.disable("op07", actor=ADMIN, reason="left")
    with pytest.raises(AuthenticationError, match="account op07 is disabled"):
        authenticate(db, "op07", "a new password!")
    with pytest.raises(AuthenticationError, match="wrong user name or password"):
        authenticate(db, "op07", "operator password")
    entries = [e for e in AuditLog(db).entries() if e.action.startswith("user.")]
    assert [(e.actor, e.action, e.target) for e in entries] == [
        ("system", "user.add", "user:admin"), ("admin", "user.add", "user:op07"),
        ("op07", "user.passwd", "user:op07"), ("admin", "user.disable", "user:op07"),
    ]
    failed = [(e.target, e.reason) for e in AuditLog(db).entries() if e.action == "login.failed"]
    assert failed == [("user:op07", "wrong password"), ("user:ghost", "no such account"),
                      ("user:op07", "account disabled"), ("user:op07", "wrong password")]
    assert entries[1].after == {"role": "operator", "scope_area": "C07", "disabled": False}
    assert entries[1].reason == "new hire"
    with db.session() as session:
        stored = session.scalar(select(UserRow.password_hash).where(UserRow.username == "op07"))
    assert stored.startswith("$argon2id$") and "password" not in stored


def test_account_rules(db):
    store = UserStore(db)
    with pytest.raises(SecurityError, match="works at street level"):
        store.add("aud", "long enough pw", Role.AUDITOR, "C01")
    with pytest.raises(SecurityError, match="unknown role"):
        store.add("x", "long enough pw", "superuser")
    with pytest.raises(SecurityError, match="8 to 1024 characters"):
        store.add("x", "short", Role.OPERATOR)
    store.add("x", "long enough pw", Role.OPERATOR)
    with pytest.raises(SecurityError, match="already exists"):
        store.add("x", "long enough pw", Role.OPERATOR)
    with pytest.raises(PermissionDenied, match="operator x may not manage_users"):
        store.add("y", "long enough pw", Role.OPERATOR, actor=User("x", Role.OPERATOR))
    with pytest.raises(PermissionDenied, match="may not manage_users"):
        store.set_password("admin", "long enough pw", actor=User("x", Role.OPERATOR))
    demo = store.ensure_demo_user()
    assert demo.is_demo and demo.username == DEMO_USERNAME and demo.role is Role.OPERATOR
    assert demo.scope_area is None and store.ensure_demo_user() == demo
    leader = store.ensure_demo_user(Role.LEADER)
    assert (leader.username, leader.role, leader.scope_area, leader.is_demo) == ("demo-leader", Role.LEADER, None, True)
    assert store.ensure_demo_user(Role.LEADER) == leader and store.get(DEMO_USERNAME) == demo


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(username=st.text(max_size=80), password=st.text(max_size=40))
def test_fuzzed_logins_fail_cleanly(shared_db, username, password):
    store = UserStore(shared_db)
    with pytest.raises(AuthenticationError) as failed:
        store.authenticate(username, password)
    assert str(failed.value) == "wrong user name or password"


@settings(max_examples=60, deadline=None)
@given(username=st.text(max_size=80), password=st.text(max_size=30))
def test_fuzzed_account_creation_refuses_bad_input_without_echoing_passwords(tmp_path_factory, username, password):
    ok_name = re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}", username) is not None
    ok_password = 8 <= len(password) <= 1024 and "\x00" not in password
    if ok_name and ok_password:
        return
    with pytest.raises(SecurityError) as refused:
        UserStore.__new__(UserStore).add(username, password, Role.OPERATOR)
    if len(password) >= 4 and password not in username:
        assert password not in str(refused.value)


# ---------------------------------------------------------------- masking


def test_masks_have_the_published_shapes():
    assert mask_name("张三丰") == "张**" and mask_name("欧阳娜娜") == "欧**" and mask_name("李") == "李**"
    assert mask_id_number("110101199003071234") == "110***********1234"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("+86 138-1234-5678") == "138****5678"
    assert mask_address("成都锦城街道复兴社区12栋3单元1203室") == "成都锦城街道复兴社区12栋***"
    assert mask_address("某某路") == "某某路"
    text = "居民身份证11010119900307123X，电话13812345678；订单号 1234567890123456789 不是证件号"
    assert mask_text(text) == ("居民身份证110***********123X，电话138****5678；"
                               "订单号 1234567890123456789 不是证件号")


@given(st.text(alphabet=string.digits + "Xx -+中文", max_size=60))
def test_mask_text_leaves_no_id_or_phone_number(text):
    masked = mask_text(text)
    assert re.search(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9Xx])", masked) is None
    assert re.search(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])", masked) is None


def test_log_filter_masks_messages_arguments_and_tracebacks():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger("test.security.masking")
    logger.handlers, logger.propagate = [handler], False
    log_filter = install_log_masking(logger)
    assert install_log_masking(logger) is log_filter and handler.filters == [log_filter]
    resident = Resident("C01-G01-M01", "王秀英", "110101194912310027", "13912345678", "复兴社区3栋1单元101室")
    logger.warning("resident %s called from %s", resident, "13912345678")
    logger.warning(f"id {resident.id_number}")
    try:
        raise ValueError(f"bad phone 13912345678 for {resident.id_number}")
    except ValueError:
        logger.exception("import failed")
    written = stream.getvalue()
    assert "13912345678" not in written and "110101194912310027" not in written and "王秀英" not in written
    # the resident, the argument, the traceback's source line and the exception message
    assert written.count("139****5678") == 4 and "110***********0027" in written
    assert isinstance(log_filter, PersonalDataFilter)


# ---------------------------------------------------------------- encryption and residents


def test_key_from_the_environment_with_clear_errors():
    key = generate_key()
    assert load_key({"STREET_COCKPIT_KEY": key}, use_keyring=False) == base64.b64decode(key)
    with pytest.raises(KeyMissing, match="STREET_COCKPIT_KEY"):
        load_key({}, use_keyring=False)
    with pytest.raises(SecurityError, match="not valid base64"):
        load_key({"STREET_COCKPIT_KEY": "not base64!"}, use_keyring=False)
    with pytest.raises(SecurityError, match="32 bytes, not 16"):
        load_key({"STREET_COCKPIT_KEY": base64.b64encode(b"x" * 16).decode()}, use_keyring=False)


def test_fields_are_bound_to_their_column_and_key():
    cipher = FieldCipher(KEY)
    blob = cipher.encrypt("phone", "13812345678")
    assert b"13812345678" not in blob and cipher.decrypt("phone", blob) == "13812345678"
    assert cipher.encrypt("phone", "13812345678") != blob
    with pytest.raises(DecryptionFailed, match="cannot decrypt name"):
        cipher.decrypt("name", blob)
    with pytest.raises(DecryptionFailed, match="wrong key"):
        FieldCipher(bytes(32)).decrypt("phone", blob)
    tampered = blob[:-1] + bytes([blob[-1] ^ 1])
    with pytest.raises(DecryptionFailed):
        cipher.decrypt("phone", tampered)


def test_demo_residents_are_seeded_valid_and_cover_every_elderly_person_living_alone():
    street = load_demo_street()
    residents = generate_demo_residents(street, seed=11)
    assert residents == generate_demo_residents(street, seed=11)
    elderly = [r for r in residents if "elderly_alone" in r.health_flags]
    assert len(elderly) == sum(m.elderly_alone for m in street.micro_grids) == 1403
    assert len(residents) == 1403 + 2 * len(street.micro_grids)
    assert all(r.validate() is r for r in residents)
    assert all(1930 <= int(r.id_number[6:10]) <= 1955 for r in elderly)
    assert len({r.id_number for r in residents}) == len(residents)
    assert id_check_digit("11010519491231002") == "X" and valid_id_number("11010519491231002X")
    assert not valid_id_number("110105194912310021") and not valid_id_number("110105194902300025")


def test_residents_are_encrypted_masked_and_unmasked_only_with_a_reason(shared_db):
    store = ResidentStore(shared_db, "tiny", FieldCipher(KEY))
    residents = generate_demo_residents(tiny_street(), seed=5, others_per_micro_grid=1)
    before = store.count()
    assert store.add_many(residents, ADMIN, now=T0) == len(residents)
    with shared_db.session() as session:
        blobs = b"".join(b for row in session.scalars(select(ResidentRow)) for b in
                         (row.name_enc, row.id_number_enc, row.phone_enc, row.address_enc))
    for r in residents:
        assert r.phone.encode() not in blobs and r.id_number.encode() not in blobs
        assert r.name.encode("utf-8") not in blobs
    shown = store.masked(AUDITOR, community_id="C02")
    assert shown and all(m.micro_grid_id.startswith("C02") for m in shown)
    assert all(re.fullmatch(r"[0-9]{3}\*{11}[0-9X]{4}", m.id_number) for m in shown)
    assert all(m.name.endswith("**") and len(m.name) == 3 for m in shown)
    one = store.masked(AUDITOR, community_id="C01")[0]
    with pytest.raises(PermissionDenied, match="needs a reason"):
        store.unmask(one.id, OPERATOR_C01, " ")
    with pytest.raises(PermissionDenied, match="administrator admin may not unmask"):
        store.unmask(one.id, ADMIN, "curious")
    clear = store.unmask(one.id, OPERATOR_C01, "call back 13812345678 about the leak")
    assert clear.masked() == one and len(clear.id_number) == 18
    audit = AuditLog(shared_db).entries(target=f"resident:{one.id}")
    assert [(e.actor, e.action) for e in audit] == [
        ("op01", "denied.unmask"), ("admin", "denied.unmask"), ("op01", "resident.unmask")]
    assert audit[-1].reason == "call back 138****5678 about the leak"
    c02 = store.masked(AUDITOR, community_id="C02")[0]
    with pytest.raises(PermissionDenied, match="may act only in community C01; resident:.* is in C02"):
        store.unmask(c02.id, OPERATOR_C01, "call back")
    assert store.count() == before + len(residents)
    assert residents[0].name not in repr(residents[0]) and residents[0].phone not in str(residents[0])


def test_import_refuses_unknown_micro_grids_and_bad_records_naming_the_record(shared_db):
    store = ResidentStore(shared_db, "tiny", FieldCipher(KEY))
    good = Resident("C01-G01-M01", "赵立新", "11010519491231002X", "13800000001", "复兴社区1栋1单元101室")
    with pytest.raises(ResidentError, match="record 2: micro_grid_id is not a micro-grid of street tiny"):
        store.add_many([good, dataclasses.replace(good, micro_grid_id="C09-G01-M01")], ADMIN)
    with pytest.raises(ResidentError, match="record 1: id_number is not a valid"):
        store.add_many([Resident("C01-G01-M01", "赵立新", "110105194912310021", "13800000001", "x")], ADMIN)
    with pytest.raises(PermissionDenied, match="operator op01 may not import_residents"):
        store.add_many([good], OPERATOR_C01)


def test_a_wrong_key_is_a_clear_error_not_garbage(shared_db):
    store = ResidentStore(shared_db, "tiny", FieldCipher(KEY))
    store.add_many([Resident("C01-G01-M01", "赵立新", "11010519491231002X", "13800000001", "1栋")], ADMIN)
    with pytest.raises(DecryptionFailed, match="wrong key"):
        ResidentStore(shared_db, "tiny", FieldCipher(bytes(32))).masked(AUDITOR, limit=1)


def test_retention_purges_old_records_with_an_audit_entry(tmp_path):
    db = with_accounts(open_database(f"sqlite:///{tmp_path / 'r.sqlite'}"))
    save_street(db, tiny_street())
    store = ResidentStore(db, "tiny", FieldCipher(KEY))
    residents = generate_demo_residents(tiny_street(), seed=2, others_per_micro_grid=0)
    policy = load_retention()
    assert policy == RetentionPolicy(1095)
    store.add_many(residents[:10], ADMIN, now=T0 - timedelta(days=1096))
    store.add_many(residents[10:], ADMIN, now=T0 - timedelta(days=1094))
    with pytest.raises(PermissionDenied, match="operator op01 may not purge_personal_data"):
        purge_expired(store, policy, T0, OPERATOR_C01)
    assert purge_expired(store, policy, T0, ADMIN) == 10
    assert store.count() == len(residents) - 10
    last = AuditLog(db).entries()[-1]
    assert (last.actor, last.action, last.after) == ("admin", "residents.purge", {"purged": 10})
    assert last.reason == "retention: older than 1095 days"
    bad = tmp_path / "bad.toml"
    bad.write_text("[retention]\npersonal_data_days = -3\n")
    with pytest.raises(SecurityError, match="positive whole number"):
        load_retention(bad)
    db.close()


# ---------------------------------------------------------------- audit findings 5-7


def test_a_disabled_account_can_no_longer_unmask_whatever_user_object_it_holds(shared_db):
    """Audit finding 5: ResidentStore.unmask trusted the User object it was given."""
    users = UserStore(shared_db)
    holder = users.add("op-leaving", "leaving password", Role.OPERATOR, actor=ADMIN)
    store = ResidentStore(shared_db, "tiny", FieldCipher(KEY))
    store.add_many([Resident("C01-G01-M02", "钱学明", "11010519491231002X", "13800000002", "1栋")], ADMIN)
    one = store.masked(AUDITOR, micro_grid_id="C01-G01-M02")[0]
    assert store.unmask(one.id, holder, "welfare call").masked() == one
    users.disable("op-leaving", actor=ADMIN, reason="left the team")
    with pytest.raises(PermissionDenied, match="account op-leaving is disabled"):
        store.unmask(one.id, holder, "one more look")
    with pytest.raises(PermissionDenied, match="account op-leaving is disabled"):
        store.masked(holder)
    with pytest.raises(PermissionDenied, match="account op-leaving is disabled"):
        users.set_password("op-leaving", "a new password!", actor=holder)
    audit = AuditLog(shared_db).entries(target=f"resident:{one.id}")
    assert [(e.actor, e.action) for e in audit][-2:] == [("op-leaving", "resident.unmask"),
                                                         ("op-leaving", "denied.unmask")]


def test_failed_logins_and_refusals_are_audited_and_repeated_failures_lock_the_account(db):
    """Audit finding 6: a refusal left no denied.* row, failed logins no trace, and 30 wrong
    passwords then the right one logged in."""
    users = UserStore(db, LoginPolicy(max_failures=5, lockout=timedelta(minutes=15)))
    users.add("admin", "first admin password", Role.ADMINISTRATOR)
    op = users.add("op07", "operator password", Role.OPERATOR, "C07", actor=ADMIN)
    with pytest.raises(PermissionDenied, match="operator op07 may not manage_users"):
        users.add("evil", "evil password!", Role.ADMINISTRATOR, actor=op)
    for minute in range(30):
        with pytest.raises(AuthenticationError):
            users.authenticate("op07", "a wrong guess", now=T0 + timedelta(seconds=minute))
    with pytest.raises(AuthenticationError, match="account op07 is locked after 5 failed logins until"):
        users.authenticate("op07", "operator password", now=T0 + timedelta(minutes=1))
    with pytest.raises(AuthenticationError, match="^wrong user name or password$"):
        users.authenticate("ghost", "operator password", now=T0)
    assert users.authenticate("op07", "operator password", now=T0 + timedelta(minutes=16)) == op
    # The count starts again after a good login.
    for _ in range(4):
        with pytest.raises(AuthenticationError, match="^wrong user name or password$"):
            users.authenticate("op07", "a wrong guess", now=T0 + timedelta(minutes=17))
    assert users.authenticate("op07", "operator password", now=T0 + timedelta(minutes=17)) == op
    entries = AuditLog(db).entries()
    actions = [(e.actor, e.action, e.reason) for e in entries if e.action.startswith(("login", "denied"))]
    assert actions[0] == ("op07", "denied.manage_users", "operator op07 may not manage_users (user accounts)")
    assert actions[1:6] == [("op07", "login.failed", "wrong password")] * 5
    assert actions[6] == ("system", "login.locked", "5 failed logins in a row")
    assert actions[7:33] == [("op07", "login.locked", "login while locked")] * 26
    assert actions[33:] == [("ghost", "login.failed", "no such account")] + [("op07", "login.failed", "wrong password")] * 4
    assert AuditLog(db).verify().ok


def test_the_lockout_is_configured_in_the_security_settings(tmp_path):
    assert load_login_policy() == LoginPolicy(5, timedelta(minutes=15))
    custom = tmp_path / "security.toml"
    custom.write_text("[login]\nmax_failures = 3\nlockout_minutes = 60\n", encoding="utf-8")
    assert load_login_policy(custom) == LoginPolicy(3, timedelta(hours=1))
    custom.write_text("[login]\nmax_failures = 0\nlockout_minutes = 60\n", encoding="utf-8")
    with pytest.raises(SecurityError, match="max_failures must be a positive whole number"):
        load_login_policy(custom)


def test_masked_records_need_an_account_that_may_view(shared_db):
    """Audit finding 7: ResidentStore.masked() needed no user."""
    store = ResidentStore(shared_db, "tiny", FieldCipher(KEY))
    with pytest.raises(PermissionDenied, match="view needs a logged-in user"):
        store.masked(None)
    with pytest.raises(PermissionDenied, match="unknown user 'ghost' may not view"):
        store.masked(User("ghost", Role.AUDITOR))
    assert AuditLog(shared_db).entries()[-1].action == "denied.view"


def test_exports_need_the_export_permission_and_are_audited(db):
    """Audit finding 7: Action.EXPORT guarded no export."""
    authorizer = Authorizer(UserStore(with_accounts(db)).get, AuditLog(db))
    authorizer.exporting("op01", "cases", "/srv/exports/cases.csv")
    for name, words in (("admin", "administrator admin may not export"), ("ghost", "unknown user 'ghost'")):
        with pytest.raises(PermissionDenied, match=words):
            authorizer.exporting(name, "cases", "/srv/exports/cases.csv")
    entries = AuditLog(db).entries(target="cases")
    assert [(e.actor, e.action) for e in entries] == [("op01", "export"), ("admin", "denied.export"),
                                                      ("ghost", "denied.export")]
    assert entries[0].after == {"to": "/srv/exports/cases.csv"}


# ---------------------------------------------------------------- the import path, fuzzed


def test_csv_import_round_trips_and_names_row_and_column():
    residents = generate_demo_residents(tiny_street(), seed=4, others_per_micro_grid=1)[:5]
    assert parse_residents_csv(residents_to_csv(residents)) == residents
    lines = residents_to_csv(residents).splitlines()
    broken = lines[:3] + [lines[3].replace(residents[2].phone, "1234")] + lines[4:]
    with pytest.raises(ResidentError) as refused:
        parse_residents_csv("\n".join(broken))
    assert str(refused.value) == "row 4, column phone is not an 11-digit mobile number"
    assert "1234" not in str(refused.value).replace("row 4", "")
    with pytest.raises(ResidentError, match="row 1: missing column"):
        parse_residents_csv("name,phone\n")
    with pytest.raises(ResidentError, match="empty"):
        parse_residents_csv("")


_cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=25)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_cell, min_size=0, max_size=8), max_size=6), st.booleans())
def test_fuzzed_resident_files_either_import_or_fail_with_one_line(rows, with_header):
    out = io.StringIO()
    writer = csv.writer(out)
    if with_header:
        writer.writerow(CSV_COLUMNS)
    writer.writerows(rows)
    try:
        residents = parse_residents_csv(out.getvalue())
    except ResidentError as exc:
        message = str(exc)
        assert message and "\n" not in message and len(message) < 300
        assert re.search(r"1[3-9][0-9]{9}", message) is None
    else:
        assert all(r.validate() is r for r in residents)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_fuzzed_bytes_files_fail_cleanly(tmp_path_factory, raw):
    path = Path(tmp_path_factory.mktemp("fz")) / "residents.csv"
    path.write_bytes(raw)
    try:
        parse_residents_csv(path)
    except ResidentError as exc:
        assert "\n" not in str(exc)


# ---------------------------------------------------------------- no SQL built from strings


def test_no_sql_is_built_from_strings():
    """No f-string, %-format or .format() inside execute()/text()/exec_driver_sql() anywhere in cockpit/."""
    root = Path(__file__).resolve().parents[2] / "cockpit"
    call = re.compile(r"(execute|exec_driver_sql|text)\(\s*(f[\"']|[\"'][^\"']*[\"']\s*(%|\.format))")
    offenders = []
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for match in call.finditer(source):
            line = source[: match.start()].count("\n") + 1
            offenders.append(f"{path.relative_to(root.parent)}:{line}")
    allowed = {"PRAGMA busy_timeout"}
    offenders = [o for o in offenders if not any(a in _line(root.parent / o.split(":")[0], o) for a in allowed)]
    assert offenders == []


def _line(path: Path, where: str) -> str:
    number = int(where.rsplit(":", 1)[1])
    return path.read_text(encoding="utf-8").splitlines()[number - 1]
