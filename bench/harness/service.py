"""The packaged jar as a child process: start, wait until ready, stop."""
import os
import subprocess
import time

from .common import ROOT, HttpError, die, http, read, show


class Service:
    def __init__(self, log_file):
        self.log_file = log_file
        self.proc = None

    @property
    def pid(self):
        return self.proc.pid if self.proc else None

    def start(self, cmd):
        with open(self.log_file, "w") as fh:
            self.proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT)

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def wait_ready(self, management):
        """Until /q/health/ready answers (180 s) on the management interface (quarkus.management.port,
        not the public port), or the process exits."""
        for _ in range(360):
            try:
                http("GET", f"{management}/q/health/ready", timeout=5)
                return
            except HttpError:
                pass
            if not self.alive():
                show("\n".join(read(self.log_file).splitlines()[-30:]))
                die("the service exited during start-up")
            time.sleep(0.5)
        die("the service was not ready within 180 s")

    def stop(self, grace_s=10):
        if not self.alive():
            return
        self.proc.terminate()
        try:
            self.proc.wait(grace_s)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def peak_rss_kb(self):
        for line in read(f"/proc/{self.pid}/status").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0


def common_options(port, mport, db):
    """The -D options both benchmarks' services get: the ports, the database as the least-privilege app
    role and the migrations as its owner (scripts/db-roles.sh; the dev passwords), and the development
    ticket-signing key (scripts/dev-keys.sh generates it with the JWT pair; the prod profile has none)."""
    return [
        f"-Dquarkus.http.port={port}", f"-Dquarkus.management.port={mport}",
        f"-Dquarkus.datasource.jdbc.url=jdbc:postgresql://{os.environ['PGHOST']}:{os.environ['PGPORT']}/{db}",
        "-Dquarkus.datasource.username=booking_app", "-Dquarkus.datasource.password=booking_app",
        "-Dquarkus.flyway.username=booking_owner", "-Dquarkus.flyway.password=booking_owner",
        f"-Dtickets.signing.private-key-location={ROOT / 'dev/tickets/ticket-signing.pem'}",
    ]
