/// The central steering committee of MODEL.md section 6.3.
///
/// It meets every `cadenceMonths` and decides at most `capacity` items per meeting, first come
/// first served from one queue shared by G0 and G1; the rest wait for the next meeting.
struct SteeringCommittee {
    let cadence: Double
    let capacity: Int
    /// Use cases waiting for a decision, in the order they entered; `head` is the next one.
    private var queue: [Int32] = []
    private var head = 0
    /// Meetings held so far; the next meeting is at (meetings + 1)·cadence, computed by
    /// multiplication so that no rounding error accumulates over many meetings.
    private(set) var meetingsHeld = 0

    init(cadence: Double, capacity: Int) {
        self.cadence = cadence
        self.capacity = capacity
    }

    mutating func reset() {
        queue.removeAll(keepingCapacity: true)
        head = 0
        meetingsHeld = 0
    }

    var nextMeetingTime: Double { Double(meetingsHeld + 1) * cadence }
    var waiting: Int { queue.count - head }

    mutating func submit(_ useCase: Int32) {
        queue.append(useCase)
    }

    /// Holds a meeting: removes and returns, in order, the items it decides.
    mutating func meet(into decided: inout [Int32]) {
        meetingsHeld += 1
        decided.removeAll(keepingCapacity: true)
        let n = Swift.min(capacity, queue.count - head)
        for i in 0..<n { decided.append(queue[head + i]) }
        head += n
        if head > 1024 && head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
    }
}
