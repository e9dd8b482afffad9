"""Leak test: with the demo's residents stored, nothing the cockpit writes holds a raw ID, phone or name.

The demo street gets its seeded residents (encrypted with a key from ``STREET_COCKPIT_KEY``); an
operator session runs on the demo feed with the authorizer and the audit listener; MQTT messages go
through the ingest as a broker would hand them over: residents' reports and patrol reports quoting
residents' and staff's names, phone and ID numbers in their description and reporter, field workers'
accept, arrival and resolution with such notes, and malformed reports full of personal data that
become dead letters. Cases are mirrored to the cases table as the app does. Residents are listed
masked, one is unmasked with a reason, a report's sealed original too; code logs residents the
careless ways through the masking filter; the case table is exported to CSV and as an incident log
(CSV and Parquet) and a residents' export is written. Then every byte written (database file and
its WAL, logs, exports) is searched for every resident's ID number, phone number and full name, and
for every staff member quoted.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from datetime import datetime, timedelta, timezone

import pandas as pd
import pytest

from cockpit.demo_feed import DemoFeed
from cockpit.history.format import write_log
from cockpit.ingest.service import IngestService
from cockpit.ingest.topics import Space, case_action_topic, report_topic
from cockpit.ingest.translate import Translator
from cockpit.rules.model import load_rules
from cockpit.security.audit import audit_listener
from cockpit.security.authorizer import Authorizer
from cockpit.security.free_text import SealedTexts, guard_for, street_names
from cockpit.security.permissions import Role
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
from cockpit.storage import CaseStore, DeadLetters, open_database, save_street
from cockpit.street.demo import load_demo_street
from cockpit.twin import TwinState
from cockpit.vocabulary.masking import install_log_masking

START = datetime(2026, 11, 24, 0, 0, tzinfo=timezone.utc)
GATEWAY = "resident-gateway"


def _street_text(street) -> str:
    parts = [street.name]
    for group in (street.communities, street.general_grids, street.micro_grids, street.dedicated_grids,
                  street.roads, street.staff):
        parts += [item.name for item in group]
    parts += [s.label for s in street.sensors]
    return "\n".join(parts)


STREET_TABLES = {"streets", "communities", "general_grids", "micro_grids", "dedicated_grids", "roads", "sensors",
                 "shifts", "staff", "resources", "resource_stock"}


def rows_outside_the_street(path) -> bytes:
    """Every value of every table but the street's own (whose staff table names the staff)."""
    with sqlite3.connect(path) as con:
        tables = [name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                  if name not in STREET_TABLES]
        values = [value for table in tables for row in con.execute(f'SELECT * FROM "{table}"') for value in row]
    return b"\n".join(v if isinstance(v, bytes) else str(v).encode("utf-8") for v in values)


def _json(**fields) -> bytes:
    return json.dumps({"v": 1, **fields}, ensure_ascii=False).encode()


def mqtt_messages(street, residents, now: datetime) -> tuple[list[tuple[str, bytes]], list[tuple[str, bytes]],
                                                             dict[str, str], set[str]]:
    """Reports, then case actions, quoting residents and staff, and malformed reports, as MQTT hands
    them over: (topic, payload) pairs of the reports and of the actions, each case reported with the
    worker who acts on it, and the staff names quoted."""
    ts = now.isoformat()
    workers = [m for m in street.staff if m.kind.value == "grid_worker"][:6]
    quoted_staff = {w.name for w in workers}
    messages, actions, cases = [], [], {}
    for n, (r, w) in enumerate(zip(residents[:6], workers, strict=True)):
        micro = street.micro_grid(r.micro_grid_id)
        lon, lat = micro.polygon.representative_point().coords[0]
        seq = 100 + n
        messages.append((report_topic(street.id, GATEWAY), _json(
            device=GATEWAY, seq=seq, ts=ts, source="resident", category="property_maintenance", lon=lon, lat=lat,
            description=f"{r.name}家楼道漏水，身份证{r.id_number}，电话{r.phone}，请{w.name}尽快来看",
            reporter=f"{r.name} {r.phone}")))
        case = cases[f"KR-{GATEWAY}-{seq}"] = w.id
        patrol_seq = 500 + n
        messages.append((report_topic(street.id, w.id, Space.STAFF), _json(
            device=w.id, seq=patrol_seq, ts=ts, source="patrol", category="fire_hazard", lon=lon, lat=lat,
            description=f"巡查发现{r.name}（{r.phone}）门口堆放杂物", reporter=w.name)))
        cases[f"KR-{w.id}-{patrol_seq}"] = w.id
        for step, action in enumerate(("accept", "on_scene", "resolve")):
            note = f"已联系{r.name}，电话{r.phone}，证件{r.id_number}，{w.name}处理完毕" if action == "resolve" else ""
            actions.append((case_action_topic(street.id, w.id, f"KR-{GATEWAY}-{seq}", action), _json(
                device=w.id, seq=600 + 10 * n + step, ts=ts, actor=w.id, note=note)))
        # Refused: an unknown category, and a payload that is no JSON, both full of personal data.
        messages.append((report_topic(street.id, GATEWAY), _json(
            device=GATEWAY, seq=900 + n, ts=ts, source="resident", category="no_such_category", lon=lon, lat=lat,
            description=f"{r.name} {r.phone} {r.id_number}", reporter=r.name)))
        messages.append((report_topic(street.id, GATEWAY), f"{{{r.name} {r.phone} {r.id_number}".encode()))
    return messages, actions, cases, quoted_staff


