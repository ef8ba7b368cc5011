/// One entry of the future event list: when it happens, its tie-breaking sequence number and
/// what it is.
///
/// Keep `Payload` a small plain value (an enum of event kinds with integer indices into side
/// tables); class references, strings and existentials in events roughly double the cost of
/// the event list.
///
/// Times are at least 0, as on a simulation clock that starts at 0. The bits of a non-negative
/// `Double` then order as unsigned integers do, so (time, sequence) compares as one 128-bit
/// integer: a compare and a subtract-with-borrow, where comparing the `Double` and then the
/// sequence took two floating comparisons, their parity flags and a branch or three more
/// instructions at every level of a sift. −0 is stored as +0 (they are the same time, and only
/// +0 has the sign bit clear).
public struct ScheduledEvent<Payload> {
    /// The simulated time of the event, at least 0.
    public let time: Double
    /// The order in which the event was scheduled; breaks ties between equal times.
    public let sequence: UInt64
    /// What happens.
    public var payload: Payload

    /// - Precondition: `time >= 0` (which NaN is not).
    @inlinable @inline(__always)
    public init(time: Double, sequence: UInt64, payload: Payload) {
        precondition(time >= 0, "an event time must be at least 0")
        self.time = time + 0
        self.sequence = sequence
        self.payload = payload
    }

    /// (time, sequence) as one number, what the heap orders by: the bits of a time ≥ +0 are
    /// in the order of the times.
    @inlinable @inline(__always)
    var order: UInt128 { UInt128(time.bitPattern) &<< 64 | UInt128(sequence) }

    /// Whether `self` runs before `other`: earlier time first, then earlier scheduling.
    @inlinable @inline(__always)
    func runsBefore(_ other: ScheduledEvent<Payload>) -> Bool {
        order < other.order
    }
}

extension ScheduledEvent: Sendable where Payload: Sendable {}
extension ScheduledEvent: BitwiseCopyable where Payload: BitwiseCopyable {}
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
/// The heap lives in one ``PlainBuffer`` (the kernel's one piece of unsafe memory, in
/// `PlainBuffer.swift`) and moves a hole rather than swapping elements; payloads are plain
/// bitwise-copyable values, as STYLE.md asks of events anyway, so moving one is a plain copy
/// and the buffer never deinitializes anything. Copies of a queue share the buffer until one
/// of them changes (copy on write), like an `Array`. The hot paths are `@inlinable` so that
/// they are specialized for the concrete payload in the calling module.
///
/// A pop leaves its slot at the root empty and the heap is mended by the next operation: a
/// handler usually schedules something, and the new event then drops into the root and sifts
/// down, one pass where a pop and a schedule would take a sift-down and a sift-up. Only the
/// order of (time, sequence) keys decides what comes out, so this changes no result.
public struct EventQueue<Payload: BitwiseCopyable> {
    @usableFromInline
    var buffer: PlainBuffer<ScheduledEvent<Payload>>

    /// `buffer.slots[0..<_count]` is the heap, in level order (the children of `i` are at
    /// `2i + 1` and `2i + 2`), its root included even when that slot is vacant.
    @usableFromInline
    var _count: Int

    /// Whether the root slot was handed out by the last pop and not filled since: the pending
    /// events are then the two subtrees below it.
    @usableFromInline
    var rootIsVacant: Bool

    /// The sequence number the next scheduled event gets.
    @usableFromInline
    var nextSequence: UInt64

    /// Creates an empty event list with room for `reservingCapacity` events.
    ///
    /// - Complexity: O(1) (one allocation).
    @inlinable
    public init(reservingCapacity: Int = 0) {
        buffer = PlainBuffer(capacity: Swift.max(16, reservingCapacity))
        _count = 0
        rootIsVacant = false
        nextSequence = 0
    }

