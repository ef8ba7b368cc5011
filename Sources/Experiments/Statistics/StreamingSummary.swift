/// A `Summary` built one value at a time, in bounded memory.
///
/// Up to `exactLimit` defined values it keeps them all and gives exactly `Summary(values:)`
/// (so ordinary runs are unchanged to the byte). Past that it switches to a running mean and
/// variance (Welford, in arrival order, so still reproducible) and a `QuantileSketch` for the
/// percentiles, whose rank error is bounded by `percentileRankErrorBound`; min and max stay exact.
public struct StreamingSummary: Sendable {
    public static let defaultExactLimit = 50_000

    public let exactLimit: Int
    private var exact: [Double] = []
    private var sketch: QuantileSketch? = nil
    private var n = 0
    private var mean = 0.0
    private var m2 = 0.0

    public init(exactLimit: Int = StreamingSummary.defaultExactLimit) {
        self.exactLimit = exactLimit
    }

    /// Undefined (nil) and NaN values are skipped, as `Summary` does.
    public mutating func add(_ value: Double?) {
        guard let x = value, !x.isNaN else { return }
        n += 1
        let delta = x - mean
        mean += delta / Double(n)
        m2 += delta * (x - mean)
        if sketch != nil {
            sketch?.add(x)  // optional chaining mutates in place, no copy
        } else if exact.count < exactLimit {
            exact.append(x)
        } else {
            var s = QuantileSketch()
            for v in exact { s.add(v) }
            s.add(x)
            exact = []
            sketch = s
        }
    }

    /// Whether percentiles are estimated (past `exactLimit`) rather than exact.
    public var isEstimated: Bool { sketch != nil }

    /// The worst-case rank error of the percentiles, as a fraction of n (0 when exact).
    public var percentileRankErrorBound: Double {
        guard let s = sketch, s.count > 0 else { return 0 }
        return Double(s.rankErrorBound) / Double(s.count)
    }

    public func summary() -> Summary {
        guard let s = sketch else { return Summary(values: exact) }
        var result = Summary(values: [Double]())
        result.n = n
        result.mean = mean
        result.min = s.min
        result.max = s.max
        let q = s.quantiles([0.05, 0.25, 0.5, 0.75, 0.95])
        result.p5 = q[0]; result.p25 = q[1]; result.p50 = q[2]; result.p75 = q[3]; result.p95 = q[4]
        let std = (Swift.max(0, m2) / Double(n - 1)).squareRoot()
        result.std = std
        let half = StudentT.quantile(0.975, degreesOfFreedom: n - 1) * std / Double(n).squareRoot()
        result.ci95Low = mean - half
        result.ci95High = mean + half
        return result
    }
}
