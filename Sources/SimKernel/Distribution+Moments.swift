import Foundation

/// Exact theoretical moments and distribution functions, for checks rather than for drawing.
///
/// Tests compare samples against these (means, variances, Kolmogorov–Smirnov against ``cdf(_:)``),
/// and model tests use the means for Little's law. They assume valid parameters, as ``Sampler``
/// does. Degenerate cases (zero width, zero spread) are point masses.
extension Distribution {
    /// The theoretical mean; for a truncated normal, the mean of the truncated law.
    public var mean: Double {
        switch self {
        case .fixed(let value):
            return value
        case .uniform(let min, let max):
            return (min + max) / 2
        case .triangular(let min, let mode, let max):
            return (min + mode + max) / 3
        case .pert(let min, let mode, let max, let lambda):
            guard max > min else { return min }
            let (alpha, beta) = Self.pertShapes(min: min, mode: mode, max: max, lambda: lambda)
            return min + (max - min) * alpha / (alpha + beta)
        case .exponential(let mean), .gamma(let mean, _):
            return mean
        case .lognormal(let median, let p90):
            let sigma = Self.lognormalSigma(median: median, p90: p90)
            return median * exp(sigma * sigma / 2)
        case .normal(let mean, let sd, let min, let max):
            if let point = Self.normalPointMass(mean: mean, sd: sd, min: min, max: max) { return point }
            guard let t = TruncatedNormal(mean: mean, sd: sd, min: min, max: max) else { return mean }
            return mean + sd * t.meanShift
        case .empirical(let values, let weights):
            let w = Self.normalizedWeights(count: values.count, weights: weights)
            return zip(values, w).reduce(0) { $0 + $1.0 * $1.1 }
        }
    }

    /// The theoretical variance; for a truncated normal, the variance of the truncated law.
    public var variance: Double {
        switch self {
        case .fixed:
            return 0
        case .uniform(let min, let max):
            return (max - min) * (max - min) / 12
        case .triangular(let a, let c, let b):
            return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        case .pert(let min, let mode, let max, let lambda):
            guard max > min else { return 0 }
            let (alpha, beta) = Self.pertShapes(min: min, mode: mode, max: max, lambda: lambda)
            let width = max - min, sum = alpha + beta
            return width * width * alpha * beta / (sum * sum * (sum + 1))
        case .exponential(let mean):
            return mean * mean
        case .lognormal(let median, let p90):
            let sigma = Self.lognormalSigma(median: median, p90: p90)
            return expm1(sigma * sigma) * median * median * exp(sigma * sigma)
        case .gamma(let mean, let cv):
            return (mean * cv) * (mean * cv)
        case .normal(let mean, let sd, let min, let max):
            if Self.normalPointMass(mean: mean, sd: sd, min: min, max: max) != nil { return 0 }
            guard let t = TruncatedNormal(mean: mean, sd: sd, min: min, max: max) else { return sd * sd }
            return sd * sd * t.varianceFactor
        case .empirical(let values, let weights):
            let w = Self.normalizedWeights(count: values.count, weights: weights)
            let m = mean
            return zip(values, w).reduce(0) { $0 + $1.1 * ($1.0 - m) * ($1.0 - m) }
        }
    }

    /// The cumulative distribution function P(X ≤ x).
    ///
    /// - Complexity: O(1) for closed forms; gamma and PERT evaluate an incomplete gamma or beta
    ///   function (tens of iterations); empirical is O(n) in the number of values.
    public func cdf(_ x: Double) -> Double {
        switch self {
        case .fixed(let value):
            return x < value ? 0 : 1
        case .uniform(let min, let max):
            if x < min { return 0 }
            if x >= max { return 1 }
            return (x - min) / (max - min)
        case .triangular(let a, let c, let b):
            if x < a { return 0 }
            if x >= b { return 1 }
            if x < c { return (x - a) * (x - a) / ((b - a) * (c - a)) }
            return 1 - (b - x) * (b - x) / ((b - a) * (b - c))
        case .pert(let min, let mode, let max, let lambda):
            if x < min { return 0 }
            if x >= max { return 1 }
            let (alpha, beta) = Self.pertShapes(min: min, mode: mode, max: max, lambda: lambda)
            let u = (x - min) / (max - min)
            return SpecialFunctions.regularizedIncompleteBeta(a: alpha, b: beta, x: u, y: (max - x) / (max - min))
        case .exponential(let mean):
            if x < 0 { return 0 }
            if mean == 0 { return 1 }
            return -expm1(-x / mean)
        case .lognormal(let median, let p90):
            if x <= 0 { return 0 }
            let sigma = Self.lognormalSigma(median: median, p90: p90)
            if sigma == 0 { return x < median ? 0 : 1 }
            return NormalDistribution.cdf((log(x) - log(median)) / sigma)
        case .gamma(let mean, let cv):
            if x <= 0 { return 0 }
            if cv == 0 || mean == 0 { return x < mean ? 0 : 1 }
            return SpecialFunctions.regularizedLowerIncompleteGamma(1 / (cv * cv), x / (mean * cv * cv))
        case .normal(let mean, let sd, let min, let max):
            if let point = Self.normalPointMass(mean: mean, sd: sd, min: min, max: max) {
                return x < point ? 0 : 1
            }
            if let min, x < min { return 0 }
            if let max, x >= max { return 1 }
            let z = (x - mean) / sd
            guard let t = TruncatedNormal(mean: mean, sd: sd, min: min, max: max) else {
                return NormalDistribution.cdf(z)
            }
            return t.cdf(z)
        case .empirical(let values, let weights):
            let w = Self.normalizedWeights(count: values.count, weights: weights)
            return zip(values, w).reduce(0) { $1.0 <= x ? $0 + $1.1 : $0 }
        }
    }

