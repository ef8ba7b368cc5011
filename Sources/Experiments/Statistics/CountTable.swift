/// How often each whole number in [0, 65536) occurred: how a figure of counts (use cases,
/// production systems, squads, pilots in progress) is kept once its values are too many to keep
/// one by one, and how a summary reads such values without laying them out.
///
/// The table gives every order statistic, so percentiles stay exact however many values there
/// are, and the mean and variance come from exact integer sums rather than a running update,
/// so adding a value is one increment.
struct CountTable: Sendable {
    /// `counts[v - base]`: how often v occurred, for v from `base` to the largest value.
    private(set) var counts: [Int] = []
    /// The smallest value the table has room for: a figure of large but close counts (a
    /// cumulative cost in whole k$: 57,600 in every replication) needs one entry, not 57,601.
    private(set) var base = 0
    private(set) var n = 0

    /// `x` as a table index, or nil when it is not a whole number in [0, 65536) or is −0 (whose
    /// sign a summary's min would show, and a table cannot keep).
    @inline(__always)
    static func index(_ x: Double) -> Int? {
        // One unsigned comparison of the bits admits exactly +0 ≤ x < 65536: −0, negatives and
        // NaN have larger patterns. (`rounded(.down)` is a library call on baseline x86-64, and
        // this runs for every value of every figure.)
        guard x.bitPattern < (65536.0 as Double).bitPattern else { return nil }
        // Adding 2^52 leaves a whole x exact, as the low bits of the sum's significand, and
        // rounds away any fraction (so the difference no longer equals x), with no conversion
        // instruction or range check.
        let shifted = x + 0x1p52
        return shifted - 0x1p52 == x ? Int(truncatingIfNeeded: shifted.bitPattern & 0xFFFF) : nil
    }

    init() {}

    /// The table of values already known to fit, from the smallest to the largest, in one
    /// pass into storage sized once (adding them one by one checked the storage's uniqueness
    /// per value).
    init(_ values: [UInt16]) {
        guard var smallest = values.first else { return }
        var largest = smallest
        for v in values {
            smallest = Swift.min(smallest, v)
            largest = Swift.max(largest, v)
        }
        let base = Int(smallest)
        var counts = [Int](repeating: 0, count: Int(largest) - base + 1)
        counts.withUnsafeMutableBufferPointer { table in
            for v in values { table[Int(v) &- base] &+= 1 }
        }
        self.counts = counts
        self.base = base
        n = values.count
    }

    /// Calls `body` with each value present and how often it occurred, in ascending order.
    @inline(__always)
    func forEachValue(_ body: (_ value: Int, _ count: Int) -> Void) {
        for (offset, count) in counts.enumerated() where count > 0 { body(base &+ offset, count) }
    }

    @inline(__always)
    mutating func add(index i: Int) {
        if UInt(bitPattern: i &- base) >= UInt(counts.count) { makeRoom(for: i) }
        counts[i &- base] &+= 1
        n &+= 1
    }

    /// Widens the table to hold value `i`: from `i` up when it is empty, down when `i` is below
    /// the base, and up otherwise. Downwards it grows by at least its own size (but not below
    /// 0), so that values arriving in descending order do not shift the table once each.
    private mutating func makeRoom(for i: Int) {
        if counts.isEmpty {
            base = i
            counts = [0]
        } else if i < base {
            let newBase = Swift.max(0, Swift.min(i, base - counts.count))
            counts.insert(contentsOf: repeatElement(0, count: base - newBase), at: 0)
            base = newBase
        } else {
            counts.append(contentsOf: repeatElement(0, count: i - base + 1 - counts.count))
        }
    }

