import Foundation
import ProgramModel

/// Combines the folders of `execsim sweep --shard I/N` (or `execsim explore --shard I/N`) runs
/// into the folder an unsharded run would have written, byte for byte: rows sorted by point
/// (world), the manifest without `shard`, and the analysis files recomputed from the merged rows.
public enum SweepMerge {
    public struct Report: Sendable {
        public var points: Int
        public var shards: Int
    }

    /// - Throws: ``SweepRunError/refused(_:)`` when the folders are not shards of one sweep,
    ///   repeat a shard, or leave points missing (named); ``SweepRunError/output(_:)`` when
    ///   writing fails.
    @discardableResult
    public static func merge(_ directories: [String], to out: String) throws(SweepRunError) -> Report {
        guard !directories.isEmpty else { throw .refused("no shard folders given") }
        var recorded: [(directory: String, manifest: (experiment: any PointExperiment, shard: SweepShard?))] = []
        for directory in directories {
            do throws(ScenarioError) {
                recorded.append((directory, try ExperimentManifest.read(directory: directory)))
            } catch {
                throw .refused(error.description)
            }
        }
        let plan = recorded[0].manifest.experiment
        let unsharded = plan.manifestText(shard: nil)
        let count = recorded[0].manifest.shard?.count ?? 1
        var seen: [Int: String] = [:]
        for (directory, manifest) in recorded {
            if manifest.experiment.manifestText(shard: nil) != unsharded {
                throw .refused("\(directory) and \(recorded[0].directory) hold shards of different \(plan.kind) runs (their manifest.json differ outside \"shard\")")
            }
            let shard = manifest.shard ?? SweepShard(index: 0, count: 1)!
            if shard.count != count {
                throw .refused("\(directory) is shard \(shard) but \(recorded[0].directory) is one of \(count) shards; a sweep must be split the same way everywhere")
            }
            if let other = seen[shard.index] {
                throw .refused("\(directory) and \(other) are both shard \(shard)")
            }
            seen[shard.index] = directory
        }

        let header = plan.tableHeaderBytes
        let columns = plan.tableHeader.count
        let table = plan.tableName
        let unit = plan.kind == "explore" ? "worlds" : "points"
        // A group's rows, in the order they were written; whole groups only (a run killed
        // mid-group has its complete rows of that group redone on resume, so they do not count).
        var rows = [[ArraySlice<UInt8>]](repeating: [], count: plan.groupCount)
        var kept: [PointsTable.Contents] = []
        for (directory, manifest) in recorded {
            let contents = PointsTable.read(directory + "/" + table, columns: columns)
            guard contents.headerLength > 0, Array(contents.bytes[..<contents.headerLength]) == header else {
                throw .refused("\(directory)/\(table) is missing or its header does not match its manifest")
            }
            let shard = manifest.shard ?? SweepShard(index: 0, count: 1)!
            for row in contents.rows {
                guard row.point < plan.groupCount, shard.contains(point: row.point) else {
                    throw .refused("\(directory)/\(table) holds \(unit.dropLast()) \(row.point), which is not one of shard \(shard)'s")
                }
                rows[row.point].append(contents.bytes[row.range])
            }
            kept.append(contents)
        }
        let missing = rows.indices.filter { rows[$0].count != plan.membersPerGroup }
        if !missing.isEmpty {
            let absent = (0..<count).filter { seen[$0] == nil }
            throw .refused("missing \(missing.count) of \(plan.groupCount) \(unit): \(describe(missing))"
                + (absent.isEmpty ? " (unfinished shards: resume them with --resume)"
                   : "; shards not given: " + absent.map { "\($0)/\(count)" }.joined(separator: ", ")))
        }

        var bytes = header
        for group in rows { for row in group { bytes += row } }
        kept = []
        do throws(OutputError) {
            try AtomicFile.createDirectory(out)
            try AtomicFile.write(bytes, to: out + "/" + table)
            try AtomicFile.write(Array(unsharded.utf8), to: out + "/manifest.json")
            try plan.writeAnalysis(directory: out)
        } catch {
            throw .output(error)
        }
        return Report(points: plan.groupCount, shards: recorded.count)
    }

    /// `3, 7, 10–14` (at most 20 runs of numbers, then `…`).
    static func describe(_ points: [Int]) -> String {
        var runs: [String] = []
        var i = 0
        while i < points.count {
            var j = i
            while j + 1 < points.count && points[j + 1] == points[j] + 1 { j += 1 }
            runs.append(i == j ? "\(points[i])" : "\(points[i])–\(points[j])")
            i = j + 1
        }
        return runs.count > 20 ? runs.prefix(20).joined(separator: ", ") + ", …" : runs.joined(separator: ", ")
    }
}
