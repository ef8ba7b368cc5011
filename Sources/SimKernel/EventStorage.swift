/// The buffer behind ``EventQueue``: a header (how many events, room for how many), then the
/// events, of which the first `count` are initialized.
///
/// This is the kernel's one piece of unsafe memory handling, confined here and to the heap
/// operations of `EventQueue` that move elements with `moveInitialize`: every slot below
/// `count` holds an event, every slot from `count` to `capacity` is uninitialized. It removes
/// the bounds checks, optional wrapping and repeated uniqueness checks an `Array` would make on
/// every step of a sift. The header is only reached through its pointer, never as a stored
/// property of the class, which would cost a dynamic exclusivity check on every access.
@usableFromInline
final class EventStorage<Payload>: ManagedBuffer<EventStorageHeader, ScheduledEvent<Payload>> {
    /// A new, empty buffer with room for at least `capacity` events.
    @inlinable
    static func create(capacity: Int) -> EventStorage<Payload> {
        let buffer = Self.create(minimumCapacity: capacity) { _ in
            EventStorageHeader(count: 0, capacity: capacity)
        }
        return unsafeDowncast(buffer, to: EventStorage<Payload>.self)
    }

    /// A new buffer holding the same events, with room for at least `capacity`.
    @inlinable
    func copy(capacity newCapacity: Int) -> EventStorage<Payload> {
        withUnsafeMutablePointers { header, source in
            let count = header.pointee.count
            let copy = EventStorage.create(capacity: Swift.max(newCapacity, count))
            copy.withUnsafeMutablePointers { copyHeader, target in
                target.initialize(from: source, count: count)
                copyHeader.pointee.count = count
            }
            return copy
        }
    }

    @inlinable
    func removeAll() {
        withUnsafeMutablePointers { header, events in
            let count = header.pointee.count
            header.pointee.count = 0
            events.deinitialize(count: count)
        }
    }

    @inlinable
    deinit {
        removeAll()
    }
}

/// How many events an ``EventStorage`` holds and has room for.
@usableFromInline
struct EventStorageHeader {
    @usableFromInline var count: Int
    @usableFromInline var capacity: Int

    @inlinable
    init(count: Int, capacity: Int) {
        self.count = count
        self.capacity = capacity
    }
}
