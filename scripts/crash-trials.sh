#!/usr/bin/env bash
# kill -9 trials of the runner (child JVMs) and their one rerun; each suite prints its trial counts and outcomes.
#   scripts/crash-trials.sh           long forms: 300 trials of a 20-revision upgrade, 100 of a 50-revision upgrade
#                                     with a named and an unnamed CREATE INDEX CONCURRENTLY (about 15 minutes)
#   scripts/crash-trials.sh --quick   short forms, as the ordinary test run has them (10 and 6 trials)
# Needs the server of scripts/setup-postgres.sh (or PLCCOACH_TEST_URL). Pass -Dplccoach.crash.seed=N to replay a run.
set -euo pipefail
cd "$(dirname "$0")/.."

trials=300 cic=100
if [ "${1:-}" = "--quick" ]; then trials=10 cic=6; shift; fi

./mvnw -B -pl migration-core -am test -Dtest='CrashTest,CicCrashTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dplccoach.crash.trials.simple="$trials" -Dplccoach.crash.trials.cic="$cic" "$@"
grep -h -E '^(CrashTest|CicCrashTest):' migration-core/target/surefire-reports/*CrashTest-output.txt
