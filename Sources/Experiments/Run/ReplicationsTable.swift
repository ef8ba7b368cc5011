import ProgramModel

/// `replications.csv`: one row per replication, the columns of MODEL.md section 7 in order.
public enum ReplicationsTable {
    public static let header = ["replication"] + ReplicationMetric.allCases.map(\.name)

    /// The rows of `results`, numbered from `firstIndex`; with the header line when
    /// `firstIndex` is 0, so blocks of a streamed run concatenate into the whole file.
    public static func csv(_ results: [ReplicationResult], firstIndex: Int = 0) -> [UInt8] {
        let capacity = 64 + results.count * 256
        var w = firstIndex == 0
            ? CSVWriter(header: header, reservingCapacity: capacity)
            : CSVWriter(continuingWithColumns: header.count, reservingCapacity: capacity)
        for (i, r) in results.enumerated() {
            w.field(firstIndex + i)
            for m in ReplicationMetric.allCases { w.field(r.value(of: m)) }
            w.endRow()
        }
        return w.bytes
    }
}
