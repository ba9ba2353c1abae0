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


# Figures, words and tables as readers see them (ezlib.report.tables, words, charts).

import math  # noqa: E402

import pandas as pd  # noqa: E402

from ezlib.methods.categories import (  # noqa: E402
    ESCAP_LABELS,
    EUROSTAT_LABELS,
    NOT_ASSESSED,
    UNSD_LABELS,
)
from ezlib.methods.checks import STATUSES, check_parts_sum  # noqa: E402
from ezlib.methods.indicators import MET_STATUSES  # noqa: E402
from ezlib.report.charts import pace_chart, target_actual_chart  # noqa: E402
from ezlib.report.tables import (  # noqa: E402
    category_word,
    checks_display,
    format_amount,
    format_date,
    format_figure,
    format_share,
    plan_period,
    show,
)
from ezlib.report.words import TEXT, text  # noqa: E402
from ezlib.vocabulary import LANGUAGES, MEASURES, QUALIFIERS  # noqa: E402


@pytest.mark.parametrize(
    ("qualifier", "vi", "en"),
    [
        ("exact", "2,5 tỷ USD", "2.5 bn USD"),
        ("approx", "≈ 2,5 tỷ USD", "≈ 2.5 bn USD"),
        ("nearly", "gần 2,5 tỷ USD", "nearly 2.5 bn USD"),
        ("over", "> 2,5 tỷ USD", "> 2.5 bn USD"),
        ("at_least", "≥ 2,5 tỷ USD", "≥ 2.5 bn USD"),
        ("at_most", "≤ 2,5 tỷ USD", "≤ 2.5 bn USD"),
        ("range", "2,5–3 tỷ USD", "2.5–3 bn USD"),
    ],
)
def test_every_figure_shows_its_hedge(qualifier, vi, en):
    assert format_figure(2.5e9, "USD", "vi", qualifier, 3e9) == vi
    assert format_figure(2.5e9, "USD", "en", qualifier, 3e9) == en


def test_every_qualifier_and_measure_has_its_words():
    assert {f"hedge.{q}" for q in QUALIFIERS} <= TEXT.keys()
    assert {f"measure.{m}" for m in MEASURES} <= TEXT.keys()


def test_units_and_rates_are_written_in_words_not_ids():
    assert format_amount(1.7, "times", "vi") == "1,7 lần"
    assert format_amount(130e6, "VND_per_person_per_year", "vi") == "130 triệu VND/người/năm"
    assert format_amount(35_000, "persons", "en") == "35,000 persons"
    assert format_amount(6418, "m2", "vi") == "6.418 m²"


@pytest.mark.parametrize(
    "label", [*EUROSTAT_LABELS, *UNSD_LABELS, *ESCAP_LABELS, *MET_STATUSES, NOT_ASSESSED]
)
def test_every_category_and_met_status_has_words_in_both_languages(label):
    vi, en = category_word(label, "vi"), category_word(label, "en")
    assert ("_" not in vi + en and vi != en) or (label == "borderline" and vi != en)


def test_the_official_categories_read_as_vietnamese_sdg_reports_write_them():
    assert category_word("significant_progress", "vi") == "tiến bộ đáng kể"
    assert category_word("target_achieved", "vi") == "đạt mục tiêu"


def test_every_check_status_has_words():
    for status in (*STATUSES, "base_not_reported", "incomplete"):
        for lang in LANGUAGES:
            assert "_" not in text(f"check_status.{status}", lang)


def test_dates_and_periods_are_written_as_people_write_them():
    assert format_date("2024-05-10", "vi") == "10/5/2024"
    assert format_date("2024-05-10", "en") == "10 May 2024"
    assert format_date("2024-05-01", "vi", "month") == "tháng 5/2024"
    assert format_date("2024-01-01", "en", "year") == "2024"
    assert plan_period(2024.0, 2024.0) == "2024"
    assert plan_period(2021.0, 2025.0) == "2021–2025"
    assert plan_period(math.nan, 2024.0) == "2024"


