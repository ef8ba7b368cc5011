/// Percentiles of replication results, computed exactly as NumPy's default so numbers in our
/// CSV files can be checked against a notebook without surprises.
public enum Percentile {
    /// The `q`-quantile of `sorted` by linear interpolation between order statistics
    /// (NumPy's default `method="linear"`, Hyndman–Fan type 7): with `h = (n − 1)·q`, the
    /// value is `x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])`.
    ///
    /// The interpolation is written the way NumPy writes it (from the upper neighbour when the
    /// fraction is at least one half) so results agree to the last bit.
    ///
    ///     Percentile.linear([1, 2, 3, 4], 0.5)  // 2.5
    ///
    /// - Parameters:
    ///   - sorted: values in ascending order; not checked.
    ///   - q: the probability, in [0, 1].
    /// - Precondition: `sorted` is not empty.
    /// - Complexity: O(1).
    public static func linear(_ sorted: [Double], _ q: Double) -> Double {
        precondition(!sorted.isEmpty, "percentile of an empty sample")
        return linear(count: sorted.count, q) { sorted[$0] }
    }

    /// The same from `count` values given by their order statistics (`orderStatistic(k)`, the
    /// k-th smallest, 0-based), for values kept as a table rather than a sorted array.
    @inline(__always)
    static func linear(count n: Int, _ q: Double, orderStatistic: (Int) -> Double) -> Double {
        precondition(n > 0, "percentile of an empty sample")
        precondition(q >= 0 && q <= 1, "percentile probability \(q) outside [0, 1]")
        let (lowerIndex, upperIndex) = ranks(count: n, q)
        let fraction = Double(n - 1) * q - Double(lowerIndex)
        let a = orderStatistic(lowerIndex), b = orderStatistic(upperIndex)
        let difference = b - a
        if fraction >= 0.5 {
            return b - difference * (1 - fraction)
        }
        return a + difference * fraction
    }

    /// The levels of a summary's percentiles: p5, p25, p50, p75 and p95.
    static let levels = [0.05, 0.25, 0.5, 0.75, 0.95]

    /// The two order statistics the `q`-quantile of `n` values interpolates between:
    /// ⌊(n − 1)·q⌋ and the next (the same at the top).
    @inline(__always)
    static func ranks(count n: Int, _ q: Double) -> (lower: Int, upper: Int) {
        let lower = min(Int((Double(n - 1) * q).rounded(.down)), n - 1)
        return (lower, min(lower + 1, n - 1))
    }
}
