/// How often each whole number in [0, 65536) occurred: how a figure of counts (use cases,
/// production systems, squads, pilots in progress) is kept once its values are too many to keep
/// one by one, and how such values are sorted.
///
/// The table gives every order statistic, so percentiles stay exact however many values there
/// are, and the mean and variance come from exact integer sums rather than a running update,
/// so adding a value is one increment.
struct CountTable: Sendable {
    /// `counts[v]`: how often v occurred; no longer than the largest value plus one.
    private(set) var counts: [Int] = []
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

    /// The table of values already known to fit, in one pass into storage sized once (adding
    /// them one by one checked the storage's uniqueness per value).
    init(_ values: [UInt16]) {
        guard let largest = values.max() else { return }
        var counts = [Int](repeating: 0, count: Int(largest) + 1)
        counts.withUnsafeMutableBufferPointer { table in
            for v in values { table[Int(v)] &+= 1 }
        }
        self.counts = counts
        n = values.count
    }

    @inline(__always)
    mutating func add(index i: Int) {
        if i >= counts.count { counts.append(contentsOf: repeatElement(0, count: i + 1 - counts.count)) }
        counts[i] &+= 1
        n &+= 1
    }

    /// Adds `value(k)` for k from `start` while each is nil, NaN (both skipped) or a table
    /// value, in one pass; returns the k of the first it cannot take, or `count`.
    @inline(__always)
    mutating func add(count: Int, from start: Int, _ value: (Int) -> Double?) -> Int {
        var k = start
        while true {
            var beyond = -1  // a value past the table's end, to make room for
            var added = 0
            counts.withUnsafeMutableBufferPointer { table in
                while k < count {
                    if let x = value(k), !x.isNaN {
                        guard let i = Self.index(x) else { return }
                        guard i < table.count else { beyond = i; return }
                        table[i] &+= 1
                        added &+= 1
                    }
                    k &+= 1
                }
            }
            n &+= added
            guard beyond >= 0 else { return k }
            counts.append(contentsOf: repeatElement(0, count: beyond + 1 - counts.count))
        }
    }

    var min: Double? { counts.firstIndex { $0 > 0 }.map(Double.init) }
    var max: Double? { counts.lastIndex { $0 > 0 }.map(Double.init) }

    /// The mean, the correctly rounded S/n of the exact integer sum S (exact in a double up to
    /// 2^53, far beyond any run's n × 65535), and m2 = Σ (x − mean)² summed value by value in
    /// ascending order, which loses nothing to cancellation.
    var moments: (mean: Double, m2: Double) {
        guard n > 0 else { return (0, 0) }
        var sum = 0
        for (v, c) in counts.enumerated() where c > 0 { sum &+= v &* c }
        let mean = Double(sum) / Double(n)
        var m2 = 0.0
        for (v, c) in counts.enumerated() where c > 0 {
            let d = Double(v) - mean
            m2 += Double(c) * d * d
        }
        return (mean, m2)
    }

    /// The k-th smallest value (0-based) for any k, by binary search over running totals
    /// built once: a summary asks for a dozen.
    var orderStatistics: (Int) -> Double {
        var ends = counts
        for v in ends.indices.dropFirst() { ends[v] &+= ends[v - 1] }  // ends[v]: values ≤ v
        return { k in
            var low = 0, high = ends.count - 1
            while low < high {
                let mid = (low + high) / 2
                if ends[mid] > k { high = mid } else { low = mid + 1 }
            }
            return Double(low)
        }
    }

    /// numpy's linear percentiles of the sorted values the table stands for, to the bit (the
    /// running totals built once for all of them).
    func percentiles(_ qs: [Double]) -> [Double] {
        let orderStatistic = orderStatistics
        return qs.map { Percentile.linear(count: n, $0, orderStatistic: orderStatistic) }
    }

    /// Whether summarizing from the table beats sorting the values: its scans cost about two
    /// instructions per entry (the largest value plus one) and five per value, the radix sort
    /// about eighty per value, so a table up to 16 entries per value is still the cheaper.
    /// (Cumulative costs in whole k$ run to tens of thousands: counts, but sparse ones.)
    var isDense: Bool { counts.count <= 16 * n }

    /// The values in ascending order.
    var sortedValues: [Double] {
        var sorted: [Double] = []
        sorted.reserveCapacity(n)
        for (value, count) in counts.enumerated() where count > 0 {
            sorted.append(contentsOf: repeatElement(Double(value), count: count))
        }
        return sorted
    }
}
