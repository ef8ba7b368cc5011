import Foundation
import SimKernel

/// A duration that ended (`censored == false`), or that was still running when observation
/// stopped (`censored == true`: the true duration exceeds `time`).
public struct CensoredTime: Sendable, Equatable {
    public var time: Double
    public var censored: Bool

    public init(_ time: Double, censored: Bool = false) {
        self.time = time
        self.censored = censored
    }
}

/// Maximum likelihood with right-censoring for the exponential mean and the Poisson rate,
/// with profile-likelihood intervals (Cox and Hinkley 1974; Lawless 2003, ch. 2).
///
/// For the exponential, with d ended durations and total time T over all observations
/// (ended and censored), the log-likelihood is ℓ(μ) = −d·ln μ − T/μ, maximized at μ̂ = T/d.
/// A Poisson count n over exposure E has the same form in the rate λ = 1/μ. The interval is
/// the set where 2(ℓ(μ̂) − ℓ(μ)) ≤ χ²₁(level), found by bisection on each side.
public enum CensoredMaximumLikelihood {
    public struct Estimate: Sendable, Equatable {
        public var value: Double
        public var lower: Double
        public var upper: Double
    }

    /// The χ² quantile with one degree of freedom: z², z the normal quantile of (1 + level)/2.
    public static func chiSquared1(_ level: Double) -> Double {
        let z = NormalDistribution.quantile(0.5 + level / 2)
        return z * z
    }

    /// The exponential mean from censored durations; nil when none ended.
    ///
    /// - Complexity: O(n) plus a fixed number of bisection steps.
    public static func exponentialMean(_ times: [CensoredTime], level: Double = 0.95) -> Estimate? {
        let d = times.reduce(0) { $0 + ($1.censored ? 0 : 1) }
        let total = times.reduce(0) { $0 + $1.time }
        guard d > 0, total > 0 else { return nil }
        guard let rate = poissonRate(events: d, exposure: total, level: level) else { return nil }
        return Estimate(value: 1 / rate.value, lower: 1 / rate.upper, upper: rate.lower > 0 ? 1 / rate.lower : .infinity)
    }

    /// The rate of a Poisson process: `events` over `exposure` (ℓ(λ) = n·ln λ − λE). With no
    /// events the estimate is 0 and the upper bound solves λE = χ²₁/2.
    public static func poissonRate(events: Int, exposure: Double, level: Double = 0.95) -> Estimate? {
        guard exposure > 0 else { return nil }
        let n = Double(events)
        let critical = chiSquared1(level)
        let hat = n / exposure
        // Deviance 2(ℓ(λ̂) − ℓ(λ)) = 2(n ln(n/(λE)) − (n − λE)), with 0·ln 0 = 0.
        func deviance(_ lambda: Double) -> Double {
            let m = lambda * exposure
            return 2 * ((n > 0 ? n * log(n / m) : 0) - (n - m))
        }
        func solve(_ inside: Double, _ outside: Double) -> Double {
            var a = inside, b = outside
            for _ in 0..<200 {
                let mid = 0.5 * (a + b)
                if deviance(mid) > critical { b = mid } else { a = mid }
                if abs(b - a) <= 1e-14 * max(1, abs(a)) { break }
            }
            return 0.5 * (a + b)
        }
        let lower: Double
        if events == 0 { lower = 0 } else {
            lower = solve(hat, 0)
        }
        var far = max(hat, 1 / exposure) * 2
        while deviance(far) <= critical { far *= 2 }
        let upper = solve(hat, far)
        return Estimate(value: hat, lower: lower, upper: upper)
    }
}