def test_a_band_reads_once_when_its_ends_round_alike():
    assert format_share(0.0801, 0.0805, 0.0809, "vi") == "8%"
    assert format_share(0.83, 0.84, 0.85, "vi") == "84% (83%–85%)"


def check_frame(result, check="FDI + DDI = total", unit="USD"):
    return pd.DataFrame(
        [
            {
                "check": check,
                "fact_ids": ["hp-011", "hp-013", "hp-010"],
                "status": result.status,
                "discrepancy": result.discrepancy,
                "tolerance": result.tolerance,
                "note": result.message,
                "unit": unit,
                "details": dict(result.details),
            }
        ]
    )


def test_a_check_is_written_in_words_of_the_page_language_without_scientific_notation():
    checks = check_frame(check_parts_sum([10.51e9, 7.58e9], 18.09e9, decimals=2, scale=1e9))
    vi = checks_display(checks, "vi").iloc[0]
    assert vi["Kiểm tra"] == "Vốn FDI + vốn trong nước = tổng vốn đầu tư"
    assert vi["Trạng thái"] == "khớp"
    assert vi["Dung sai"] == "15 triệu USD"
    assert vi["Ghi chú"] == (
        "Tổng các phần 18,09 tỷ USD, tổng số báo cáo 18,09 tỷ USD: chênh 0 USD, trong phạm vi "
        "làm tròn."
    )
    en = checks_display(checks, "en").iloc[0]
    assert "e+" not in " ".join(en.astype(str)) and en["Tolerance"] == "15 m USD"
    assert checks.iloc[0]["note"] not in " ".join(vi.astype(str))  # no CheckResult message


def test_a_check_of_an_indicator_is_named_by_its_label():
    from ezlib.methods.checks import check_cumulative_monotone

    result = check_cumulative_monotone([1e9, 2e9])
    checks = check_frame(result, check="fdi_capital (USD) never falls")
    assert checks_display(checks, "vi").iloc[0]["Kiểm tra"] == (
        f"{indicator_label('fdi_capital', 'vi')} lũy kế (USD) không giảm"
    )


def test_tables_align_text_left_and_figures_right_in_their_own_scroll_box():
    frame = pd.DataFrame({"Chỉ tiêu": ["Vốn FDI thu hút"], "Mục tiêu": ["≈ 15 tỷ USD"]})
    html = show(frame)._repr_html_()
    assert html.startswith('<div class="ez-table">')
    assert '<td class="text">Vốn FDI thu hút</td>' in html
    assert '<td class="num"><span class="nb">≈ 15 tỷ USD</span></td>' in html  # never broken
    assert '<th class="num">Mục tiêu</th>' in html


@pytest.mark.parametrize(
    ("figure", "unbroken"),
    [
        ("500% (400%–667%) of the way from 13", ["500%", "(400%–667%)", "13"]),
        ("2% (1%–2%) quãng đường từ 6.074 ha", ["2%", "(1%–2%)", "6.074 ha"]),
        ("1.125 nghìn tỷ VND (≈ 47,45 tỷ USD)", ["1.125 nghìn tỷ VND", "(≈ 47,45 tỷ USD)"]),
        ("130–135 m VND per person per year", ["130–135 m VND"]),
        ("26 September 2025", ["26 September 2025"]),
        ("2021–2025", ["2021–2025"]),
        ("> 27,6 tỷ USD", ["&gt; 27,6 tỷ USD"]),
        ("≥ 5.500 người", ["≥ 5.500 người"]),
    ],
)
def test_a_figure_wraps_between_words_never_inside_a_number_and_its_unit(figure, unbroken):
    import html as html_module
    import re

    html = show(pd.DataFrame({"Mục tiêu": [figure]}))._repr_html_()
    cell = re.search(r'<td class="num">(.*)</td>', html).group(1)
    assert re.findall(r'<span class="nb">([^<]*)</span>', cell) == unbroken
    # what is left outside the unbroken groups is words, which wrap as text
    loose = re.sub(r'<span class="nb">[^<]*</span>', "", cell).split()
    assert not any(c.isdigit() for word in loose for c in word)
    assert html_module.unescape(re.sub(r"<[^>]+>", "", cell)) == figure


