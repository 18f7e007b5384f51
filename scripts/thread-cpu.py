#!/usr/bin/env python3
"""Where a fresh JVM's CPU goes in its first minute (docs/performance.md, issue #22): samples the CPU time
(utime + stime, clock ticks) of every thread of every running `quarkus-run.jar` JVM once a second, summed as
`compiler` (the JIT's C1/C2 threads), `gc` and `other`, until the file /tmp/threadcpu.stop exists; one JSON
line per JVM and second in /tmp/threadcpu.jsonl: {t, pid, threads: {compiler, gc, other}}. Start it, run
e.g. `BENCH_COLD_VARIANTS=plain bench/cold-instance.sh`, then `touch /tmp/threadcpu.stop`. A thread that
ends takes its ticks with it (the JIT's threads come and go), so shares are a lower bound for the compiler."""
import os, time, json
out = open('/tmp/threadcpu.jsonl', 'w')
while not os.path.exists('/tmp/threadcpu.stop'):
    t = time.time()
    for pid in os.listdir('/proc'):
        if not pid.isdigit(): continue
        try:
            cmd = open(f'/proc/{pid}/cmdline', 'rb').read()
            if b'quarkus-run.jar' not in cmd or b'AOTCacheOutput' in cmd: continue
            agg = {}
            for tid in os.listdir(f'/proc/{pid}/task'):
                try:
                    st = open(f'/proc/{pid}/task/{tid}/stat').read()
                    name = st[st.index('(') + 1:st.rindex(')')]
                    f = st[st.rindex(')') + 2:].split()
                    ticks = int(f[11]) + int(f[12])
                    key = 'compiler' if 'Compiler' in name or name.startswith('C1 ') or name.startswith('C2 ') else ('gc' if 'GC' in name or name.startswith('G1') else 'other')
                    agg[key] = agg.get(key, 0) + ticks
                except (FileNotFoundError, ProcessLookupError, ValueError):
                    pass
            out.write(json.dumps({'t': t, 'pid': int(pid), 'threads': agg}) + '\n')
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            pass
    out.flush()
    time.sleep(max(0, 1 - (time.time() - t)))
