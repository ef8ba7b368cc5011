#!/usr/bin/env bash
# Side-by-side benchmark of two execsim binaries on a shared, noisy machine.
#
#   bench/compare-binaries.sh OLD NEW [ROUNDS] [REPLICATIONS] [SCENARIO.json]
#
# 1. Same output: both binaries `run` the scenario with one seed; replications.csv,
#    summary.csv and timeseries.csv must be byte-identical (pass SAME_OUTPUT=skip where the
#    model itself changed and compare means within standard errors instead).
# 2. Instructions (the primary figure, stable under load): valgrind callgrind counts of
#    `bench model --threads 1` at two replication counts; the difference divided by the
#    replications it adds is the instruction count of one replication, free of start-up.
# 3. Wall clock: ROUNDS alternating runs (OLD, NEW, OLD, NEW, ...) of
#    `bench model --threads 1 --replications REPLICATIONS`; medians of µs per replication.
#
# Example: bench/compare-binaries.sh /work/.build-ref/release/execsim .build/release/execsim 7 20000
set -euo pipefail
old=${1:?usage: compare-binaries.sh OLD NEW [ROUNDS] [REPLICATIONS] [SCENARIO.json]}
new=${2:?usage: compare-binaries.sh OLD NEW [ROUNDS] [REPLICATIONS] [SCENARIO.json]}
rounds=${3:-7}
replications=${4:-20000}
scenario=${5:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if [ "${SAME_OUTPUT:-check}" != skip ]; then
    for side in old new; do
        bin=$([ $side = old ] && echo "$old" || echo "$new")
        "$bin" run $scenario --replications 3000 --seed 20261201 --threads 2 --quiet --out "$work/$side" >/dev/null
    done
    for file in replications.csv summary.csv timeseries.csv; do
        a=$(find "$work/old" -name "$file" | sort); b=$(find "$work/new" -name "$file" | sort)
        if cmp -s $a $b; then echo "same_output_$file=identical"; else echo "same_output_$file=DIFFERENT"; fi
    done
fi

if [ "${CALLGRIND:-on}" != off ] && command -v valgrind >/dev/null; then
    # Both counts at least 500, so bench's warm-up (min(N, 500) replications) is the same
    # in both and cancels: with 300 and 1,300 the difference held 200 warm-up replications
    # more than the formula below divides by, which overstated every count by 10%.
    small=500; large=1500
    for side in old new; do
        bin=$([ $side = old ] && echo "$old" || echo "$new")
        for n in $small $large; do
            valgrind --tool=callgrind --callgrind-out-file="$work/cg.$side.$n" \
                "$bin" bench model $scenario --threads 1 --replications $n >/dev/null 2>"$work/cg.$side.$n.log"
        done
        # bench model runs a warm-up of min(N, 500) plus the replications twice (1 thread, then --threads 1).
        a=$(grep -E '^(summary|totals):' "$work/cg.$side.$small" | head -1 | awk '{ print $2 }')
        b=$(grep -E '^(summary|totals):' "$work/cg.$side.$large" | head -1 | awk '{ print $2 }')
        per=$(( (b - a) / (2 * (large - small)) ))
        echo "instructions_per_replication_$side=$per"
        eval "ir_$side=$per"
    done
    awk -v o="$ir_old" -v n="$ir_new" 'BEGIN { printf "instructions_ratio_old_over_new=%.3f\n", o / n }'
fi

: >"$work/old.us"; : >"$work/new.us"
for ((i = 0; i < rounds; i++)); do
    for side in old new; do
        bin=$([ $side = old ] && echo "$old" || echo "$new")
        "$bin" bench model $scenario --threads 1 --replications "$replications" \
            | awk -F= '/^threads_1_microseconds_per_replication=/ { print $2; exit }' >>"$work/$side.us"
    done
done
mo=$(median <"$work/old.us"); mn=$(median <"$work/new.us")
echo "wall_us_per_replication_old=$(paste -sd' ' "$work/old.us") median=$mo"
echo "wall_us_per_replication_new=$(paste -sd' ' "$work/new.us") median=$mn"
awk -v o="$mo" -v n="$mn" 'BEGIN { printf "wall_ratio_old_over_new=%.3f\n", o / n }'
