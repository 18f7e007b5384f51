#!/usr/bin/env bash
# Sourced by the other scripts: exports JAVA_HOME pointing at a JDK >= 21 (the build's release level).
# Prefers the caller's JAVA_HOME, then the newest JDK under /usr/lib/jvm.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -x "$dir/bin/javac" ] || continue
    major=$(java_major "$dir") || continue
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then best=$dir; best_major=$major; fi
  done
  [ -n "$best" ] || { echo "no JDK >= 21 found: install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME" >&2; return 1; }
  echo "$best"
}
JAVA_HOME=$(pick_jdk) || exit 1
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