    /// The number of pending events.
    ///
    /// - Complexity: O(1)
    @inlinable
    public var count: Int { rootIsVacant ? _count &- 1 : _count }

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
        guard rootIsVacant else { return _count > 0 ? buffer.slots[0].time : nil }
        // The root's children head their subtrees.
        guard _count > 1 else { return nil }
        let heap = buffer.slots
        return _count > 2 && heap[2].runsBefore(heap[1]) ? heap[2].time : heap[1].time
    }

    /// Schedules `payload` at `time`, after every event already scheduled at that same time.
    ///
    /// - Precondition: `time >= 0`.
    ///
    /// - Complexity: O(log `count`); amortized O(1) for the growth of the buffer.
    @inlinable @inline(__always)
    public mutating func schedule(at time: Double, _ payload: Payload) {
        let event = ScheduledEvent(time: time, sequence: nextSequence, payload: payload)
        nextSequence &+= 1
        if rootIsVacant {
            if !isKnownUniquelyReferenced(&buffer) { replaceBuffer(count: _count, capacity: buffer.capacity) }
            rootIsVacant = false
            siftDown(event)
            return
        }
        if _count == buffer.capacity || !isKnownUniquelyReferenced(&buffer) {
            replaceBuffer(count: _count, capacity: _count == buffer.capacity ? 2 &* buffer.capacity : buffer.capacity)
        }
        let heap = buffer.slots
        var hole = _count
        _count &+= 1
        while hole > 0 {
            let parent = (hole &- 1) &>> 1
            guard event.runsBefore(heap[parent]) else { break }
            heap[hole] = heap[parent]
            hole = parent
        }
        heap[hole] = event
    }

    /// Copies the first `count` slots into a new buffer of `capacity`: when the buffer is full
    /// or shared. Out of line, so the schedules and pops inlined into every caller stay short.
    @inlinable @inline(never)
    mutating func replaceBuffer(count: Int, capacity: Int) {
        buffer = buffer.copy(count: count, capacity: capacity)
    }

    /// Removes and returns the next event, or nil when none is pending.
    ///
    /// - Complexity: O(log `count`)
    @inlinable @inline(__always)
    public mutating func popNext() -> ScheduledEvent<Payload>? {
        if rootIsVacant { fillVacantRoot() }
        guard _count > 0 else { return nil }
        // Read only: the slot is mended by whoever comes next.
        rootIsVacant = true
        return buffer.slots[0]
    }

    /// Removes the vacant root for good: the last event moves down from there.
    @inlinable @inline(__always)
    mutating func fillVacantRoot() {
        rootIsVacant = false
        _count &-= 1
        guard _count > 0 else { return }
        if !isKnownUniquelyReferenced(&buffer) { replaceBuffer(count: _count &+ 1, capacity: buffer.capacity) }
        siftDown(buffer.slots[_count])
    }

    /// Puts `event` in the root slot (which must be free to overwrite) and moves it down over
    /// `buffer.slots[0..<_count]` until it runs before both its children.
    @inlinable @inline(__always)
    mutating func siftDown(_ event: ScheduledEvent<Payload>) {
        let heap = buffer.slots
        let n = _count
        var hole = 0
        while true {
            var child = 2 &* hole &+ 1
            guard child < n else { break }
            let right = child &+ 1
            if right < n { child &+= heap[right].runsBefore(heap[child]) ? 1 : 0 }
            guard heap[child].runsBefore(event) else { break }
            heap[hole] = heap[child]
            hole = child
        }
        heap[hole] = event
    }

    /// Removes and returns the next event if it happens at or before `horizon`; nil when none
    /// is pending or the next one is after `horizon`.
    ///
    /// - Complexity: O(log `count`)
    @inlinable @inline(__always)
    public mutating func popNext(notAfter horizon: Double) -> ScheduledEvent<Payload>? {
        if rootIsVacant { fillVacantRoot() }
        guard _count > 0 && buffer.slots[0].time <= horizon else { return nil }
        rootIsVacant = true
        return buffer.slots[0]
    }

    /// Removes every pending event and restarts the sequence numbers, keeping the capacity, so
    /// a queue reused for the next replication behaves exactly like a new one.
    ///
    /// - Complexity: O(1)
    @inlinable
    public mutating func removeAll() {
        _count = 0
        rootIsVacant = false
        nextSequence = 0
    }
}

extension EventQueue: @unchecked Sendable where Payload: Sendable {}

extension EventQueue {
    /// Whether every parent runs before its children; for tests.
    ///
    /// - Complexity: O(`count`)
    func satisfiesHeapOrder() -> Bool {
        let heap = buffer.slots
        for index in 1..<Swift.max(1, _count) where heap[index].runsBefore(heap[(index - 1) / 2]) {
            if rootIsVacant && index <= 2 { continue }
            return false
        }
        return true
    }
}
