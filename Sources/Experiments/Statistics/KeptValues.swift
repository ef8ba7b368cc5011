/// The values a ``StreamingSummary`` keeps while it is exact, in arrival order, in as little
/// memory as they allow.
///
/// A million-replication run keeps up to the exact limit (50,000) values of each of its ~520
/// figures (39 per replication and 8 month-end series × 60 months), and most of them are counts:
/// use cases, production systems, squads, pilots in progress. So values are kept in two bytes
/// while every one is a whole number in [0, 65536) other than −0, and widened to eight-byte
/// doubles at the first that is not. `Double(UInt16)` gives back the value that was added bit
/// for bit, so every summary is the one the doubles would give. Storage grows by doubling but
/// never past the limit (a doubling from 32,768 would hold 65,536 where 50,000 are kept).
struct KeptValues: Sendable {
    /// The values while all are small whole numbers.
    private var small: [UInt16] = []
    /// The values once one is not (then `small` is empty).
    private var wide: [Double] = []
    private(set) var isWide = false
    /// The most values ever kept: the storage never grows beyond it.
    let limit: Int

    /// - Parameter expected: values expected; room for up to `limit` of them is reserved.
    init(limit: Int, reserving expected: Int = 0) {
        self.limit = limit
        if expected > 0 { small.reserveCapacity(Swift.min(expected, limit)) }
    }

    var count: Int { isWide ? wide.count : small.count }

    /// `x` as a kept small value, or nil when it needs a double.
    @inline(__always)
    static func small(_ x: Double) -> UInt16? {
        CountTable.index(x).map { UInt16(truncatingIfNeeded: $0) }
    }

    /// The capacity to grow to when `needed` values must fit: double, but never past the limit.
    @inline(__always)
    private static func grown(_ capacity: Int, toHold needed: Int, limit: Int) -> Int {
        Swift.min(Swift.max(limit, needed), Swift.max(needed, 2 * capacity))
    }

    /// Adds one value (not NaN).
    @inline(__always)
    mutating func append(_ x: Double) {
        if !isWide, let s = Self.small(x) {
            if small.count == small.capacity { small.reserveCapacity(Self.grown(small.capacity, toHold: small.count + 1, limit: limit)) }
            small.append(s)
            return
        }
        if !isWide { widen(toHold: small.count + 1) }
        if wide.count == wide.capacity { wide.reserveCapacity(Self.grown(wide.capacity, toHold: wide.count + 1, limit: limit)) }
        wide.append(x)
    }

    /// Adds `value(k)` for k in 0..<count in order, skipping nil and NaN, in one pass over
    /// the storage (one check that it is unshared rather than one per value).
    @inline(__always)
    mutating func append(count: Int, _ value: (Int) -> Double?) {
        var k = 0
        if !isWide {
            k = Self.fill(&small, count: count, from: 0, limit: limit, value, keeping: Self.small)
            if k == count { return }
            widen(toHold: small.count + count - k)
        }
        _ = Self.fill(&wide, count: count, from: k, limit: limit, value) { $0.isNaN ? nil : $0 }
    }

    /// Appends `keeping(value(k))` for k from `start` to `storage`, skipping nil and NaN and
    /// stopping at the first other value `keeping` refuses (it must refuse NaN); returns that
    /// k, or `count`. The values are gathered on the stack and appended in one copy (growing
    /// the array with zeros to write into, then cutting it back, cost about three hundred
    /// instructions a call).
    @inline(__always)
    private static func fill<Kept: AdditiveArithmetic>(
        _ storage: inout [Kept], count: Int, from start: Int, limit: Int,
        _ value: (Int) -> Double?, keeping: (Double) -> Kept?) -> Int {
        let first = storage.count, room = count - start
        if storage.capacity < first + room {
            storage.reserveCapacity(grown(storage.capacity, toHold: first + room, limit: limit))
        }
        return withUnsafeTemporaryAllocation(of: Kept.self, capacity: room) { gathered in
            var k = start, end = 0
            while k < count {
                if let x = value(k) {
                    // `keeping` declines NaN too, which is skipped rather than ending the pass:
                    // asked only then, it costs nothing on the common path.
                    if let v = keeping(x) {
                        gathered.initializeElement(at: end, to: v)
                        end &+= 1
                    } else if !x.isNaN {
                        break
                    }
                }
                k &+= 1
            }
            storage.append(contentsOf: UnsafeBufferPointer(rebasing: gathered[..<end]))
            return k
        }
    }

    /// Moves the small values to doubles, with room for `needed` values.
    private mutating func widen(toHold needed: Int) {
        wide.reserveCapacity(Swift.max(small.capacity, needed))
        for s in small { wide.append(Double(s)) }
        small = []
        isWide = true
    }

    /// Calls `body` with every value in arrival order.
    @inline(__always)
    func forEach(_ body: (Double) -> Void) {
        if isWide {
            for x in wide { body(x) }
        } else {
            for s in small { body(Double(s)) }
        }
    }

    /// Whether a ``CountTable`` can keep every value.
    var allCountable: Bool {
        isWide ? wide.allSatisfy { CountTable.index($0) != nil } : true
    }

    /// Their summary, `Summary(values:)` of the doubles in arrival order to the bit; while the
    /// values are small and dense (a few hundred replications of counts under 100, say) they
    /// are summarized from a count table, without laying out doubles.
    func summary() -> Summary {
        guard !isWide else { return Summary(defined: wide) }  // NaN is never kept
        let table = CountTable(small)
        return table.isDense ? Summary(counted: table) : Summary(defined: small.map(Double.init))
    }

    /// The mean and m2 = Σ (x − mean)² that `summary()` rests on (at least one value).
    var moments: (mean: Double, m2: Double) {
        guard !isWide else { return wide.withUnsafeBufferPointer { Summary.moments($0).moments } }
        var sum = 0, squares = 0
        for s in small {
            let v = Int(s)
            sum &+= v
            squares &+= v &* v
        }
        return CountTable.moments(count: small.count, sum: sum, sumOfSquares: squares)
    }

    /// The storage in bytes (capacity, not count): what a run's memory is made of.
    var storageBytes: Int {
        small.capacity * MemoryLayout<UInt16>.stride + wide.capacity * MemoryLayout<Double>.stride
    }
}
