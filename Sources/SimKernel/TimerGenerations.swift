/// Lazy cancellation for the event list.
///
/// Removing an event from the middle of a heap is costly; instead every owner of timers (a
/// squad, a use case: any entity with an `Int` index) has a generation number. An event
/// carries the generation it was scheduled under; ``invalidate(_:)`` bumps the owner's
/// generation, so every event it has pending becomes stale and is skipped when popped.
///
///     var timers = TimerGenerations(count: 4)
///     let stamp = timers.current(2)        // store in the event's payload
///     timers.invalidate(2)                 // cancels all of owner 2's pending events
///     timers.isCurrent(2, stamp)           // false: skip the event when it pops
public struct TimerGenerations: Sendable {
    @usableFromInline
    var generations: ContiguousArray<UInt32>

    /// Creates generations for owners `0..<count`, all at zero.
    ///
    /// - Complexity: O(`count`)
    @inlinable
    public init(count: Int) {
        generations = ContiguousArray(repeating: 0, count: count)
    }

    /// Sets every owner of `0..<count` back to generation zero, for the next replication.
    ///
    /// - Complexity: O(`count`)
    @inlinable
    public mutating func reset(count: Int) {
        generations.removeAll(keepingCapacity: true)
        generations.append(contentsOf: repeatElement(0, count: count))
    }

    /// The number of owners.
    @inlinable
    public var count: Int { generations.count }

    /// The generation to stamp on an event `owner` schedules now.
    ///
    /// - Complexity: O(1)
    @inlinable
    public func current(_ owner: Int) -> UInt32 {
        generations[owner]
    }

    /// Makes every event `owner` has pending stale. Generations wrap after 2³² invalidations.
    ///
    /// - Complexity: O(1)
    @inlinable
    public mutating func invalidate(_ owner: Int) {
        generations[owner] &+= 1
    }

    /// Whether an event of `owner` stamped `stamp` is still live.
    ///
    /// - Complexity: O(1)
    @inlinable
    public func isCurrent(_ owner: Int, _ stamp: UInt32) -> Bool {
        generations[owner] == stamp
    }
}
