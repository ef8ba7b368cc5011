import ProgramModel

/// `replications.csv`: one row per replication, the columns of MODEL.md section 7 in order.
public enum ReplicationsTable {
    public static let header = ["replication"] + ReplicationMetric.allCases.map(\.name)

    /// The rows of `results`, numbered from `firstIndex`; with the header line when
    /// `firstIndex` is 0, so blocks of a streamed run concatenate into the whole file.
    public static func csv(_ results: [ReplicationResult], firstIndex: Int = 0) -> [UInt8] {
        // Room for rows a little longer than the baseline's (about 480 bytes), so that the
        // storage rarely grows (and copies) mid-chunk.
        let capacity = 64 + results.count * 512
        var w = firstIndex == 0
            ? CSVWriter(header: header, reservingCapacity: capacity)
            : CSVWriter(continuingWithColumns: header.count, reservingCapacity: capacity)
        // By index, and the metrics listed once: binding each result, or asking for
        // `allCases` on every row, copied the result and built the list on every row. A row
        // at a time: room for it made once.
        let metrics = ReplicationMetric.allCases
        for i in results.indices {
            w.row(fields: header.count) { row in
                row.field(firstIndex + i)
                for m in metrics { row.field(results[i].value(of: m)) }
            }
        }
        return w.finished()
    }

    /// The same bytes, formatted in chunks on `threads` threads and joined in order.
    public static func csv(_ results: [ReplicationResult], firstIndex: Int, threads: Int) -> [UInt8] {
        // A piece per thread, but not pieces so small that joining them costs more than it saves.
        let workers = ParallelReplications.workerCount(threads: threads, count: results.count)
        let chunk = Swift.max(128, (results.count + workers - 1) / workers)
        let chunks = (results.count + chunk - 1) / chunk
        guard chunks > 1 else { return csv(results, firstIndex: firstIndex) }
        let parts = ParallelReplications.map(count: chunks, threads: threads, chunkSize: 1) { c in
            let range = (c * chunk)..<min(results.count, (c + 1) * chunk)
            return csv(Array(results[range]), firstIndex: firstIndex + range.lowerBound)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for p in parts { bytes.append(contentsOf: p) }
        return bytes
    }
}
