"""Leak test: with the demo's residents stored, nothing the cockpit writes holds a raw ID, phone or name.

The demo street gets its seeded residents (encrypted with a key from ``STREET_COCKPIT_KEY``); an
operator session runs on the demo feed with the authorizer and the audit listener; residents are
listed masked, one is unmasked with a reason; code logs residents the careless ways through the masking
filter; invalid reports carrying personal data become dead letters; the case table is exported to CSV
and as an incident log (CSV and Parquet) and a residents' export is written. Then every byte written
(database file and its WAL, logs, exports) is searched for every resident's ID number, phone number
and full name.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timedelta, timezone

import pandas as pd
import pytest

from cockpit.demo_feed import DemoFeed
from cockpit.history.format import write_log
from cockpit.security.audit import audit_listener
from cockpit.security.authorizer import Authorizer
from cockpit.security.permissions import Role, User
from cockpit.security.personal_data import (
    KEY_ENV,
    FieldCipher,
    ResidentStore,
    generate_demo_residents,
    generate_key,
    load_key,
    masked_rows,
)
from cockpit.security.users import UserStore
from cockpit.storage import DeadLetters, open_database, save_street
from cockpit.street.demo import load_demo_street
from cockpit.twin import TwinState
from cockpit.vocabulary.masking import install_log_masking

START = datetime(2026, 11, 24, 0, 0, tzinfo=timezone.utc)


def _street_text(street) -> str:
    parts = [street.name]
    for group in (street.communities, street.general_grids, street.micro_grids, street.dedicated_grids,
                  street.roads, street.staff):
        parts += [item.name for item in group]
    parts += [s.label for s in street.sensors]
    return "\n".join(parts)


@pytest.fixture
def written(tmp_path, monkeypatch):
    """Run the session; returns (folder everything was written to, residents, unmasked resident)."""
    monkeypatch.setenv(KEY_ENV, generate_key())
    street = load_demo_street()
    residents = generate_demo_residents(street, seed=99)
    db = open_database(f"sqlite:///{tmp_path / 'cockpit.sqlite'}")
    save_street(db, street)
    handler = logging.FileHandler(tmp_path / "cockpit.log", encoding="utf-8")
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.INFO)
    try:
        install_log_masking(root)
        log = logging.getLogger("cockpit.leaktest")
        admin = User("admin", Role.ADMINISTRATOR)
        store = ResidentStore(db, street.id, FieldCipher(load_key(use_keyring=False)))
        store.add_many(residents, admin)
        users = UserStore(db)
        operator = users.ensure_demo_user()

        twin = TwinState(street, authorizer=Authorizer(users.get))
        audit_listener(db, twin)
        feed = DemoFeed(street, seed=5)
        feed.bootstrap(twin, START + timedelta(hours=8))
        now = START + timedelta(hours=8)
        for _ in range(36):
            now += timedelta(minutes=5)
            twin.apply_many(feed.step(twin, now))
        waiting = [c for c in twin.cases.values() if c.status.value == "reported"][:3]
        for case in waiting:
            twin.triage(case.id, case.category, case.risk, case.owner_level, operator.username, at=now)
            twin.reject(case.id, operator.username, "duplicate of an earlier report", at=now)

        shown = store.masked(community_id="C07", limit=20)
        log.info("residents of C07: %s", masked_rows(shown))
        clear = store.unmask(shown[0].id, operator, "welfare call after a water-meter alarm")
        log.info("unmasked %s", clear)
        log.warning("calling %s (ID %s) about %s", clear.phone, clear.id_number, clear)
        try:
            raise ValueError(f"no answer on {clear.phone}; check ID {clear.id_number}")
        except ValueError:
            log.exception("welfare call failed")

        letters = DeadLetters(db)
        for r in residents[:5]:
            payload = json.dumps({"v": 1, "reporter_phone": r.phone, "id_number": r.id_number,
                                  "text": "漏水"}, ensure_ascii=False).encode()
            letters.add("street/jincheng/case/report", "schema", f"bad report from {r.phone}", payload)

        frame = twin.cases_frame()
        frame.to_csv(tmp_path / "cases.csv", index=False)
        write_log(frame, tmp_path / "incident_log.csv")
        write_log(frame, tmp_path / "incident_log.parquet")
        pd.DataFrame(masked_rows(store.masked())).to_csv(tmp_path / "residents_masked.csv", index=False)
        assert len(frame) > 20 and store.count() == len(residents)
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
        db.close()
    return tmp_path, residents, clear, street


def test_nothing_written_holds_a_raw_id_phone_or_name(written, capsys):
    folder, residents, clear, street = written
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    names = {p.name for p in files}
    assert {"cockpit.sqlite", "cockpit.log", "cases.csv", "incident_log.csv", "incident_log.parquet",
            "residents_masked.csv"} <= names
    blob = b"\n".join(p.read_bytes() for p in files)
    street_text = _street_text(street)
    # A resident who shares a name with a staff member, road or place: that text is not about them.
    checked_names = {r.name for r in residents if r.name not in street_text}
    assert len(checked_names) > 0.9 * len({r.name for r in residents})
    needles = ({r.id_number for r in residents} | {r.phone for r in residents} | checked_names)
    hits = sorted(n for n in needles if n.encode("utf-8") in blob)
    log_text = (folder / "cockpit.log").read_text(encoding="utf-8")
    assert clear.masked().phone in log_text and clear.masked().id_number in log_text
    assert "welfare call failed" in log_text and "Traceback" in log_text
    assert hits == []
    key = os.environ[KEY_ENV]
    assert key.encode() not in blob and load_key(use_keyring=False) not in blob
    with capsys.disabled():
        print(f"\nleak test: {len(files)} files, {len(blob):,} bytes searched for {len(needles):,} personal "
              f"values ({len(residents):,} residents): {len(hits)} hits")


def test_wall_snapshot_png():
    pytest.skip("a PNG holds pixels, not text: the wall shows no resident fields, and tests/core runs "
                "without Qt (the widget ring would need OCR to grep a snapshot)")
