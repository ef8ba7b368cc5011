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
    /// - Complexity: O(n log n) for the sort behind the percentiles.
    public init(values: [Double?]) {
        self.init(values: values.compactMap { $0 })
    }

    /// Summarizes `values`; NaN counts as undefined.
    ///
    /// The mean and variance use a corrected two-pass algorithm, which stays accurate when the
    /// values share a large offset (times measured from a far-off origin, say).
    ///
    ///     let s = Summary(values: [2, 4, 4, 4, 5, 5, 7, 9])
    ///     s.mean  // 5
    ///
    /// - Complexity: O(n) for counts, O(n log n) otherwise, for the sort behind the percentiles.
    public init(values: [Double]) {
        self.init(sortedValues: FigureSort.sorted(values.contains(where: \.isNaN) ? values.filter { !$0.isNaN } : values))
    }

    /// Summarizes values already in ascending order, none NaN.
    init(sortedValues sorted: [Double]) {
        self.init(ascending: SortedArray(values: sorted))
    }

    /// Summarizes the values a count table stands for, without laying them out: the same
    /// sums, in the same order, so the same bits as the sorted doubles give.
    init(counted table: CountTable) {
        self.init(ascending: CountedValues(table: table, orderStatistics: table.orderStatistics))
    }

    /// The one computation behind both (generic, so each is specialized with its loops inlined).
    private init<Values: AscendingValues>(ascending values: Values) {
        let n = values.count
        self.n = n
        guard n > 0 else { return }

        let count = Double(n)
        let firstMean = values.sum() / count
        let (deviationSum, squareSum) = values.deviationSums(around: firstMean)
        let mean = firstMean + deviationSum / count
        self.mean = mean
        self.min = values.orderStatistic(0)
        self.max = values.orderStatistic(n - 1)
        self.p5 = Percentile.linear(count: n, 0.05, orderStatistic: values.orderStatistic)
        self.p25 = Percentile.linear(count: n, 0.25, orderStatistic: values.orderStatistic)
        self.p50 = Percentile.linear(count: n, 0.50, orderStatistic: values.orderStatistic)
        self.p75 = Percentile.linear(count: n, 0.75, orderStatistic: values.orderStatistic)
        self.p95 = Percentile.linear(count: n, 0.95, orderStatistic: values.orderStatistic)

        guard n > 1 else { return }
        let variance = Swift.max(0, (squareSum - deviationSum * deviationSum / count) / (count - 1))
        let std = variance.squareRoot()
        self.std = std
        let halfWidth = StudentT.quantile(0.975, degreesOfFreedom: n - 1) * std / count.squareRoot()
        self.ci95Low = mean - halfWidth
        self.ci95High = mean + halfWidth
    }
}

/// Values in ascending order, as a summary reads them: their sum and the sums of deviations
/// and squared deviations from a mean, each added up in ascending order, and the k-th smallest.
private protocol AscendingValues {
    var count: Int { get }
    func sum() -> Double
    func deviationSums(around mean: Double) -> (deviations: Double, squares: Double)
    func orderStatistic(_ k: Int) -> Double
}

private struct SortedArray: AscendingValues {
    let values: [Double]
    var count: Int { values.count }

    func sum() -> Double {
        var sum = 0.0
        for x in values { sum += x }
        return sum
    }

    func deviationSums(around mean: Double) -> (deviations: Double, squares: Double) {
        var deviations = 0.0, squares = 0.0
        for x in values {
            let d = x - mean
            deviations += d
            squares += d * d
        }
        return (deviations, squares)
    }

    @inline(__always) func orderStatistic(_ k: Int) -> Double { values[k] }
}

/// The values of a count table, as the sorted doubles they stand for: the same additions in the
/// same order, each value's repeated without recomputing its deviation.
private struct CountedValues: AscendingValues {
    let table: CountTable
    let orderStatistics: (Int) -> Double
    var count: Int { table.n }

    /// The exact integer sum: adding the sorted doubles one by one gives it too, since every
    /// partial sum is a whole number below 2^53 (n × 65,535 is, for any n a run allows) and so
    /// every addition is exact.
    func sum() -> Double {
        var sum = 0
        table.forEachValue { value, count in sum &+= value &* count }
        return Double(sum)
    }

    func deviationSums(around mean: Double) -> (deviations: Double, squares: Double) {
        var deviations = 0.0, squares = 0.0
        table.forEachValue { value, count in
            let d = Double(value) - mean, square = d * d
            for _ in 0..<count {
                deviations += d
                squares += square
            }
        }
        return (deviations, squares)
    }

    @inline(__always) func orderStatistic(_ k: Int) -> Double { orderStatistics(k) }
}
