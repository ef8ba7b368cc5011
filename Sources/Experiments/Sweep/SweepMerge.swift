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

        let lock: FolderLock
        do throws(OutputError) {
            try refuseAsOutput(out, inputs: directories, unsharded: unsharded, plan: plan)
            try AtomicFile.createDirectory(out)
            lock = try FolderLock(directory: out, holder: "execsim merge")
        } catch {
            throw .output(error)
        }
        defer { withExtendedLifetime(lock) {} }

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
            if let (line, reason) = contents.malformed {
                throw .refused("\(directory)/\(table) line \(line): \(reason); the file was edited or damaged: rerun that shard into a new folder")
            }
            let shard = manifest.shard ?? SweepShard(index: 0, count: 1)!
            for (index, row) in contents.rows.enumerated() {
                guard row.point >= 0, row.point < plan.groupCount, shard.contains(point: row.point) else {
                    throw .refused("\(directory)/\(table) holds \(unit.dropLast()) \(row.point), which is not one of shard \(shard)'s")
                }
                if let mismatch = plan.rowMismatch(contents, row: index) {
                    throw .refused("\(directory)/\(table) line \(index + 2): \(mismatch); the file was edited: rerun that shard with --resume, which runs such rows again")
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

    /// Refuses an output folder that is one of the inputs, or holds anything but an earlier
    /// merge of the same sweep (a shard, a run folder, someone's `points.csv`).
    static func refuseAsOutput(_ out: String, inputs: [String], unsharded: String,
                               plan: any PointExperiment) throws(OutputError) {
        for input in inputs where OutputFolder.sameEntry(out, input) {
            throw OutputError(action: "write", path: out, reason: "it is one of the shard folders being merged; choose a new --out")
        }
        try OutputFolder.refuseForeign(out, writer: "execsim merge", owns: plan.owns)
        let manifest = out + "/manifest.json", points = out + "/" + plan.tableName
        if let recorded = FileManager.default.contents(atPath: manifest) {
            if String(decoding: recorded, as: UTF8.self) != unsharded {
                throw OutputError(action: "write", path: out, reason: "it holds the output of another sweep or of a shard (its manifest.json differs from the merged one); choose a new --out")
            }
        } else if FileManager.default.fileExists(atPath: points) {
            throw OutputError(action: "write", path: out, reason: "it holds a \(plan.tableName) but no manifest.json, so not the output of execsim; choose a new --out")
        }
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
