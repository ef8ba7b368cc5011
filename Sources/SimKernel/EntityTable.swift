/// A growable table of plain records, one row per entity of a simulation (customers, jobs,
/// orders), whose rows are changed in place without the uniqueness check an `Array` makes on
/// every write.
///
///     struct Job { var arrival: Double; var done = false }
///     var jobs = EntityTable<Job>()
///     jobs.append(Job(arrival: 0.5))
///     jobs[0].done = true        // a store, no copy-on-write check
///     jobs.removeAll()           // the next run starts empty, keeping the capacity
///
/// Writing a row does not need the table to be `var` (the subscript's setter is nonmutating),
/// so a table behaves like a reference to its rows: **copies share rows** until one of them
/// appends or empties itself, when it takes rows of its own if they were shared. An owner that
/// empties its table at the start of each run (as a replication does) therefore stays
/// independent of any copy made between runs, at one uniqueness check per run instead of one
/// per write. Do not write to two copies of a table during the same run.
///
/// The rows live in a ``PlainBuffer``; reads and writes are bounds-checked.
public struct EntityTable<Element: BitwiseCopyable>: RandomAccessCollection {
    @usableFromInline
    var buffer: PlainBuffer<Element>

    @usableFromInline
    var _count: Int

    /// An empty table with room for `reservingCapacity` rows.
    ///
    /// - Complexity: O(1) (one allocation).
    @inlinable
    public init(reservingCapacity: Int = 0) {
        buffer = PlainBuffer(capacity: Swift.max(8, reservingCapacity))
        _count = 0
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { _count }
    @inlinable public var count: Int { _count }

    /// The row at `index`, read or written in place.
    ///
    /// - Complexity: O(1)
    @inlinable
    public subscript(index: Int) -> Element {
        unsafeAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: _count), "entity index out of range")
            return UnsafePointer(buffer.slots + index)
        }
        nonmutating unsafeMutableAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: _count), "entity index out of range")
            return buffer.slots + index
        }
    }

    /// Adds a row at the end; its index is the old `count`.
    ///
    /// - Complexity: amortized O(1)
    @inlinable
    public mutating func append(_ row: Element) {
        if _count == buffer.capacity || !isKnownUniquelyReferenced(&buffer) {
            buffer = buffer.copy(count: _count, capacity: _count == buffer.capacity ? 2 &* buffer.capacity : buffer.capacity)
        }
        buffer.slots[_count] = row
        _count &+= 1
    }

    /// Removes every row, keeping the capacity; rows shared with a copy are left to the copy.
    ///
    /// - Complexity: O(1)
    @inlinable
    public mutating func removeAll() {
        if !isKnownUniquelyReferenced(&buffer) {
            buffer = PlainBuffer(capacity: buffer.capacity)
        }
        _count = 0
    }
}
