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

if $quick; then
  run "" com.plccoach.migrations.bench.GraphBenchmark -Dexec.args=--quick
  run "" com.plccoach.migrations.bench.RunnerBenchmark -Dplccoach.bench.revisions=200 -Dplccoach.bench.rounds=1
  run "" com.plccoach.migrations.bench.BackupBenchmark -Dbench.sizesMb=10,40 -Dbench.runs=1
  run "" com.plccoach.migrations.bench.AutogenerateBenchmark -Dbench.tables=50
  run schema com.plccoach.schema.bench.VerifyBenchmark -Dexec.skip=true -Dexec.args=1
  # fleet mode: databases/s at parallelism 1, 4, 8 vs a psql -f shell loop (docs/fleet.md)
  run schema com.plccoach.schema.fleet.FleetBenchmark -Dexec.skip=true -Dexec.args=40
else
  run "" com.plccoach.migrations.bench.GraphBenchmark
  run "" com.plccoach.migrations.bench.RunnerBenchmark -Dplccoach.bench.revisions=1000 -Dplccoach.bench.rounds=3
  run "" com.plccoach.migrations.bench.BackupBenchmark -Dbench.sizesMb=50,200,400 -Dbench.runs=3
  run "" com.plccoach.migrations.bench.AutogenerateBenchmark -Dbench.tables=500
  run schema com.plccoach.schema.bench.VerifyBenchmark -Dexec.skip=true -Dexec.args=5
  run schema com.plccoach.schema.fleet.FleetBenchmark -Dexec.skip=true -Dexec.args=200
fi
