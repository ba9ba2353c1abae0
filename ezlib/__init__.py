"""ezlib: sourced targets and progress of Vietnam's economic zones and industrial parks."""

from ezlib.errors import DataError, EzlibError
from ezlib.paths import project_root

__all__ = ["DataError", "EzlibError", "project_root"]
__version__ = "0.1.0"
