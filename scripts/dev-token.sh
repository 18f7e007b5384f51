#!/usr/bin/env bash
# Mints a JWT for local use, signed with the development key pair in dev/jwt/ (generated on first
# use by scripts/dev-keys.sh, never committed; trusted by the dev profile, and by a prod-profile run
# only where mp.jwt.verify.publickey.location names dev/jwt/dev-public.pem, as the scripts do).
#
#   scripts/dev-token.sh <user-id> [admin|staff] [ttl-seconds]   (staff: gate staff, checks tickets in)
#
# Prints the token on stdout, e.g.  TOKEN=$(scripts/dev-token.sh alice)
set -euo pipefail
user=${1:?usage: dev-token.sh <user-id> [admin|staff] [ttl-seconds]}
role=${2:-}
ttl=${3:-3600}
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/dev-keys.sh" >/dev/null
key="$here/dev/jwt/dev-private.pem"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
json_escape() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }

now=$(date +%s)
groups='["user"]'
[ "$role" = "admin" ] && groups='["user","admin"]'
[ "$role" = "staff" ] && groups='["user","staff"]'
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"concert-booking-dev","sub":"%s","upn":"%s","groups":%s,"iat":%d,"exp":%d}' \
  "$(json_escape "$user")" "$(json_escape "$user")" "$groups" "$now" "$((now + ttl))" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
