#!/usr/bin/env bash
# Seeds a MariaDB database with 5,000 staff and ten years of history, starts the packaged jar against it
# and measures, at 16 connections, the product's reads beside a raw JDBC primary-key read of the same
# database (bench/README.md). Not a test: it prints figures and gates nothing.
#
#   bench/run.sh                      seed a fresh database, then measure backend/target/supervision.jar
#   BENCH_SEED=no bench/run.sh        measure again on the database as the last run left it
#   BENCH_JAR=/tmp/other.jar ...      measure another build (its migrations run on start)
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${BENCH_JAR:-backend/target/supervision.jar}
DB=${BENCH_DB:-supervision_bench}
PORT=${BENCH_PORT:-18080}
SECONDS_EACH=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP_SECONDS:-5}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
SEED=${BENCH_SEED:-yes}
ROOT_CLIENT=${BENCH_ROOT_CLIENT:-mariadb -uroot}
OUT=${BENCH_OUT:-bench/out}
# A local throwaway database: fixed passwords, never used anywhere else.
APP_USER=${DB}_app; APP_PASSWORD=bench-app
MIG_USER=${DB}_mig; MIG_PASSWORD=bench-mig
mkdir -p "$OUT"

[ -f "$JAR" ] || { echo "No jar at $JAR: build it with ./mvnw -B -DskipTests package" >&2; exit 1; }

if [ "$SEED" = yes ]; then
  echo "== Creating database $DB"
  $ROOT_CLIENT <<SQL
DROP DATABASE IF EXISTS $DB;
CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$MIG_USER'@'127.0.0.1' IDENTIFIED BY '$MIG_PASSWORD';
CREATE USER IF NOT EXISTS '$MIG_USER'@'localhost' IDENTIFIED BY '$MIG_PASSWORD';
GRANT ALL PRIVILEGES ON $DB.* TO '$MIG_USER'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON $DB.* TO '$MIG_USER'@'localhost' WITH GRANT OPTION;
CREATE USER IF NOT EXISTS '$APP_USER'@'127.0.0.1' IDENTIFIED BY '$APP_PASSWORD';
CREATE USER IF NOT EXISTS '$APP_USER'@'localhost' IDENTIFIED BY '$APP_PASSWORD';
FLUSH PRIVILEGES;
SQL
fi

app_pid=
stop_app() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null; app_pid=; }
trap stop_app EXIT

start_app() {
  echo "== Starting $JAR on port $PORT"
  SUPERVISION_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB" \
  SUPERVISION_DB_USER=$APP_USER SUPERVISION_DB_PASSWORD=$APP_PASSWORD \
  SUPERVISION_DB_MIGRATION_USER=$MIG_USER SUPERVISION_DB_MIGRATION_PASSWORD=$MIG_PASSWORD \
  SUPERVISION_JWT_SECRET=bench-signing-secret-of-at-least-thirty-two-characters \
  SUPERVISION_DEMO_DATA=true SUPERVISION_DB_POOL=${BENCH_POOL:-16} MICRONAUT_SERVER_PORT=$PORT \
    java ${BENCH_JAVA_OPTS:--Xmx768m} -jar "$JAR" >"$OUT/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && return 0
    kill -0 "$app_pid" 2>/dev/null || { echo "The service stopped: see $OUT/app.log" >&2; exit 1; }
    sleep 1
  done
  echo "The service did not start in 3 minutes: see $OUT/app.log" >&2; exit 1
}

start_app   # migrates the schema and loads the demo organisation the history is added to

if [ "$SEED" = yes ]; then
  echo "== Seeding 5,000 staff and ten years of history (bulk SQL)"
  time $ROOT_CLIENT "$DB" < bench/seed.sql
fi

echo "== Measuring: $CONNECTIONS connections, ${WARMUP}s warm-up and ${SECONDS_EACH}s per read"
java -cp "$JAR" bench/Bench.java "http://127.0.0.1:$PORT" "jdbc:mysql://127.0.0.1:3306/$DB" "$APP_USER" "$APP_PASSWORD" \
  "$CONNECTIONS" "$WARMUP" "$SECONDS_EACH" | tee "$OUT/result-$(date -u +%Y%m%dT%H%M%SZ).txt"
