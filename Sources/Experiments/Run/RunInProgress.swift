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
        replicationsFile = try staged.stream(named: "replications.csv")
        accumulator = RunAccumulator(months: Int(scenario.horizonMonths.rounded(.down)), exactLimit: exactLimit,
                                     expected: expected)
        parameters = ModelParameters(scenario)
    }

    /// Replications simulated, written and folded at a time on one thread: few enough that
    /// their values laid out for the statistics (about 2.7 KB each) are still in the core's
    /// cache when their figures are folded.
    static let chunkOnOneThread = 128
    /// The same per thread on several. Each chunk ends in two waits for every thread
    /// (simulated and recorded, then folded), and on a loaded machine a wait can cost a
    /// millisecond: 512 and 256 a thread took 0.61 and 0.66 s for 20,000 replications on two
    /// threads, against 0.58 s (medians of 9 alternating runs).
    static let chunkPerThread = 1024
    /// Replications a worker simulates, writes and records before it drops their results.
    static let pieceSize = 64

    /// Simulates replications `replications..<end`, appends their rows to `replications.csv`
    /// and folds them into the statistics, a chunk at a time; `keep` sees each chunk's values
    /// (a comparison keeps its metrics' values for the paired differences).
    public func advance(to end: Int, keep: (ChunkColumns) -> Void = { _ in }) throws(OutputError) {
        precondition(end > replications, "a block moves the run forward")
        let workers = ParallelReplications.workerCount(threads: threads, count: end - replications)
        let chunk = workers == 1 ? Self.chunkOnOneThread : Self.chunkPerThread * workers
        let pieceSize = workers == 1 ? chunk : Self.pieceSize
        let (parameters, seed, threads, progress) = (self.parameters, manifest.seed, self.threads, self.progress)
        let file = replicationsFile
        while replications < end {
            let start = replications, chunkEnd = min(end, replications + chunk)
            // Each piece's rows are formatted, appended in replication order and its values
            // recorded by the worker that simulated it; the figures are folded when the whole
            // chunk is recorded.
            let rows = OrderedAppender(startingAt: start) { (bytes) throws(OutputError) in try file.append(bytes) }
            accumulator.add(count: chunkEnd - start, threads: threads) { columns in
                _ = ScenarioRunner.pieces(parameters, seed: seed, replications: start..<chunkEnd,
                                          pieceSize: pieceSize, threads: threads, progress: progress) { first, results in
                    for k in results.indices { columns.record(results[k], at: first - start + k) }
                    rows.deliver(ReplicationsTable.csv(results, firstIndex: first), key: first, length: results.count)
                }
                keep(columns)
            }
            if let failure = rows.failure { throw failure }
            precondition(rows.nextKey == chunkEnd, "every row of the chunk appended")
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
        var repeatable = scenario
        repeatable.seed = manifest.seed
        repeatable.replications = manifest.replications
        // Syncing replications.csv waits on the disk, not on the processors, and so do the two
        // files that need no summary (each synced into the staged folder): they are written,
        // and their JSON texts made (the scenario's about 0.7 ms), while the processors compute
        // the summaries, where a two-thread run's second core sat idle.
        nonisolated(unsafe) let (file, staged, scenario) = (replicationsFile, self.staged, repeatable)
        nonisolated(unsafe) var failure: OutputError? = nil
        let manifest = self.manifest
        let synced = DispatchSemaphore(value: 0)
        Thread {
            do throws(OutputError) {
                try file.commit()
                try staged.write(Array(scenario.jsonText().utf8), named: "scenario.json")
                try staged.write(Array(manifest.jsonText().utf8), named: "manifest.json")
            } catch { failure = error }
            synced.signal()
        }.start()
        let (summaries, timeseries) = accumulator.finish(threads: threads)
        synced.wait()
        if let failure { throw failure }
        try staged.write(summaries.csv(), named: "summary.csv")
        try staged.write(timeseries, named: "timeseries.csv")
        try staged.publish()
        return RunFiles.Outcome(folder: staged.target, summaries: summaries,
                                percentileRankErrorBound: accumulator.percentileRankErrorBound,
                                replications: replications, stopping: stopping?.outcome)
    }
}
