#!/usr/bin/env bash
# What writing every file costs on top of the simulation, on a shared, noisy machine.
#
#   bench/output-overhead.sh BINARY [ROUNDS] [REPLICATIONS]
#
# ROUNDS alternating pairs of `run --threads 1` (CPU time, user + system, of the whole
# process: start-up, simulation, replications.csv, statistics, every file) and
# `bench model --threads 1` (the simulation alone, µs a replication). Each round's ratio is
# taken within the round, so a slow minute slows both; the figure is the median of the
# ratios. Issue 15's target is at most 1.15 at 20,000 and at 1,000,000 replications.
#
# Example: bench/output-overhead.sh .build/release/execsim 31 20000
set -euo pipefail
binary=${1:?usage: output-overhead.sh BINARY [ROUNDS] [REPLICATIONS]}
rounds=${2:-11}
replications=${3:-20000}
[[ -x $binary ]] || { echo "output-overhead.sh: $binary is not an executable" >&2; exit 2; }
[[ $rounds =~ ^[1-9][0-9]*$ && $replications =~ ^[1-9][0-9]*$ ]] || {
    echo "output-overhead.sh: ROUNDS and REPLICATIONS are whole numbers of at least 1 (got '$rounds', '$replications')" >&2; exit 2; }
source "$(dirname "$0")/rounds.sh"
for ((i = 0; i < rounds; i++)); do
    /usr/bin/time -f "%U %S" -o "$work/time" "$binary" run --replications "$replications" --threads 1 \
        --quiet --out "$work/out" > /dev/null
    run=$(awk -v n="$replications" '{ print ($1 + $2) * 1e6 / n }' "$work/time")
    model=$("$binary" bench model --threads 1 --replications "$replications" | grep threads_1_micro | head -1 | cut -d= -f2)
    record_round "$run" "$model"
done
report_rounds run_cpu_us_per_replication model_us_per_replication
