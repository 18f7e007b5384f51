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
COLD_PREFIX = "coldfan"
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
        self.cache = cache
        self.key_id = key_id
        self.pending = []
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
        for p, outs, tmp, path in self.pending:
            if p.wait() != 0:
                die("minting JWTs failed")
            if len(outs) > 1 or outs[0] != tmp:
                with open(tmp, "w") as fh:
                    for o in outs:
                        fh.write(Path(o).read_text())
                        Path(o).unlink()
            tmp.replace(path)
        self.pending = []
        if len(self.fan_file.read_text().splitlines()) != self.fans:
            die(f"fan JWT file {self.fan_file} is incomplete")
        half = self.fans // 2
        self.subs = [f"{SUB_PREFIX}{i}" for i in range(1, half + 1)] + \
                    [f"{SUB_PREFIX}b{i}" for i in range(1, self.fans - half + 1)]

    def cold_pool(self, count):
        """Starts minting (in the background, when the cache has none fresh) `count` first-time fans, subs
        coldfan1..count, one JWT each: the pool of the cold-token figures, every line sent once to a service
        that has never seen it. Returns the file (complete after finish())."""
        path = self.cache / f"cold-{self.key_id}-{count}.jwt"
        if _stale(path):
            log(f"minting {count} first-time fan JWTs (cold-token pool, cached for 5 hours)")
            self._mint_later(path, [COLD_PREFIX, count, "user"])
        return path

    def poll_pool(self, variants):
        """Starts minting `variants` more JWTs for each fan (another jti each: a string the service has never
        verified), for cold-token polling by fans who entered with their first one. Returns the file (complete
        after finish()); poll_subs(variants) names each line's sub."""
        path = self.cache / f"poll-{self.key_id}-{self.fans}x{variants}.jwt"
        if _stale(path):
            log(f"minting {variants} more JWTs for each of {self.fans} fans (cold-token polling, cached for 5 hours)")
            half = self.fans // 2
            self._mint_later(path, None, [(SUB_PREFIX, half, variants), (SUB_PREFIX + "b", self.fans - half, variants)])
        return path

    def poll_subs(self, variants):
        """The sub of each line of poll_pool(variants): the first half of the fans variant by variant, then the
        second half."""
        half = self.fans // 2
        return [f"{SUB_PREFIX}{i}" for _ in range(variants) for i in range(1, half + 1)] + \
               [f"{SUB_PREFIX}b{i}" for _ in range(variants) for i in range(1, self.fans - half + 1)]

    def _mint_later(self, path, args, parts=None):
        """MintTokens in the background (it signs on every core) into path.tmp, renamed by finish()."""
        tmp = Path(f"{path}.{os.getpid()}.tmp")
        if parts is None:
            cmds = [["java", "bench/MintTokens.java", str(args[0]), str(args[1]), str(tmp), args[2]]]
            outs = [tmp]
        else:
            cmds, outs = [], []
            for k, (prefix, count, variants) in enumerate(parts):
                part = self.work / f"{path.name}.{k}"
                cmds.append(["java", "bench/MintTokens.java", prefix, str(count), str(part), "user", "1", str(variants)])
                outs.append(part)
        self.pending.append((subprocess.Popen(["bash", "-c", " && ".join(" ".join(c) for c in cmds)]), outs, tmp, path))

    def jwts(self):
        return [line.strip() for line in self.fan_file.read_text().splitlines() if line.strip()]

    def stop(self):
        for p, _, _, _ in self.pending:
            if p.poll() is None:
                p.kill()
                p.wait()
        for p in self.minting:
            if p.poll() is None:
                p.kill()
                p.wait()
