/// One line of a replication's event log, for a person following a use case through its life.
/// `useCase` is -1 for program-level events (committee meetings, foundation work).
public struct TraceEvent: Sendable, Equatable {
    public var time: Double
    public var useCase: Int
    public var event: String
    public var detail: String

    public init(time: Double, useCase: Int, event: String, detail: String) {
        self.time = time
        self.useCase = useCase
        self.event = event
        self.detail = detail
    }
}

/// Where a traced replication collects its events. Each `ProgramSimulation` owns one and is
/// used by one thread at a time.
final class TraceLog {
    var isRecording = false
    var events: [TraceEvent] = []
}
