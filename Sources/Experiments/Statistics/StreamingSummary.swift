/// A `Summary` built one value at a time, in bounded memory.
///
/// Up to `exactLimit` defined values it keeps them all (two bytes each for counts:
/// ``KeptValues``) and gives exactly `Summary(values:)` of the values as they came. Past that:
/// - figures whose values are all whole numbers in [0, 65536) (counts: use cases, production
///   systems, squads, pilots in progress) go to a ``CountTable``: every order statistic, so the
///   numpy-style percentiles stay exact, and mean and variance from exact integer sums. Adding
///   a value is one increment, which is what keeps a million-replication run's statistics cheap;
/// - other figures keep the mean and variance running (the sums of deviations from the mean of
///   the values kept until then, and of their squares, in arrival order, so still
///   reproducible), min and max exact, and percentiles from a `QuantileSketch`, whose rank
///   error is bounded by `percentileRankErrorBound`. A count figure that meets a value a table
///   cannot keep moves to this mode, its moments starting from the table's.
///
/// A summary made `countingFirst` counts its values in the table from the start, as long as
/// they are all such whole numbers and fewer than the exact limit, and keeps them only from
/// the first value that is not (the counted ones first, in ascending order, then that one and
/// the rest). While every value is counted its `summary()` is `Summary(values:)` to the byte,
/// because a count's moments come from exact integer sums, the same in any order; but the
/// values it holds take a few hundred bytes rather than two bytes each, and adding one is an
/// increment. The month-end figures of a run are made so: 480 a replication, mostly counts.
/// For a figure that meets a fraction, what differs from the values as they came is the
/// order in which the counted ones are summed afterwards (ascending, then as they came): the
/// last bits of its mean and spread, and, if it passes the limit later, its sketch (within
/// the rank bound). It is as reproducible: the fraction is met at the same replication
/// whatever the thread count or chunk size.
public struct StreamingSummary: Sendable {
    public static let defaultExactLimit = 50_000

    /// How the values are kept; `values` (or `tally`, counting first) until the exact limit
    /// is passed.
    enum Mode: UInt8, Sendable { case values, tally, counts, sketch }

    public let exactLimit: Int
    /// The values expected (0 when not known): room for them is reserved when keeping starts.
    private let expected: Int
    private var mode = Mode.values
    private var kept: KeptValues
    private var table = CountTable()
    private var sketch = QuantileSketch()
    // Running moments of the sketch mode: the values' sums of deviations from a shift (the
    // mean of the values before it) and of their squares.
    private var n = 0
    private var shift = 0.0
    private var deviations = 0.0
    private var squares = 0.0
    private var min = Double.infinity
    private var max = -Double.infinity

    /// - Parameter reserving: values expected; room for as many as will be kept is reserved.
    /// - Parameter countingFirst: count the values while they are small whole numbers (see
    ///   above); room is reserved only when keeping starts. (That saves the copies of growing,
    ///   which missed the cache on every line. Under glibc's default settings each reservation
    ///   was mapped afresh and handed back, 21,100 page faults in a 20,000-replication run
    ///   against 5,500; `execsim` keeps freed memory for reuse, see `AllocatorSettings`.)
    public init(exactLimit: Int = StreamingSummary.defaultExactLimit, reserving expected: Int = 0,
                countingFirst: Bool = false) {
        self.exactLimit = exactLimit
        self.expected = expected
        kept = KeptValues(limit: exactLimit, reserving: countingFirst ? 0 : expected)
        if countingFirst { mode = .tally }
    }

    /// Undefined (nil) and NaN values are skipped, as `Summary` does.
    @inline(__always)
    public mutating func add(_ value: Double?) {
        guard let x = value, !x.isNaN else { return }
        switch mode {
        case .values:
            if kept.count < exactLimit {
                kept.append(x)  // the common case: just keep it
            } else {
                leaveExactMode()
                add(x)
            }
        case .tally:
            if table.n == exactLimit {
                mode = .counts  // the table leaving exact mode holds just these counts
                add(x)
            } else if let i = CountTable.index(x) {
                table.add(index: i)
            } else {
                startKeeping()
                kept.append(x)
            }
        case .counts:
            if let i = CountTable.index(x) {
                table.add(index: i)
            } else {
                leaveCountMode()
                addToSketch(x)
            }
        case .sketch:
            addToSketch(x)
        }
    }

    /// Adds `count` values in order, the k-th being `value(k)`: the same as adding them one
    /// by one, but in one pass while they are kept or counted.
    @inline(__always)
    public mutating func add(count: Int, _ value: (Int) -> Double?) {
        var k = 0
        if mode == .values {
            guard kept.count + count <= exactLimit else {
                for k in 0..<count { add(value(k)) }
                return
            }
            kept.append(count: count, value)
            return
        }
        if mode == .tally && table.n + count > exactLimit {
            for k in 0..<count { add(value(k)) }  // the limit falls inside this block
            return
        }
        if mode == .tally || mode == .counts {
            k = table.add(count: count, from: 0, value)
        }
        if mode == .sketch {
            // Past the limit, the common case for figures that are not counts: straight into
            // the moments and, in one append, the sketch, without asking each value's mode again.
            withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { gathered in
                var defined = 0
                for k in 0..<count {
                    if let x = value(k), !x.isNaN {
                        addToMoments(x)
                        gathered.initializeElement(at: defined, to: x)
                        defined &+= 1
                    }
                }
                sketch.add(contentsOf: UnsafeBufferPointer(rebasing: gathered[..<defined]))
            }
            return
        }
        while k < count {
            add(value(k))
            k += 1
        }
    }

