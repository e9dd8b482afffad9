"""Personal data in free text (audit finding 2): scrubbed before storage, the original sealed and
shown only to an account allowed to unmask in the case's community, for a reason, audited."""

from __future__ import annotations

from datetime import datetime, timezone

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cockpit.ingest.service import IngestService
from cockpit.ingest.translate import Translator
from cockpit.security.free_text import FreeTextGuard, SealedTexts, TextScrubber, street_names
from cockpit.security.permissions import PermissionDenied, Role
from cockpit.security.users import UserStore
from cockpit.storage import DeadLetters, EventStore, open_database, save_street
from cockpit.storage.audit import AuditLog
from cockpit.vocabulary.events import CaseReported, CaseResolved
from tests.core.tiny import centre, tiny_street

NOW = datetime(2026, 5, 1, 8, 0, tzinfo=timezone.utc)
KEY = bytes(range(32))
NAMES = ["王秀英", "欧阳娜娜", "李强"]


def test_ids_phones_and_known_names_are_masked_and_nothing_else():
    scrubber = TextScrubber(NAMES + ["张"])
    text = "王秀英和欧阳娜娜说，李强家（13812345678，110101194912310027）漏水；张先生路过"
    assert scrubber.scrub(text) == "王**和欧**说，李**家（138****5678，110***********0027）漏水；张先生路过"
    assert scrubber.scrub_name("赵六 13900000000") == "赵** 139****0000"
    assert scrubber.scrub("清运完毕") == "清运完毕"


@given(st.lists(st.sampled_from(NAMES + ["13812345678", "110101194912310027", "楼道", "漏水", "李", "王"]),
                max_size=12), st.sampled_from(["", "，", " "]))
def test_no_known_name_id_or_phone_survives_scrubbing(parts, separator):
    # Numbers are told apart from the digits around them: two run together are one long number.
    text = "".join(f"{p}，" if p[0].isdigit() else p + separator for p in parts)
    scrubbed = TextScrubber(NAMES).scrub(text)
    assert not any(secret in scrubbed for secret in NAMES + ["13812345678", "110101194912310027"])


def test_the_street_s_people_are_its_staff_who_are_persons():
    names = street_names(tiny_street())
    assert "网格员C01-G01" in names and "消防一队" not in names


@pytest.fixture
def db(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'texts.sqlite'}")
    save_street(database, tiny_street())
    users = UserStore(database)
    users.add("op01", "operator password", Role.OPERATOR, "C01")
    users.add("op02", "operator password", Role.OPERATOR, "C02")
    users.add("admin", "administrator password", Role.ADMINISTRATOR)
    yield database
    database.close()


