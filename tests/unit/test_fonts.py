"""Chart text in Vietnamese: the chart font has every glyph the reports use."""

from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

from ezlib.data.reference import load_entities, load_indicators
from ezlib.report.charts import FONT
from ezlib.report.words import TEXT


def test_chart_font_has_every_vietnamese_glyph():
    font = FT2Font(font_manager.findfont(FONT, fallback_to_default=False))
    strings = [t["vi"] for t in TEXT.values()]
    strings += list(load_indicators()["label_vi"]) + list(load_entities()["name_vi"])
    missing = {
        ch for s in strings for ch in s if not ch.isspace() and font.get_char_index(ord(ch)) == 0
    }
    assert missing == set()


def test_a_missing_glyph_would_be_noticed():
    font = FT2Font(font_manager.findfont(FONT, fallback_to_default=False))
    assert font.get_char_index(ord("ạ")) != 0
    assert font.get_char_index(0x4E2D) == 0  # a CJK ideograph DejaVu lacks: the check can fail
