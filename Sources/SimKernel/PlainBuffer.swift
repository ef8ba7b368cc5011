/// The memory behind ``EventQueue`` and ``EntityTable``: room for `capacity` plain values,
/// allocated once and freed with the buffer.
///
/// This is the kernel's one piece of unsafe memory handling. It holds bitwise-copyable values
/// only, so slots need no initialization or deinitialization: its owner reads and writes them
/// like array elements, without the uniqueness checks and optional wrapping an `Array` would
/// add to every write. Which slots are in use is the owner's business (its `count`, and its
/// bounds checks); the buffer is shared by copies of the owner until the owner decides it must
/// copy it (`copy(count:capacity:)`).
@usableFromInline
final class PlainBuffer<Element: BitwiseCopyable> {
    @usableFromInline let slots: UnsafeMutablePointer<Element>
    @usableFromInline let capacity: Int

    @inlinable
    init(capacity: Int) {
        self.capacity = capacity
        slots = .allocate(capacity: capacity)
    }

    /// A new buffer with room for `capacity` and the first `count` values of this one.
    @inlinable
    func copy(count: Int, capacity newCapacity: Int) -> PlainBuffer<Element> {
        let copy = PlainBuffer(capacity: Swift.max(newCapacity, count))
        copy.slots.update(from: slots, count: count)
        return copy
    }

    @inlinable
    deinit {
        slots.deallocate()
    }
}
