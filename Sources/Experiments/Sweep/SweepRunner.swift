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

/// Runs a sweep's points (or an exploration's worlds, any ``PointExperiment``) into an output
/// folder (docs/sweep.md, docs/explore.md).
///
/// Groups (points, worlds) are taken in order, a window of a few at a time; the window's
/// (row, replication) pairs are spread over all threads, and when it is done its rows are
/// appended to the table in group order and synced. Memory is bounded by the window, the file
/// is always a prefix of the finished file (whatever the thread count), and a run killed at
/// any moment resumes by keeping the complete groups and redoing the rest.
public enum SweepRunner {
    public struct Report: Sendable {
        /// Groups of this run (its shard's, or all).
        public var points: Int
        /// Groups found finished in the folder and kept.
        public var resumed: Int
    }

    /// Runs `plan` (or its `shard`) into `directory`.
    ///
    /// - Parameters:
    ///   - resume: continue the run already in `directory`; without it an existing one
    ///     there is refused rather than overwritten.
    ///   - progress: told `started` (the sweep's name and its point count), `advanced` per point
    ///     written and `finished`.
    /// - Throws: ``SweepRunError``.
    @discardableResult
    public static func run<Plan: PointExperiment>(_ plan: Plan, to directory: String, threads: Int, shard: SweepShard? = nil,
                                                  resume: Bool = false, progress: ProgressHandler? = nil) throws(SweepRunError) -> Report {
        let manifestPath = directory + "/manifest.json"
        let tablePath = directory + "/" + plan.tableName
        let manifest = plan.manifestText(shard: shard)
        let exists = FileManager.default.fileExists(atPath: manifestPath)
        if !resume && (exists || FileManager.default.fileExists(atPath: tablePath)) {
            throw .refused("\(directory) already holds \(plan.kind) output; pass --resume to continue it, or choose another --out")
        }
        if resume && exists {
            try checkSameRun(manifestPath: manifestPath, expected: manifest, directory: directory, kind: plan.kind)
        }
        do {
            try AtomicFile.createDirectory(directory)
            if !exists { try AtomicFile.write(Array(manifest.utf8), to: manifestPath) }
        } catch {
            throw .output(error)
        }

        let mine = (0..<plan.groupCount).filter { shard?.contains(point: $0) ?? true }
        let members = plan.membersPerGroup
        let header = plan.tableHeaderBytes
        var contents = PointsTable.read(tablePath, columns: plan.tableHeader.count)
        var done = 0
        if contents.headerLength > 0 && Array(contents.bytes[..<contents.headerLength]) == header {
            var rows = 0
            while rows < contents.rows.count && rows / members < mine.count
                    && contents.rows[rows].point == mine[rows / members] {
                rows += 1
            }
            // Only whole groups are kept: a world's policies are redone together.
            done = rows / members
            contents.rows.removeSubrange((done * members)...)
        } else {
            contents.rows = []
            contents.headerLength = 0
        }
        let keep = contents.completeLength
        contents = PointsTable.Contents(bytes: [], headerLength: 0, rows: [])
        let file: AppendOnlyFile
        do throws(OutputError) {
            if keep > 0 {
                // Drop a half-written last line (and anything after a group that is not ours).
                if truncate(tablePath, off_t(keep)) != 0 {
                    throw OutputError(action: "truncate", path: tablePath, reason: String(cString: strerror(errno)))
                }
                file = try AppendOnlyFile(path: tablePath)
            } else {
                file = try AppendOnlyFile(path: tablePath, truncate: true)
                try file.append(header)
                try file.flush()
            }
            try runGroups(Array(mine[done...]), plan: plan, file: file, threads: threads, progress: progress,
                          label: plan.name + (shard.map { " shard \($0)" } ?? ""))
            try file.close()
            if shard == nil { try plan.writeAnalysis(directory: directory) }
        } catch {
            throw .output(error)
        }
        return Report(points: mine.count, resumed: done)
    }

    /// Groups per window: enough (row, replication) pairs to keep every thread busy, few
    /// enough that finished rows reach the disk often and memory stays small.
    static func windowPoints(replications: Int) -> Int {
        max(1, min(64, (2048 + replications - 1) / replications))
    }

    private static func runGroups<Plan: PointExperiment>(_ groups: [Int], plan: Plan, file: AppendOnlyFile, threads: Int,
                                                         progress: ProgressHandler?, label: String) throws(OutputError) {
        let replications = plan.replications
        let members = plan.membersPerGroup
        let metrics = plan.metrics
        let perGroup = members * replications
        progress?(.started(label: label, total: groups.count))
        defer { progress?(.finished) }
        var csv = CSVWriter(header: plan.tableHeader, reservingCapacity: 1 << 14)
        _ = csv.takeBytes()
        let step = windowPoints(replications: perGroup)
        var lastSync = DispatchTime.now().uptimeNanoseconds
        var start = 0
        while start < groups.count {
            let window = Array(groups[start..<min(start + step, groups.count)])
            let values = ParallelReplications.mapWithState(
                count: window.count * perGroup, threads: threads,
                makeState: { (row: -1, simulation: ProgramSimulation?.none) },
                { state, pair -> [Double?] in
                    let row = pair / replications
                    let group = window[row / members]
                    if state.row != row {
                        // Built on the worker, so decoding and compiling run in parallel too;
                        // every row was validated when the plan was built.
                        state = (row, ProgramSimulation(scenario: try! plan.scenario(group: group, member: row % members)))
                    }
                    let key = plan.randomKey(group: group, replication: pair % replications)
                    let result = state.simulation!.run(seed: key.seed, replication: key.replication)
                    return metrics.map { result.value(of: $0) }
                })
            for (j, group) in window.enumerated() {
                let groupValues = (0..<members).map { m in
                    Array(values[(j * members + m) * replications ..< (j * members + m + 1) * replications])
                }
                plan.appendRows(group: group, values: groupValues, to: &csv)
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

    /// Refuses to resume into a folder made by a different sweep or exploration, saying what differs.
    private static func checkSameRun(manifestPath: String, expected: String, directory: String, kind: String) throws(SweepRunError) {
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            throw .refused("cannot read \(manifestPath)")
        }
        let recorded = String(decoding: data, as: UTF8.self)
        guard recorded != expected else { return }
        let old = try? JSONParser.parse(recorded), new = try? JSONParser.parse(expected)
        let reasons: [(String, String)] = [
            (kind, "the \(kind) file differs from the one it was started with"),
            ("base", "the base scenario differs from the one it was started with"),
            ("policy_sets", "a policy's scenario differs from the one it was started with"),
            ("shard", "it was started as a different shard"),
            ("execsim_version", "it was started by another version of execsim"),
        ]
        let reason = reasons.first { old?[$0.0] != new?[$0.0] }?.1 ?? "its manifest.json differs"
        throw .refused("cannot resume the \(kind) in \(directory): \(reason); run it into another --out, or delete the folder to start over")
    }
}
