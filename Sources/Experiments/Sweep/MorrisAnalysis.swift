import SimKernel

/// Morris screening measures (Morris 1991; μ* from Campolongo et al. 2007) of one output over
/// a ``MorrisDesign``.
public enum MorrisAnalysis {
    public struct Indices: Sendable, Equatable {
        /// Mean elementary effect (signed: effects of opposite sign cancel).
        public var mu: Double?
        /// Mean absolute elementary effect: the factor's overall influence.
        public var muStar: Double?
        /// Standard deviation of the effects (n − 1): non-linearity or interactions.
        public var sigma: Double?
        /// 95% bootstrap interval of μ*, resampling trajectories.
        public var muStarLow: Double?
        public var muStarHigh: Double?
    }

    /// Elementary effects per factor, one per trajectory whose two points both have an
    /// output: (y after − y before) / (x after − x before) with x on the unit scale, so an
    /// effect is the output's change per whole range of the factor.
    public static func elementaryEffects(_ design: MorrisDesign, outputs: [Double?]) -> [[Double]] {
        var effects = [[Double]](repeating: [], count: design.factors)
        let stride = design.factors + 1
        for t in 0..<design.trajectories {
            for (s, factor) in design.moved[t].enumerated() {
                let before = t * stride + s, after = before + 1
                guard let y0 = outputs[before], let y1 = outputs[after] else { continue }
                let dx = design.unit(design.points[after][factor]) - design.unit(design.points[before][factor])
                effects[factor].append((y1 - y0) / dx)
            }
        }
        return effects
    }

    /// μ, μ*, σ and the bootstrap interval of μ* for every factor.
    ///
    /// - Parameter generator: makes the generator of each factor's bootstrap, so the interval
    ///   depends on the seed alone.
    public static func indices(_ design: MorrisDesign, outputs: [Double?], resamples: Int = 1000,
                               generator: (Int) -> Xoshiro256StarStar) -> [Indices] {
        elementaryEffects(design, outputs: outputs).enumerated().map { factor, effects in
            guard !effects.isEmpty else { return Indices() }
            let n = Double(effects.count)
            let absolute = effects.map(abs)
            var result = Indices()
            result.mu = effects.reduce(0, +) / n
            result.muStar = absolute.reduce(0, +) / n
            if effects.count > 1 {
                let mu = result.mu!
                result.sigma = (effects.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / (n - 1)).squareRoot()
            }
            var rng = generator(factor)
            var means: [Double] = []
            means.reserveCapacity(resamples)
            for _ in 0..<resamples {
                var sum = 0.0
                for _ in 0..<effects.count {
                    sum += absolute[LatinHypercube.uniformIndex(below: effects.count, &rng)]
                }
                means.append(sum / n)
            }
            means.sort()
            result.muStarLow = Percentile.linear(means, 0.025)
            result.muStarHigh = Percentile.linear(means, 0.975)
            return result
        }
    }
}
