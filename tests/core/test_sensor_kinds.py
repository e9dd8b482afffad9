"""The sensor-kind table: every kind described once, bad tables refused with the entry named."""

from collections import Counter

import pytest

from cockpit.resources import resource_path
from cockpit.street.generator import generate_demo_street
from cockpit.vocabulary.domain import SensorKind
from cockpit.vocabulary.sensor_kinds import load_sensor_kinds, sensor_kinds


def test_the_shipped_table_describes_every_kind_with_a_distinct_prefix_and_colour():
    kinds = sensor_kinds()
    assert list(kinds) == list(SensorKind)
    assert len({k.prefix for k in kinds.values()}) == len(kinds)
    assert len({k.colour.lower() for k in kinds.values()}) == len(kinds)
    assert kinds[SensorKind.SMOKE].interval_s == 3600 and kinds[SensorKind.CAMERA].interval_s == 60


def test_the_demo_street_has_the_tables_devices_with_their_prefix_interval_and_label():
    street = generate_demo_street()
    counts = Counter(s.kind for s in street.sensors)
    kinds = sensor_kinds()
    assert counts == {kind: info.demo_count for kind, info in kinds.items()}
    for sensor in street.sensors:
        info = kinds[sensor.kind]
        assert sensor.id.startswith(info.prefix + "-")
        assert sensor.interval_s == info.interval_s
        assert sensor.label.startswith(info.label + " ")
        assert sensor.elderly_alone == (info.demo_placement == "elderly_homes")


@pytest.mark.parametrize(
    "old, new, message",
    [
        ('[parking]\nprefix = "PRK"', '[parkin]\nprefix = "PRK"', "unknown sensor kind 'parkin'"),
        ('interval_s = 60\n', 'interval_s = "60"\n', r"camera.interval_s: must be a int"),
        ('interval_s = 60\n', 'interval_s = 0\n', "camera: interval_s must be > 0"),
        ('colour = "#009e73"', 'colour = "green"', "camera.colour: must be #rrggbb"),
        ('demo_placement = "spread"', 'demo_placement = "sky"', "environment.demo_placement: must be one of"),
        ('demo_count = 80\n', 'demo_count = 80\nheight = 3\n', "environment.height: unknown field"),
    ],
)
def test_a_bad_table_names_the_kind_and_field(tmp_path, old, new, message):
    text = resource_path("sensor_kinds.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "sensor_kinds.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_sensor_kinds(path)


def test_a_kind_without_an_entry_is_named(tmp_path):
    text = resource_path("sensor_kinds.toml").read_text(encoding="utf-8")
    path = tmp_path / "sensor_kinds.toml"
    path.write_text(text[: text.index("[environment]")], encoding="utf-8")
    with pytest.raises(ValueError, match="sensor kind 'environment' has no entry"):
        load_sensor_kinds(path)
