"""5. Pay a HELD reservation, one wallet per fan (payments.py)."""
from ..common import log
from . import payments


def run(b):
    cfg = b.cfg
    log(f"scenario 5: pay a HELD reservation, {cfg.fans} wallets ({cfg.conn} connections)")
    payments.run(b, "payment_random", cfg.conn, cfg.fans)
