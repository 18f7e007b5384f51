"""Logging, failures, child processes, free ports, the JDK and the service's HTTP API."""
import json
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent  # bench/
ROOT = BENCH.parent  # the checkout

_tag = "bench"


class Failed(Exception):
    """A step failed (already logged): the command exits with status 1."""


class Exit(Exception):
    """Leave with this status (cleanup still runs)."""

    def __init__(self, status):
        super().__init__(status)
        self.status = status


def set_tag(tag):
    global _tag
    _tag = tag


def log(msg):
    sys.stderr.write(f"[{_tag} {time.strftime('%H:%M:%S')}] {msg}\n")
    sys.stderr.flush()


def die(msg):
    log(f"FAILED: {msg}")
    raise Failed(msg)


def show(text):
    """Print a tool's output to stderr (before dying of it)."""
    if text:
        sys.stderr.write(text if text.endswith("\n") else text + "\n")
        sys.stderr.flush()


def read(path):
    try:
        return Path(path).read_text(errors="replace")
    except OSError:
        return ""


def jqnum(v):
    """A number as jq prints it (the log lines of the shell harness)."""
    if v is None:
        return "null"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def floor(v):
    return "null" if v is None else str(math.floor(v))


def floor2(v):
    return "null" if v is None else jqnum(math.floor(v * 100) / 100)


def compact(obj):
    return json.dumps(obj, separators=(",", ":"))


def output(cmd, what=None, input=None, env=None):
    """stdout of a command (stderr passes through); dies with `what` when it fails."""
    res = subprocess.run(cmd, stdout=subprocess.PIPE, input=input, env=env,
                         text=not isinstance(input, bytes))
    if res.returncode != 0:
        die(what or f"{cmd[0]} failed (exit status {res.returncode})")
    out = res.stdout if isinstance(res.stdout, str) else res.stdout.decode()
    return out.rstrip("\n")


def quiet(cmd, **kw):
    """Runs a command with its output discarded; True when it succeeded."""
    return subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw).returncode == 0


def timed(cmd, timefile):
    """The command under /usr/bin/time, which writes the load generator's CPU time to `timefile`."""
    return ["/usr/bin/time", "-f", "LOADCPU %U %S", "-o", str(timefile)] + [str(c) for c in cmd]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def use_jdk():
    """scripts/java.sh: JAVA_HOME and PATH of a JDK >= 21, for this process and its children."""
    res = subprocess.run(["bash", "-c", 'source scripts/java.sh >/dev/null && printf %s "$JAVA_HOME"'],
                         cwd=ROOT, stdout=subprocess.PIPE, text=True)
    home = res.stdout.strip()
    if res.returncode != 0 or not home:
        die("no JDK found (scripts/java.sh)")
    os.environ["JAVA_HOME"] = home
    os.environ["PATH"] = f"{home}/bin:{os.environ.get('PATH', '')}"


def have(tool):
    if "/" in tool:
        return os.access(tool, os.X_OK)
    return any(os.access(os.path.join(d, tool), os.X_OK) for d in os.environ.get("PATH", "").split(os.pathsep) if d)


def on_term_exit():
    """SIGTERM (and SIGINT) leave through the cleanup with status 130, as the shell harness did."""

    def handler(signum, frame):
        raise Exit(130)

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


# ------------------------------------------------------------------------------------- HTTP
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # 127.0.0.1: never through a proxy


class HttpError(Exception):
    pass


def http(method, url, token=None, body=None, timeout=600):
    """One call; the body parsed as JSON (None when empty, the text when not JSON). HttpError on a non-2xx
    or no answer."""
    data = None
    headers = {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if body is not None:
        data = (body if isinstance(body, str) else json.dumps(body)).encode()
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with _opener.open(req, timeout=timeout) as res:
            text = res.read().decode()
    except urllib.error.HTTPError as e:
        raise HttpError(f"{method} {url}: HTTP {e.code} {e.read().decode(errors='replace')[:500]}") from None
    except (urllib.error.URLError, OSError) as e:
        raise HttpError(f"{method} {url}: {e}") from None
    if not text.strip():
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


class Api:
    """The service's public API as the admin (the harness's curl calls)."""

    def __init__(self, base, token):
        self.base = base
        self.token = token

    def __call__(self, method, path, body=None, what=None):
        try:
            return http(method, self.base + path, self.token, body)
        except HttpError as e:
            show(str(e))
            die(what or f"{method} {path} failed")


def quick_flag(args, doc):
    """The entries' one flag: True for --quick; --help prints `doc` and an unknown argument is refused.
    Returns (quick, exit status or None to go on)."""
    quick = False
    for a in args:
        if a == "--quick":
            quick = True
        elif a in ("-h", "--help"):
            print(doc.strip())
            return quick, 0
        else:
            sys.stderr.write(f"unknown argument: {a}\n")
            return quick, 2
    return quick, None


def guarded(work, body, cleanup):
    """Runs body() and returns the entry's exit status; cleanup() runs whatever happens, with Ctrl-C and
    SIGTERM ignored meanwhile; the work directory is kept for a look when the run failed."""
    status = 0
    try:
        body()
    except Failed:
        status = 1
    except Exit as e:
        status = e.status
    except BaseException:
        status = 1
        raise
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        cleanup()
        if status != 0:
            log(f"exit status {status}; work files kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return status