def test_reports_and_notes_are_stored_scrubbed_and_their_originals_sealed(db):
    street = tiny_street()
    guard = FreeTextGuard(TextScrubber([*NAMES, *street_names(street)]), KEY)
    service = IngestService(street, db, translator=Translator(street, guard=guard))
    lon, lat = centre(0, 0)
    report = msgspec.json.encode({"v": 1, "device": "APP-1", "seq": 7, "ts": NOW.isoformat(), "source": "resident",
                                  "category": "waste_sanitation", "lon": lon, "lat": lat,
                                  "description": "王秀英说垃圾没人清，电话13812345678", "reporter": "王秀英"})
    note = msgspec.json.encode({"v": 1, "device": "GW-C01-G01", "seq": 3, "ts": NOW.isoformat(),
                                "actor": "GW-C01-G01", "note": "已告知李强，网格员C01-G01清运"})
    bad = msgspec.json.encode({"v": 1, "device": "APP-1", "seq": 8, "ts": NOW.isoformat(), "source": "resident",
                               "category": "nope", "lon": lon, "lat": lat, "description": "欧阳娜娜 13812345678"})
    service.handle_many([("street/tiny/app/APP-1/report", report, None),
                         ("street/tiny/staff/GW-C01-G01/case/KR-APP-1-7/resolve", note, None),
                         ("street/tiny/app/APP-1/report", bad, None)], NOW)
    service.flush()
    stored = {type(e).__name__: e for e in EventStore(db).read()}
    reported, resolved = stored["CaseReported"], stored["CaseResolved"]
    assert isinstance(reported, CaseReported) and isinstance(resolved, CaseResolved)
    assert (reported.description, reported.reporter) == ("王**说垃圾没人清，电话138****5678", "王**")
    assert resolved.note == "已告知李**，网**清运"
    [letter] = DeadLetters(db).list()
    assert "欧阳娜娜" not in letter.payload_excerpt and "欧**" in letter.payload_excerpt

    texts = SealedTexts(db, KEY)
    with pytest.raises(PermissionDenied, match="may act only in community C02"):
        texts.unmask("KR-APP-1-7", UserStore(db).get("op02"), "the resident called back")
    with pytest.raises(PermissionDenied, match="administrator admin may not unmask"):
        texts.unmask("KR-APP-1-7", UserStore(db).get("admin"), "curious")
    with pytest.raises(PermissionDenied, match="needs a reason"):
        texts.unmask("KR-APP-1-7", UserStore(db).get("op01"), "")
    originals = texts.unmask("KR-APP-1-7", UserStore(db).get("op01"), "the resident called back")
    assert [(o.field, o.text) for o in originals] == [
        ("description", "王秀英说垃圾没人清，电话13812345678"), ("reporter", "王秀英"),
        ("note", "已告知李强，网格员C01-G01清运")]
    audit = AuditLog(db).entries(target="case:KR-APP-1-7")
    assert [(e.actor, e.action) for e in audit] == [("op02", "denied.unmask"), ("admin", "denied.unmask"),
                                                     ("op01", "denied.unmask"), ("op01", "text.unmask")]
    # A redelivery seals nothing twice.
    service.handle_many([("street/tiny/app/APP-1/report", report, None)], NOW)
    service.flush()
    assert len(SealedTexts(db, KEY).unmask("KR-APP-1-7", UserStore(db).get("op01"), "once more please")) == 3


def test_without_a_key_the_text_is_scrubbed_and_no_original_kept(db):
    street = tiny_street()
    service = IngestService(street, db)
    lon, lat = centre(0, 0)
    report = msgspec.json.encode({"v": 1, "device": "APP-1", "seq": 1, "ts": NOW.isoformat(), "source": "resident",
                                  "category": "waste_sanitation", "lon": lon, "lat": lat,
                                  "description": "网格员C01-G01没来，13812345678"})
    service.handle("street/tiny/app/APP-1/report", report, now=NOW)
    service.flush()
    [event] = [e for e in EventStore(db).read() if isinstance(e, CaseReported)]
    assert event.description == "网**没来，138****5678" and SealedTexts(db, KEY).cases() == []


def test_the_demo_street_s_residents_are_read_with_the_demo_key_when_none_is_configured(tmp_path, monkeypatch):
    """A second `cockpit demo` on the same database: its fictitious residents are stored, no key is
    configured, and the ingest's guard still starts, knowing their names under the demo's key."""
    from cockpit.security import personal_data
    from cockpit.security.free_text import guard_for
    from cockpit.security.personal_data import FieldCipher, KeyMissing, ResidentStore
    from cockpit.security.resident_stores import DEMO_KEY, demo_resident_store, residents_key
    from cockpit.street.demo import load_demo_street

    monkeypatch.setattr(personal_data, "_keyring_key", lambda: None)
    monkeypatch.delenv("STREET_COCKPIT_KEY", raising=False)
    street = load_demo_street()
    db = open_database(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    assert demo_resident_store(db, street).count() > 0
    guard = guard_for(db, street)
    assert guard.cipher is not None and residents_key(street) == DEMO_KEY
    staff = street_names(street)
    resident = next(n for n in sorted(ResidentStore(db, street.id, FieldCipher(DEMO_KEY)).known_names())
                    if n not in staff and len(n) >= 2)
    assert resident not in guard.scrubber.scrub(f"{resident}报告楼道堵塞")
    with pytest.raises(KeyMissing):
        residents_key(tiny_street())
    db.close()
