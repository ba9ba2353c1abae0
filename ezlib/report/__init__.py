"""The reports: words in Vietnamese and English, tables, charts, the notebook runner and the site.

``make report`` is :func:`build_report`; notebooks call the table, chart and narrative verbs.
"""

from ezlib.faces import lazy_face

__all__, __getattr__, __dir__ = lazy_face(
    __name__,
    {
        "text": "ezlib.report.words",
        "title": "ezlib.report.words",
        "zone_name": "ezlib.report.words",
        "zone_summary": "ezlib.report.narrative",
        "plan_narrative": "ezlib.report.narrative",
        "show": "ezlib.report.tables",
        "progress_display": "ezlib.report.tables",
        "no_actual_display": "ezlib.report.tables",
        "sources_display": "ezlib.report.tables",
        "caveat_notes": "ezlib.report.tables",
        "history_display": "ezlib.report.tables",
        "outcomes_display": "ezlib.report.tables",
        "checks_display": "ezlib.report.tables",
        "comparison_display": "ezlib.report.tables",
        "audit_display": "ezlib.report.tables",
        "fact_ids_of": "ezlib.report.tables",
        "format_amount": "ezlib.report.tables",
        "zone_headline": "ezlib.report.cards",
        "status_cards": "ezlib.report.cards",
        "zones_at_a_glance": "ezlib.report.cards",
        "pace_chart": "ezlib.report.charts",
        "annual_chart": "ezlib.report.charts",
        "plan_path_chart": "ezlib.report.charts",
        "target_actual_chart": "ezlib.report.charts",
        "build_report": "ezlib.report.build",
    },
)
