#!/usr/bin/env bash
# Generates the local development JWT key pair on first use, into dev/jwt/ (ignored by git; never
# committed, never packaged): dev/jwt/dev-private.pem (PKCS#8, mode 600) signs tokens
# (scripts/dev-token.sh, bench/MintTokens.java), dev/jwt/dev-public.pem verifies them (the dev
# profile reads it by file path; scripts and the benchmark pass it to the prod profile explicitly).
# An existing pair is kept, so tokens minted earlier stay valid; delete dev/jwt/ to get a new one.
#
#   scripts/dev-keys.sh        # prints the public key's path
set -euo pipefail
dir="$(cd "$(dirname "$0")/.." && pwd)/dev/jwt"
private="$dir/dev-private.pem"
public="$dir/dev-public.pem"
if [[ ! -s $private || ! -s $public ]]; then
  command -v openssl >/dev/null || { echo "dev-keys.sh: openssl is needed (apt-get install openssl)" >&2; exit 1; }
  mkdir -p "$dir"
  chmod 700 "$dir"
  tmp=$(mktemp -d "$dir/.new.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/private.pem" 2>/dev/null)
  openssl pkey -in "$tmp/private.pem" -pubout -out "$tmp/public.pem" 2>/dev/null
  # the public half last: a reader that sees it also finds its private half
  mv "$tmp/private.pem" "$private"
  mv "$tmp/public.pem" "$public"
  echo "dev-keys.sh: generated a new development key pair in $dir" >&2
fi
echo "$public"
