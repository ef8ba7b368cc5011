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
}
