/// A `Summary` built one value at a time, in bounded memory.
///
/// Up to `exactLimit` defined values it keeps them all (two bytes each for counts:
/// ``KeptValues``) and gives exactly `Summary(values:)` (so ordinary runs are unchanged to the
/// byte). Past that the mean and variance are kept
/// running (Welford, in arrival order, so still reproducible) and the percentiles:
/// - stay exact for figures whose values are all small non-negative integers (counts, busy
///   squads, production systems): a table of counts per value gives every order statistic,
///   so the numpy-style interpolated percentiles are exact;
/// - otherwise come from a `QuantileSketch`, whose rank error is bounded by
///   `percentileRankErrorBound`. min and max stay exact.
public struct StreamingSummary: Sendable {
    public static let defaultExactLimit = 50_000
    /// Integer values below this are counted exactly past the exact limit.
    static let countedValueLimit = 1 << 16

    /// How the percentiles are kept; `values` until the exact limit is passed.
    enum Mode: UInt8, Sendable { case values, counts, sketch }

    public let exactLimit: Int
    private var mode = Mode.values
    private var kept: KeptValues
    private var counts: [Int] = []
    private var sketch = QuantileSketch()
    // Running moments, kept only once the values are no longer all stored.
    private var n = 0
    private var mean = 0.0
    private var m2 = 0.0
    private var min = Double.infinity
    private var max = -Double.infinity

    public init(exactLimit: Int = StreamingSummary.defaultExactLimit) {
        self.exactLimit = exactLimit
        kept = KeptValues(limit: exactLimit)
    }

    @inline(__always)
    static func countIndex(_ x: Double) -> Int? {
        x >= 0 && x < Double(countedValueLimit) && x.rounded(.down) == x ? Int(x) : nil
    }

    /// Undefined (nil) and NaN values are skipped, as `Summary` does.
    @inline(__always)
    public mutating func add(_ value: Double?) {
        guard let x = value, !x.isNaN else { return }
        if mode == .values && kept.count < exactLimit {
            kept.append(x)  // the common case: just keep it
            return
        }
        addBeyondExactLimit(x)
    }

    /// Adds `count` values in order, the k-th being `value(k)`: the same as adding them one
    /// by one, but while every value is kept the block is written in one pass.
    @inline(__always)
    public mutating func add(count: Int, _ value: (Int) -> Double?) {
        guard mode == .values && kept.count + count <= exactLimit else {
            for k in 0..<count { add(value(k)) }
            return
        }
        kept.append(count: count, value)
    }

    private mutating func addBeyondExactLimit(_ x: Double) {
        if mode == .values {
            // Leaving exact mode: the running moments start from the stored values.
            kept.forEach { accumulateMoments($0) }
            if kept.allCountable {
                kept.forEach { v in
                    let i = Int(v)
                    if i >= counts.count { counts.append(contentsOf: repeatElement(0, count: i + 1 - counts.count)) }
                    counts[i] += 1
                }
                mode = .counts
            } else {
                kept.forEach { sketch.add($0) }
                mode = .sketch
            }
            kept = KeptValues(limit: exactLimit)
        }
        accumulateMoments(x)
        if mode == .counts {
            if let i = Self.countIndex(x) {
                if i >= counts.count { counts.append(contentsOf: repeatElement(0, count: i + 1 - counts.count)) }
                counts[i] += 1
                return
            }
            sketch = Self.sketch(fromCounts: counts)
            counts = []
            mode = .sketch
        }
        sketch.add(x)
    }

    @inline(__always)
    private mutating func accumulateMoments(_ x: Double) {
        n += 1
        let delta = x - mean
        mean += delta / Double(n)
        m2 += delta * (x - mean)
        if x < min { min = x }
        if x > max { max = x }
    }

    private static func sketch(fromCounts counts: [Int]) -> QuantileSketch {
        var sketch = QuantileSketch()
        for (value, count) in counts.enumerated() {
            for _ in 0..<count { sketch.add(Double(value)) }
        }
        return sketch
    }

    /// The mean and the 95% confidence half-width t(0.975, n − 1)·s/√n of the values so far,
    /// as `summary()` would give them, without sorting: nil where undefined (no value for the
    /// mean, fewer than two for the half-width). For stopping rules, checked after each block.
    ///
    /// - Complexity: O(n) while every value is kept, O(1) after.
    public var meanAndHalfWidth: (mean: Double?, halfWidth: Double?) {
        let count: Int, mean: Double, m2: Double
        if mode == .values {
            count = kept.count
            guard count > 0 else { return (nil, nil) }
            // The corrected two-pass algorithm of `Summary`.
            var sum = 0.0
            kept.forEach { sum += $0 }
            let first = sum / Double(count)
            var deviations = 0.0, squares = 0.0
            kept.forEach { x in
                deviations += x - first
                squares += (x - first) * (x - first)
            }
            mean = first + deviations / Double(count)
            m2 = squares - deviations * deviations / Double(count)
        } else {
            (count, mean, m2) = (n, self.mean, self.m2)
        }
        guard count > 1 else { return (mean, nil) }
        let std = (Swift.max(0, m2) / Double(count - 1)).squareRoot()
        return (mean, StudentT.quantile(0.975, degreesOfFreedom: count - 1) * std / Double(count).squareRoot())
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
        let percentiles: [Double?]
        let levels = [0.05, 0.25, 0.5, 0.75, 0.95]
        switch mode {
        case .values:
            return Summary(sortedValues: kept.sorted())
        case .counts:
            percentiles = levels.map { Self.linearPercentile(counts: counts, total: n, $0) }
        case .sketch:
            percentiles = sketch.quantiles(levels)
        }
        var result = Summary(values: [Double]())
        result.n = n
        result.mean = mean
        result.min = min
        result.max = max
        result.p5 = percentiles[0]; result.p25 = percentiles[1]; result.p50 = percentiles[2]
        result.p75 = percentiles[3]; result.p95 = percentiles[4]
        let std = (Swift.max(0, m2) / Double(n - 1)).squareRoot()
        result.std = std
        let half = StudentT.quantile(0.975, degreesOfFreedom: n - 1) * std / Double(n).squareRoot()
        result.ci95Low = mean - half
        result.ci95High = mean + half
        return result
    }

    /// numpy's linear percentile of the sorted values the count table stands for.
    static func linearPercentile(counts: [Int], total: Int, _ q: Double) -> Double {
        let h = Double(total - 1) * q
        let lower = Int(h.rounded(.down))
        let fraction = h - Double(lower)
        let a = orderStatistic(counts: counts, lower)
        guard fraction > 0, lower + 1 < total else { return a }
        let b = orderStatistic(counts: counts, lower + 1)
        return a + fraction * (b - a)
    }

    /// The k-th smallest value (0-based).
    static func orderStatistic(counts: [Int], _ k: Int) -> Double {
        var seen = 0
        for (value, count) in counts.enumerated() {
            seen += count
            if seen > k { return Double(value) }
        }
        return Double(counts.count - 1)
    }
}
