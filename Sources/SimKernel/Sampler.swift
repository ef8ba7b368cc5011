import Foundation

/// A ``Distribution`` compiled for drawing: parameters precomputed, dispatch by a small enum.
///
/// Build one per random input when a scenario is loaded, then call ``sample(_:)`` in the hot
/// loop. The draw path is `@inlinable` and generic over the generator, so in the model module it
/// specializes to the concrete generator with no existential or closure in sight.
///
/// ```swift
/// let service = Sampler(.gamma(mean: 3, cv: 0.5))
/// var g = Xoshiro256StarStar(seed: 42, replication: 0, stream: 1)
/// let duration = service.sample(&g)
/// ```
///
/// Parameters are assumed valid (validation happens when the scenario is read). Degenerate
/// cases (zero width, zero spread, `min == max`) compile to a fixed value and draw nothing.
public struct Sampler: Sendable, Equatable {
    /// Which algorithm ``sample(_:)`` runs.
    @usableFromInline
    enum Kind: Sendable, Equatable {
        case fixed, uniform, triangular, pert, exponential, lognormal, gamma
        case normal, truncatedNormal, empirical
    }

    @usableFromInline let kind: Kind
    /// fixed: the value; uniform, triangular, PERT: min; normal: mean; lognormal: mu = ln(median).
    @usableFromInline let location: Double
    /// uniform, triangular, PERT: max − min; exponential: mean; gamma: scale = mean·cv²;
    /// normal: sd; lognormal: sigma = ln(p90/median)/z₀.₉.
    @usableFromInline let scale: Double
    /// triangular: (mode − min)/(max − min), where the inverse CDF changes branch.
    @usableFromInline let modeFraction: Double
    /// truncated normal: the bounds (−∞ or +∞ where absent).
    @usableFromInline let lower: Double
    @usableFromInline let upper: Double
    /// gamma: the shape 1/cv²; PERT: alpha.
    @usableFromInline let firstGamma: GammaVariate
    /// PERT: beta.
    @usableFromInline let secondGamma: GammaVariate
    /// empirical: the values and their weights; nil for every other kind. One optional
    /// reference rather than two arrays, so that copying a sampler (which the model does on
    /// every draw) costs no reference counting when the distribution is not empirical.
    @usableFromInline let table: EmpiricalTable?

    /// The theoretical mean of the distribution this sampler draws from.
    public let mean: Double

    /// Compiles `distribution`, precomputing everything a draw needs.
    ///
    /// - Complexity: O(n) for an empirical distribution of n values, otherwise O(1).
    public init(_ distribution: Distribution) {
        var kind = Kind.fixed
        var location = 0.0, scale = 0.0, modeFraction = 0.0
        var lower = -Double.infinity, upper = Double.infinity
        var firstGamma = GammaVariate.unused, secondGamma = GammaVariate.unused
        var table: EmpiricalTable? = nil

        switch distribution {
        case .fixed(let value):
            location = value
        case .uniform(let min, let max):
            (kind, location, scale) = max > min ? (.uniform, min, max - min) : (.fixed, min, 0)
        case .triangular(let min, let mode, let max):
            if max > min {
                (kind, location, scale) = (.triangular, min, max - min)
                modeFraction = (mode - min) / (max - min)
            } else {
                location = min
            }
        case .pert(let min, let mode, let max, let lambda):
            if max > min {
                let (alpha, beta) = Distribution.pertShapes(min: min, mode: mode, max: max, lambda: lambda)
                (kind, location, scale) = (.pert, min, max - min)
                firstGamma = GammaVariate(shape: alpha)
                secondGamma = GammaVariate(shape: beta)
            } else {
                location = min
            }
        case .exponential(let mean):
            (kind, scale) = mean > 0 ? (.exponential, mean) : (.fixed, 0)
        case .lognormal(let median, let p90):
            let sigma = Distribution.lognormalSigma(median: median, p90: p90)
            (kind, location, scale) = sigma > 0 ? (.lognormal, log(median), sigma) : (.fixed, median, 0)
        case .gamma(let mean, let cv):
            if cv > 0 && mean > 0 {
                (kind, scale) = (.gamma, mean * cv * cv)
                firstGamma = GammaVariate(shape: 1 / (cv * cv))
            } else {
                location = mean
            }
        case .normal(let mean, let sd, let min, let max):
            if let point = Distribution.normalPointMass(mean: mean, sd: sd, min: min, max: max) {
                // No spread, or a single admissible point: resampling could never succeed.
                location = point
            } else {
                kind = min == nil && max == nil ? .normal : .truncatedNormal
                (location, scale) = (mean, sd)
                lower = min ?? -.infinity
                upper = max ?? .infinity
            }
        case .empirical(let vs, let weights):
            if vs.count > 1 {
                kind = .empirical
                var total = 0.0
                table = EmpiricalTable(values: vs, cumulativeWeights: (weights ?? Array(repeating: 1, count: vs.count)).map {
                    total += $0
                    return total
                })
            } else {
                location = vs.first ?? 0
            }
        }

        self.kind = kind
        self.location = location
        self.scale = scale
        self.modeFraction = modeFraction
        self.lower = lower
        self.upper = upper
        self.firstGamma = firstGamma
        self.secondGamma = secondGamma
        self.table = table
        self.mean = distribution.mean
    }

