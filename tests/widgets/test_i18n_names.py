"""Area names in both languages: Chinese names as the street has them, English ones by community and id."""

from __future__ import annotations

import pytest

from cockpit.street.demo import load_demo_street
from tests.core.tiny import tiny_street
from widgets import i18n


@pytest.fixture(scope="module")
def demo():
    return load_demo_street()


def test_english_grids_are_named_by_their_community_and_id(languages, demo):
    assert i18n.grid_name(demo, "C03-G02") == "Yongfeng Community · C03-G02"
    assert i18n.micro_grid_name(demo, "C03-G02-M05") == "Yongfeng Community · C03-G02-M05"
    # The micro-grid's name says its community and (by its id) its grid: nothing is repeated.
    assert i18n.place_name(demo, "C03", "C03-G02", "C03-G02-M05") == "Yongfeng Community · C03-G02-M05"
    assert i18n.place_name(demo, "C03", "C03-G02") == "Yongfeng Community · C03-G02"
    assert i18n.place_name(demo, "C03") == "Yongfeng Community"
    assert i18n.grid_name(demo, "NOWHERE") == "NOWHERE" and i18n.grid_name(demo, None) == ""
    assert i18n.sensor_kind_name("smoke") == "smoke detector"


def test_chinese_names_stay_as_the_street_has_them(languages, demo):
    languages.set_language("zh")
    assert i18n.grid_name(demo, "C03-G02") == "永丰社区第2网格"
    assert i18n.micro_grid_name(demo, "C03-G02-M05") == "永丰社区第2网格第5微网格"
    assert i18n.place_name(demo, "C03", "C03-G02", "C03-G02-M05") == "永丰社区第2网格第5微网格"
    assert i18n.place_name(demo, "C03") == "永丰社区"
    assert i18n.sensor_kind_name("smoke") == "烟感"


def test_a_place_keeps_the_areas_its_finer_name_does_not_say(languages):
    street = tiny_street()  # names that do not begin with their parent's: 社区1 ⊃ C01第1网格 ⊃ C01-G01微网格1
    languages.set_language("zh")
    assert i18n.place_name(street, "C01", "C01-G01", "C01-G01-M01") == "社区1 / C01第1网格 / C01-G01微网格1"
    languages.set_language("en")
    assert i18n.place_name(street, "C01", "C01-G01", "C01-G01-M01") == "Community 1 · C01-G01-M01"
