#!/usr/bin/env bash
# Runs every benchmark and prints its figures (ratios against psql / pg_dump where there is a baseline).
#   scripts/benchmarks.sh           full forms (tens of minutes: 100,000-revision graphs, 1,000-revision runs, 400 MB dumps, 500 tables)
#   scripts/benchmarks.sh --quick   short forms, as CI runs them (a few minutes)
# Needs the server of scripts/setup-postgres.sh (or PLCCOACH_TEST_URL) and psql/pg_dump on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
[ "${1:-}" = "--quick" ] && quick=true

run() { # module main-class [maven args...]
  local module=$1 main=$2; shift 2
  echo "=== $main"
  ./mvnw -B -q -pl migration-core${module:+,$module} test-compile exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass="$main" "$@"
}

# Issue 11's figures in a plain JVM (the up-to-date check must start a fresh one): ratios against psql on the same server.
# PLCCOACH_TEST_URL=jdbc:postgresql://127.0.0.1:5441/postgres?user=postgres points it at another server (e.g. fsync=off).
plain() { # module main-class args...
  local module=$1 main=$2; shift 2
  local modules=migration-core
  [ "$module" = migration-core ] || modules+=",$module"
  echo "=== $main $*"
  # migration-core in the reactor: CI's verify installs nothing, so the module's copy of it is the one to use
  ./mvnw -B -q -pl "$modules" test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test
  java -cp "$(cat "$module/target/bench-classpath.txt"):$module/target/classes:$module/target/test-classes" "$main" "$@"
}
runpath() { # rows revisions rounds
  plain migration-core com.plccoach.migrations.bench.RunPathBenchmark "$@"
}
# what the starter's up-to-date check adds to a Spring Boot application's start, fresh JVMs (docs/spring-boot.md)
startup() { # revisions rounds
  plain spring-boot-starter com.plccoach.migrations.spring.bench.StartupCost "$@"
}

if $quick; then
  runpath 100000 100 1
  startup 1000 2
  run "" com.plccoach.migrations.bench.GraphBenchmark -Dexec.args=--quick
  run "" com.plccoach.migrations.bench.RunnerBenchmark -Dplccoach.bench.revisions=200 -Dplccoach.bench.rounds=1
  # what a transaction per revision costs the server, piece by piece, against psql's autocommit (docs/performance.md)
  run "" com.plccoach.migrations.bench.TransactionCostBenchmark -Dexec.args="8 10"
  run "" com.plccoach.migrations.bench.BackupBenchmark -Dbench.sizesMb=10,40 -Dbench.runs=1
  run "" com.plccoach.migrations.bench.AutogenerateBenchmark -Dbench.tables=50
  # a batched backfill (-- batch_size) against one UPDATE of the same rows (docs/big-tables.md)
  run "" com.plccoach.migrations.bench.BackfillBenchmark -Dplccoach.bench.rows=100000 -Dplccoach.bench.batch=10000
  run schema com.plccoach.schema.bench.VerifyBenchmark -Dexec.skip=true -Dexec.args=1
  # fleet mode: databases/s at parallelism 1, 4, 8 vs a psql -f shell loop (docs/fleet.md)
  run schema com.plccoach.schema.fleet.FleetBenchmark -Dexec.skip=true -Dexec.args=40
else
  runpath 1000000 1000 3
  startup 1000 7
  run "" com.plccoach.migrations.bench.GraphBenchmark
  run "" com.plccoach.migrations.bench.RunnerBenchmark -Dplccoach.bench.revisions=1000 -Dplccoach.bench.rounds=3
  run "" com.plccoach.migrations.bench.TransactionCostBenchmark -Dexec.args="40 25"
  run "" com.plccoach.migrations.bench.BackupBenchmark -Dbench.sizesMb=50,200,400 -Dbench.runs=3
  run "" com.plccoach.migrations.bench.AutogenerateBenchmark -Dbench.tables=500
  run "" com.plccoach.migrations.bench.BackfillBenchmark -Dplccoach.bench.rows=1000000 -Dplccoach.bench.batch=10000
  run schema com.plccoach.schema.bench.VerifyBenchmark -Dexec.skip=true -Dexec.args=5
  run schema com.plccoach.schema.fleet.FleetBenchmark -Dexec.skip=true -Dexec.args=200
fi