    /// PERT's beta shapes: α = 1 + λ(mode − min)/(max − min), β = 1 + λ(max − mode)/(max − min).
    static func pertShapes(min: Double, mode: Double, max: Double, lambda: Double) -> (Double, Double) {
        let width = max - min
        return (1 + lambda * (mode - min) / width, 1 + lambda * (max - mode) / width)
    }

    /// The lognormal's σ from its 90th percentile: ln(p90/median) / z₀.₉.
    public static func lognormalSigma(median: Double, p90: Double) -> Double {
        log(p90 / median) / 1.2815515655446004
    }

    /// The single value of a normal with no spread (its mean, clamped to the bounds) or with
    /// `min == max`; nil when the normal has a proper density.
    static func normalPointMass(mean: Double, sd: Double, min: Double?, max: Double?) -> Double? {
        let lower = min ?? -.infinity, upper = max ?? .infinity
        if sd > 0 && lower < upper { return nil }
        return Swift.min(Swift.max(mean, lower), upper)
    }

    /// Weights scaled to sum to 1; equal weights when `weights` is nil.
    static func normalizedWeights(count: Int, weights: [Double]?) -> [Double] {
        guard let weights else { return Array(repeating: 1 / Double(count), count: count) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }
}

/// A normal truncated to [min, max], in standard units α = (min − μ)/σ, β = (max − μ)/σ.
private struct TruncatedNormal {
    let alpha: Double
    let beta: Double
    /// Z = Φ(β) − Φ(α), the mass kept; computed from the nearer tail to avoid cancellation.
    let mass: Double

    /// Returns nil when there is no bound (or no spread), so the plain normal formulas apply.
    init?(mean: Double, sd: Double, min: Double?, max: Double?) {
        guard min != nil || max != nil, sd > 0 else { return nil }
        alpha = min.map { ($0 - mean) / sd } ?? -.infinity
        beta = max.map { ($0 - mean) / sd } ?? .infinity
        mass = alpha > 0
            ? NormalDistribution.cdf(-alpha) - NormalDistribution.cdf(-beta)
            : NormalDistribution.cdf(beta) - NormalDistribution.cdf(alpha)
    }

    /// (φ(α) − φ(β)) / Z: the mean in units of σ relative to μ.
    var meanShift: Double {
        (NormalDistribution.pdf(alpha) - NormalDistribution.pdf(beta)) / mass
    }

    /// 1 + (αφ(α) − βφ(β))/Z − shift²: the variance in units of σ².
    var varianceFactor: Double {
        // x·φ(x) → 0 as x → ±∞; write it out so ∞·0 does not give NaN.
        func xpdf(_ x: Double) -> Double { x.isInfinite ? 0 : x * NormalDistribution.pdf(x) }
        let shift = meanShift
        return 1 + (xpdf(alpha) - xpdf(beta)) / mass - shift * shift
    }

    /// P(X ≤ μ + zσ) under the truncated law, for α ≤ z < β.
    func cdf(_ z: Double) -> Double {
        let kept = alpha > 0
            ? NormalDistribution.cdf(-alpha) - NormalDistribution.cdf(-z)
            : NormalDistribution.cdf(z) - NormalDistribution.cdf(alpha)
        return Swift.min(1, Swift.max(0, kept / mass))
    }
}
