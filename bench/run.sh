#!/usr/bin/env bash
# The benchmark in one command (see bench/README.md and docs/benchmarks.md):
#   bench/run.sh            full run (about 12 minutes on a 2-core machine)
#   bench/run.sh --quick    the same in under 5 minutes
# More options go to the benchmark itself (--db=h2, --sessions=4, --rate=5, --profile, ... see README.md);
# --no-build skips the Maven build; --priority runs it at raised priority on a machine that other work
# shares. Prints the table and writes target/benchmark/result.json.
set -euo pipefail
cd "$(dirname "$0")/.."

build=true
priority=false
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --priority) priority=true; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

h2_only=false
for arg in "${args[@]+"${args[@]}"}"; do
  [ "$arg" = "--db=h2" ] && h2_only=true
done

# PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth): started if it is installed and stopped.
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "Starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
    for _ in $(seq 1 30); do
      pg_isready -h 127.0.0.1 -p 5432 -q && break
      sleep 1
    done
  fi
fi
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && [ "$h2_only" = false ]; then
  echo "PostgreSQL is not reachable on 127.0.0.1:5432 (run with --db=h2 to benchmark H2 only)." >&2
  exit 1
fi

if [ "$build" = true ]; then
  if ! grep -q '<module>bench</module>' pom.xml; then
    echo "The root pom has no 'bench' profile listing the bench module (see bench/README.md)." >&2
    exit 1
  fi
  app_jar=engine-app/target/madoguchi.jar
  bench_jar=bench/target/madoguchi-bench.jar
  stale=yes
  if [ -f "$app_jar" ] && [ -f "$bench_jar" ]; then
    oldest=$app_jar
    [ "$bench_jar" -ot "$oldest" ] && oldest=$bench_jar
    # Any pom or source newer than the last build: build again.
    stale=$(find . \( -name target -o -name .git -o -name data -o -name node_modules \) -prune -o -type f \
      \( -name pom.xml -o -path '*/src/*' -o -path './processes/*' -o -path './forms/definitions/*' \) \
      -newer "$oldest" -print -quit)
  fi
  if [ -n "$stale" ]; then
    echo "Building the application jar and the benchmark (mvn -B -q -Pbench -DskipTests package)"
    mvn -B -q -Pbench -DskipTests package
    touch "$app_jar" "$bench_jar" # Maven leaves an unchanged jar's date alone: mark this build
  else
    echo "The application jar and the benchmark are up to date with the sources."
  fi
fi

command=(java -Xmx1g -XX:+UseG1GC -cp "bench/target/madoguchi-bench.jar:bench/target/lib/*"
  org.madoguchi.bench.BenchMain --root="$(pwd)" "${args[@]+"${args[@]}"}")
if [ "$priority" = true ] && [ -w /proc/self/autogroup ]; then
  # On a machine that other work shares: this terminal session's scheduling group (Linux autogroup; nice
  # alone does not count against other sessions) at nice -10 for the run, the JVMs at nice -10 within it;
  # the benchmark raises PostgreSQL's group the same way (PgBackendPriority). Restored on exit.
  previous=$(awk '{print $NF}' /proc/self/autogroup)
  trap 'echo "$previous" > /proc/self/autogroup 2>/dev/null || true' EXIT
  echo -10 > /proc/self/autogroup
  nice -n -10 "${command[@]}"
else
  "${command[@]}"
fi
