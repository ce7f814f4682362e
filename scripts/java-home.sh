#!/usr/bin/env bash
# Prints a JDK 25+ home: JAVA_HOME when it is one, else the first JDK 25+ found in the usual places.
# Sourced by ./jnn and .ci/run so that both build with the Java the project targets.
jdk_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}
find_jdk25() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "jnn: no JDK 25 or newer found; set JAVA_HOME to one" >&2
  return 1
}
