"""6. Pay, the reservations owned by 10 fans: every payment queues on one of 10 wallet rows (payments.py).
A full run measures 32 connections first (payment_hot_32), then 64; --quick only 64."""
from ..common import log
from . import payments


def run(b):
    cfg = b.cfg
    if not cfg.quick:
        log(f"scenario 6a: pay, {cfg.hot_wallets} hot wallets, 32 connections")
        payments.run(b, "payment_hot_32", 32, cfg.hot_wallets)
    log(f"scenario 6b: pay, {cfg.hot_wallets} hot wallets, {cfg.conn} connections")
    payments.run(b, "payment_hot", cfg.conn, cfg.hot_wallets)
