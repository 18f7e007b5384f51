"""Redis through redis-cli."""
import subprocess

from .common import die, quiet


class Redis:
    def __init__(self, host, port):
        self.host = host
        self.port = port
        self.cli = ["redis-cli", "-h", host, "-p", str(port)]

    def __call__(self, *args, what=None):
        """One command; its reply as redis-cli prints it to a pipe (one value per line)."""
        res = subprocess.run(self.cli + [str(a) for a in args], stdout=subprocess.PIPE, text=True)
        if res.returncode != 0:
            die(what or f"redis-cli {args[0]} failed")
        return res.stdout.rstrip("\n")

    def ping(self):
        res = subprocess.run(self.cli + ["ping"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        return res.stdout.strip() == "PONG"

    def script_load(self, source, what):
        """SCRIPT LOAD of this exact text (redis-cli -x: stdin as the last argument): its SHA."""
        res = subprocess.run(self.cli + ["-x", "SCRIPT", "LOAD"], input=source.encode(), stdout=subprocess.PIPE)
        sha = res.stdout.decode().strip()
        if res.returncode != 0 or len(sha) != 40 or any(c not in "0123456789abcdef" for c in sha):
            die(f"{what}: {sha}")
        return sha

    def pipe(self, data, what):
        """Raw RESP commands through redis-cli --pipe."""
        res = subprocess.run(self.cli + ["--pipe"], input=data.encode(), stdout=subprocess.DEVNULL)
        if res.returncode != 0:
            die(what)

    def delete_prefix(self, prefix):
        """Every key under the prefix (the end of a run; failures ignored)."""
        res = subprocess.run(self.cli + ["--scan", "--pattern", f"{prefix}*"], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True)
        keys = res.stdout.split("\n")
        keys = [k for k in keys if k]
        for i in range(0, len(keys), 500):
            quiet(self.cli + ["DEL"] + keys[i:i + 500])

    def version(self):
        for line in self("info", "server").splitlines():
            if line.startswith("redis_version:"):
                return line.split(":", 1)[1].strip()
        return ""


def resp(*args):
    """One command in the Redis protocol (for --pipe)."""
    return f"*{len(args)}\r\n" + "".join(f"${len(a.encode())}\r\n{a}\r\n" for a in args)
