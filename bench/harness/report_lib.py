"""bench/report.py (the parsers of the generators' output and the report writer) as a module."""
import sys

from .common import BENCH


def report():
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    import report as module
    return module
