"""3. Hold a random seat out of every seeded one (holds.py)."""
from ..common import log
from . import holds


def run(b):
    log(f"scenario 3: hold a random seat out of {b.seeded}")
    holds.run(b, "hold_random", b.smin, b.smax, b.cfg.seats)
