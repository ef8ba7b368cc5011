import Foundation
import ProgramModel

/// `execsim compare` as an experiment: every scenario run with the same seed (common random
/// numbers) into `<directory>/runs/<name>/` exactly as `RunFiles.run` writes a run (same
/// statistics, the quantile sketch past `exactLimit` replications included), then the paired
/// comparison, the selection of the best on each metric with an indifference zone
/// (Kim–Nelson), and `comparison.csv` and `best.csv`.
public enum ComparisonRun {
    /// Replication indices a selection may draw before it stops without a guarantee.
    public static let selectionLimit = 1_000_000

    public struct Outcome: Sendable {
        public var comparison: ScenarioComparison
        /// One line per selection: what was selected after how many replications.
        public var notes: [String]
        /// The files written, `comparison.csv` and `best.csv`.
        public var comparisonFile: String
        public var bestFile: String
    }

    /// - Parameters:
    ///   - baseline: the index of the scenario the others are compared with.
    ///   - deltas: indifference zones, one selection per metric given (each also compared).
    ///   - commandLine, overrides: recorded in each run's manifest.
    ///   - progress: told `started`/`advanced`/`finished` once per scenario.
    /// - Precondition: at least two scenarios, with different names.
    public static func run(_ scenarios: [Scenario], baseline: Int, seed: UInt64, replications: Int,
                           metrics: [ReplicationMetric], deltas: [(ReplicationMetric, Double)] = [],
                           threads: Int, commandLine: [String], overrides: [String] = [], progress: ProgressHandler? = nil,
                           to directory: String, exactLimit: Int = StreamingSummary.defaultExactLimit,
                           selectionLimit: Int = selectionLimit) throws(OutputError) -> Outcome {
        var metrics = metrics
        for (metric, _) in deltas where !metrics.contains(metric) { metrics.append(metric) }
        // Only the compared metrics' values are kept, not whole results.
        var values: [[[Double?]]] = Array(repeating: [], count: metrics.count)
        let runs = (directory as NSString).appendingPathComponent("runs")
        for scenario in scenarios {
            var kept: [[Double?]] = Array(repeating: [], count: metrics.count)
            let manifest = RunManifest(seed: seed, replications: replications, commandLine: commandLine,
                                       startTime: Date(), overrides: overrides)
            try RunFiles.run(scenario, manifest: manifest, threads: threads, progress: progress, to: runs,
                             exactLimit: exactLimit) { block in
                for (k, metric) in metrics.enumerated() { kept[k] += block.map { $0.value(of: metric) } }
            }
            for k in metrics.indices { values[k].append(kept[k]) }
        }

        let names = scenarios.map(\.name)
        var comparison = ScenarioComparison(names: names, baseline: baseline, replications: replications,
                                            metrics: metrics) { values[metrics.firstIndex(of: $0)!] }
        var notes: [String] = []
        for (metric, delta) in deltas {
            let k = metrics.firstIndex(of: metric)!
            let source = ReplicationSource(scenarios: scenarios, metric: metric, seed: seed, threads: threads,
                                           initial: values[k])
            let selection = RankingAndSelection.kimNelson(
                k: scenarios.count, delta: delta, higherIsBetter: metric.higherIsBetter,
                limit: selectionLimit, sample: source.value)
            comparison.metrics[k].delta = delta
            comparison.metrics[k].selection = selection
            let extra = source.extraReplications.reduce(0, +)
            notes.append("Selection on \(metric.name) (δ = \(CSVWriter.format(delta))): "
                + (selection.selected.map { names[$0] } ?? "none")
                + " after \(selection.replicationsUsed.max() ?? 0) replications"
                + (extra > 0 ? ", \(extra) run beyond the comparison's" : "")
                + (selection.hitLimit ? "; stopped at the limit without the 95% guarantee" : ""))
        }

        try AtomicFile.createDirectory(directory)
        let comparisonFile = (directory as NSString).appendingPathComponent("comparison.csv")
        let bestFile = (directory as NSString).appendingPathComponent("best.csv")
        try AtomicFile.write(ComparisonTable.comparisonCSV(comparison), to: comparisonFile)
        try AtomicFile.write(ComparisonTable.bestCSV(comparison), to: bestFile)
        return Outcome(comparison: comparison, notes: notes, comparisonFile: comparisonFile, bestFile: bestFile)
    }
}
