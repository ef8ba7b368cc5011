import Foundation
import ProgramModel

/// Runs a scenario and writes the five files of a run into `directory/<scenario name>/`.
///
/// Replications are simulated in chunks: each chunk's rows are streamed to
/// `replications.csv` and folded into a `RunAccumulator`, so memory does not grow with the
/// number of replications. The five files are written into a staging folder and published
/// together (``StagedFolder``): a kill or a full disk leaves the previous run's set whole.
public enum RunFiles {
    /// The files of a run folder, in the order they are written.
    public static let fileNames = ["replications.csv", "summary.csv", "timeseries.csv", "scenario.json", "manifest.json"]

    /// Whether a file in a scenario's folder is one a run writes (its own files and the report).
    public static func owns(_ name: String) -> Bool {
        fileNames.contains(name) || OutputFolder.isReportFile(name)
    }

    /// Replications between the checks of `--precision`: a block (simulated a chunk at a time,
    /// see ``RunInProgress``).
    public static let blockSize = 4096

    public struct Outcome: Sendable {
        public var folder: String
        public var summaries: MetricSummaries
        /// Worst-case percentile rank error as a fraction of n: 0 when percentiles are exact.
        public var percentileRankErrorBound: Double
        /// The replications run: the manifest's, or where the stopping rule stopped.
        public var replications: Int
        /// With a stopping rule: why the run stopped.
        public var stopping: StoppingRule.Outcome?
    }

    /// The folder a scenario's files go to: its name, made safe by ``FolderName``.
    public static func folder(for scenario: Scenario, in directory: String) -> String {
        (directory as NSString).appendingPathComponent(FolderName.folder(for: scenario.name))
    }

    /// A staging folder for the run files of `scenario` in `directory`, after checking that the
    /// target holds nothing but an earlier run's files.
    static func stage(_ scenario: Scenario, in directory: String) throws(OutputError) -> StagedFolder {
        try refuseForeign(scenario, in: directory)
        return try StagedFolder(target: folder(for: scenario, in: directory))
    }

    /// Refuses (before any work) a scenario folder that holds files a run does not write.
    public static func refuseForeign(_ scenario: Scenario, in directory: String) throws(OutputError) {
        try OutputFolder.refuseForeign(folder(for: scenario, in: directory), writer: "execsim run", owns: owns)
    }

    /// Runs `manifest.replications` replications of `scenario` and writes its files.
    ///
    /// - Parameters:
    ///   - progress: told `started` (the scenario's name), `advanced` and `finished`, also when
    ///     writing fails.
    ///   - onBlock: sees the values of each chunk of results in replication order, before they
    ///     are dropped (a comparison keeps its metrics' values for the paired differences).
    ///   - stopping: when given, the run goes on in the rule's blocks until its targets are met
    ///     or its cap is reached, and `manifest.replications` should be the cap (the manifest
    ///     written records the replications run and the rule's outcome).
    public static func run(_ scenario: Scenario, manifest: RunManifest, threads: Int,
                           progress: ProgressHandler? = nil, to directory: String,
                           exactLimit: Int = StreamingSummary.defaultExactLimit,
                           stopping: StoppingRule? = nil,
                           onBlock: ((ChunkColumns) -> Void)? = nil) throws(OutputError) -> Outcome {
        let total = stopping?.maxReplications ?? manifest.replications
        progress?(.started(label: scenario.name, total: total))
        defer { progress?(.finished) }
        let advance = progress.map { handler in { @Sendable (n: Int) in handler(.advanced(by: n)) } }
        let run = try RunInProgress(scenario, manifest: manifest, threads: threads, progress: advance,
                                    to: directory, exactLimit: exactLimit,
                                    expected: stopping == nil ? manifest.replications : nil)
        while run.replications < total {
            let end = stopping?.nextBlockEnd(after: run.replications) ?? total
            try run.advance(to: end) { onBlock?($0) }
            if let rule = stopping,
               let stop = rule.check(replications: end, estimates: rule.targets.map { run.meanAndHalfWidth($0.metric) }) {
                return try run.finish(stopping: (rule, stop))
            }
        }
        return try run.finish()
    }
}
