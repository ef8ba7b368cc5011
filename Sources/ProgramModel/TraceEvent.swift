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

/// Where a traced replication collects its events: part of the replication's state, so it
/// starts empty with every replication and copies like the rest of it.
///
/// The model writes `if trace.isRecording { trace.note(now, uc, "event", "detail") }`: the
/// detail text is built only when recording, and no closure captures the simulation (a closure
/// reading the state while a field of it is mutated makes the compiler copy the whole state
/// on every call, traced or not).
struct TraceRecorder {
    let isRecording: Bool
    private(set) var events: [TraceEvent] = []

    init(recording: Bool) {
        isRecording = recording
    }

    mutating func note(_ time: Double, _ useCase: Int, _ event: String, _ detail: String = "") {
        events.append(TraceEvent(time: time, useCase: useCase, event: event, detail: detail))
    }
}
