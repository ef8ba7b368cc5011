import Foundation
import SimKernel

/// Rejection ABC with several simulated data sets per draw and common random numbers
/// (Pritchard et al. 1999; Beaumont, Zhang and Balding 2002; Bornn et al. 2017 on using more
/// than one pseudo-sample per draw).
///
/// 1. Draw θ₁ … θ_N from independent uniform priors (integers rounded), each from its own
///    random stream, so the draws do not depend on the thread count.
/// 2. Simulate every θᵢ on the same replications 0 … K−1 (common random numbers: the same use
///    cases and stage outcomes' random numbers for every θ, so differences between draws come
///    from θ, not from noise) and compute the summary statistics s_ik.
/// 3. Scale each statistic by its median absolute deviation over all N·K simulations, and take
///    the Euclidean distance d_ik = ‖(s_ik − s_obs)/MAD‖ over the statistics defined in both
///    (a statistic defined on one side only adds 2² — two MADs).
/// 4. The tolerance ε is the `acceptShare` quantile of all d_ik. Each draw's weight is the
///    share of its K data sets within ε: an unbiased estimate of its ABC likelihood.
/// 5. The posterior is the weighted draws: means and weighted 5% and 95% quantiles.
public enum ApproximateBayesianComputation {
    public struct Prior: Sendable {
        public var lower: Double
        public var upper: Double
        public var integer: Bool

        public init(lower: Double, upper: Double, integer: Bool = false) {
            self.lower = lower
            self.upper = upper
            self.integer = integer
        }

        func draw(_ u: Double) -> Double {
            integer ? (lower + (u * (upper - lower + 1)).rounded(.down)).clamped(lower, upper)
                : lower + u * (upper - lower)
        }
    }

    public struct Posterior: Sendable {
        public var mean: [Double]
        public var p5: [Double]
        public var p95: [Double]
        /// Draws × pseudo-data sets simulated.
        public var simulations: Int
        public var tolerance: Double
        /// Kish's effective sample size of the weights.
        public var effectiveSampleSize: Double
        public var draws: [[Double]]
        public var weights: [Double]
    }

    /// - Parameters:
    ///   - simulate: the statistics of a simulated data set for θ and replication k; must
    ///     depend on its arguments alone (called from several threads).
    ///   - progress: called with the number of simulations just finished.
    public static func run(priors: [Prior], observed: [Double?], draws: Int, replicationsPerDraw: Int,
                           acceptShare: Double, seed: UInt64, threads: Int,
                           progress: (@Sendable (Int) -> Void)? = nil,
                           simulate: @escaping @Sendable ([Double], Int) -> [Double?]) -> Posterior {
        let thetas: [[Double]] = (0..<draws).map { i in
            var g = Xoshiro256StarStar(seed: seed, replication: UInt64(i), stream: 0xABC)
            return priors.map { $0.draw(g.nextUnit()) }
        }
        let k = replicationsPerDraw
        let sims = ParallelReplications.map(count: draws * k, threads: threads, progress: progress) { job in
            simulate(thetas[job / k], job % k)
        }
        let scales = (0..<observed.count).map { j -> Double in
            let xs = sims.compactMap { $0[j] }
            return robustScale(xs)
        }
        let distances = sims.map { distance($0, observed, scales) }
        let epsilon = Percentile.linear(distances.sorted(), acceptShare)
        var weights = [Double](repeating: 0, count: draws)
        for (job, d) in distances.enumerated() where d <= epsilon {
            weights[job / k] += 1 / Double(k)
        }
        let total = weights.reduce(0, +)
        let ess = total * total / weights.reduce(0) { $0 + $1 * $1 }
        var mean: [Double] = [], p5: [Double] = [], p95: [Double] = []
        for p in priors.indices {
            let values = thetas.map { $0[p] }
            mean.append(zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / total)
            p5.append(weightedQuantile(values, weights, 0.05))
            p95.append(weightedQuantile(values, weights, 0.95))
        }
        return Posterior(mean: mean, p5: p5, p95: p95, simulations: draws * k, tolerance: epsilon,
                         effectiveSampleSize: ess, draws: thetas, weights: weights)
    }

    /// The median absolute deviation (scaled by 1.4826 to match a normal sd); the standard
    /// deviation when the MAD is 0 (statistics that are mostly one value); 1 when both are 0.
    static func robustScale(_ xs: [Double]) -> Double {
        guard xs.count > 1 else { return 1 }
        let sorted = xs.sorted()
        let median = Percentile.linear(sorted, 0.5)
        let mad = 1.4826 * Percentile.linear(xs.map { abs($0 - median) }.sorted(), 0.5)
        if mad > 0 { return mad }
        let m = xs.reduce(0, +) / Double(xs.count)
        let sd = (xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count - 1)).squareRoot()
        return sd > 0 ? sd : 1
    }

    static func distance(_ s: [Double?], _ observed: [Double?], _ scales: [Double]) -> Double {
        var sum = 0.0
        for j in observed.indices {
            switch (s[j], observed[j]) {
            case let (a?, b?): sum += ((a - b) / scales[j]) * ((a - b) / scales[j])
            case (nil, nil): break
            default: sum += 4
            }
        }
        return sum.squareRoot()
    }

    /// The smallest value whose cumulative weight reaches q of the total.
    static func weightedQuantile(_ values: [Double], _ weights: [Double], _ q: Double) -> Double {
        let order = values.indices.filter { weights[$0] > 0 }.sorted { values[$0] < values[$1] }
        let total = order.reduce(0) { $0 + weights[$1] }
        var cumulative = 0.0
        for i in order {
            cumulative += weights[i]
            if cumulative >= q * total - 1e-12 { return values[i] }
        }
        return order.last.map { values[$0] } ?? .nan
    }
}

extension Double {
    fileprivate func clamped(_ lo: Double, _ hi: Double) -> Double { Swift.min(hi, Swift.max(lo, self)) }
}
