/// The memory behind ``EventQueue``: room for `capacity` plain values, allocated once and
/// freed with the buffer.
///
/// This is the kernel's one piece of unsafe memory handling. It holds bitwise-copyable values
/// only, so slots need no initialization or deinitialization: the queue reads and writes them
/// like array elements, without the bounds checks, uniqueness checks and optional wrapping an
/// `Array` would add to every step of a sift. Which slots are in use is the queue's business
/// (its `count`); the buffer is shared by copies of a queue until one of them writes, when the
/// queue copies it (`copy(count:capacity:)`).
@usableFromInline
final class EventBuffer<Element: BitwiseCopyable> {
    @usableFromInline let events: UnsafeMutablePointer<Element>
    @usableFromInline let capacity: Int

    @inlinable
    init(capacity: Int) {
        self.capacity = capacity
        events = .allocate(capacity: capacity)
    }

    /// A new buffer with room for `capacity` and the first `count` values of this one.
    @inlinable
    func copy(count: Int, capacity newCapacity: Int) -> EventBuffer<Element> {
        let copy = EventBuffer(capacity: Swift.max(newCapacity, count))
        copy.events.update(from: events, count: count)
        return copy
    }

    @inlinable
    deinit {
        events.deallocate()
    }
}
