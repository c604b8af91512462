# Sourced by ./corridor and .ci/run: sets JAVA_HOME and PATH to the first JDK 25 or newer among
# $JAVA_HOME, the java on the PATH, the Temurin 25 package and any other /usr/lib/jvm/*25*.
# The build targets Java 25, and these machines' default java is older.

REQUIRED_JAVA=25

# Prints the major version of the given java binary (0 if unknown).
java_major() {
  local v
  v=$("$1" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}') || true
  case "$v" in 1.*) v=${v#1.} ;; esac   # old "1.8.0" style
  v=${v%%[.+-]*}
  if [[ "$v" =~ ^[0-9]+$ ]]; then echo "$v"; else echo 0; fi
}

select_jdk() {
  local candidates=() home path_java
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if path_java=$(command -v java 2>/dev/null); then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$path_java")")")")
  fi
  candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64)
  for home in /usr/lib/jvm/*25*; do candidates+=("$home"); done
  for home in "${candidates[@]}"; do
    if [ -x "$home/bin/java" ] && [ "$(java_major "$home/bin/java")" -ge "$REQUIRED_JAVA" ]; then
      export JAVA_HOME="$home"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "JDK $REQUIRED_JAVA or newer is required, but none was found: install one (e.g. Temurin 25) and set JAVA_HOME." >&2
  exit 1
}
