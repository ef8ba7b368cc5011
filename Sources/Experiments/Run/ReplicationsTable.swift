import ProgramModel

/// `replications.csv`: one row per replication, the columns of MODEL.md section 7 in order.
public enum ReplicationsTable {
    public static let header = ["replication"] + ReplicationMetric.allCases.map(\.name)

    public static func csv(_ results: [ReplicationResult], firstIndex: Int = 0) -> [UInt8] {
        var w = CSVWriter(header: header, reservingCapacity: 64 + results.count * 256)
        for (i, r) in results.enumerated() {
            w.field(firstIndex + i)
            for m in ReplicationMetric.allCases { w.field(r.value(of: m)) }
            w.endRow()
        }
        return w.bytes
    }
}
