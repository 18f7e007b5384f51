"""PostgreSQL for a run: psql, and the run's own cluster (BENCH_PG=own, the default).

The raw baselines and the service share PostgreSQL's max_connections. The machine's cluster allows 100,
fewer than pgbench's connections plus the service's pool of as many, so with BENCH_PG=shared the
service's pool must shrink while pgbench runs and grow back, under load, in the next service run
(measure.fill_pool). By default the run starts its own cluster instead: the same PostgreSQL binaries,
the settings the machine's cluster has in its configuration files (shared_buffers, fsync, autovacuum,
WAL sizes ...), the data on the same disk, and room for both pools (max_connections = 2 × connections
+ 30); it is stopped and deleted at the end.
"""
import glob
import os
import re
import shutil
import subprocess
import tempfile
import time

from .common import die, log, output, quiet, show, free_port


def use_env_defaults():
    """PGHOST/PGPORT/PGUSER for psql, pgbench and scripts/db-roles.sh (127.0.0.1:5432, postgres)."""
    os.environ["PGHOST"] = os.environ.get("PGHOST") or "127.0.0.1"
    os.environ["PGPORT"] = os.environ.get("PGPORT") or "5432"
    os.environ["PGUSER"] = os.environ.get("PGUSER") or "postgres"


def psql(sql, db="postgres", what=None):
    """One statement, unaligned tuples-only output (psql -Atc)."""
    return output(["psql", "-d", db, "-Atc", sql], what or f"psql failed: {sql[:80]}")


def psql_quiet(sql, db):
    """psql -q -c, output discarded (VACUUM, \\copy)."""
    res = subprocess.run(["psql", "-q", "-d", db, "-c", sql], stdout=subprocess.DEVNULL)
    if res.returncode != 0:
        die(f"psql failed: {sql[:80]}")


def reachable():
    return quiet(["psql", "-d", "postgres", "-Atc", "select 1"])


def drop_database(db):
    quiet(["psql", "-q", "-d", "postgres", "-c", f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'])


class Cluster:
    """The run's PostgreSQL: its own cluster or the shared one."""

    def __init__(self, mode, conn, work):
        self.mode = mode
        self.conn = conn
        self.work = work
        self.own_dir = None
        self.bin = None
        self.run_as = []

    def start(self):
        if self.mode == "own":
            self._start_own()
        elif self.mode != "shared":
            die("BENCH_PG must be own or shared")

    def _start_own(self):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key)
        self.bin = bins[-1] if bins else ""
        if not os.access(f"{self.bin}/initdb", os.X_OK):
            res = subprocess.run(["pg_config", "--bindir"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                 text=True) if shutil.which("pg_config") else None
            self.bin = res.stdout.strip() if res and res.returncode == 0 else ""
        if not os.access(f"{self.bin}/initdb", os.X_OK):
            die("no PostgreSQL server binaries (initdb) found; install postgresql or run with BENCH_PG=shared")
        self.own_dir = tempfile.mkdtemp(prefix="concert-bench-pg.", dir="/var/tmp")
        if os.getuid() == 0:  # initdb refuses to run as root
            if not quiet(["chown", "postgres:", self.own_dir]):
                die("no postgres user to own the benchmark's cluster")
            self.run_as = ["runuser", "-u", "postgres", "--"]
        data = f"{self.own_dir}/data"
        with open(f"{self.work}/initdb.log", "w") as fh:
            res = subprocess.run(self.run_as + [f"{self.bin}/initdb", "-D", data, "-U", "postgres", "-A", "trust",
                                                "-E", "UTF8", "--locale=C.UTF-8"], stdout=fh, stderr=subprocess.STDOUT)
        if res.returncode != 0:
            show(open(f"{self.work}/initdb.log").read())
            die("initdb failed")
        settings = []
        if reachable():  # copy the machine's cluster's own settings
            rows = output(["psql", "-d", "postgres", "-AtF", " ", "-c",
                           "select name, quote_literal(current_setting(name)) from pg_settings "
                           "where source = 'configuration file' and name not in ('port', 'listen_addresses', "
                           "'max_connections', 'cluster_name', 'external_pid_file', 'unix_socket_directories', "
                           "'data_directory', 'hba_file', 'ident_file') "
                           "and name not like 'log%' and name not like 'lc%' and name not like 'ssl%'"],
                          "reading the machine's cluster's settings failed")
            settings = [line.replace(" ", " = ", 1) for line in rows.splitlines() if line]
        port = free_port()
        max_conn = 2 * self.conn + 30
        with open(f"{data}/postgresql.conf", "a") as fh:
            fh.write("# bench/run.sh: the machine's cluster's settings, then the benchmark's own\n")
            fh.write("".join(s + "\n" for s in settings) or "\n")
            fh.write(f"port = {port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{self.own_dir}'\n"
                     f"max_connections = {max_conn}\n")
        res = subprocess.run(self.run_as + [f"{self.bin}/pg_ctl", "-D", data, "-l", f"{self.own_dir}/server.log",
                                            "-w", "-t", "60", "start"], stdout=subprocess.DEVNULL)
        if res.returncode != 0:
            show(open(f"{self.own_dir}/server.log").read())
            die("the benchmark's PostgreSQL cluster did not start")
        os.environ["PGHOST"] = "127.0.0.1"
        os.environ["PGPORT"] = str(port)
        log(f"PostgreSQL: own cluster in {self.own_dir} on :{port} (max_connections {max_conn}; "
            f"{len(settings)} settings copied from the machine's cluster)")

    def max_connections(self):
        return int(psql("show max_connections"))

    def pids(self):
        """The benchmark's cluster: its postmaster and children; shared: every postgres process."""
        if self.own_dir:
            try:
                pm = open(f"{self.own_dir}/data/postmaster.pid").readline().strip()
            except OSError:
                pm = ""
            if pm:
                return [pm] + _pgrep("-P", pm)
        return _pgrep("-x", "postgres")

    def stop(self, db):
        """The end of a run: the own cluster stopped and deleted, or the run's database dropped."""
        if self.own_dir:
            quiet(self.run_as + [f"{self.bin}/pg_ctl", "-D", f"{self.own_dir}/data", "-m", "fast", "-w", "stop"])
            shutil.rmtree(self.own_dir, ignore_errors=True)
        else:
            drop_database(db)


class Database:
    """The run's database."""

    def __init__(self, name):
        self.name = name

    def query(self, sql):
        return psql(sql, self.name)

    def q(self, sql):
        """One query, retried while PostgreSQL refuses connections (max_connections is shared with the pool)."""
        err = ""
        for _ in range(10):
            res = subprocess.run(["psql", "-d", self.name, "-Atc", sql], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
            if res.returncode == 0:
                return res.stdout.strip()
            err = (res.stderr or res.stdout).strip()
            time.sleep(1)
        die(f"query failed: {err}")

    def count(self, sql):
        return int(self.q(sql))

    def vacuum(self, what=""):
        psql_quiet(f"VACUUM ANALYZE {what}".strip(), self.name)


def _pgrep(*args):
    res = subprocess.run(["pgrep"] + list(args), stdout=subprocess.PIPE, text=True)
    return res.stdout.split()


def _version_key(path):
    return [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", path)]
