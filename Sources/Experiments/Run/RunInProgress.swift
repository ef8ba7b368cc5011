import Foundation
import ProgramModel

/// One scenario's run files while its replications are being simulated, block by block:
/// `replications.csv` streams into a staging folder and the statistics fold into a
/// ``RunAccumulator``; ``finish(stopping:)`` writes the other files and publishes the set
/// (``StagedFolder``). Until then nothing of the run is visible, so a kill or a full disk
/// leaves the previous run's files whole.
///
/// This is the one block loop of a run: `RunFiles.run` drives one of these for a scenario, and
/// `compare --precision` drives one per scenario in step, so that every scenario has the same
/// number of replications whenever the paired differences are looked at.
///
///     let run = try RunInProgress(scenario, manifest: manifest, threads: 2, to: "results")
///     while run.replications < 10_000 { try run.advance(to: min(run.replications + 4096, 10_000)) }
///     let outcome = try run.finish()
public final class RunInProgress {
    public let scenario: Scenario
    private let parameters: ModelParameters
    private var manifest: RunManifest
    private let threads: Int
    private let staged: StagedFolder
    private let replicationsFile: AtomicFileStream
    private var accumulator: RunAccumulator
    private let progress: (@Sendable (Int) -> Void)?
    /// Replications simulated and written so far (0, 1, …, `replications` − 1).
    public private(set) var replications = 0

    /// Stages the folder `directory/<scenario name>/` after checking that it holds nothing but
    /// an earlier run's files.
    ///
    /// - Parameters:
    ///   - manifest: written by ``finish(stopping:)`` with the replications actually run.
    ///   - progress: told the number of each replication finished, from worker threads.
    ///   - expected: the replications the run will have, when known (not with a stopping rule).
    public init(_ scenario: Scenario, manifest: RunManifest, threads: Int,
                progress: (@Sendable (Int) -> Void)? = nil, to directory: String,
                exactLimit: Int = StreamingSummary.defaultExactLimit, expected: Int? = nil) throws(OutputError) {
        self.scenario = scenario
        self.manifest = manifest
        self.threads = threads
        self.progress = progress
        staged = try RunFiles.stage(scenario, in: directory)
        replicationsFile = try AtomicFileStream(path: staged.path("replications.csv"))
        accumulator = RunAccumulator(months: Int(scenario.horizonMonths.rounded(.down)), exactLimit: exactLimit,
                                     expected: expected)
        parameters = ModelParameters(scenario)
    }

    /// Replications simulated, written and folded at a time on one thread: few enough that
    /// their results (about 4 KB each, most of it month-end series) and their values laid out
    /// for the statistics (as much again) are still in the core's cache when their rows are
    /// written and their figures folded. Blocks of 4,096 held 17 MB of results, which every
    /// figure then read back from memory.
    static let chunkOnOneThread = 128
    /// The same per thread on several: each chunk ends in three waits for every thread
    /// (simulated, formatted, folded), and on a loaded machine a wait can cost a millisecond,
    /// so chunks of 128 per thread made two threads slower than blocks of 4,096 had been.
    static let chunkPerThread = 1024

    /// Simulates replications `replications..<end`, appends their rows to `replications.csv`
    /// and folds them into the statistics, a chunk at a time; `keep` sees each chunk's results
    /// in replication order (a comparison keeps its metrics' values for the paired differences).
    public func advance(to end: Int, keep: ([ReplicationResult]) -> Void = { _ in }) throws(OutputError) {
        precondition(end > replications, "a block moves the run forward")
        let workers = ParallelReplications.workerCount(threads: threads, count: end - replications)
        let chunk = workers == 1 ? Self.chunkOnOneThread : Self.chunkPerThread * workers
        while replications < end {
            let chunkEnd = min(end, replications + chunk)
            let results = ScenarioRunner.run(parameters, seed: manifest.seed, replications: replications..<chunkEnd,
                                             threads: threads, progress: progress)
            try replicationsFile.append(ReplicationsTable.csv(results, firstIndex: replications, threads: threads))
            accumulator.add(results, threads: threads)
            keep(results)
            replications = chunkEnd
        }
    }

    /// The mean and 95% half-width of `metric` over the replications so far.
    public func meanAndHalfWidth(_ metric: ReplicationMetric) -> (mean: Double?, halfWidth: Double?) {
        accumulator.meanAndHalfWidth(metric)
    }

    /// Writes `summary.csv`, `timeseries.csv`, `scenario.json` and `manifest.json` (with the
    /// replications run and, when given, why a stopping rule stopped) and publishes the folder.
    ///
    /// - Parameter comparison: with `compare --precision`, what the half-widths in `stopping`
    ///   are of (see ``RunManifest/stoppingComparison``).
    public func finish(stopping: (rule: StoppingRule, outcome: StoppingRule.Outcome)? = nil,
                       comparison: RunManifest.StoppingComparison? = nil) throws(OutputError) -> RunFiles.Outcome {
        manifest.replications = replications
        manifest.stopping = stopping
        manifest.stoppingComparison = comparison
        try replicationsFile.commit()
        let (summaries, timeseries) = accumulator.finish(threads: threads)
        var repeatable = scenario
        repeatable.seed = manifest.seed
        repeatable.replications = manifest.replications
        try AtomicFile.write(summaries.csv(), to: staged.path("summary.csv"))
        try AtomicFile.write(timeseries, to: staged.path("timeseries.csv"))
        try AtomicFile.write(Array(repeatable.jsonText().utf8), to: staged.path("scenario.json"))
        try AtomicFile.write(Array(manifest.jsonText().utf8), to: staged.path("manifest.json"))
        try staged.publish()
        return RunFiles.Outcome(folder: staged.target, summaries: summaries,
                                percentileRankErrorBound: accumulator.percentileRankErrorBound,
                                replications: replications, stopping: stopping?.outcome)
    }
}
