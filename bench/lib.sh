# Shared by the benchmark scripts (sourced). Needs log() and die() from the caller.

# A free TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# wait_ready <pid> <management-url> <log-file>: until /q/health/ready answers (60 s) on the management
# interface (quarkus.management.port, not the public port), or the process exits.
wait_ready() {
  local pid=$1 management=$2 app_log=$3 i
  for i in $(seq 1 120); do
    curl -fs "$management/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { tail -30 "$app_log" >&2; die "the service exited during start-up"; }
    sleep 0.5
  done
  die "the service was not ready within 60 s"
}
