import ProgramModel

/// The event log of one replication as CSV; program-level events have an empty use_case cell.
public enum TraceTable {
    public static let header = ["time_months", "use_case", "event", "detail"]

    public static func csv(_ events: [TraceEvent]) -> [UInt8] {
        var w = CSVWriter(header: header, reservingCapacity: 64 + events.count * 80)
        for e in events {
            w.field(e.time)
            w.field(e.useCase >= 0 ? Double(e.useCase) : nil)
            w.field(e.event)
            w.field(e.detail)
            w.endRow()
        }
        return w.bytes
    }
}
