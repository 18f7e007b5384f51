#!/usr/bin/env bash
# Generates the local development JWT key pair on first use, into dev/jwt/ (ignored by git; never
# committed, never packaged): dev/jwt/dev-private.pem (PKCS#8, mode 600) signs tokens
# (scripts/dev-token.sh, bench/MintTokens.java), dev/jwt/dev-public.pem verifies them (the dev
# profile reads it by file path; scripts and the benchmark pass it to the prod profile explicitly).
# An existing pair is kept, so tokens minted earlier stay valid; delete dev/jwt/ to get a new one.
# Also the development ticket-signing key (Ed25519, PKCS#8), dev/tickets/ticket-signing.pem (mode 600;
# ignored by git): the dev profile signs ticket codes with it, scripts and the benchmark pass it to the
# prod profile as tickets.signing.private-key-location. Kept like the JWT pair; delete dev/tickets/ for a new one.
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
tickets="$(dirname "$dir")/tickets"
ticket_key="$tickets/ticket-signing.pem"
if [[ ! -s $ticket_key ]]; then
  command -v openssl >/dev/null || { echo "dev-keys.sh: openssl is needed (apt-get install openssl)" >&2; exit 1; }
  mkdir -p "$tickets"
  chmod 700 "$tickets"
  tmp_key=$(mktemp "$tickets/.new.XXXXXX")
  (umask 077 && openssl genpkey -algorithm ed25519 -out "$tmp_key" 2>/dev/null)
  mv "$tmp_key" "$ticket_key"
  echo "dev-keys.sh: generated a new development ticket-signing key in $tickets" >&2
fi
echo "$public"
