"""One module per scenario of bench/run.sh, run in this order by harness.run:

  queue_entry       1. enter the waiting room (always runs: the later scenarios need its fans)
  position_polling  2. poll the queue position, then the same at 70 % of peak, paced
  admission         admit every waiting fan (also runs, unmeasured, when a hold or payment scenario is wanted)
  hold_random       3. hold a random seat       \\ holds.py
  hold_hot          4. hold one of 50 hot seats /
  order_random      4b. hold 4 adjacent seats as one order (orders.py)
  payment_random    5. pay, one wallet per fan  \\ payments.py
  payment_hot       6. pay, 10 hot wallets      /
  journey           7. the whole journey as a mix

Each measures the service (wrk, autocannon) against its raw baseline (redis-benchmark, pgbench) in
the same run, alternating, and checks what must hold after each service run.
"""
