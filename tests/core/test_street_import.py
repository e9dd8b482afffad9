"""``cockpit street import`` on the hand-made street 新华街道 (tests/fixtures/xinhua), good files and broken ones."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import numpy as np
import openpyxl
import pytest
import shapely

from cockpit.cli import main
from cockpit.storage import open_database, street_ids
from cockpit.street.china_offsets import gcj02_to_wgs84
from cockpit.onboard.store import import_street

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "xinhua"
sys.path.insert(0, str(FIXTURE))
import make_fixture  # noqa: E402  (the fixture's hand-written truth)

KEYS = ["street", "communities", "general_grids", "micro_grids", "dedicated_grids", "roads", "buildings", "households",
        "residents", "sensors", "staff", "warnings", "errors"]


@pytest.fixture
def street_dir(tmp_path) -> Path:
    """A writable copy of the fixture street, for tests that break a file."""
    folder = tmp_path / "xinhua"
    shutil.copytree(FIXTURE, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return folder


def run_json(capsys, *argv) -> tuple[int, dict, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, (json.loads(captured.out) if captured.out.strip() else {}), captured.err


def metres_apart(street, a, b) -> float:
    xa, ya = street.projection.to_xy(*a)
    xb, yb = street.projection.to_xy(*b)
    return float(np.hypot(xa - xb, ya - yb))


@pytest.mark.parametrize("manifest", ["street.toml", "street_gpkg.toml"])
def test_the_hand_made_street_imports_with_its_counts(manifest):
    report = import_street(FIXTURE / manifest)
    assert report.ok, report.problems.errors
    data = report.to_json()
    assert list(data) == KEYS
    assert (data["communities"], data["general_grids"], data["micro_grids"]) == (2, 4, 9)
    assert (data["dedicated_grids"], data["roads"], data["sensors"], data["staff"]) == (2, 2, 12, 10)
    assert data["households"] == sum(m[3] for m in make_fixture.MICRO_GRIDS)
    assert data["residents"] == sum(m[4] for m in make_fixture.MICRO_GRIDS)
    assert data["errors"] == []
    assert len(data["warnings"]) == 1 and "id QJ-02-2: 112 households, outside the standard 30-100" in data["warnings"][0]
    street = report.street
    # GBK names from a .dbf without .cpg, and the hierarchy from the parent columns.
    assert [c.name for c in street.communities] == ["民意社区", "前进社区"]
    assert street.general_grid("QJ-02").name == "前进社区第2网格"
    assert street.micro_grid("QJ-01-2").general_grid_id == "QJ-01" and street.micro_grid("QJ-01-2").community_id == "QJ"
    assert street.dedicated_grid("D-SCH01").kind == "school" and street.dedicated_grid("D-SCH01").community_id == "QJ"
    assert street.dedicated_grid("D-MKT01").community_id is None  # straddles both communities
    assert {r.kind for r in street.roads} == {"arterial", "secondary"}
    # Stations, vehicles and caches from a UTF-8 (BOM) ledger in GCJ-02, with the stock ledger's items.
    assert [r.id for r in street.resources] == [r[0] for r in make_fixture.RESOURCES]
    station = street.resource("ZD-01")
    assert station.type == "party_mass_station" and station.staff == 4 and len(station.hours) == 2
    assert station.count("extinguisher") == 6 and station.stock[0].capacity == 8
    assert street.resource("DDC-01").base_id == "ZD-01" and street.resource("WZ-01").count("aed") == 1
    assert street.micro_grid(station.micro_grid_id).polygon.contains(shapely.Point(station.lon, station.lat))


@pytest.mark.parametrize("manifest", ["street.toml", "street_gpkg.toml"])
def test_micro_grids_land_where_they_were_drawn(manifest):
    street = import_street(FIXTURE / manifest).street
    for micro_id, *_, vertices in make_fixture.MICRO_GRIDS:
        truth = shapely.Polygon(make_fixture._lonlat(vertices))
        imported = street.micro_grid(micro_id).polygon
        assert shapely.hausdorff_distance(truth, imported) < 1e-7  # about a centimetre


def test_every_sensor_is_within_a_metre_of_its_true_place_in_the_micro_grid_that_contains_it():
    street = import_street(FIXTURE / "street.toml").street
    moved = 0
    for sensor_id, _, place, xy, micro in make_fixture.SENSOR_TRUTH:
        sensor = street.sensor(sensor_id)
        truth = tuple(make_fixture._lonlat([xy])[0])
        assert metres_apart(street, (sensor.lon, sensor.lat), truth) < 1.0
        assert sensor.micro_grid_id == micro and sensor.label == place
        # Without the GCJ-02 correction the ledger's point lies hundreds of metres away...
        raw = tuple(make_fixture._gcj([xy])[0])
        assert metres_apart(street, raw, truth) > 250
        micro_polygon = street.micro_grid(micro).polygon
        moved += not micro_polygon.contains(shapely.Point(raw))
    assert moved >= len(make_fixture.SENSOR_TRUTH) // 2  # ...and often in another micro-grid


def test_staff_get_generated_ids_homes_shifts_and_department_skills():
    street = import_street(FIXTURE / "street.toml").street
    by_name = {m.name: m for m in street.staff}
    assert by_name["张伟"].id == "GW-0001" and by_name["张伟"].home_general_grid_id == "MY-01"
    assert by_name["陈静"].home_micro_grid_id == "MY-01-1" and by_name["陈静"].home_general_grid_id == "MY-01"
    assert by_name["王强"].shift_id == "evening" and by_name["黄丽"].shift_id == "night"
    team = by_name["消防救援站"]
    assert team.kind.value == "department" and team.department.value == "fire" and "fire_safety" in team.skills
    # A base defaults to a point of the home area.
    assert street.general_grid("MY-01").polygon.contains(shapely.Point(by_name["张伟"].lon, by_name["张伟"].lat))


def test_the_command_stores_the_street_and_every_street_command_reads_it(capsys, tmp_path):
    db = f"sqlite:///{tmp_path / 'c.sqlite'}"
    code, data, err = run_json(capsys, "street", "import", str(FIXTURE / "street.toml"), "--db", db, "--json")
    assert code == 0 and data["micro_grids"] == 9 and "imported street xinhua" in err
    code, info, _ = run_json(capsys, "info", "--street", "xinhua", "--db", db, "--json")
    assert code == 0 and info["street"] == "xinhua" and info["name"] == "新华街道" and info["micro_grids"] == 9
    assert info["sensors"]["smoke"] == 6 and info["staff"]["grid_worker"] == 4
    code, _, err = run_json(capsys, "info", "--street", "nowhere", "--db", db)
    assert code == 2 and err.strip().splitlines() == [f"cockpit: no street 'nowhere' in {db}; it holds xinhua"]
    log = tmp_path / "history.csv"
    code, generated, _ = run_json(capsys, "history", "generate", "--street", "xinhua", "--db", db, "--days", "3",
                                  "--out", str(log), "--json")
    assert code == 0 and generated["cases"] > 0
    code, replayed, _ = run_json(capsys, "replay", str(log), "--at", "2025-01-02T12:00", "--street", "xinhua",
                                 "--db", db, "--json")
    assert code == 0 and replayed["events_applied"] > 0
    scenario = Path(__file__).resolve().parents[2] / "resources" / "scenarios" / "demo_street.toml"
    code, simulated, _ = run_json(capsys, "sim", "run", str(scenario), "--street", "xinhua", "--db", db,
                                  "--replications", "2", "--json", "-")
    assert code == 0 and simulated["staff"] == 6 and simulated["kpis"]["cases"]["mean"] > 0


@pytest.mark.postgres
def test_two_streets_share_one_postgresql_database(capsys, postgres_url, tmp_path):
    from cockpit.street.demo import load_demo_street
    from cockpit.street.export import export_street
    from tests.core.test_storage import _fresh_postgres_database

    urls = _fresh_postgres_database(postgres_url)
    db = next(urls)
    try:
        export_street(load_demo_street(), tmp_path / "demo", "gpkg")
        for manifest in (FIXTURE / "street.toml", tmp_path / "demo" / "manifest.toml"):
            assert main(["street", "import", str(manifest), "--db", db]) == 0
        capsys.readouterr()
        for street, micro_grids, stations in (("xinhua", 9, 2), ("jincheng", 536, None)):
            code, info, _ = run_json(capsys, "info", "--street", street, "--db", db, "--json")
            assert code == 0 and info["street"] == street and info["micro_grids"] == micro_grids
            assert stations is None or info["resources"]["stations"] == stations
    finally:
        next(urls, None)


def test_the_demo_street_stays_the_default_and_has_its_own_id(capsys, tmp_path):
    db = f"sqlite:///{tmp_path / 'c.sqlite'}"
    code, info, _ = run_json(capsys, "info", "--street", "jincheng", "--db", db, "--json")
    assert code == 0 and info["micro_grids"] == 536


@pytest.mark.parametrize("format", ["geojson", "gpkg"])
def test_an_export_imports_back_as_the_same_street(capsys, tmp_path, format):
    db = f"sqlite:///{tmp_path / 'c.sqlite'}"
    assert main(["street", "import", str(FIXTURE / "street.toml"), "--db", db]) == 0
    out = tmp_path / "export"
    assert main(["street", "export", "--street", "xinhua", "--db", db, "--format", format, "--out", str(out)]) == 0
    capsys.readouterr()
    original = import_street(FIXTURE / "street.toml").street
    again = import_street(out / "manifest.toml")
    assert again.ok, again.problems.errors
    copy = again.street
    for layer in ("communities", "general_grids", "micro_grids", "dedicated_grids"):
        for a, b in zip(getattr(original, layer), getattr(copy, layer), strict=True):
            assert shapely.hausdorff_distance(a.polygon, b.polygon) < (1e-12 if format == "gpkg" else 1e-7)
            assert {k: v for k, v in _fields(a).items() if k != "polygon"} == {k: v for k, v in _fields(b).items() if k != "polygon"}
    assert copy.sensors == original.sensors and copy.staff == original.staff and copy.shifts == original.shifts
    assert copy.resources == original.resources
    assert [(r.id, r.name, r.kind) for r in copy.roads] == [(r.id, r.name, r.kind) for r in original.roads]


def _fields(item) -> dict:
    return {name: getattr(item, name) for name in item.__slots__}


def test_the_demo_street_round_trips_through_a_geopackage(tmp_path):
    from cockpit.street.demo import load_demo_street
    from cockpit.street.export import export_street

    demo = load_demo_street()
    export_street(demo, tmp_path, "gpkg")
    report = import_street(tmp_path / "manifest.toml")
    assert report.ok and report.problems.warnings == []
    copy = report.street
    assert copy.micro_grids == demo.micro_grids and copy.general_grids == demo.general_grids
    assert copy.sensors == demo.sensors and copy.staff == demo.staff and copy.resources == demo.resources


# ---------------------------------------------------------------- broken files


def import_errors(capsys, folder: Path, tmp_path: Path, manifest: str = "street.toml") -> list[str]:
    """Import through the command line; assert exit 2 and nothing written; return the errors."""
    db = f"sqlite:///{tmp_path / 'broken.sqlite'}"
    code, data, err = run_json(capsys, "street", "import", str(folder / manifest), "--db", db, "--json")
    assert code == 2
    assert "nothing was written" in err.strip().splitlines()[-1]
    database = open_database(db)
    try:
        assert street_ids(database) == []
    finally:
        database.close()
    assert data["micro_grids"] == 0 and data["errors"]
    return data["errors"]


def _edit_micro_grids(folder: Path, edit) -> None:
    path = folder / "micro_grids_gcj02.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    edit(collection["features"])
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")


def test_overlapping_micro_grids_and_a_grid_crossing_its_parent_are_named(capsys, street_dir, tmp_path):
    def widen(features):
        polygon = shapely.geometry.shape(features[0]["geometry"]).buffer(0.0005, join_style="mitre")
        features[0]["geometry"] = shapely.geometry.mapping(polygon)

    _edit_micro_grids(street_dir, widen)
    errors = import_errors(capsys, street_dir, tmp_path)
    assert any(e.startswith("micro_grids_gcj02.geojson: feature 1, id MY-01-1: overlaps MY-01-2 (feature 2) by") for e in errors)
    assert any(e.startswith("micro_grids_gcj02.geojson: feature 1, id MY-01-1: crosses the boundary of MY-01:") for e in errors)


def test_a_gap_in_the_cover_is_named_with_its_area_and_place(capsys, street_dir, tmp_path):
    _edit_micro_grids(street_dir, lambda features: features.pop(1))
    errors = import_errors(capsys, street_dir, tmp_path)
    assert any(e.startswith("general_grids.shp: feature 1, id MY-01: 200,") and "m² not covered by its micro-grids (near lon" in e
               for e in errors)
    # The sensor that stood in the missing micro-grid is now outside the street: said, not dropped.
    assert any(e.startswith("设备台账.xlsx:设备台账: row 4, id YG-0002:") and e.endswith("lies outside the street") for e in errors)


def test_duplicate_ids_and_unknown_parents_are_errors(capsys, street_dir, tmp_path):
    def break_ids(features):
        features[2]["properties"]["WWGDM"] = "MY-01-1"
        features[3]["properties"]["WGDM"] = "MY-09"

    _edit_micro_grids(street_dir, break_ids)
    errors = import_errors(capsys, street_dir, tmp_path)
    assert "micro_grids_gcj02.geojson: feature 3, id MY-01-1: duplicate id: feature 1 has it too" in errors
    assert any(e.startswith("micro_grids_gcj02.geojson: feature 4, id MY-02-2: parent 'MY-09' is not a general grid") for e in errors)


def test_an_invalid_polygon_is_repaired_with_a_warning(capsys, street_dir, tmp_path):
    def bow_tie(features):
        ring = features[0]["geometry"]["coordinates"][0]
        ring[1], ring[2] = ring[2], ring[1]

    _edit_micro_grids(street_dir, bow_tie)
    report = import_street(street_dir / "street.toml")
    assert any("feature 1, id MY-01-1: invalid geometry repaired by make_valid (Self-intersection" in str(w)
               for w in report.problems.warnings)


def test_sensors_outside_the_street_or_in_unknown_grids_are_errors(capsys, street_dir, tmp_path):
    path = street_dir / "设备台账.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["设备台账"]
    sheet["D5"] = sheet["D5"].value + 0.05  # YG-0003, five kilometres east
    sheet["G7"] = "不存在的微格"  # YG-0005
    book.save(path)
    errors = import_errors(capsys, street_dir, tmp_path)
    assert any(e.startswith("设备台账.xlsx:设备台账: row 5, id YG-0003: at lon") and e.endswith("lies outside the street")
               for e in errors)
    assert "设备台账.xlsx:设备台账: row 7, id YG-0005: micro-grid '不存在的微格' is unknown" in errors


def test_staff_pointing_at_unknown_grids_or_unmapped_values_are_errors(capsys, street_dir, tmp_path):
    path = street_dir / "人员名册.csv"
    text = path.read_bytes().decode("gb18030")
    text = text.replace("民意社区第2网格", "民主社区第9网格").replace("下沉党员", "楼栋长")
    path.write_bytes(text.encode("gb18030"))
    errors = import_errors(capsys, street_dir, tmp_path)
    assert "人员名册.csv: row 4, id GW-0002: grid '民主社区第9网格' is not a micro-grid, general grid or community" in errors
    assert any(e.startswith("人员名册.csv: row 10: kind '楼栋长' is not one of") for e in errors)


def test_a_zone_number_in_the_easting_without_the_crs_that_says_so_is_explained(capsys, street_dir, tmp_path):
    import pyogrio.raw

    meta, _, wkb, values = pyogrio.raw.read(street_dir / "communities.shp", encoding="GB18030")
    shifted = shapely.transform(shapely.from_wkb(wkb), lambda c: c + (38_000_000.0, 0.0))
    pyogrio.raw.write(street_dir / "communities.shp", shapely.to_wkb(shifted), values, fields=list(meta["fields"]),
                      geometry_type="Polygon", driver="ESRI Shapefile", encoding="GBK", crs="EPSG:4547")
    errors = import_errors(capsys, street_dir, tmp_path)
    assert len(errors) == 1
    assert errors[0].startswith("communities.shp: feature 1, id MY: point (3.8525e+07, 3.384e+06) in EPSG:4547 "
                                "converts to lon inf, lat inf, outside China")
    assert "EPSG:4513-4533" in errors[0]


def test_stock_and_resources_that_do_not_fit_are_named(capsys, street_dir, tmp_path):
    stock = street_dir / "物资台账.csv"
    stock.write_text(stock.read_text(encoding="utf-8-sig").replace("ZD-01,急救包,2,2", "ZD-01,担架,2,2")
                     .replace("WZ-01,AED,1,1", "WZ-01,AED,3,1") + "ZD-09,灭火器,1,1\n", encoding="utf-8-sig")
    ledger = street_dir / "应急资源点位.csv"
    ledger.write_text(ledger.read_text(encoding="utf-8-sig").replace(",ZD-01\n", ",WZ-01\n"), encoding="utf-8-sig")
    errors = import_errors(capsys, street_dir, tmp_path)
    assert "应急资源点位.csv: row 4, id DDC-01: base 'WZ-01' is not a station of the ledger" in errors
    assert any(e.startswith("物资台账.csv: row 3, id ZD-01: item '担架' is not one of") for e in errors)
    assert "物资台账.csv: row 4, id WZ-01: aed: count 3 is more than the capacity 1" in errors
    assert "物资台账.csv: row 6, id ZD-09: is not a station, vehicle or cache of the resources ledger" in errors


@pytest.mark.parametrize(("edit", "message"), [
    (lambda t: t.replace('file = "communities.shp"', 'file = "missing.shp"'), "missing.shp: no such file"),
    (lambda t: t.replace('id = "SQDM"', 'id = "SQBM"', 1), "communities.shp: no column 'SQBM'"),
    (lambda t: t.replace('crs = "EPSG:4547"', 'crs = "EPSG:999999"'), "street.toml: street.crs: unknown coordinate system"),
    (lambda t: t.replace('file = "设备台账.xlsx"\ncrs = "gcj02"\n', 'file = "设备台账.xlsx"\n'),
     "设备台账.xlsx:设备台账: row 3: point (114.267, 30.5757) in EPSG:4547 converts to lon 109.5141, lat 0.0003, "
     "outside China; these look like degrees"),
    (lambda t: t.replace("[layers.roads]", "[layers.towers]"), "street.toml: layers.towers: unknown layer"),
    (lambda t: t.replace('file = "人员名册.csv"', 'file = "人员名册.csv"\nsheet2 = "x"'), "street.toml: registries.staff.sheet2: unknown key"),
])
def test_a_broken_manifest_or_file_names_the_file_and_the_reason(capsys, street_dir, tmp_path, edit, message):
    manifest = street_dir / "street.toml"
    manifest.write_text(edit(manifest.read_text(encoding="utf-8")), encoding="utf-8")
    errors = import_errors(capsys, street_dir, tmp_path)
    assert errors[0].startswith(message), errors


def test_the_gcj02_micro_grids_would_not_fit_their_parents_without_the_correction(capsys, street_dir, tmp_path):
    manifest = street_dir / "street.toml"
    text = manifest.read_text(encoding="utf-8").replace('file = "micro_grids_gcj02.geojson"\ncrs = "gcj02"\n',
                                                         'file = "micro_grids_gcj02.geojson"\ncrs = "EPSG:4490"\n')
    manifest.write_text(text, encoding="utf-8")
    errors = import_errors(capsys, street_dir, tmp_path)
    assert any("crosses the boundary of" in e for e in errors)


def test_inverse_of_the_fixture_offsets_is_what_the_ledger_meant():
    lon, lat = make_fixture._gcj([(0.0, 0.0)])[0]
    back = gcj02_to_wgs84(lon, lat)
    assert back == pytest.approx(tuple(make_fixture._lonlat([(0.0, 0.0)])[0]), abs=2e-7)


# ---------------------------------------------------------------- residents


def _residents_manifest(folder: Path) -> None:
    from cockpit.security.personal_data import id_check_digit

    lines = ["姓名,身份证号,手机号,住址,所属微网格,关爱类型"]
    for n, (micro, name) in enumerate((("民意一网格一微格", "周桂兰"), ("MY-02-2", "吴德华"), ("前进二网格二微格", "郑秀珍"))):
        first17 = f"42010219{40 + n}0101{n:03d}"
        lines.append(f"{name},{first17 + id_check_digit(first17)},1390000{n:04d},民意小区{n + 1}栋,{micro},独居老人")
    (folder / "居民台账.csv").write_bytes("\n".join(lines).encode("gb18030"))
    manifest = folder / "street.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + """
