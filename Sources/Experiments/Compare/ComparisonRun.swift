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
        /// The replications of each scenario: as asked, or where the stopping rule stopped.
        public var replications: Int
        /// With a stopping rule: why the comparison stopped.
        public var stopping: PairedPrecision.Outcome?
    }

    /// - Parameters:
    ///   - baseline: the index of the scenario the others are compared with.
    ///   - replications: of each scenario; ignored with `stopping`.
    ///   - metrics: compared; the metrics of `stopping`'s targets and of `deltas` are added.
    ///   - deltas: indifference zones, one selection per metric given (each also compared).
    ///   - stopping: when given, every scenario advances in the rule's blocks, in step, until
    ///     each target's paired-difference half-width (``PairedPrecision``) is met or the cap is
    ///     reached; the files are then those of a run with `replications` set to that count.
    ///   - commandLine, overrides: recorded in each run's manifest.
    ///   - progress: told `started`/`advanced`/`finished` once per scenario; with `stopping`,
    ///     once per block of all scenarios, labelled with the block's end and how far the
    ///     furthest target still was after the block before.
    /// - Precondition: at least two scenarios, with different names.
    public static func run(_ scenarios: [Scenario], baseline: Int, seed: UInt64, replications: Int,
                           metrics: [ReplicationMetric], deltas: [(ReplicationMetric, Double)] = [],
                           stopping: StoppingRule? = nil,
                           threads: Int, commandLine: [String], overrides: [String] = [], progress: ProgressHandler? = nil,
                           to directory: String, exactLimit: Int = StreamingSummary.defaultExactLimit,
                           selectionLimit: Int = selectionLimit) throws(OutputError) -> Outcome {
        var metrics = metrics
        for target in stopping?.targets ?? [] where !metrics.contains(target.metric) { metrics.append(target.metric) }
        for (metric, _) in deltas where !metrics.contains(metric) { metrics.append(metric) }
        let names = scenarios.map(\.name)
        // Only the compared metrics' values are kept, not whole results: values[k][i][r].
        var values: [[[Double?]]] = Array(repeating: Array(repeating: [], count: scenarios.count), count: metrics.count)
        let keep = { (i: Int, block: ChunkColumns) in
            for (k, metric) in metrics.enumerated() { values[k][i] += block.values(of: metric) }
        }
        let runs = (directory as NSString).appendingPathComponent("runs")
        let manifest = { (replications: Int) in
            RunManifest(seed: seed, replications: replications, commandLine: commandLine, startTime: Date(),
                        overrides: overrides)
        }
        var stop: PairedPrecision.Outcome? = nil
        if let rule = stopping {
            let precision = PairedPrecision(rule: rule, names: names, baseline: baseline)
            stop = try runInStep(scenarios, precision: precision, manifest: manifest(rule.maxReplications),
                                 threads: threads, progress: progress, to: runs, exactLimit: exactLimit,
                                 keep: keep) { metric in values[metrics.firstIndex(of: metric)!] }
        } else {
            for (i, scenario) in scenarios.enumerated() {
                _ = try RunFiles.run(scenario, manifest: manifest(replications), threads: threads, progress: progress,
                                     to: runs, exactLimit: exactLimit) { keep(i, $0) }
            }
        }
        let replications = stop?.stop.replications ?? replications

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
                + stopNote(selection.stopped, names: names, metric: metric.name, limit: selectionLimit))
        }

        try AtomicFile.createDirectory(directory)
        let comparisonFile = (directory as NSString).appendingPathComponent("comparison.csv")
        let bestFile = (directory as NSString).appendingPathComponent("best.csv")
        try AtomicFile.write(ComparisonTable.comparisonCSV(comparison), to: comparisonFile)
        try AtomicFile.write(ComparisonTable.bestCSV(comparison), to: bestFile)
        return Outcome(comparison: comparison, notes: notes, comparisonFile: comparisonFile, bestFile: bestFile,
                       replications: replications, stopping: stop)
    }

    /// Advances every scenario's run one block at a time, all to the same block end, until the
    /// paired differences meet the rule; then finishes each run with the rule's outcome.
    private static func runInStep(_ scenarios: [Scenario], precision: PairedPrecision, manifest: RunManifest,
                                  threads: Int, progress: ProgressHandler?, to runs: String, exactLimit: Int,
                                  keep: (Int, ChunkColumns) -> Void,
                                  values: (ReplicationMetric) -> [[Double?]]) throws(OutputError) -> PairedPrecision.Outcome {
        let advance = progress.map { handler in { @Sendable (n: Int) in handler(.advanced(by: n)) } }
        var inStep: [RunInProgress] = []
        for scenario in scenarios {
            inStep.append(try RunInProgress(scenario, manifest: manifest, threads: threads, progress: advance,
                                            to: runs, exactLimit: exactLimit))
        }
        let rule = precision.rule
        var done = 0, standing = ""
        while true {
            let end = rule.nextBlockEnd(after: done)
            progress?(.started(label: "to \(end)" + standing, total: scenarios.count * (end - done)))
            do {
                for (i, run) in inStep.enumerated() { try run.advance(to: end) { keep(i, $0) } }
            } catch {
                progress?(.finished)
                throw error
            }
            progress?(.finished)
            done = end
            let estimates = precision.estimates(values)
            if let outcome = precision.check(replications: end, estimates: estimates) {
                for run in inStep {
                    _ = try run.finish(stopping: (rule, outcome.stop), comparison: outcome.manifestComparison)
                }
                return outcome
            }
            standing = ": " + progressNote(StoppingRule.furthest(precision.checks(estimates)))
        }
    }

    /// "pilot_to_scale_rate ±0.013 > 0.01": the target furthest from its limit, in a few characters.
    static func progressNote(_ check: StoppingRule.Check) -> String {
        let short = { (x: Double?) in x.map { String(format: abs($0) >= 100 ? "%.0f" : "%.2g", $0) } ?? "undefined" }
        return "\(check.target.metric.name) ±\(short(check.halfWidth)) > \(short(check.limit))"
    }

    /// Why a selection stopped without its guarantee, for the note after the table.
    static func stopNote(_ stop: RankingAndSelection.Stop?, names: [String], metric: String, limit: Int) -> String {
        switch stop {
        case nil: ""
        case .limit: "; stopped at the limit of \(limit) replications without the 95% guarantee"
        case .undefined(let i, let n):
            "; stopped: \(metric) was undefined for \(names[i]) in \(n) replications in a row, so there is nothing to select on"
        case .identical(let survivors, let n):
            "; stopped: " + survivors.map { names[$0] }.joined(separator: ", ")
                + " gave the same \(metric) in each of \(n) paired replications, so they are tied on it (the first is shown)"
        }
    }
}
