"""Vietnamese (and English) news text: numbers, units and hedges, and every figure in a text."""

from ezlib.faces import lazy_face

__all__, __getattr__, __dir__ = lazy_face(
    __name__,
    {
        "Quantity": "ezlib.text.quantities",
        "detect_lang": "ezlib.text.quantities",
        "parse_number": "ezlib.text.quantities",
        "parse_quantity": "ezlib.text.quantities",
        "Figure": "ezlib.text.extract",
        "extract_quantities": "ezlib.text.extract",
    },
)
