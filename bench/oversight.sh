#!/usr/bin/env bash
# The oversight benchmark (issue 10, item 4): for each size, a database with a generated organisation
# (bench/generate.sql), the service's own fact refresher building measure_person_month and measure_team_month,
# then the oversight reads one after the other (bench/OversightBench.java): median, p95, p99 and statements per
# request, beside the same database's primary-key read. Not a test: it prints figures and gates nothing.
#
#   bench/oversight.sh                                 the matrix: 500, 5,000 and 50,000 staff x 1, 3 and 10 years
#   BENCH_SIZES="500:1 5000:10" bench/oversight.sh     chosen sizes (staff:years)
#   BENCH_SEED=no bench/oversight.sh                   measure again the databases an earlier run left
#   BENCH_MEASURE=no bench/oversight.sh                generate (and build the facts) only
#   BENCH_DROP=yes bench/oversight.sh                  drop each database once measured
#
# MariaDB runs locally with root over the socket (BENCH_ROOT_CLIENT). Each size gets its own database
# bench_o_<staff>_<years> with its own accounts (a local throwaway database with fixed passwords, as bench/run.sh).
# Output: bench/out/oversight-<time>/ (ignored by git): per size the generator's timing, its check figures, the
# facts build time, the service's log and the measured figures; summary.txt gathers them.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${BENCH_JAR:-backend/target/supervision.jar}
PORT=${BENCH_PORT:-18090}
SIZES=${BENCH_SIZES:-500:1 500:3 500:10 5000:1 5000:3 5000:10 50000:1 50000:3 50000:10}
SECONDS_EACH=${BENCH_SECONDS:-15}
WARMUP=${BENCH_WARMUP_SECONDS:-10}
SEED=${BENCH_SEED:-yes}
MEASURE=${BENCH_MEASURE:-yes}
DROP=${BENCH_DROP:-no}
ROOT_CLIENT=${BENCH_ROOT_CLIENT:-mariadb -uroot}
OUT=${BENCH_OUT:-bench/out/oversight-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
[ -f "$JAR" ] || { echo "No jar at $JAR: build it with ./mvnw -B -DskipTests package" >&2; exit 1; }

app_pid=
stop_app() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi; app_pid=; }
trap stop_app EXIT

start_app() {   # $1 database, $2 log file
  local db=$1
  SUPERVISION_DB_URL="jdbc:mysql://127.0.0.1:3306/$db" \
  SUPERVISION_DB_USER=${db}_app SUPERVISION_DB_PASSWORD=bench-app \
  SUPERVISION_DB_MIGRATION_USER=${db}_mig SUPERVISION_DB_MIGRATION_PASSWORD=bench-mig \
  SUPERVISION_JWT_SECRET=bench-signing-secret-of-at-least-thirty-two-characters \
  SUPERVISION_DEMO_DATA=true SUPERVISION_DB_POOL=${BENCH_POOL:-8} MICRONAUT_SERVER_PORT=$PORT \
    java ${BENCH_JAVA_OPTS:--Xmx1g} -jar "$JAR" >>"$2" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && return 0
    kill -0 "$app_pid" 2>/dev/null || { echo "The service stopped: see $2" >&2; exit 1; }
    sleep 1
  done
  echo "The service did not start in 5 minutes: see $2" >&2; exit 1
}

q() { $ROOT_CLIENT -N -B "$@"; }

summary() { echo "$*" | tee -a "$OUT/summary.txt"; }

summary "Oversight benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; $(q -e 'SELECT VERSION()'); jar $JAR"
summary "InnoDB buffer pool $(q -e 'SELECT @@innodb_buffer_pool_size DIV 1048576') MB; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

