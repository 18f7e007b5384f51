"""4b. Hold 4 adjacent seats of a random schedule as one order, all or none (orders.py)."""
from ..common import log
from . import orders


def run(b):
    log(f"scenario 4b: hold an order of 4 adjacent seats out of {b.seeded}")
    orders.run(b, "order_random", b.smin, b.smax, b.cfg.seats)
