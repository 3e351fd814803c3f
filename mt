#!/usr/bin/env bash
# mt — MailTrail's command line. Finds a JDK 21 or newer, rebuilds what changed, then runs the CLI.
#   ./mt --help            what mt can do
#   ./mt test              the whole test suite (what CI runs)
#   ./mt replay FILE…      events through the audit core, records out
#   ./mt bench [JMH ARGS]  the JMH benchmarks (e.g. ./mt bench RecordGenerator -f 1)
#   ./mt bench api-export [RECORDS] [HEAP]  1 M records exported over HTTPS from mt serve with a small heap
#   ./mt fuzz [SECONDS] [MATCH…]  each fuzz target (Jazzer) for SECONDS (default 60); findings saved as tests
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="$root/.mt"

java_major() { # prints the major version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then echo "$JAVA_HOME"; return; fi
  fi
  for candidate in /usr/lib/jvm/*/ /usr/local/lib/jvm/*/ /opt/java/*/; do
    candidate="${candidate%/}"
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  [ -n "$best" ] && echo "$best"
}

JAVA_HOME="$(find_jdk || true)"
if [ -z "$JAVA_HOME" ]; then
  cat >&2 <<'MSG'
mt: MailTrail needs a JDK 21 or newer, and none was found (looked at $JAVA_HOME and /usr/lib/jvm).
    Install one, e.g. Temurin 21 or 25 (the temurin-21-jdk / temurin-25-jdk packages), or on Debian 13
    and Ubuntu 24.04: apt-get install openjdk-21-jdk-headless. Or point JAVA_HOME at an installed JDK 21+.
MSG
  exit 3
fi
export JAVA_HOME
# JDK 24+ warns about Maven's own use of sun.misc.Unsafe; the option that silences it exists only there.
if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

need_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "mt: Apache Maven is needed to build MailTrail: apt-get install maven (3.8.7 or newer)." >&2
    exit 3
  fi
}

if [ "${1:-}" = "test" ]; then
  shift
  need_maven
  # the integration tests start a real Dovecot and real clients; without them those tests are skipped, so say so
  missing=""
  [ -x /usr/sbin/dovecot ] || missing="$missing dovecot-imapd dovecot-pop3d"
  [ -x /usr/sbin/postfix ] || missing="$missing postfix"
  for tool in sieve-connect:sieve-connect mbsync:isync offlineimap:offlineimap fetchmail:fetchmail mutt:mutt curl:curl python3:python3 chromium:chromium swaks:swaks msmtp:msmtp fail2ban-regex:fail2ban; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || missing="$missing ${tool#*:}"
  done
  # the webmail end-to-end test: Roundcube under lighttpd, Postfix, ManageSieve, Playwright in node
  [ -f /usr/share/roundcube/index.php ] || missing="$missing roundcube-core roundcube-plugins roundcube-sqlite3"
  for tool in /usr/bin/php-cgi:php-cgi /usr/sbin/lighttpd:lighttpd /usr/sbin/postfix:postfix; do
    [ -x "${tool%%:*}" ] || missing="$missing ${tool#*:}"
  done
  for tool in node:nodejs npm:npm; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || missing="$missing ${tool#*:}"
  done
  [ -x /usr/lib/dovecot/managesieve ] || missing="$missing dovecot-managesieved dovecot-sieve"
  [ -x /usr/lib/dovecot/submission ] || missing="$missing dovecot-submissiond"
  if [ -n "$missing" ]; then
    echo "mt test: missing, so the tests that need them will be skipped:$missing" >&2
    echo "mt test: install them with: sudo apt-get install$missing" >&2
  fi
  if [ ! -d "$root/e2e/webmail/node_modules/playwright-core" ]; then
    echo "mt test: the webmail test will be skipped without Playwright: (cd e2e/webmail && npm ci)" >&2
  fi
  if [ ! -d "$root/e2e/console/node_modules/playwright-core" ]; then
    echo "mt test: the console browser test will be skipped without Playwright: (cd e2e/console && npm ci)" >&2
  fi
  cd "$root"
  # the webmail end-to-end test drives Chromium with playwright-core from npm (e2e/webmail/package-lock.json)
  # so do the web console's browser tests (e2e/console/package-lock.json)
  for e2e in webmail console; do
    if [ ! -d "e2e/$e2e/node_modules/playwright-core" ] && command -v npm >/dev/null 2>&1; then
      (cd "e2e/$e2e" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
        || echo "mt test: npm ci failed in e2e/$e2e, so the $e2e browser test will be skipped" >&2
    fi
  done
  exec mvn -B --no-transfer-progress verify "$@"
fi

if [ "${1:-}" = "bench" ] && [ "${2:-}" = "faults" ]; then
  # the fault campaign of docs/reliability.md: damaged journals at every position class, disk full and recovery
  # (as root: a small tmpfs), a low descriptor limit, kill -9 during ingest
  need_maven
  cd "$root"
  exec mvn -B --no-transfer-progress -Dspotless.check.skip=true -pl app -am test \
    -Dtest='JournalDamageTest,EventJournalTest,JournalDamageProcessTest,DiskFullProcessTest,DescriptorLimitProcessTest,PipelineCrashTest' \
    -Dsurefire.failIfNoSpecifiedTests=false
fi

if [ "${1:-}" = "bench" ] && [ "${2:-}" = "crash" ]; then
  # kill -9 an ingesting process RUNS times (default 50); after each restart every acknowledged event must be
  # stored exactly once and both stores must verify
  need_maven
  cd "$root"
  exec mvn -B --no-transfer-progress -Dspotless.check.skip=true -pl app -am test -Dtest=PipelineCrashTest \
    -Dsurefire.failIfNoSpecifiedTests=false -Dmailtrail.crashRuns="${3:-50}"
fi

if [ "${1:-}" = "bench" ] && [ "${2:-}" = "api-export" ]; then
  # RECORDS (default 1,000,000) records exported over HTTPS in every format and paged to the end from a real
  # `mt serve` capped at HEAP (default 128m); prints records/s, the server's peak resident set and the fixture's
  # build time. The data directory is kept in app/target/api-export-RECORDS, so later runs skip building it.
  need_maven
  cd "$root"
  records="${3:-1000000}"
  exec mvn -B --no-transfer-progress -Dspotless.check.skip=true -pl app -am test -Dtest=ApiExportAtScaleTest \
    -Dsurefire.failIfNoSpecifiedTests=false -Dmailtrail.apiScaleRecords="$records" \
    -Dmailtrail.apiScaleFixture="$root/app/target/api-export-$records" -Dmailtrail.apiScaleHeap="${4:-128m}"
fi

if [ "${1:-}" = "bench" ]; then
  shift
  need_maven
  echo "mt: building the benchmarks…" >&2
  (cd "$root" && mvn -q -B --no-transfer-progress -DskipTests -Dspotless.check.skip=true -pl bench -am package \
    >"$root/bench/build.log" 2>&1) || { echo "mt: the benchmark build failed, see bench/build.log" >&2; exit 3; }
  rm -f "$root/bench/build.log"
  # a bench command with its own main (StoreBench, …) runs as such; anything else is JMH's
  if [ -n "${1:-}" ] && grep -qs "static void main" "$root/bench/src/main/java/dev/mailtrail/bench/$1.java"; then
    main="dev.mailtrail.bench.$1"
    shift
    # from the classes and their jars (not the shaded jar), so that a search node it starts gets its own class path
    exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED ${MT_BENCH_JAVA_OPTS:-} \
      -cp "$root/bench/target/classes:$(cat "$root/bench/target/runtime-classpath.txt")" "$main" "$@"
  fi
  exec "$JAVA_HOME/bin/java" -jar "$root/bench/target/benchmarks.jar" "$@"
fi

if [ "${1:-}" = "fuzz" ]; then
  # Coverage-guided fuzzing (Jazzer): every @FuzzTest for SECONDS each (default 60), one JVM per target because
  # libFuzzer runs once per process. A finding fails the run and is saved under the target's src/test/resources
  # …Inputs/<method>/ directory, where `./mt test` then replays it. `./mt fuzz 30 Imap Pop3` runs only the targets
  # whose Class#method contains Imap or Pop3.
  need_maven
  seconds="${2:-60}"
  shift $(( $# < 2 ? $# : 2 ))
  only=("$@")
  case "$seconds" in '' | *[!0-9]*) echo "mt fuzz: SECONDS must be a whole number, not '$seconds'" >&2; exit 2 ;; esac
  cd "$root"
  modules=$(grep -rl --include='*FuzzTest.java' '@FuzzTest' */src/test/java | cut -d/ -f1 | sort -u | paste -sd, -)
  mkdir -p "$state"
  echo "mt fuzz: building the fuzz targets of $modules…" >&2
  mvn -q -B --no-transfer-progress -DskipTests -Dspotless.check.skip=true -pl "$modules" -am test-compile \
    dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test \
    >"$state/fuzz-build.log" 2>&1 || { echo "mt fuzz: the build failed, see $state/fuzz-build.log" >&2; exit 3; }
  rm -f "$state/fuzz-build.log"
  failed=0
  summary=""
  for source in $(grep -rl --include='*FuzzTest.java' '@FuzzTest' */src/test/java | sort); do
    module="${source%%/*}"
    class=$(echo "${source#*/src/test/java/}" | sed 's/\.java$//; s|/|.|g')
    # each target as method(ParameterType), the form JUnit selects a method by
    for target in $(awk '/@FuzzTest/ { getline; if (match($0, /void [A-Za-z0-9_]+\([A-Za-z0-9_.\[\]]+/)) print substr($0, RSTART + 5, RLENGTH - 5) ")" }' "$source" \
        | sed 's/(FuzzedDataProvider)/(com.code_intelligence.jazzer.api.FuzzedDataProvider)/'); do
      method="${target%%(*}"
      name="${class##*.}#$method"
      wanted=$(( ${#only[@]} == 0 ))
      for pattern in "${only[@]}"; do case "$name" in *"$pattern"*) wanted=1 ;; esac; done
      [ "$wanted" -eq 1 ] || continue
      log="$root/$module/target/fuzz-${class##*.}-$method.log"
      echo "mt fuzz: $name for ${seconds}s" >&2
      status=0
      (cd "$root/$module" && JAZZER_FUZZ=1 "$JAVA_HOME/bin/java" -Xmx512m -XX:+EnableDynamicAgentLoading \
        --enable-native-access=ALL-UNNAMED -Djazzer.max_duration="${seconds}s" \
        -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
        org.junit.platform.console.ConsoleLauncher execute --disable-banner --details=none --fail-if-no-tests \
        --select-method="$class#$target" >"$log" 2>&1) || status=$?
      runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 \2/p' "$log" | tail -n 1)
      set -- $runs
      rate=$([ -n "${2:-}" ] && [ "$2" -gt 0 ] && echo $(( $1 / $2 )) || echo "?")
      if [ "$status" -ne 0 ]; then
        failed=1
        summary="$summary$(printf '%-42s FINDING (see %s)' "$name" "${log#"$root"/}")"$'\n'
        grep -m 5 -E 'FuzzTestFindingException|Exception|Error|crash-' "$log" >&2 || true
      else
        summary="$summary$(printf '%-42s %10s runs %8s/s' "$name" "${1:-?}" "$rate")"$'\n'
      fi
    done
  done
  printf 'mt fuzz: %-38s %15s %10s\n%s' target executions "per second" "$summary"
  exit "$failed"
fi

stamp="$state/build.stamp"
classpath_file="$root/app/target/runtime-classpath.txt"
stale() {
  [ -f "$stamp" ] && [ -f "$classpath_file" ] || return 0
  [ -n "$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src/main -newer "$stamp" -print -quit 2>/dev/null)" ]
}

if stale; then
  need_maven
  mkdir -p "$state"
  echo "mt: building (sources changed since the last build)…" >&2
  touch "$state/build.started"
  if ! (cd "$root" && mvn -q -B --no-transfer-progress -DskipTests -Dspotless.check.skip=true \
        -pl app -am package >"$state/build.log" 2>&1); then
    echo "mt: the build failed; its output is in $state/build.log:" >&2
    tail -n 30 "$state/build.log" >&2
    exit 3
  fi
  mv "$state/build.started" "$stamp"
  rm -f "$state/mt.jsa"
fi

classpath="$root/app/target/app-0.1.0-SNAPSHOT.jar:$(cat "$classpath_file")"
# A class-data archive made on first run makes later starts faster; it is rebuilt after each build.
# The journal and the audit logs hold users, addresses and subjects: what mt creates is for its owner alone
# (directories 0700, files 0600) unless MAILTRAIL_UMASK says otherwise (e.g. 027 to let a group read them).
umask "${MAILTRAIL_UMASK:-077}"
exec "$JAVA_HOME/bin/java" -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$state/mt.jsa" -Xlog:cds=off \
  --enable-native-access=ALL-UNNAMED \
  -Xlog:cds+dynamic=off -Xshare:auto -cp "$classpath" dev.mailtrail.app.Mt "$@"
