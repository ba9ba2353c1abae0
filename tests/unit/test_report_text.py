"""Report titles and names come from the reference tables, in the report's language."""

import pytest

from ezlib.data.reference import indicator_label, load_indicators
from ezlib.errors import DataError
from ezlib.report.words import title, zone_name


def test_a_plan_check_title_names_zone_and_indicator_in_each_language():
    params = {"zone": "hp-zones", "indicator": "fdi_capital"}
    en = title("02_plan_check", {**params, "lang": "en"})
    vi = title("02_plan_check", {**params, "lang": "vi"})
    assert en == "Plan check: Hai Phong economic zones and industrial parks, FDI attracted"
    assert "Hải Phòng" in vi and indicator_label("fdi_capital", "vi") in vi


def test_indicator_labels_match_the_indicator_table():
    table = load_indicators().set_index("indicator_id")
    for indicator_id, row in table.iterrows():
        assert indicator_label(indicator_id, "vi") == row["label_vi"]
        assert indicator_label(indicator_id, "en") == row["label_en"]


def test_an_unknown_indicator_names_the_table():
    with pytest.raises(DataError, match="unknown indicator 'fdi'") as info:
        indicator_label("fdi", "en")
    assert info.value.file.endswith("indicators.csv")


def test_a_zone_is_named_from_any_alias_and_no_zone_is_all_zones():
    assert zone_name("KKT và các KCN Thái Bình", "en") == zone_name("tb-zones", "en")
    assert zone_name(None, "en") != zone_name(None, "vi")
