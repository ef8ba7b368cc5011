import Foundation

/// Hsu's multiple comparisons with the best (Hsu 1984; Hsu 1996, *Multiple Comparisons*,
/// ch. 4) on paired replications, in the form Nelson and Matejcik (1995) and Goldsman and
/// Nelson (1998) give for common random numbers.
///
/// For each scenario i it gives a simultaneous 95% interval for μᵢ − (the best of the others):
/// with Dᵢⱼ = Ȳᵢ − Ȳⱼ (in the better direction) and wᵢⱼ = t·Sᵢⱼ/√n, where Sᵢⱼ is the
/// standard deviation of the paired differences,
///
///     [ min(0, minⱼ (Dᵢⱼ − wᵢⱼ)),  max(0, minⱼ (Dᵢⱼ + wᵢⱼ)) ].
///
/// An interval whose lower end is above 0 marks i as the best; one whose upper end is 0
/// because another scenario is better by more than its noise (minⱼ (Dᵢⱼ + wᵢⱼ) < 0) rules it
/// out. Scenarios that never differ (Dᵢⱼ = wᵢⱼ = 0: identical, or a metric that ties in every
/// replication) stay contenders: equal to the best is not "not best". The critical value is the Bonferroni-style one-sided t(1 − α/(k − 1), n − 1):
/// conservative against Hsu's exact constant (the intervals are a little wider than they need
/// be), and valid whatever the correlation CRN induces.
public struct MultipleComparisonsWithBest: Sendable, Equatable {
    /// What the interval says about one scenario.
    public enum Verdict: String, Sendable {
        /// Better than every other scenario, at the family's confidence.
        case best
        /// Neither ruled in nor out.
        case contender
        /// Worse than the best of the others.
        case notBest = "not best"
    }

    /// Replications where every scenario's value is defined.
    public var n: Int
    /// Each scenario's mean over those replications.
    public var means: [Double?]
    /// The interval for μᵢ − (the best of the others), in the metric's own units: for a
    /// lower-is-better metric that is μᵢ − min of the others, so the best has an interval
    /// below 0. Nil when n < 2.
    public var low: [Double?]
    public var high: [Double?]
    public var verdicts: [Verdict?]
    /// The critical value used.
    public var criticalValue: Double?

    /// - Parameters:
    ///   - values: `values[i][r]` is scenario i's value in replication r; all of one length.
    ///   - higherIsBetter: the metric's direction.
    ///   - confidence: the family's confidence 1 − α.
    /// - Precondition: at least two scenarios.
    /// - Complexity: O(k² · replications).
    public init(values: [[Double?]], higherIsBetter: Bool, confidence: Double = 0.95) {
        let k = values.count
        precondition(k >= 2, "multiple comparisons with the best need two scenarios")
        let replications = values[0].count
        precondition(values.allSatisfy { $0.count == replications }, "samples of different lengths")
        // Work in the better direction: larger is better.
        let sign = higherIsBetter ? 1.0 : -1.0
        var columns = [[Double]](repeating: [], count: k)
        for r in 0..<replications {
            var row: [Double] = []
            for i in 0..<k {
                guard let v = values[i][r], !v.isNaN else { break }
                row.append(sign * v)
            }
            guard row.count == k else { continue }
            for i in 0..<k { columns[i].append(row[i]) }
        }
        n = columns[0].count
        means = columns.map { $0.isEmpty ? nil : sign * PairedComparison.mean($0) }
        low = Array(repeating: nil, count: k)
        high = Array(repeating: nil, count: k)
        verdicts = Array(repeating: nil, count: k)
        guard n >= 2 else { return }
        let t = StudentT.quantile(1 - (1 - confidence) / Double(k - 1), degreesOfFreedom: n - 1)
        criticalValue = t
        let adjusted = columns.map { PairedComparison.mean($0) }
        for i in 0..<k {
            var lowest = Double.infinity, highest = Double.infinity
            for j in 0..<k where j != i {
                let diffs = zip(columns[i], columns[j]).map { $0 - $1 }
                let d = adjusted[i] - adjusted[j]
                let w = t * PairedComparison.standardDeviation(diffs, mean: PairedComparison.mean(diffs))
                    / Double(n).squareRoot()
                lowest = min(lowest, d - w)
                highest = min(highest, d + w)
            }
            let lo = min(0, lowest), hi = max(0, highest)
            verdicts[i] = lowest > 0 ? .best : highest < 0 ? .notBest : .contender
            // Back to the metric's units: for lower-is-better the interval flips.
            // (`+ 0` turns the -0 of a flipped 0 into 0, so it prints as 0.)
            low[i] = (higherIsBetter ? lo : -hi) + 0
            high[i] = (higherIsBetter ? hi : -lo) + 0
        }
    }

    /// The mark each scenario gets in every table and chart (``BestMark``).
    public var marks: [BestMark] { BestMark.marks(verdicts) }

    /// The scenario whose mean is best in the metric's direction; nil when no mean exists.
    public func sampleBest(higherIsBetter: Bool) -> Int? {
        var best: Int?
        for (i, m) in means.enumerated() {
            guard let m else { continue }
            if let b = best, let bm = means[b], higherIsBetter ? m <= bm : m >= bm { continue }
            best = i
        }
        return best
    }
}