def test_a_list_of_fact_ids_breaks_after_its_separators_only():
    html = show(pd.DataFrame({"Nguồn": ["hp-002 ; ev-048 ; ev-058"]}))._repr_html_()
    assert (
        '<td class="text ids"><span class="id">hp-002 ;</span> <span class="id">ev-048 ;</span> '
        '<span class="id">ev-058</span></td>'
    ) in html
    # any id the facts table allows, not only the seed provinces' "xx-nnn"
    html = show(pd.DataFrame({"Nguồn": ["s18-013 ; tb-kcn-7 + ev-001"]}))._repr_html_()
    assert (
        '<span class="id">s18-013 ;</span> <span class="id">tb-kcn-7 +</span> '
        '<span class="id">ev-001</span>'
    ) in html


def test_an_empty_table_says_so_in_the_page_language():
    empty = checks_display(check_frame(check_parts_sum([1.0], 1.0)).iloc[0:0], "vi")
    assert show(empty)._repr_html_() == "<p>Không có.</p>"


def assessed(**columns):
    """Two assessed targets of one indicator and year (two sources), and a five-year one."""
    base = {
        "indicator": ["fdi_capital", "fdi_capital", "fdi_capital"],
        "target_fact_id": ["ev-003", "ev-028", "hp-012"],
        "target_measure": ["flow", "flow", "implied"],
        "target_value": [1.8e9, 2.0e9, math.nan],
        "target_value_high": [2.3e9, 2.5e9, math.nan],
        "target_qualifier": ["range", "range", "exact"],
        "target_point": [2.05e9, 2.25e9, 12.51e9],
        "unit": ["USD"] * 3,
        "period_start_year": [2024.0, 2024.0, 2021.0],
        "period_end_year": [2024.0, 2024.0, 2025.0],
        "status": ["measured"] * 3,
        "elapsed_share": [1.0, 1.0, 0.6],
        "reached_low": [1.89, 1.74, 0.83],
        "reached_point": [2.42, 2.17, 0.84],
        "reached_high": [2.42, 2.18, 0.84],
        "pace_index_point": [2.42, 2.17, 1.4],
    }
    return pd.DataFrame(base | columns)


def test_a_pace_chart_has_one_legend_entry_per_series_and_periods_as_written():
    chart = pace_chart(assessed(), "vi")
    _, labels = chart.figure.axes[0].get_legend_handles_labels()
    assert len(labels) == len(set(labels)) == 3  # on-pace line, 2024 (two targets), 2021-2025
    assert "Vốn FDI thu hút, 2024" in labels and not any("2024–2024" in x for x in labels)
    ticks = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    assert all("." not in t for t in ticks)


def test_a_chart_carries_its_alt_text_in_the_page_language():
    chart = pace_chart(assessed(), "vi")
    data, metadata = chart._repr_mimebundle_()
    assert metadata["image/png"]["alt"] == chart.alt == data["text/plain"]
    assert chart.alt.startswith("Biểu đồ: tỷ lệ quãng đường tới mục tiêu")
    assert "3 mục tiêu" in chart.alt
    assert "3 nằm trên hoặc ở đường đúng tiến độ, 0 nằm dưới" in chart.alt
    bars = target_actual_chart(assessed(), "en")
    assert bars.alt.startswith("Bar chart: share of the way to the target of 3 targets")
    assert "FDI attracted, 2024 (target 1.8–2.3 bn USD, ev-003): 242% (189%–242%)" in bars.alt
    assert chart.png() == chart.png()  # the same bytes every run: nbval compares them


def test_every_caveat_has_words():
    from ezlib import vocabulary
    from ezlib.report.tables import caveat_words

    for caveat in getattr(vocabulary, "CAVEATS", ()):
        assert "_" not in caveat_words((caveat,), "vi") + caveat_words((caveat,), "en")
