"""The methods: value bands, indicator maths, official categories, assessment, consistency checks.

Frames and numbers in, frames and numbers out: nothing here reads a file. The formulas and
their sources are in docs/methods.md.
"""

from ezlib.faces import lazy_face

__all__, __getattr__, __dir__ = lazy_face(
    __name__,
    {
        "Estimate": "ezlib.methods.bands",
        "figure_estimate": "ezlib.methods.bands",
        "half_unit": "ezlib.methods.bands",
        "value_band": "ezlib.methods.bands",
        "attainment_share": "ezlib.methods.indicators",
        "gap_closed": "ezlib.methods.indicators",
        "implied_target": "ezlib.methods.indicators",
        "pace_index": "ezlib.methods.indicators",
        "required_run_rate": "ezlib.methods.indicators",
        "categorize": "ezlib.methods.categories",
        "assess": "ezlib.methods.assess",
        "assess_record": "ezlib.methods.assess",
        "CheckResult": "ezlib.methods.checks",
        "check_cumulative_monotone": "ezlib.methods.checks",
        "check_multiple": "ezlib.methods.checks",
        "check_parts_sum": "ezlib.methods.checks",
        "check_pct_of_plan": "ezlib.methods.checks",
        "check_share_statement": "ezlib.methods.checks",
    },
)