    /// Adds `value(k)` for k from `start` while each is nil, NaN (both skipped) or a table
    /// value, in one pass; returns the k of the first it cannot take, or `count`.
    @inline(__always)
    mutating func add(count: Int, from start: Int, _ value: (Int) -> Double?) -> Int {
        var k = start
        // A block often opens with a run of one value (a month-end figure that is the same in
        // every replication of the block: the squads, their cost, nothing yet in early months,
        // a third of a run's month-end columns). The run is counted in one addition after a
        // comparison of bits a value, before the general pass goes on from where it ends.
        if k < count, let first = value(k), let i = Self.index(first), UInt(bitPattern: i &- base) < UInt(counts.count) {
            let bits = first.bitPattern
            var end = k &+ 1
            while end < count, let x = value(end), x.bitPattern == bits { end &+= 1 }
            counts[i &- base] &+= end &- k
            n &+= end &- k
            k = end
        }
        while true {
            var outside = -1  // a value outside the table, to make room for
            var empty = false
            let base = self.base, first = k
            var skipped = 0  // nil and NaN: the values added are the others passed
            counts.withUnsafeMutableBufferPointer { table in
                // The table's start and size, once a block rather than once a value.
                guard let entries = table.baseAddress else { empty = true; return }
                let size = UInt(table.count)
                while k < count {
                    if let x = value(k) {
                        // NaN has no index either, but is skipped rather than ending the pass:
                        // asked only then, it costs nothing on the common path.
                        if let i = Self.index(x) {
                            guard UInt(bitPattern: i &- base) < size else { outside = i; return }
                            entries[i &- base] &+= 1
                        } else if x.isNaN {
                            skipped &+= 1
                        } else {
                            return
                        }
                    } else {
                        skipped &+= 1
                    }
                    k &+= 1
                }
            }
            n &+= k &- first &- skipped
            if empty {  // no room yet: the next value opens the table, or ends the pass
                guard k < count else { return k }
                if let x = value(k) {
                    if let i = Self.index(x) { add(index: i) } else if !x.isNaN { return k }
                }
                k &+= 1
                continue
            }
            guard outside >= 0 else { return k }
            makeRoom(for: outside)
        }
    }

    var min: Double? { counts.firstIndex { $0 > 0 }.map { Double(base + $0) } }
    var max: Double? { counts.lastIndex { $0 > 0 }.map { Double(base + $0) } }

    /// The mean and m2 = Σ (x − mean)² of the values, from their exact sums
    /// (``moments(count:sum:sumOfSquares:)``).
    var moments: (mean: Double, m2: Double) {
        guard n > 0 else { return (0, 0) }
        var sum = 0, squares = 0
        forEachValue { v, c in
            sum &+= v &* c
            squares &+= v &* v &* c
        }
        return Self.moments(count: n, sum: sum, sumOfSquares: squares)
    }

    /// The mean and m2 = Σ (x − mean)² of `n` whole numbers with sum S and sum of squares Q,
    /// the same bits whatever order the numbers came in: the mean is S/n correctly rounded
    /// (S is exact in a double up to 2^53, far beyond any run's n × 65,535), and
    /// m2 = (n·Q − S²)/n, from the exact integer n·Q − S² (no cancellation: 128 bits hold it
    /// for any n a run allows) rounded once to a double and divided once.
    static func moments(count n: Int, sum: Int, sumOfSquares: Int) -> (mean: Double, m2: Double) {
        let numerator = Int128(n) * Int128(sumOfSquares) - Int128(sum) * Int128(sum)
        return (Double(sum) / Double(n), Double(numerator) / Double(n))
    }

    /// The k-th smallest value (0-based) for any k, by binary search over running totals
    /// built once: a summary asks for a dozen.
    var orderStatistics: (Int) -> Double {
        var ends = counts
        for v in ends.indices.dropFirst() { ends[v] &+= ends[v - 1] }  // ends[v]: values ≤ base + v
        let base = self.base
        return { k in
            var low = 0, high = ends.count - 1
            while low < high {
                let mid = (low + high) / 2
                if ends[mid] > k { high = mid } else { low = mid + 1 }
            }
            return Double(base + low)
        }
    }

    /// Whether summarizing from the table beats selecting from the values: its scans cost
    /// about two instructions per entry (from the smallest value to the largest), laying the
    /// doubles out and selecting from them about forty a value, so a table up to 16 entries per
    /// value is still the cheaper.
    var isDense: Bool { counts.count <= 16 * n }
}
