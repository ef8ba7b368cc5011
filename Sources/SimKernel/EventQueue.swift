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
/// The heap lives in one ``EventStorage`` buffer (the only unsafe code of the kernel, kept in
/// `EventStorage.swift`) and moves a hole rather than swapping elements. (Floyd's bottom-up
/// removal, which takes the hole to a leaf first, measured slower on the model's event mix:
/// the last event usually belongs near the top.) The hot paths are
/// `@inlinable` so that they are specialized for the concrete payload in the calling module.
/// Copies share the buffer until one of them changes (copy on write), like an `Array`.
public struct EventQueue<Payload> {
    @usableFromInline
    var storage: EventStorage<Payload>

    /// The sequence number the next scheduled event gets.
    @usableFromInline
    var nextSequence: UInt64

    /// Creates an empty event list with room for `reservingCapacity` events.
    ///
    /// - Complexity: O(1) (one allocation).
    @inlinable
    public init(reservingCapacity: Int = 0) {
        storage = EventStorage.create(capacity: Swift.max(16, reservingCapacity))
        nextSequence = 0
    }

    /// The number of pending events.
    ///
    /// - Complexity: O(1)
    @inlinable
    public var count: Int { storage.withUnsafeMutablePointerToHeader { $0.pointee.count } }

    /// Whether no event is pending.
    ///
    /// - Complexity: O(1)
    @inlinable
    public var isEmpty: Bool { count == 0 }

    /// The time of the next event, or nil when none is pending.
    ///
    /// - Complexity: O(1)
    @inlinable
    public var nextTime: Double? {
        storage.withUnsafeMutablePointers { header, heap in header.pointee.count > 0 ? heap[0].time : nil }
    }

    /// Schedules `payload` at `time`, after every event already scheduled at that same time.
    ///
    /// - Complexity: O(log `count`); amortized O(1) for the growth of the buffer.
    @inlinable
    public mutating func schedule(at time: Double, _ payload: Payload) {
        let event = ScheduledEvent(time: time, sequence: nextSequence, payload: payload)
        nextSequence &+= 1
        makeUniqueWithRoomForOneMore()
        storage.withUnsafeMutablePointers { header, heap in
            var hole = header.pointee.count
            header.pointee.count = hole &+ 1
            while hole > 0 {
                let parent = (hole &- 1) &>> 1
                guard event.runsBefore(heap[parent]) else { break }
                (heap + hole).moveInitialize(from: heap + parent, count: 1)
                hole = parent
            }
            (heap + hole).initialize(to: event)
        }
    }

    /// Removes and returns the next event, or nil when none is pending.
    ///
    /// - Complexity: O(log `count`)
    @inlinable
    public mutating func popNext() -> ScheduledEvent<Payload>? {
        if isEmpty { return nil }
        makeUnique()
        return storage.withUnsafeMutablePointers { header, heap in
            let first = heap.move()
            let n = header.pointee.count &- 1
            header.pointee.count = n
            guard n > 0 else { return first }
            let last = (heap + n).move()
            // The root is a hole; move it down until the last event fits there.
            var hole = 0
            while true {
                var child = 2 &* hole &+ 1
                guard child < n else { break }
                let right = child &+ 1
                if right < n && heap[right].runsBefore(heap[child]) { child = right }
                guard heap[child].runsBefore(last) else { break }
                (heap + hole).moveInitialize(from: heap + child, count: 1)
                hole = child
            }
            (heap + hole).initialize(to: last)
            return first
        }
    }

    /// Removes and returns the next event if it happens at or before `horizon`; nil when none
    /// is pending or the next one is after `horizon`.
    ///
    /// - Complexity: O(log `count`)
    @inlinable
    public mutating func popNext(notAfter horizon: Double) -> ScheduledEvent<Payload>? {
        guard let time = nextTime, time <= horizon else { return nil }
        return popNext()
    }

    /// Removes every pending event and restarts the sequence numbers, keeping the capacity, so
    /// a queue reused for the next replication behaves exactly like a new one.
    ///
    /// - Complexity: O(`count`)
    @inlinable
    public mutating func removeAll() {
        makeUnique()
        storage.removeAll()
        nextSequence = 0
    }

    @inlinable @inline(__always)
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy(capacity: capacity)
        }
    }

    @inlinable @inline(__always)
    mutating func makeUniqueWithRoomForOneMore() {
        let full = count == capacity
        if full || !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy(capacity: full ? 2 &* capacity : capacity)
        }
    }

    @inlinable
    var capacity: Int { storage.withUnsafeMutablePointerToHeader { $0.pointee.capacity } }
}

extension EventQueue: @unchecked Sendable where Payload: Sendable {}

extension EventQueue {
    /// Whether every parent runs before its children; for tests.
    ///
    /// - Complexity: O(`count`)
    func satisfiesHeapOrder() -> Bool {
        storage.withUnsafeMutablePointers { header, heap in
            for index in 1..<Swift.max(1, header.pointee.count) where heap[index].runsBefore(heap[(index - 1) / 2]) {
                return false
            }
            return true
        }
    }
}