for size in $SIZES; do
  staff=${size%%:*}; years=${size##*:}
  db=bench_o_${staff}_${years}
  dir=$OUT/$db; mkdir -p "$dir"
  summary ""
  summary "== $staff staff, $years years of history (database $db)"

  if [ "$SEED" = yes ]; then
    $ROOT_CLIENT <<SQL
DROP DATABASE IF EXISTS $db;
CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${db}_mig'@'127.0.0.1' IDENTIFIED BY 'bench-mig';
CREATE USER IF NOT EXISTS '${db}_mig'@'localhost' IDENTIFIED BY 'bench-mig';
GRANT ALL PRIVILEGES ON $db.* TO '${db}_mig'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON $db.* TO '${db}_mig'@'localhost' WITH GRANT OPTION;
CREATE USER IF NOT EXISTS '${db}_app'@'127.0.0.1' IDENTIFIED BY 'bench-app';
CREATE USER IF NOT EXISTS '${db}_app'@'localhost' IDENTIFIED BY 'bench-app';
FLUSH PRIVILEGES;
SQL
    # The service migrates the schema and loads the demo organisation (whose password hash the generator borrows),
    # then stops: the fact refresher must not run while the history is being written.
    start_app "$db" "$dir/app.log"; stop_app
    started=$(date +%s)
    { echo "SET @staff = $staff, @years = $years;"; cat bench/generate.sql; } | $ROOT_CLIENT "$db" >"$dir/generate.log"
    took=$(( $(date +%s) - started ))
    rows=$(q -e "SELECT SUM(table_rows) FROM information_schema.tables WHERE table_schema = '$db'")
    size_mb=$(q -e "SELECT ROUND(SUM(data_length + index_length) / 1048576) FROM information_schema.tables WHERE table_schema = '$db'")
    summary "generated in ${took}s: about $rows rows, $size_mb MB (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    $ROOT_CLIENT -t "$db" <bench/check.sql >"$dir/check.txt"
  fi

  # The facts: the service's own refresher rebuilds the organisation's measure_person_month and measure_team_month
  # in full, in the service's application context without its HTTP server (bench/BuildFacts.java), timed.
  # BENCH_FACTS=no keeps the facts an earlier run built.
  org=$(q "$db" -e "SELECT id FROM organisation WHERE code = 'BENCH'")
  if [ "${BENCH_FACTS:-yes}" = yes ]; then
    if unzip -l "$JAR" | grep 'uk/supervision/measure/MeasureFactsRefresher.class' >/dev/null; then
      SUPERVISION_DB_URL="jdbc:mysql://127.0.0.1:3306/$db" \
      SUPERVISION_DB_USER=${db}_app SUPERVISION_DB_PASSWORD=bench-app \
      SUPERVISION_DB_MIGRATION_USER=${db}_mig SUPERVISION_DB_MIGRATION_PASSWORD=bench-mig \
      SUPERVISION_JWT_SECRET=bench-signing-secret-of-at-least-thirty-two-characters \
        java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$JAR" bench/BuildFacts.java "$org" >"$dir/facts.log" 2>&1 || true
      facts=$(q "$db" -e "SELECT COUNT(*) FROM measure_person_month WHERE organisation_id = '$org'")
      team_facts=$(q "$db" -e "SELECT COUNT(*) FROM measure_team_month WHERE organisation_id = '$org'")
      summary "$(grep -h 'facts rebuilt' "$dir/facts.log" || echo "facts: the rebuild failed, see $dir/facts.log")"
      summary "facts: $facts person-months, $team_facts team-months (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    else
      summary "facts: this jar has no MeasureFactsRefresher; measures are not built"
    fi
  fi
  start_app "$db" "$dir/app.log"

  if [ "$MEASURE" = yes ]; then
    java -cp "$JAR" bench/OversightBench.java "http://127.0.0.1:$PORT" "jdbc:mysql://127.0.0.1:3306/$db" "${db}_app" bench-app \
      "$WARMUP" "$SECONDS_EACH" "$ROOT_CLIENT" | tee "$dir/result.txt"
    sed -n '/^Read/,$p' "$dir/result.txt" >>"$OUT/summary.txt"
    summary "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  fi
  stop_app
  if [ "$DROP" = yes ]; then
    q -e "DROP DATABASE $db; DROP USER IF EXISTS '${db}_mig'@'127.0.0.1', '${db}_mig'@'localhost', '${db}_app'@'127.0.0.1', '${db}_app'@'localhost'"
  fi
done
summary ""
summary "Done $(date -u '+%H:%M UTC'). Figures in $OUT"