    /// Draws one value.
    ///
    /// Draws consumed: fixed none; uniform, triangular, exponential and empirical one;
    /// normal and lognormal two; gamma and PERT a variable number (Marsaglia–Tsang rejects
    /// under 5% of the time for shape ≥ 1); truncated normal two per attempt, 1/P(min ≤ X ≤ max)
    /// attempts on average, so bounds should not cut away nearly all the mass.
    ///
    /// - Complexity: O(1) expected; O(log n) for an empirical distribution of n values.
    /// Always inlined: a call out of line would copy the sampler (about 100 bytes) out of the
    /// parameters it lives in on every draw.
    @inlinable @inline(__always)
    public func sample<G: RandomNumberGenerator>(_ g: inout G) -> Double {
        switch kind {
        case .fixed:
            return location
        case .uniform:
            return location + scale * g.nextUnit()
        case .triangular:
            // Inverse CDF, in units of the width.
            let u = g.nextUnit()
            if u < modeFraction {
                return location + scale * (u * modeFraction).squareRoot()
            }
            return location + scale * (1 - ((1 - u) * (1 - modeFraction)).squareRoot())
        case .pert:
            // Beta(α, β) as X/(X + Y) with X ~ Gamma(α), Y ~ Gamma(β).
            let x = firstGamma.sample(&g)
            let y = secondGamma.sample(&g)
            return location + scale * (x / (x + y))
        case .exponential:
            return g.exponential(mean: scale)
        case .lognormal:
            return exp(location + scale * g.standardNormal())
        case .gamma:
            return scale * firstGamma.sample(&g)
        case .normal:
            return location + scale * g.standardNormal()
        case .truncatedNormal:
            while true {
                let x = location + scale * g.standardNormal()
                if x >= lower && x <= upper { return x }
            }
        case .empirical:
            let table = table.unsafelyUnwrapped
            let total = table.cumulativeWeights[table.cumulativeWeights.count - 1]
            return table.values[table.index(target: g.nextUnit() * total)]
        }
    }

}

extension Sampler {
    /// An empirical distribution's values and the running sums of their weights (1, 2, … when
    /// unweighted); immutable, so samplers share it.
    @usableFromInline
    final class EmpiricalTable: Sendable, Equatable {
        @usableFromInline let values: [Double]
        @usableFromInline let cumulativeWeights: [Double]

        init(values: [Double], cumulativeWeights: [Double]) {
            self.values = values
            self.cumulativeWeights = cumulativeWeights
        }

        @usableFromInline
        static func == (a: EmpiricalTable, b: EmpiricalTable) -> Bool {
            a.values == b.values && a.cumulativeWeights == b.cumulativeWeights
        }

        /// The first index whose cumulative weight exceeds `target`, by binary search.
        ///
        /// Zero-weight values are never chosen (their running sum equals the previous one). The
        /// result is clamped to the last index in case rounding makes `target` reach the total.
        @inlinable
        func index(target: Double) -> Int {
            var low = 0, high = cumulativeWeights.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulativeWeights[middle] > target {
                    high = middle
                } else {
                    low = middle + 1
                }
            }
            return low
        }
    }
}

extension Sampler {
    /// A Gamma(shape, 1) draw by Marsaglia and Tsang (2000), with precomputed constants.
    ///
    /// For shape < 1 it draws Gamma(shape + 1) and multiplies by U^(1/shape), the authors' boost.
    @usableFromInline
    struct GammaVariate: Sendable, Equatable {
        /// d = s − 1/3, where s is the shape, or shape + 1 when boosting.
        @usableFromInline let d: Double
        /// c = 1/√(9d).
        @usableFromInline let c: Double
        /// 1/shape when shape < 1 (boost on), otherwise 0 (boost off).
        @usableFromInline let inverseShape: Double

        /// Placeholder for kinds that do not draw gammas; never sampled.
        @usableFromInline static let unused = GammaVariate(shape: 1)

        @usableFromInline
        init(shape: Double) {
            let boosted = shape < 1
            d = (boosted ? shape + 1 : shape) - 1.0 / 3
            c = 1 / (9 * d).squareRoot()
            inverseShape = boosted ? 1 / shape : 0
        }

        @inlinable
        func sample<G: RandomNumberGenerator>(_ g: inout G) -> Double {
            var value: Double
            while true {
                let x = g.standardNormal()
                let t = 1 + c * x
                if t <= 0 { continue }
                let v = t * t * t
                let u = g.nextOpenUnit()
                let x2 = x * x
                // Cheap squeeze first; the log test only when it fails.
                if u < 1 - 0.0331 * x2 * x2 || log(u) < 0.5 * x2 + d * (1 - v + log(v)) {
                    value = d * v
                    break
                }
            }
            if inverseShape > 0 {
                value *= pow(g.nextOpenUnit(), inverseShape)
            }
            return value
        }
    }
}

extension Distribution {
    /// Compiles this distribution for drawing; the same as `Sampler(self)`.
    ///
    /// - Complexity: O(n) for an empirical distribution of n values, otherwise O(1).
    public func sampler() -> Sampler {
        Sampler(self)
    }
}
