import Foundation

/// The summary of one output measure across replications: what goes in a row of
/// `summary.csv`.
///
/// Replications where the measure is undefined (for example, a time-to-first-value when no
/// use case reached value) are passed as nil and skipped, and `n` says how many were defined,
/// so a reader can see when a mean rests on few replications. Fields that cannot be computed
/// from `n` values are nil rather than NaN, so they print as empty cells.
public struct Summary: Sendable, Equatable {
    /// The number of defined values.
    public var n: Int
    /// Nil when `n == 0`.
    public var mean: Double?
    /// Sample standard deviation (divisor n − 1); nil when `n < 2`.
    public var std: Double?
    /// Student-t 95% interval for the mean, `mean ± t(0.975, n−1)·std/√n`; nil when `n < 2`.
    public var ci95Low: Double?
    public var ci95High: Double?
    /// Percentiles by ``Percentile/linear(_:_:)``; nil when `n == 0`.
    public var p5: Double?
    public var p25: Double?
    public var p50: Double?
    public var p75: Double?
    public var p95: Double?
    /// Nil when `n == 0`.
    public var min: Double?
    public var max: Double?

    /// Summarizes the defined values; nil and NaN both count as undefined.
    ///
    /// - Complexity: O(n).
    public init(values: [Double?]) {
        self.init(values: values.compactMap { $0 })
    }

    /// Summarizes `values`; NaN counts as undefined.
    ///
    /// Whole numbers in [0, 65536) (counts: use cases, production systems, squads) take their
    /// mean and variance from exact integer sums (``CountTable/moments(count:sum:sumOfSquares:)``),
    /// the same bits in any order. Other values take the corrected two-pass algorithm, which
    /// stays accurate when the values share a large offset (times measured from a far-off
    /// origin, say), summing in the order given: a run gives them in replication order, which
    /// no thread count or shard split changes. Percentiles, min and max are order statistics,
    /// found by selection (``OrderStatistics``) rather than by sorting.
    ///
    ///     let s = Summary(values: [2, 4, 4, 4, 5, 5, 7, 9])
    ///     s.mean  // 5
    ///
    /// - Complexity: O(n).
    public init(values: [Double]) {
        self.init(defined: values.contains(where: \.isNaN) ? values.filter { !$0.isNaN } : values)
    }

    /// Summarizes values none of which is NaN (a ``KeptValues``'s).
    init(defined: [Double]) {
        let n = defined.count
        guard n > 0 else {
            self.init(count: 0, mean: 0, m2: 0, min: 0, max: 0) { _ in 0 }
            return
        }
        let (moments, lowest, highest) = defined.withUnsafeBufferPointer { Summary.moments($0) }
        let ranks = Percentile.levels.flatMap { q in let r = Percentile.ranks(count: n, q); return [r.lower, r.upper] }
        let selected = defined.withUnsafeBufferPointer {
            OrderStatistics.select($0, ranks: ranks, lowest: lowest, highest: highest)
        }
        self.init(count: n, mean: moments.mean, m2: moments.m2,
                  min: FigureSort.value(lowest), max: FigureSort.value(highest)) { k in
            selected[ranks.firstIndex(of: k)!]
        }
    }

    /// Summarizes the values a count table stands for, without laying them out: the same bits
    /// as the doubles give.
    init(counted table: CountTable) {
        let (mean, m2) = table.moments
        self.init(count: table.n, mean: mean, m2: m2, min: table.min ?? 0, max: table.max ?? 0,
                  orderStatistic: table.orderStatistics)
    }

    /// The mean and m2 = Σ (x − mean)² of values (not NaN, at least one), and the keys of the
    /// smallest and largest (``FigureSort/key(_:)``, −0 below +0): from exact integer sums
    /// while every value is a count, else by the corrected two-pass algorithm in their order.
    static func moments(_ values: UnsafeBufferPointer<Double>)
        -> (moments: (mean: Double, m2: Double), lowest: UInt64, highest: UInt64) {
        var lowest = UInt64.max, highest = UInt64.min
        var sum = 0, squares = 0, counted = 0
        for x in values {
            let key = FigureSort.key(x)
            lowest = Swift.min(lowest, key)
            highest = Swift.max(highest, key)
            guard let v = CountTable.index(x) else { break }
            sum &+= v
            squares &+= v &* v
            counted &+= 1
        }
        let n = values.count
        if counted == n {
            return (CountTable.moments(count: n, sum: sum, sumOfSquares: squares), lowest, highest)
        }
        var total = 0.0
        for x in values {
            total += x
            let key = FigureSort.key(x)
            lowest = Swift.min(lowest, key)
            highest = Swift.max(highest, key)
        }
        let count = Double(n)
        let firstMean = total / count
        var deviations = 0.0, squared = 0.0
        for x in values {
            let d = x - firstMean
            deviations += d
            squared += d * d
        }
        return ((firstMean + deviations / count, squared - deviations * deviations / count), lowest, highest)
    }

    /// The one computation behind both, from the moments and the order statistics.
    private init(count n: Int, mean: Double, m2: Double, min: Double, max: Double,
                 orderStatistic: (Int) -> Double) {
        self.n = n
        guard n > 0 else { return }
        self.mean = mean
        self.min = min
        self.max = max
        let percentiles = Percentile.levels.map { Percentile.linear(count: n, $0, orderStatistic: orderStatistic) }
        (p5, p25, p50, p75, p95) = (percentiles[0], percentiles[1], percentiles[2], percentiles[3], percentiles[4])

        guard n > 1 else { return }
        let (std, halfWidth) = Self.spread(count: n, m2: m2)
        self.std = std
        self.ci95Low = mean - halfWidth
        self.ci95High = mean + halfWidth
    }

    /// The sample standard deviation (divisor n − 1) and the Student-t 95% half-width
    /// t(0.975, n − 1)·s/√n of n ≥ 2 values whose m2 = Σ (x − mean)² (below 0 only by
    /// rounding, and then taken as 0): every summary's, exact or streamed, and the stopping
    /// rules'.
    static func spread(count n: Int, m2: Double) -> (std: Double, halfWidth: Double) {
        let count = Double(n)
        let std = Swift.max(0, m2 / (count - 1)).squareRoot()
        return (std, lastQuantile.t975(degreesOfFreedom: n - 1) * std / count.squareRoot())
    }

    private static let lastQuantile = LastQuantile()
}

/// t(0.975, ν) remembered for the last ν asked. Nearly all of a run's figures share one ν (the
/// replications less one), and each quantile is a Newton iteration over a continued fraction
/// of about √ν terms: computed afresh for each of the several hundred figures of a run, it was
/// about 5 ms of a 20,000-replication run on one thread (`perf record`), 10% of its end.
private final class LastQuantile: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (degrees: Int, t: Double) = (0, .nan)

    func t975(degreesOfFreedom v: Int) -> Double {
        lock.lock()
        let known = last
        lock.unlock()
        if known.degrees == v { return known.t }
        let t = StudentT.quantile(0.975, degreesOfFreedom: v)
        lock.lock()
        last = (v, t)
        lock.unlock()
        return t
    }
}