@pytest.fixture
def written(tmp_path, monkeypatch):
    """Run the session; returns what the test searches (see the module docstring)."""
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
        users = UserStore(db)
        admin = users.add("admin", "administrator password", Role.ADMINISTRATOR)
        operator = users.ensure_demo_user()
        key = load_key(use_keyring=False)
        store = ResidentStore(db, street.id, FieldCipher(key))
        store.add_many(residents, admin)

        twin = TwinState(street, authorizer=Authorizer(users.get))
        audit_listener(db, twin)
        cases_table = CaseStore(db, twin.categories)
        twin.subscribe(cases_table.apply)
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

        service = IngestService(street, db, sink=twin.apply_many, rules=load_rules(None, twin.categories),
                                translator=Translator(street, guard=guard_for(db, street)))
        reports, actions, reported, quoted_staff = mqtt_messages(street, residents, now)
        service.handle_many([(topic, payload, None) for topic, payload in reports], now)
        service.flush()
        assert set(reported) <= set(twin.cases) and service.stats.rejected == 12
        for case_id, worker in reported.items():
            case = twin.cases[case_id]
            twin.triage(case_id, case.category, case.risk, case.owner_level, operator.username, at=now)
            twin.dispatch(case_id, worker, operator.username, at=now)
        service.handle_many([(topic, payload, None) for topic, payload in actions], now)
        service.flush()
        resolved = [c for c in reported if c.startswith("KR-resident")]
        assert {twin.cases[c].status.value for c in resolved} == {"resolved"}

        shown = store.masked(operator, community_id="C07", limit=20)
        log.info("residents of C07: %s", masked_rows(shown))
        clear = store.unmask(shown[0].id, operator, "welfare call after a water-meter alarm")
        originals = SealedTexts(db, key).unmask(resolved[0], operator, "the resident asks what she reported")
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
            letters.add("street/jincheng/app/resident-gateway/report", "schema", f"bad report from {r.phone}", payload)

        frame = twin.cases_frame()
        frame.to_csv(tmp_path / "cases.csv", index=False)
        write_log(frame, tmp_path / "incident_log.csv")
        write_log(frame, tmp_path / "incident_log.parquet")
        pd.DataFrame(masked_rows(store.masked(operator))).to_csv(tmp_path / "residents_masked.csv", index=False)
        assert len(frame) > 20 and store.count() == len(residents)
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
        db.close()
    return tmp_path, residents, clear, street, quoted_staff, originals


def test_nothing_written_holds_a_raw_id_phone_or_name(written, capsys):
    folder, residents, clear, street, quoted_staff, originals = written
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    names = {p.name for p in files}
    assert {"cockpit.sqlite", "cockpit.log", "cases.csv", "incident_log.csv", "incident_log.parquet",
            "residents_masked.csv"} <= names
    blob = b"\n".join(p.read_bytes() for p in files)
    street_text = _street_text(street)
    # A resident who shares a name with a staff member, road or place: that text is not about them.
    checked_names = {r.name for r in residents if r.name not in street_text}
    assert len(checked_names) > 0.9 * len({r.name for r in residents})
    assert quoted_staff <= street_names(street)
    needles = {r.id_number for r in residents} | {r.phone for r in residents} | checked_names
    hits = sorted(n for n in needles if n.encode("utf-8") in blob)
    # Staff names are in the street's own staff table; everywhere else they must be masked.
    beyond_street = b"\n".join(p.read_bytes() for p in files if p.suffix != ".sqlite" and ".sqlite" not in p.name)
    beyond_street += rows_outside_the_street(folder / "cockpit.sqlite")
    hits += sorted(n for n in quoted_staff if n.encode("utf-8") in beyond_street)
    log_text = (folder / "cockpit.log").read_text(encoding="utf-8")
    assert clear.masked().phone in log_text and clear.masked().id_number in log_text
    assert "welfare call failed" in log_text and "Traceback" in log_text
    assert hits == []
    # The originals are kept, sealed: shown whole to an operator who gave a reason.
    first = residents[0]
    assert [(o.field, first.name in o.text, first.phone in o.text) for o in originals] == [
        ("description", True, True), ("reporter", True, True), ("note", True, True)]
    key = os.environ[KEY_ENV]
    assert key.encode() not in blob and load_key(use_keyring=False) not in blob
    with capsys.disabled():
        print(f"\nleak test: {len(files)} files, {len(blob):,} bytes searched for {len(needles):,} personal "
              f"values ({len(residents):,} residents, {len(quoted_staff)} staff quoted in MQTT reports and "
              f"notes): {len(hits)} hits")


def test_wall_snapshot_png():
    pytest.skip("a PNG holds pixels, not text: the wall shows no resident fields, and tests/core runs "
                "without Qt (the widget ring would need OCR to grep a snapshot)")
