import Foundation

/// A scenario against the baseline on one metric, replication by replication (Law & Kelton,
/// *Simulation Modeling and Analysis*, paired-t confidence interval).
///
/// With common random numbers replication r of both scenarios faces the same use cases, so
/// the differences `d_r = scenario_r − baseline_r` have a much smaller variance than the two
/// outputs separately; the interval is the Student-t interval of the mean of the `d_r`.
/// Only replications where both values are defined are paired (`n` counts them), and both
/// means are taken over those same replications, so `diffMean == mean − baselineMean`.
public struct PairedComparison: Sendable, Equatable {
    /// Replications where both values are defined.
    public var n: Int
    /// The scenario's mean over the paired replications; nil when `n == 0`.
    public var mean: Double?
    /// The baseline's mean over the paired replications; nil when `n == 0`.
    public var baselineMean: Double?
    /// The mean paired difference (scenario − baseline); nil when `n == 0`.
    public var diffMean: Double?
    /// The sample standard deviation of the differences (divisor n − 1); nil when `n < 2`.
    public var sdDiff: Double?
    /// The simultaneous confidence interval for the mean difference, Bonferroni-adjusted over
    /// `comparisons`; nil when `n < 2`.
    public var ciLow: Double?
    public var ciHigh: Double?
    /// The shares of paired replications in which the scenario was strictly better than, equal
    /// to, and strictly worse than the baseline in the metric's direction; they add up to 1.
    /// Counts and rates of small portfolios tie often, so a tie is its own share, never "worse".
    /// Nil when `n == 0`.
    public var shareBetter: Double?
    public var shareTied: Double?
    public var shareWorse: Double?

    /// Compares `scenario` with `baseline`, both indexed by replication.
    ///
    /// - Parameters:
    ///   - higherIsBetter: the metric's direction, for `shareBetter`.
    ///   - comparisons: how many comparisons share the family's error rate (k − 1 scenarios
    ///     against one baseline); each interval gets 1 − α/comparisons.
    ///   - confidence: the family's confidence, 1 − α.
    /// - Precondition: both arrays have the same length.
    /// - Complexity: O(replications).
    public init(scenario: [Double?], baseline: [Double?], higherIsBetter: Bool,
                comparisons: Int = 1, confidence: Double = 0.95) {
        precondition(scenario.count == baseline.count, "paired samples of different lengths")
        var a: [Double] = [], b: [Double] = []
        a.reserveCapacity(scenario.count)
        b.reserveCapacity(scenario.count)
        for (x, y) in zip(scenario, baseline) {
            guard let x, let y, !x.isNaN, !y.isNaN else { continue }
            a.append(x)
            b.append(y)
        }
        n = a.count
        guard n > 0 else { return }
        let diffs = zip(a, b).map { $0 - $1 }
        mean = Self.mean(a)
        baselineMean = Self.mean(b)
        let d = Self.mean(diffs)
        diffMean = d
        var better = 0, tied = 0
        for (x, y) in zip(a, b) {
            if x == y { tied += 1 } else if higherIsBetter ? x > y : x < y { better += 1 }
        }
        shareBetter = Double(better) / Double(n)
        shareTied = Double(tied) / Double(n)
        shareWorse = Double(n - better - tied) / Double(n)
        guard n > 1 else { return }
        let sd = Self.standardDeviation(diffs, mean: d)
        sdDiff = sd
        let halfWidth = Self.criticalValue(n: n, comparisons: comparisons, confidence: confidence)
            * sd / Double(n).squareRoot()
        ciLow = d - halfWidth
        ciHigh = d + halfWidth
    }

    /// The two-sided Bonferroni t quantile `t(1 − α/(2m), n − 1)` for m simultaneous intervals.
    ///
    ///     PairedComparison.criticalValue(n: 10, comparisons: 1, confidence: 0.95)  // 2.262
    public static func criticalValue(n: Int, comparisons: Int, confidence: Double) -> Double {
        let alpha = 1 - confidence
        return StudentT.quantile(1 - alpha / (2 * Double(max(1, comparisons))),
                                 degreesOfFreedom: n - 1)
    }

    /// Half the width of the interval; nil when it is undefined.
    public var halfWidth: Double? {
        guard let ciLow, let ciHigh else { return nil }
        return (ciHigh - ciLow) / 2
    }

    /// The mean with a corrected two-pass sum, accurate for values sharing a large offset.
    static func mean(_ xs: [Double]) -> Double {
        let first = xs.reduce(0, +) / Double(xs.count)
        return first + xs.reduce(0) { $0 + ($1 - first) } / Double(xs.count)
    }

    static func standardDeviation(_ xs: [Double], mean: Double) -> Double {
        var s = 0.0
        for x in xs { s += (x - mean) * (x - mean) }
        return (s / Double(xs.count - 1)).squareRoot()
    }
}