    /// The exact limit is passed: the kept values go to a count table when they all can, else
    /// to the sketch with running moments.
    private mutating func leaveExactMode() {
        if kept.allCountable {
            kept.forEach { table.add(index: Int($0)) }
            mode = .counts
        } else {
            startMoments(count: kept.count, kept.moments)
            kept.forEach { x in
                if x < min { min = x }
                if x > max { max = x }
                sketch.add(x)
            }
            mode = .sketch
        }
        kept = KeptValues(limit: exactLimit)
    }

    /// A figure counting first met a value the table cannot keep, below the exact limit: from
    /// now on its values are kept, the counted ones first, in ascending order.
    private mutating func startKeeping() {
        kept = KeptValues(limit: exactLimit, reserving: expected)
        table.forEachValue { value, count in
            for _ in 0..<count { kept.append(Double(value)) }
        }
        table = CountTable()
        mode = .values
    }

    /// A count figure met a value the table cannot keep: its moments and the sketch start from
    /// the table.
    private mutating func leaveCountMode() {
        startMoments(count: table.n, table.moments)
        min = table.min ?? .infinity
        max = table.max ?? -.infinity
        table.forEachValue { value, count in
            for _ in 0..<count { sketch.add(Double(value)) }
        }
        table = CountTable()
        mode = .sketch
    }

    @inline(__always)
    private mutating func addToSketch(_ x: Double) {
        addToMoments(x)
        sketch.add(x)
    }

    /// The sketch mode's moments start from those of the `count` values before it: their mean
    /// is the shift, and their m2 the squares so far.
    private mutating func startMoments(count: Int, _ moments: (mean: Double, m2: Double)) {
        (n, shift, deviations, squares) = (count, moments.mean, 0, moments.m2)
    }

    /// The running moments of the sketch mode (sums of deviations from the shift and of their
    /// squares, in arrival order: the corrected two-pass algorithm around a mean known from
    /// the first 50,000 values, rather than Welford's update, whose division a value made a
    /// chain of about twenty cycles a value per figure), min and max.
    @inline(__always)
    private mutating func addToMoments(_ x: Double) {
        n &+= 1
        let d = x - shift
        deviations += d
        squares += d * d
        if x < min { min = x }
        if x > max { max = x }
    }

    /// The mean and m2 = Σ (x − mean)² of the sketch mode.
    private var sketchMoments: (mean: Double, m2: Double) {
        let count = Double(n)
        return (shift + deviations / count, squares - deviations * deviations / count)
    }

    /// The mean and the 95% confidence half-width t(0.975, n − 1)·s/√n of the values so far,
    /// as `summary()` would give them, without sorting: nil where undefined (no value for the
    /// mean, fewer than two for the half-width). For stopping rules, checked after each block.
    ///
    /// - Complexity: O(n) while every value is kept, O(distinct values) when counted, O(1) after.
    public var meanAndHalfWidth: (mean: Double?, halfWidth: Double?) {
        let count: Int, mean: Double, m2: Double
        switch mode {
        case .values:
            count = kept.count
            guard count > 0 else { return (nil, nil) }
            (mean, m2) = kept.moments
        case .tally, .counts:
            count = table.n
            guard count > 0 else { return (nil, nil) }
            (mean, m2) = table.moments
        case .sketch:
            count = n
            (mean, m2) = sketchMoments
        }
        guard count > 1 else { return (mean, nil) }
        return (mean, Summary.spread(count: count, m2: m2).halfWidth)
    }

    /// The bytes of values kept for exact percentiles (capacity, not count).
    var keptBytes: Int { kept.storageBytes }

    /// Whether percentiles are estimated (by the sketch) rather than exact.
    public var isEstimated: Bool { mode == .sketch }

    /// The worst-case rank error of the percentiles, as a fraction of n (0 when exact).
    public var percentileRankErrorBound: Double {
        guard mode == .sketch, sketch.count > 0 else { return 0 }
        return Double(sketch.rankErrorBound) / Double(sketch.count)
    }

    public func summary() -> Summary {
        switch mode {
        case .values:
            return kept.summary()
        case .tally, .counts:
            return Summary(counted: table)
        case .sketch:
            var result = Summary(values: [Double]())
            let percentiles = sketch.quantiles(Percentile.levels)
            let (mean, m2) = sketchMoments
            (result.n, result.mean, result.min, result.max) = (n, mean, min, max)
            (result.p5, result.p25, result.p50) = (percentiles[0], percentiles[1], percentiles[2])
            (result.p75, result.p95) = (percentiles[3], percentiles[4])
            guard n > 1 else { return result }
            let (std, half) = Summary.spread(count: n, m2: m2)
            result.std = std
            result.ci95Low = mean - half
            result.ci95High = mean + half
            return result
        }
    }
}
