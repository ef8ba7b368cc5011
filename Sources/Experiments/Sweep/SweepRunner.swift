import Dispatch
import Foundation
import ProgramModel

/// Why a sweep could not run: an output file failed, or the output folder belongs to
/// something else (another sweep, or a finished run that `--resume` was not asked to continue).
public enum SweepRunError: Error, CustomStringConvertible {
    case output(OutputError)
    case refused(String)

    public var description: String {
        switch self {
        case .output(let error): error.description
        case .refused(let message): message
        }
    }
}

/// Runs a sweep's points into an output folder (docs/sweep.md).
///
/// Points are taken in order, a window of a few at a time; the window's (point, replication)
/// pairs are spread over all threads, and when it is done its rows are appended to
/// `points.csv` in point order and synced. Memory is bounded by the window, the file is always
/// a prefix of the finished file (whatever the thread count), and a sweep killed at any moment
/// resumes by keeping the complete rows and redoing the rest.
public enum SweepRunner {
    public struct Report: Sendable {
        /// Points of this run (its shard's, or all).
        public var points: Int
        /// Points found finished in the folder and kept.
        public var resumed: Int
    }

    /// Runs `plan` (or its `shard`) into `directory`.
    ///
    /// - Parameters:
    ///   - resume: continue the sweep already in `directory`; without it an existing sweep
    ///     there is refused rather than overwritten.
    ///   - progress: told `started` (the sweep's name and its point count), `advanced` per point
    ///     written and `finished`.
    /// - Throws: ``SweepRunError``.
    @discardableResult
    public static func run(_ plan: SweepPlan, to directory: String, threads: Int, shard: SweepShard? = nil,
                           resume: Bool = false, progress: ProgressHandler? = nil) throws(SweepRunError) -> Report {
        let manifestPath = directory + "/manifest.json"
        let pointsPath = directory + "/points.csv"
        let manifest = SweepManifest.text(plan, shard: shard)
        let exists = FileManager.default.fileExists(atPath: manifestPath)
        if !resume && (exists || FileManager.default.fileExists(atPath: pointsPath)) {
            throw .refused("\(directory) already holds sweep output; pass --resume to continue it, or choose another --out")
        }
        if resume && exists {
            try checkSameSweep(manifestPath: manifestPath, expected: manifest, directory: directory)
        }
        do {
            try AtomicFile.createDirectory(directory)
            if !exists { try AtomicFile.write(Array(manifest.utf8), to: manifestPath) }
        } catch {
            throw .output(error)
        }

        let mine = plan.points.indices.filter { shard?.contains(point: $0) ?? true }
        let header = PointsTable.headerBytes(plan.file)
        let columns = PointsTable.header(plan.file).count
        var contents = PointsTable.read(pointsPath, columns: columns)
        var done = 0
        if contents.headerLength > 0 && Array(contents.bytes[..<contents.headerLength]) == header {
            while done < contents.rows.count && done < mine.count && contents.rows[done].point == mine[done] {
                done += 1
            }
            contents.rows.removeSubrange(done...)
        } else {
            contents.rows = []
            contents.headerLength = 0
        }
        let keep = contents.completeLength
        contents = PointsTable.Contents(bytes: [], headerLength: 0, rows: [])
        let file: AppendOnlyFile
        do throws(OutputError) {
            if keep > 0 {
                // Drop a half-written last line (and anything after a row that is not ours).
                if truncate(pointsPath, off_t(keep)) != 0 {
                    throw OutputError(action: "truncate", path: pointsPath, reason: String(cString: strerror(errno)))
                }
                file = try AppendOnlyFile(path: pointsPath)
            } else {
                file = try AppendOnlyFile(path: pointsPath, truncate: true)
                try file.append(header)
                try file.flush()
            }
            try runPoints(Array(mine[done...]), plan: plan, file: file, threads: threads, progress: progress,
                          label: plan.file.name + (shard.map { " shard \($0)" } ?? ""))
            try file.close()
            if shard == nil { try writeAnalysis(plan, directory: directory) }
        } catch {
            throw .output(error)
        }
        return Report(points: mine.count, resumed: done)
    }

