"""4. Hold one of 50 hot seats: every hold contends for the same rows (holds.py)."""
from ..common import log
from . import holds


def run(b):
    log(f"scenario 4: hold one of {b.cfg.hot_seats} hot seats")
    holds.run(b, "hold_hot", b.hot_sid, b.hot_sid, b.cfg.hot_seats)
