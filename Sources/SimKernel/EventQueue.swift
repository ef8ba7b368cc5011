/// One entry of the future event list: when it happens, its tie-breaking sequence number and
/// what it is.
///
/// Keep `Payload` a small plain value (an enum of event kinds with integer indices into side
/// tables); class references, strings and existentials in events roughly double the cost of
/// the event list.
public struct ScheduledEvent<Payload> {
    /// The simulated time of the event.
    public var time: Double
    /// The order in which the event was scheduled; breaks ties between equal times.
    public var sequence: UInt64
    /// What happens.
    public var payload: Payload

    @inlinable
    public init(time: Double, sequence: UInt64, payload: Payload) {
        self.time = time
        self.sequence = sequence
        self.payload = payload
    }

    /// Whether `self` runs before `other`: earlier time first, then earlier scheduling.
    @inlinable @inline(__always)
    func runsBefore(_ other: ScheduledEvent<Payload>) -> Bool {
        time < other.time || (time == other.time && sequence < other.sequence)
    }
}

extension ScheduledEvent: Sendable where Payload: Sendable {}
extension ScheduledEvent: Equatable where Payload: Equatable {}

/// The future event list: a binary min-heap ordered by (time, sequence).
///
/// Events at equal times come out in the order they were scheduled (FIFO), so a run is fully
/// determined by the order of `schedule` calls.
///
///     var events = EventQueue<Int32>()
///     events.schedule(at: 2.0, 7)
///     events.schedule(at: 1.0, 3)
///     events.popNext()?.payload   // 3
///     events.popNext()?.payload   // 7
///
/// The heap moves a hole rather than swapping elements, and its hot paths are `@inlinable` so
/// that they are specialized for the concrete payload in the calling module.
public struct EventQueue<Payload> {
    /// The heap, in level order: `storage[0]` is the next event; the children of `i` are at
    /// `2i + 1` and `2i + 2`.
    @usableFromInline
    var storage: ContiguousArray<ScheduledEvent<Payload>>

    /// The sequence number the next scheduled event gets.
    @usableFromInline
    var nextSequence: UInt64

    /// Creates an empty event list with room for `reservingCapacity` events.
    ///
    /// - Complexity: O(`reservingCapacity`) for the allocation.
    @inlinable
    public init(reservingCapacity: Int = 0) {
        storage = []
        storage.reserveCapacity(reservingCapacity)
        nextSequence = 0
    }

    /// The number of pending events.
    ///
    /// - Complexity: O(1)
    @inlinable
    public var count: Int { storage.count }

    /// Whether no event is pending.
    ///
    /// - Complexity: O(1)
    @inlinable
    public var isEmpty: Bool { storage.isEmpty }

    /// The time of the next event, or nil when none is pending.
    ///
    /// - Complexity: O(1)
    @inlinable
    public var nextTime: Double? { storage.first?.time }

    /// Schedules `payload` at `time`, after every event already scheduled at that same time.
    ///
    /// - Complexity: O(log `count`)
    @inlinable
    public mutating func schedule(at time: Double, _ payload: Payload) {
        let event = ScheduledEvent(time: time, sequence: nextSequence, payload: payload)
        nextSequence &+= 1
        storage.append(event)
        siftUp(event, from: storage.count &- 1)
    }

    /// Removes and returns the next event, or nil when none is pending.
    ///
    /// - Complexity: O(log `count`)
    @inlinable
    public mutating func popNext() -> ScheduledEvent<Payload>? {
        guard let last = storage.popLast() else { return nil }
        if storage.isEmpty { return last }
        let first = storage[0]
        siftDownFromRoot(last)
        return first
    }

    /// Removes and returns the next event if it happens at or before `horizon`; nil when none
    /// is pending or the next one is after `horizon`.
    ///
    /// - Complexity: O(log `count`)
    @inlinable
    public mutating func popNext(notAfter horizon: Double) -> ScheduledEvent<Payload>? {
        guard let first = storage.first, first.time <= horizon else { return nil }
        return popNext()
    }

    /// Removes every pending event and restarts the sequence numbers, keeping the capacity, so
    /// a queue reused for the next replication behaves exactly like a new one.
    ///
    /// - Complexity: O(`count`)
    @inlinable
    public mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        nextSequence = 0
    }

    /// Moves the hole at `index` up until `event` fits there, then stores it.
    @inlinable
    mutating func siftUp(_ event: ScheduledEvent<Payload>, from index: Int) {
        storage.withUnsafeMutableBufferPointer { heap in
            var hole = index
            while hole > 0 {
                let parent = (hole &- 1) &>> 1
                guard event.runsBefore(heap[parent]) else { break }
                heap[hole] = heap[parent]
                hole = parent
            }
            heap[hole] = event
        }
    }

    /// Treats the root as a hole, moves it down until `event` fits there, then stores it.
    @inlinable
    mutating func siftDownFromRoot(_ event: ScheduledEvent<Payload>) {
        storage.withUnsafeMutableBufferPointer { heap in
            let count = heap.count
            var hole = 0
            while true {
                var child = 2 &* hole &+ 1
                guard child < count else { break }
                let right = child &+ 1
                if right < count && heap[right].runsBefore(heap[child]) {
                    child = right
                }
                guard heap[child].runsBefore(event) else { break }
                heap[hole] = heap[child]
                hole = child
            }
            heap[hole] = event
        }
    }
}

extension EventQueue: Sendable where Payload: Sendable {}

extension EventQueue {
    /// Whether every parent runs before its children; for tests.
    ///
    /// - Complexity: O(`count`)
    func satisfiesHeapOrder() -> Bool {
        for index in storage.indices.dropFirst()
        where storage[index].runsBefore(storage[(index - 1) / 2]) {
            return false
        }
        return true
    }
}
