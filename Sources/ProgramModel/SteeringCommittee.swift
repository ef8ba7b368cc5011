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

    /// Holds a meeting: the items it decides, in order, are `decision(at:)` for the returned
    /// positions. They stay readable until the next meeting (items submitted meanwhile go after
    /// them), so the caller decides them without copying them out.
    mutating func meet() -> Range<Int> {
        meetingsHeld += 1
        // Compacting here, before this meeting's items are taken, keeps the last meeting's
        // positions valid for as long as the caller reads them.
        if head > 1024 && head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
        let n = Swift.min(capacity, queue.count - head)
        head += n
        return (head - n)..<head
    }

    /// The item at a position returned by the last `meet()`.
    func decision(at position: Int) -> Int32 {
        queue[position]
    }
}
