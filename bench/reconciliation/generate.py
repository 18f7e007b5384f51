#!/usr/bin/env python3
"""Generates a realistic day of PG files and the matching top-ups of our books.

    generate.py --date 2026-11-21 --rows 1000000 --inbox DIR --topups FILE [--seed 7] [--layout toss]

--layout: toss (CSV, default), ksnet or welcome-offline (fixed-width EUC-KR records with a header and
a trailer whose count and sums match, docs/reconciliation.md). The provider is named like the layout.
Writes DIR/<provider>/<the layout's three files>, FILE (our records in COPY text format: top-ups for
the topup table — or, for welcome-offline, whose files reconcile against box-office sales (D62),
box-office sales for the box_office_sale table, of concert 1 / schedule 1, which the loader creates;
a sale is final, so it is never PENDING) and FILE.expected.json (the counts a correct reconciliation reports, the chain included:
an acquisition of a payment whose transaction mismatched is NOT_MATCHED, its settlement NOT_ACQUIRED).
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


class Toss:
    """Comma-separated with a header line (the layout of docs/reconciliation.md)."""
    provider = "toss"
    extra_lines = 1  # per file: the header

    def __init__(self, inbox, day):
        d = os.path.join(inbox, self.provider)
        os.makedirs(d, exist_ok=True)
        iso = day.isoformat()
        self.iso = iso
        self.files = [open(os.path.join(d, f"toss_{k}_{iso}.csv"), "w")
                      for k in ("transactions", "acquisitions", "settlements")]
        self.files[0].write("paymentKey,orderId,status,totalAmount,approvedAt\n")
        self.files[1].write("paymentKey,orderId,acquisitionStatus,amount,acquiredAt\n")
        self.files[2].write("paymentKey,orderId,amount,fee,payOutAmount,soldDate,paidOutDate\n")

    def tx(self, key, i, approved, amount):
        self.files[0].write(f"{key},o{i},{'DONE' if approved else 'CANCELED'},{amount},{self.iso}T12:00:00+09:00\n")

    def acq(self, key, i, amount):
        self.files[1].write(f"{key},o{i},COMPLETED,{amount},{self.iso}\n")

    def stl(self, key, i, amount, fee, net):
        self.files[2].write(f"{key},o{i},{amount},{fee},{net},{self.iso},{self.iso}\n")

    def close(self):
        for f in self.files:
            f.close()


class FixedWidth:
    """H / D / T records of a fixed byte length in EUC-KR; the trailer carries the count and the sums."""
    extra_lines = 2  # per file: header and trailer

    def __init__(self, inbox, day):
        d = os.path.join(inbox, self.provider)
        os.makedirs(d, exist_ok=True)
        self.basic = day.strftime("%Y%m%d").encode()
        self.files = [open(os.path.join(d, n.replace("{date}", day.strftime("%Y%m%d"))), "wb") for n in self.names]
        self.sums = [[0, 0, 0, 0] for _ in self.files]  # count, amount, fee, net
        for f, code in zip(self.files, (b"TR", b"AC", b"ST")):
            f.write(self.record(b"H" + self.basic + code + self.pad("콘서트예매 주식회사", 40)))

    def record(self, body):
        assert len(body) <= self.size, body
        return body.ljust(self.size, b" ") + b"\n"

    @staticmethod
    def pad(text, n):
        return text.encode("euc-kr").ljust(n, b" ")

    @staticmethod
    def num(v, n):
        return str(v).encode().rjust(n, b"0")

    def add(self, which, amount, fee=0, net=0):
        s = self.sums[which]
        s[0] += 1
        s[1] += amount
        s[2] += fee
        s[3] += net

    def close(self):
        for which, f in enumerate(self.files):
            f.write(self.record(self.trailer(which)))
            f.close()


class Ksnet(FixedWidth):
    provider = "ksnet"
    size = 100
    names = ("KSNET_TRAN_{date}.dat", "KSNET_ACQU_{date}.dat", "KSNET_SETL_{date}.dat")

    def payment(self, which, key, approved, amount):
        self.add(which, amount)
        self.files[which].write(self.record(b"D" + self.pad(key, 20) + (b"00" if approved else b"01")
                                            + self.num(amount, 12) + self.basic + b"120000" + self.pad("신한카드", 20)))

    def tx(self, key, i, approved, amount):
        self.payment(0, key, approved, amount)

    def acq(self, key, i, amount):
        self.payment(1, key, True, amount)

    def stl(self, key, i, amount, fee, net):
        self.add(2, amount, fee, net)
        self.files[2].write(self.record(b"D" + self.pad(key, 20) + self.num(amount, 12) + self.num(fee, 10)
                                        + self.num(net, 12) + self.basic + self.pad("신한카드", 20)))

    def trailer(self, which):
        c, a, f, n = self.sums[which]
        body = b"T" + self.num(c, 10) + self.num(a, 15)
        return body + (self.num(f, 15) + self.num(n, 15) if which == 2 else b"")


class WelcomeOffline(FixedWidth):
    provider = "welcome-offline"
    size = 80
    names = ("WO_TRAN_{date}.dat", "WO_ACQU_{date}.dat", "WO_SETL_{date}.dat")

    def payment(self, which, key, approved, amount):
        self.add(which, amount)
        self.files[which].write(self.record(b"D" + b"T000000001" + self.pad(key, 12) + (b"1" if approved else b"2")
                                            + self.num(amount, 10) + self.basic + b"193000" + self.pad("매표소1", 20)))

    def tx(self, key, i, approved, amount):
        self.payment(0, key, approved, amount)

    def acq(self, key, i, amount):
        self.payment(1, key, True, amount)

    def stl(self, key, i, amount, fee, net):
        self.add(2, amount, fee, net)
        self.files[2].write(self.record(b"D" + b"T000000001" + self.pad(key, 12) + self.num(amount, 10)
                                        + self.num(fee, 8) + self.num(net, 10) + self.basic))

    def trailer(self, which):
        c, a, f, n = self.sums[which]
        body = b"T" + self.num(c, 8) + self.num(a, 14)
        return body + (self.num(f, 14) + self.num(n, 14) if which == 2 else b"")


LAYOUTS = {"toss": Toss, "ksnet": Ksnet, "welcome-offline": WelcomeOffline}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--date", required=True)
    p.add_argument("--rows", type=int, required=True)
    p.add_argument("--inbox", required=True)
    p.add_argument("--topups", required=True)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--layout", choices=sorted(LAYOUTS), default="toss")
    a = p.parse_args()
    rnd = random.Random(a.seed)
    day = date.fromisoformat(a.date)
    noon = datetime.combine(day, time(12), SEOUL).astimezone(timezone.utc)
    stamp = noon.strftime("%Y-%m-%d %H:%M:%S+00")
    out = LAYOUTS[a.layout](a.inbox, day)
    provider = out.provider
    # keys fit the fixed-width layouts: 12 characters (welcome-offline's approval number), 20 (ksnet)
    width = 12 if a.layout == "welcome-offline" else 20
    expected = {k: {} for k in ("TRANSACTIONS", "ACQUISITIONS", "SETTLEMENTS")}

    def count(kind, category):
        expected[kind][category] = expected[kind].get(category, 0) + 1

    sales = a.layout == "welcome-offline"  # reconciliation.providers.<name>.records defaults (D62)

    with open(a.topups, "w") as ours:
        def topup(key, amount, status):
            if sales:
                # box_office_sale (id, concert_id, schedule_id, reservation_ids, amount, provider, approval_no,
                # terminal_id, approved_at, sold_by, sold_at): APPROVED at the terminal, never PENDING
                ours.write(f"{uuid.UUID(int=rnd.getrandbits(128))}\t1\t1\t{{}}\t{amount}\t{provider}\t{key}\t"
                           f"T{rnd.randrange(10000):04d}\t{stamp}\tbench-clerk\t{stamp}\n")
                return
            tid = str(uuid.UUID(int=rnd.getrandbits(128))) if status == "APPROVED" else "\\N"
            approved = stamp if status == "APPROVED" else "\\N"
            ours.write(f"{uuid.UUID(int=rnd.getrandbits(128))}\tgenuser{rnd.randrange(100000)}\t{provider}\t{key}\t"
                       f"order-{key}\t{amount}\t{status}\t{tid}\t{approved}\t{stamp}\t{stamp}\n")

        for i in range(a.rows):
            key = f"W{i:011d}" if width == 12 else f"gen{a.date.replace('-', '')}{i:09d}"
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
                out.tx(key, i, False, amount)
                cat = "STATUS_MISMATCH"
            elif r < 0.0045:  # our confirm timed out: PENDING, the file settles it (a sale: plain approved)
                topup(key, amount, "PENDING")
                cat = "MATCHED"
            else:
                topup(key, amount, "APPROVED")
                cat = "MATCHED"
            out.tx(key, i, True, amount)
            out.acq(key, i, amount)
            count("TRANSACTIONS", cat)
            # the chain: a payment whose transaction mismatched is not acquired, hence not settled
            held = cat in ("AMOUNT_MISMATCH", "STATUS_MISMATCH")
            count("ACQUISITIONS", "NOT_MATCHED" if held else cat)
            s = "NOT_ACQUIRED" if held else cat
            if cat == "MATCHED":
                r2 = rnd.random()
                if r2 < 0.0005:
                    settle_fee += 10
                    settle_net -= 10
                    s = "FEE_MISMATCH"
                elif r2 < 0.001:
                    settle_net -= 1
                    s = "SETTLEMENT_MISMATCH"
            out.stl(key, i, amount, settle_fee, settle_net)
            count("SETTLEMENTS", s)
        for j in range(max(1, a.rows // 1000)):  # credited here, unknown to the PG
            lost = {"toss": f"genlost{a.date.replace('-', '')}{j:07d}", "ksnet": f"lost{a.date.replace('-', '')}{j:08d}",
                    "welcome-offline": f"L{j:011d}"}[a.layout]
            topup(lost, 10000, "APPROVED")
            count("TRANSACTIONS", "MISSING_AT_PG")
    out.close()
    with open(a.topups + ".expected.json", "w") as f:
        json.dump({"rows": a.rows, "provider": provider, "extraLinesPerFile": out.extra_lines, "expected": expected,
                   "records": "box-office-sales" if sales else "topups"},
                  f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
