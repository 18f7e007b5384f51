"""The concerts the scenarios use, created through the admin API."""
import datetime
import time

from .common import die, log

PRICE = 100000


def seed(b):
    cfg = b.cfg
    starts = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=30)).strftime("%Y-%m-%dT20:00:00Z")
    schedules = [{"startsAt": starts, "seatCount": cfg.seats, "price": PRICE} for _ in range(cfg.schedules)]
    schedules.append({"startsAt": starts, "seatCount": cfg.hot_seats, "price": PRICE})
    log(f"seeding a concert: {cfg.schedules} x {cfg.seats} seats + one schedule of {cfg.hot_seats} hot seats")
    t0 = time.time()
    created = b.api("POST", "/api/v1/admin/concerts", {"title": "Benchmark concert", "schedules": schedules},
                    what="seeding the concert failed")
    log(f"seeded in {round(time.time() - t0, 1)} s")
    b.concert = created["id"]
    sids = [s["id"] for s in created["schedules"]]
    b.hot_sid = sids[-1]
    b.smin, b.smax = sids[0], sids[cfg.schedules - 1]
    if b.smax - b.smin + 1 != cfg.schedules:
        die(f"schedule ids are not contiguous ({b.smin}..{b.smax})")
    b.seeded = int(b.db.query(f"select count(*) from seat where schedule_id between {b.smin} and {b.smax}"))

    # the journey mix has its own concert: j_schedules dates of j_seats seats (each browse lists one date)
    b.j_schedules, b.j_seats, b.j_price = (2, 500, 50000) if cfg.quick else (20, 1000, 50000)
    created = b.api("POST", "/api/v1/admin/concerts", {
        "title": "Journey concert",
        "schedules": [{"startsAt": starts, "seatCount": b.j_seats, "price": b.j_price}] * b.j_schedules},
        what="seeding the journey concert failed")
    b.jconcert = created["id"]
    b.j_smin, b.j_smax = created["schedules"][0]["id"], created["schedules"][-1]["id"]
    if b.j_smax - b.j_smin + 1 != b.j_schedules:
        die("journey schedule ids are not contiguous")

    b.db.vacuum()