    /// Writes `sensitivity.csv` or `tornado.csv` from the finished `points.csv`.
    static func writeAnalysis(_ plan: SweepPlan, directory: String) throws(OutputError) {
        let contents = PointsTable.read(directory + "/points.csv", columns: PointsTable.header(plan.file).count)
        if let (name, bytes) = SweepAnalysis.file(plan, points: contents) {
            try AtomicFile.write(bytes, to: directory + "/" + name)
        }
    }

    /// Points per window: enough (point, replication) pairs to keep every thread busy, few
    /// enough that finished rows reach the disk often and memory stays small.
    static func windowPoints(replications: Int) -> Int {
        max(1, min(64, (2048 + replications - 1) / replications))
    }

    private static func runPoints(_ points: [Int], plan: SweepPlan, file: AppendOnlyFile, threads: Int,
                                  progress: ProgressHandler?, label: String) throws(OutputError) {
        let replications = plan.file.replications
        let seed = plan.file.seed
        let metrics = plan.file.metrics
        progress?(.started(label: label, total: points.count))
        defer { progress?(.finished) }
        var csv = CSVWriter(header: PointsTable.header(plan.file), reservingCapacity: 1 << 14)
        _ = csv.takeBytes()
        let step = windowPoints(replications: replications)
        var lastSync = DispatchTime.now().uptimeNanoseconds
        var start = 0
        while start < points.count {
            let window = Array(points[start..<min(start + step, points.count)])
            let values = ParallelReplications.mapWithState(
                count: window.count * replications, threads: threads,
                makeState: { (point: -1, simulation: ProgramSimulation?.none) },
                { state, pair -> [Double?] in
                    let j = pair / replications
                    if state.point != j {
                        // Built on the worker, so decoding and compiling run in parallel too;
                        // every point was validated when the plan was built.
                        state = (j, ProgramSimulation(scenario: try! plan.scenario(point: window[j])))
                    }
                    let result = state.simulation!.run(seed: seed, replication: pair % replications)
                    return metrics.map { result.value(of: $0) }
                })
            for (j, point) in window.enumerated() {
                let summaries = metrics.indices.map { m in
                    Summary(values: (0..<replications).map { values[j * replications + $0][m] })
                }
                PointsTable.appendRow(to: &csv, point: point, values: plan.columnValues(point: point),
                                      summaries: summaries)
            }
            // Appended rows survive a killed process at once; the fsync, which only guards
            // against a machine crash, is limited to one a second so that short windows
            // (few replications per point) are not held up by the disk.
            try file.append(csv.takeBytes())
            let now = DispatchTime.now().uptimeNanoseconds
            if now &- lastSync >= 1_000_000_000 {
                try file.flush()
                lastSync = now
            }
            progress?(.advanced(by: window.count))
            start += window.count
        }
    }

    /// Refuses to resume into a folder made by a different sweep, saying what differs.
    private static func checkSameSweep(manifestPath: String, expected: String, directory: String) throws(SweepRunError) {
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            throw .refused("cannot read \(manifestPath)")
        }
        let recorded = String(decoding: data, as: UTF8.self)
        guard recorded != expected else { return }
        let old = try? JSONParser.parse(recorded), new = try? JSONParser.parse(expected)
        let reasons: [(String, String)] = [
            ("sweep", "the sweep file differs from the one it was started with"),
            ("base", "the base scenario differs from the one it was started with"),
            ("shard", "it was started as a different shard"),
            ("execsim_version", "it was started by another version of execsim"),
        ]
        let reason = reasons.first { old?[$0.0] != new?[$0.0] }?.1 ?? "its manifest.json differs"
        throw .refused("cannot resume the sweep in \(directory): \(reason); run it into another --out, or delete the folder to start over")
    }
}
