# Sourced by the alternating-rounds benchmarks (output-overhead.sh, thread-scaling.sh): each
# round records two timings, and the figure is the median of the rounds' ratios, taken within
# each round so that a slow minute on a shared machine slows both sides.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# record_round A B [SET]: one round's two timings (SET names a second series, e.g. an older build).
record_round() {
    echo "$1 $2 $(awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }')" >> "$work/rounds${3:-}"
}
# report_rounds NAME_A NAME_B [SET]: the medians of both timings and of the ratios, then every ratio.
report_rounds() {
    echo "${3:+$3: }$1=$(cut -d' ' -f1 "$work/rounds${3:-}" | median)" \
         "$2=$(cut -d' ' -f2 "$work/rounds${3:-}" | median)" \
         "median_round_ratio=$(cut -d' ' -f3 "$work/rounds${3:-}" | median)"
    echo "${3:+$3: }round ratios: $(cut -d' ' -f3 "$work/rounds${3:-}" | tr '\n' ' ')"
}
