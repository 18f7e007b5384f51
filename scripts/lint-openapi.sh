#!/usr/bin/env bash
# Lints the OpenAPI document the build writes (target/openapi/openapi.yaml, from the code's annotations)
# with Spectral and the repository's ruleset (.spectral.yaml): 0 errors and 0 warnings, or it fails.
# Spectral's version is pinned in package.json / package-lock.json; `npm ci` installs it into
# node_modules/ (Node.js >= 18, installed from Debian's packages when missing, and the npm registry). Builds the document first when it is missing
# or older than the sources; --no-build lints whatever target/openapi holds.
set -euo pipefail
cd "$(dirname "$0")/.."
doc=target/openapi/openapi.yaml
build=true
[ "${1:-}" = "--no-build" ] && build=false

if $build && { [ ! -f "$doc" ] || [ -n "$(find src/main pom.xml -newer "$doc" -print -quit)" ]; }; then
  source scripts/java.sh
  # the document is written by Quarkus' build step (quarkus.smallrye-openapi.store-schema-directory)
  ./mvnw -B -q package -DskipTests
fi
[ -f "$doc" ] || { echo "no $doc: build the application first (./mvnw package -DskipTests)" >&2; exit 1; }

if ! command -v npm >/dev/null; then
  # Debian 12's nodejs is 18, enough for Spectral 6
  echo "installing nodejs npm ..."
  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -x node_modules/.bin/spectral ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
node_modules/.bin/spectral lint --fail-severity=warn --ruleset .spectral.yaml "$doc"
echo "OpenAPI lint: 0 errors, 0 warnings ($doc)"