[registries.residents]
file = "居民台账.csv"
columns = { name = "姓名", id_number = "身份证号", phone = "手机号", address = "住址", micro_grid = "所属微网格", health_flags = "关爱类型" }
values.health_flags = { "独居老人" = "elderly_alone" }
""", encoding="utf-8")


def test_residents_are_stored_encrypted_with_the_street_and_audited(capsys, street_dir, tmp_path, monkeypatch):
    from cockpit.security.permissions import Role
    from cockpit.security.personal_data import KEY_ENV, FieldCipher, ResidentStore, generate_key, load_key
    from cockpit.security.users import UserStore
    from cockpit.storage import AuditLog

    monkeypatch.setitem(sys.modules, "keyring", None)
    monkeypatch.setenv(KEY_ENV, generate_key())
    _residents_manifest(street_dir)
    db_path = tmp_path / "c.sqlite"
    assert main(["street", "import", str(street_dir / "street.toml"), "--db", f"sqlite:///{db_path}"]) == 0
    assert "周桂兰".encode() not in db_path.read_bytes() and "周桂兰".encode("utf-16-le") not in db_path.read_bytes()
    db = open_database(f"sqlite:///{db_path}")
    try:
        assert [e.action for e in AuditLog(db).entries()][-1] == "residents.import"
        store = ResidentStore(db, "xinhua", FieldCipher(load_key()))
        auditor = UserStore(db).add("auditor1", "auditor password", Role.AUDITOR)   # viewing needs an account
        masked = store.masked(auditor)
        assert [m.micro_grid_id for m in masked] == ["MY-01-1", "MY-02-2", "QJ-02-2"]
        assert masked[0].care_groups == ("elderly_alone",) and masked[0].name != "周桂兰"
    finally:
        db.close()


def test_residents_without_a_key_or_with_a_bad_id_number_write_nothing(capsys, street_dir, tmp_path, monkeypatch):
    from cockpit.security.personal_data import KEY_ENV, generate_key

    monkeypatch.setitem(sys.modules, "keyring", None)
    monkeypatch.delenv(KEY_ENV, raising=False)
    _residents_manifest(street_dir)
    errors = import_errors(capsys, street_dir, tmp_path)
    assert errors[0].startswith("居民台账.csv: residents' records are stored encrypted, and no personal-data key")
    monkeypatch.setenv(KEY_ENV, generate_key())
    ledger = street_dir / "居民台账.csv"
    ledger.write_bytes(ledger.read_bytes().decode("gb18030").replace(",1390000", ",1290000", 1).encode("gb18030"))
    errors = import_errors(capsys, street_dir, tmp_path)
    assert errors == ["居民台账.csv: row 2: phone is not an 11-digit mobile number"]
    assert not any("12900000000" in e for e in errors)


def test_micro_grids_without_household_counts_import_with_a_warning(street_dir):
    manifest = street_dir / "street.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('households = "HS"\n', ""), encoding="utf-8")
    report = import_street(manifest)
    assert report.ok and report.street.households == 0
    assert any(str(w).startswith("micro_grids_gcj02.geojson: no household counts") for w in report.problems.warnings)


# ---------------------------------------------------------------- buildings


def _write_buildings(folder: Path, street, households) -> None:
    """Two small footprints (WGS84) inside each micro-grid, splitting ``households(micro)`` between them."""
    features = []
    for m in street.micro_grids:
        p = m.polygon.representative_point()
        total = households(m)
        for n, share in enumerate((total // 2, total - total // 2)):
            x = p.x + (n - 0.5) * 2e-5
            ring = [[x - 5e-6, p.y - 5e-6], [x + 5e-6, p.y - 5e-6], [x + 5e-6, p.y + 5e-6], [x - 5e-6, p.y + 5e-6]]
            features.append({"type": "Feature", "properties": {"LDDM": f"{m.id}-{n + 1}", "HS": share},
                             "geometry": {"type": "Polygon", "coordinates": [ring + [ring[0]]]}})
    (folder / "buildings.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False), encoding="utf-8")


def _with_buildings(folder: Path, keep_micro_counts: bool) -> Path:
    manifest = folder / "street.toml"
    text = manifest.read_text(encoding="utf-8")
    if not keep_micro_counts:
        text = text.replace('households = "HS"\nresidents = "RK"\n', "", 1)
    text += '\n[layers.buildings]\nfile = "buildings.geojson"\ncrs = "EPSG:4326"\nid = "LDDM"\nhouseholds = "HS"\n'
    manifest.write_text(text, encoding="utf-8")
    return manifest


def test_micro_grids_without_counts_take_their_buildings_households(street_dir):
    truth = import_street(FIXTURE / "street.toml").street
    _write_buildings(street_dir, truth, lambda m: m.households)
    report = import_street(_with_buildings(street_dir, keep_micro_counts=False))
    assert report.ok, report.problems.errors
    assert report.to_json()["buildings"] == 2 * len(truth.micro_grids)
    assert {m.id: m.households for m in report.street.micro_grids} == {m.id: m.households for m in truth.micro_grids}
    assert report.street.households == truth.households


def test_buildings_that_contradict_a_stated_count_or_lie_outside_are_warned_about(street_dir):
    truth = import_street(FIXTURE / "street.toml").street
    first = truth.micro_grids[0]
    _write_buildings(street_dir, truth, lambda m: m.households + (20 if m.id == first.id else 1))
    collection = json.loads((street_dir / "buildings.geojson").read_text(encoding="utf-8"))
    collection["features"][-1]["geometry"]["coordinates"] = [[[100.0, 20.0], [100.001, 20.0], [100.001, 20.001],
                                                              [100.0, 20.0]]]
    (street_dir / "buildings.geojson").write_text(json.dumps(collection), encoding="utf-8")
    report = import_street(_with_buildings(street_dir, keep_micro_counts=True))
    assert report.ok, report.problems.errors
    warnings = [str(w) for w in report.problems.warnings]
    mismatched = [w for w in warnings if "its buildings in buildings.geojson hold" in w]
    last = collection["features"][-1]["properties"]["LDDM"]
    halved = truth.micro_grids[-1]                      # its second building now stands outside the street
    assert len(mismatched) == 2
    assert f"id {first.id}: households {first.households}, its buildings in buildings.geojson hold " \
           f"{first.households + 20};" in mismatched[0]
    assert f"id {halved.id}: households {halved.households}, its buildings in buildings.geojson hold " \
           f"{(halved.households + 1) // 2};" in mismatched[1]
    assert any(f"id {last}: lies in no micro-grid; not counted" in w for w in warnings)
    assert {m.id: m.households for m in report.street.micro_grids} == {m.id: m.households for m in truth.micro_grids}
