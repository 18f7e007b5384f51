"""python3 -m harness <run | limiter-ab | reconciliation | partner-sync | cold-instance> [--quick] (PYTHONPATH=bench; see bench/*.sh)"""
import sys


def main(argv):
    if not argv or argv[0] not in ("run", "limiter-ab", "reconciliation", "partner-sync", "cold-instance"):
        sys.stderr.write(__doc__ + "\n")
        return 2
    command, args = argv[0], argv[1:]
    if command == "run":
        from . import run as module
    elif command == "limiter-ab":
        from . import limiter_ab as module
    elif command == "cold-instance":
        from . import cold_instance as module
    elif command == "partner-sync":
        from . import partner_sync as module
    else:
        from . import reconciliation as module
    return module.main(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
