#!/usr/bin/env python3
"""Generates a realistic day of PG files (toss layout) and the matching top-ups of our books.

    generate.py --date 2026-11-21 --rows 1000000 --inbox DIR --topups FILE [--seed 7]

Writes DIR/toss/toss_{transactions,acquisitions,settlements}_<date>.csv, FILE (our top-ups, COPY text
format for the topup table) and FILE.expected.json (the counts a correct reconciliation reports).
Mix per payment (deterministic with --seed): 99.4 % clean, and small shares of every category the
batch must find — approved at the PG but unknown here, amount differences, cancellations we
credited, PENDING top-ups the PG approved, fee and payout errors — plus top-ups the PG never saw.
"""
import argparse
import json
import os
import random
import uuid
from datetime import date, datetime, time, timedelta, timezone

SEOUL = timezone(timedelta(hours=9))
FEE_BPS = 320


def fee(amount):
    return (amount * FEE_BPS + 5000) // 10000


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--date", required=True)
    p.add_argument("--rows", type=int, required=True)
    p.add_argument("--inbox", required=True)
    p.add_argument("--topups", required=True)
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args()
    rnd = random.Random(a.seed)
    day = date.fromisoformat(a.date)
    noon = datetime.combine(day, time(12), SEOUL).astimezone(timezone.utc)
    stamp = noon.strftime("%Y-%m-%d %H:%M:%S+00")
    os.makedirs(os.path.join(a.inbox, "toss"), exist_ok=True)
    base = os.path.join(a.inbox, "toss", "toss_%s_" + a.date + ".csv")
    expected = {k: {} for k in ("TRANSACTIONS", "ACQUISITIONS", "SETTLEMENTS")}

    def count(kind, category):
        expected[kind][category] = expected[kind].get(category, 0) + 1

    with open(base % "transactions", "w") as tx, open(base % "acquisitions", "w") as acq, \
            open(base % "settlements", "w") as stl, open(a.topups, "w") as ours:
        tx.write("paymentKey,orderId,status,totalAmount,approvedAt\n")
        acq.write("paymentKey,orderId,acquisitionStatus,amount,acquiredAt\n")
        stl.write("paymentKey,orderId,amount,fee,payOutAmount,soldDate,paidOutDate\n")
        approved_at = day.isoformat() + "T12:00:00+09:00"

        def topup(key, amount, status):
            tid = str(uuid.UUID(int=rnd.getrandbits(128))) if status == "APPROVED" else "\\N"
            approved = stamp if status == "APPROVED" else "\\N"
            ours.write(f"{uuid.UUID(int=rnd.getrandbits(128))}\tgenuser{rnd.randrange(100000)}\ttoss\t{key}\t"
                       f"order-{key}\t{amount}\t{status}\t{tid}\t{approved}\t{stamp}\t{stamp}\n")

        for i in range(a.rows):
            key = f"gen{a.date.replace('-', '')}{i:09d}"
            amount = rnd.randrange(10, 5000) * 100
            r = rnd.random()
            settle_fee, settle_net = fee(amount), amount - fee(amount)
            if r < 0.002:  # approved at the PG, not here
                cat = "MISSING_INTERNAL"
            elif r < 0.003:  # we booked another amount
                topup(key, amount + 100, "APPROVED")
                cat = "AMOUNT_MISMATCH"
            elif r < 0.004:  # cancelled later the same day, but credited here
                topup(key, amount, "APPROVED")
                tx.write(f"{key},o{i},CANCELED,{amount},{approved_at}\n")
                cat = "STATUS_MISMATCH"
            elif r < 0.0045:  # our confirm timed out: PENDING, the file settles it
                topup(key, amount, "PENDING")
                cat = "MATCHED"
            else:
                topup(key, amount, "APPROVED")
                cat = "MATCHED"
            tx.write(f"{key},o{i},DONE,{amount},{approved_at}\n")
            acq.write(f"{key},o{i},COMPLETED,{amount},{a.date}\n")
            count("TRANSACTIONS", cat)
            count("ACQUISITIONS", "STATUS_MISMATCH" if cat == "STATUS_MISMATCH" else cat)
            s = "STATUS_MISMATCH" if cat == "STATUS_MISMATCH" else cat
            if cat == "MATCHED":
                r2 = rnd.random()
                if r2 < 0.0005:
                    settle_fee += 10
                    settle_net -= 10
                    s = "FEE_MISMATCH"
                elif r2 < 0.001:
                    settle_net -= 1
                    s = "SETTLEMENT_MISMATCH"
            stl.write(f"{key},o{i},{amount},{settle_fee},{settle_net},{a.date},{a.date}\n")
            count("SETTLEMENTS", s)
        for j in range(max(1, a.rows // 1000)):  # credited here, unknown to the PG
            topup(f"genlost{a.date.replace('-', '')}{j:07d}", 10000, "APPROVED")
            count("TRANSACTIONS", "MISSING_AT_PG")
    # a settlement of a cancelled payment is a payment line CANCELLED? No: settlement lines are payouts
    # (always APPROVED); the cancelled-and-credited payment is caught in TRANSACTIONS. In ACQUISITIONS
    # and SETTLEMENTS the same payment is MATCHED (acquired/paid out and credited here).
    for kind in ("ACQUISITIONS", "SETTLEMENTS"):
        n = expected[kind].pop("STATUS_MISMATCH", 0)
        if n:
            expected[kind]["MATCHED"] = expected[kind].get("MATCHED", 0) + n
    with open(a.topups + ".expected.json", "w") as f:
        json.dump({"rows": a.rows, "expected": expected}, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
