import Foundation
import ProgramModel

/// Writes the five files of a run into `directory/<scenario name>/`, each atomically.
public enum RunFiles {
    public static let fileNames = ["replications.csv", "summary.csv", "timeseries.csv",
                                   "scenario.json", "manifest.json"]

    /// The folder a scenario's files go to: its name, made safe for a file system.
    public static func folder(for scenario: Scenario, in directory: String) -> String {
        let safe = String(scenario.name.map { c in
            c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." ? c : "_"
        })
        return (directory as NSString).appendingPathComponent(safe.isEmpty ? "scenario" : safe)
    }

    /// - Returns: the folder written.
    @discardableResult
    public static func write(scenario: Scenario, results: [ReplicationResult],
                             summaries: MetricSummaries, manifest: RunManifest,
                             to directory: String) throws(OutputError) -> String {
        let folder = folder(for: scenario, in: directory)
        try AtomicFile.createDirectory(folder)
        var repeatable = scenario
        repeatable.seed = manifest.seed
        repeatable.replications = manifest.replications
        let files: [(String, [UInt8])] = [
            ("replications.csv", ReplicationsTable.csv(results)),
            ("summary.csv", summaries.csv()),
            ("timeseries.csv", TimeseriesTable.csv(results)),
            ("scenario.json", Array(repeatable.jsonText().utf8)),
            ("manifest.json", Array(manifest.jsonText().utf8)),
        ]
        for (name, bytes) in files {
            try AtomicFile.write(bytes, to: (folder as NSString).appendingPathComponent(name))
        }
        return folder
    }
}
