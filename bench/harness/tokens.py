"""The fans' and the admin's JWTs.

JWTs are slow to mint (~3 ms each): they are minted in two processes in the background while the app
starts, and reused for 5 hours (they are valid for 6) from a cache keyed by the signing key and the fan
count. The prod profile trusts no key of its own: the development pair (scripts/dev-keys.sh, generated
once into dev/jwt/ of this checkout) signs the tokens and the service is told to trust its public half;
another checkout's pair has its own cache entries (its key's fingerprint).
"""
import hashlib
import os
import subprocess
import time
from pathlib import Path

from .common import die, log, output

SUB_PREFIX = "benchfan"
MAX_AGE_S = 300 * 60


def public_key():
    """scripts/dev-keys.sh: the development pair (generated on first use); the public half's path."""
    return output(["scripts/dev-keys.sh"], "scripts/dev-keys.sh failed")


def mint(prefix, count, out, admin=False):
    """bench/MintTokens.java in the foreground."""
    cmd = ["java", "bench/MintTokens.java", prefix, str(count), str(out)] + (["admin"] if admin else [])
    if subprocess.run(cmd).returncode != 0:
        die("minting JWTs failed")


def _stale(path):
    try:
        st = path.stat()
    except OSError:
        return True
    return st.st_size == 0 or time.time() - st.st_mtime > MAX_AGE_S


class Tokens:
    def __init__(self, fans, work):
        self.fans = fans
        self.work = Path(work)
        self.public_key = public_key()
        key_id = hashlib.sha256(Path(self.public_key).read_bytes()).hexdigest()[:16]
        cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "concert-bench"
        cache.mkdir(parents=True, exist_ok=True)
        self.fan_file = cache / f"fans-{key_id}-{fans}.jwt"
        self.admin_file = cache / f"admin-{key_id}.jwt"
        self.minting = []
        self.admin = None
        self.subs = []

    def start(self):
        """Fans in the background (when the cache has none fresh), the admin now."""
        if _stale(self.fan_file):
            log(f"minting {self.fans} fan JWTs")
            half = self.fans // 2
            # two processes: subs benchfan1..half and benchfanb1..: line i of the joined file has sub subs[i]
            for prefix, count, part in ((SUB_PREFIX, half, "fans.a"), (SUB_PREFIX + "b", self.fans - half, "fans.b")):
                self.minting.append(subprocess.Popen(
                    ["java", "bench/MintTokens.java", prefix, str(count), str(self.work / part)]))
        if _stale(self.admin_file):
            mint("ops", 1, self.admin_file, admin=True)
        self.admin = self.admin_file.read_text().splitlines()[0]

    def finish(self):
        """Waits for the fans' JWTs; the fan file's line i belongs to sub self.subs[i]."""
        for p in self.minting:
            if p.wait() != 0:
                die("minting JWTs failed")
        if self.minting:
            tmp = Path(f"{self.fan_file}.tmp")
            tmp.write_text((self.work / "fans.a").read_text() + (self.work / "fans.b").read_text())
            tmp.replace(self.fan_file)
            self.minting = []
        if len(self.fan_file.read_text().splitlines()) != self.fans:
            die(f"fan JWT file {self.fan_file} is incomplete")
        half = self.fans // 2
        self.subs = [f"{SUB_PREFIX}{i}" for i in range(1, half + 1)] + \
                    [f"{SUB_PREFIX}b{i}" for i in range(1, self.fans - half + 1)]

    def jwts(self):
        return [line.strip() for line in self.fan_file.read_text().splitlines() if line.strip()]

    def stop(self):
        for p in self.minting:
            if p.poll() is None:
                p.kill()
                p.wait()
