// Replications, statistics, comparisons, sweeps and their output files.
