import StrictJSON
import Foundation

/// One invalid parameter of a distribution: `field` names the parameter as a scenario file
/// spells it ("max", "weights[2]"), so callers can prefix it with their own path.
public struct DistributionIssue: Equatable, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

extension Distribution {
    /// The `dist` names of MODEL.md section 3, in that order (used to list valid names).
    public static let names = [
        "fixed", "uniform", "triangular", "pert", "exponential", "lognormal", "gamma", "normal", "empirical",
    ]

    /// This case's `dist` name in a scenario file.
    public var name: String {
        switch self {
        case .fixed: return "fixed"
        case .uniform: return "uniform"
        case .triangular: return "triangular"
        case .pert: return "pert"
        case .exponential: return "exponential"
        case .lognormal: return "lognormal"
        case .gamma: return "gamma"
        case .normal: return "normal"
        case .empirical: return "empirical"
        }
    }

    /// Smallest probability mass a truncated normal may keep: sampling resamples values outside
    /// the interval, so the mass m costs 1/m tries per draw (1e-6 took half a second per
    /// replication); at 1e-3 a draw takes at most about a thousand tries.
    public static let minimumTruncatedNormalMass = 1e-3

    /// Largest magnitude of any parameter: months, counts and money all stay far below it, and
    /// differences, draws and sums over a whole program (units × months × use cases) stay
    /// finite, so no figure overflows to infinity.
    public static let largestParameter = 1e15

    /// Range of a gamma's cv: its shape 1/cv² from 1e-2 to 1e6. Beyond, the shape underflows
    /// or overflows and draws are 0 or NaN.
    public static let gammaCVRange = 1e-3...10.0

    /// Largest p90 / median of a lognormal: σ = ln(ratio)/1.2816 ≤ 5.4, so even a draw 8 σ out
    /// stays below 1e19 times the median instead of overflowing.
    public static let largestLognormalRatio = 1000.0

    /// Largest PERT lambda: the beta shapes grow with it, and past this the distribution is a
    /// spike at the mode better written as "fixed".
    public static let largestPertLambda = 1000.0

    /// Everything wrong with the parameters, empty when the distribution can be sampled.
    ///
    /// Checked here, in the kernel, so every way of building a distribution (file, code, tests)
    /// meets the same rules; ordering checks are only made between finite parameters, so one bad
    /// number gives one issue.
    public func validationIssues() -> [DistributionIssue] {
        var issues: [DistributionIssue] = []
        func finite(_ field: String, _ x: Double) -> Bool {
            guard x.isFinite else {
                issues.append(DistributionIssue(field: field, message: "must be finite"))
                return false
            }
            guard abs(x) <= Self.largestParameter else {
                issues.append(DistributionIssue(field: field, message: "must be between -1e15 and 1e15, got \(Self.format(x))"))
                return false
            }
            return true
        }
        func atMost(_ field: String, _ x: Double, _ bound: Double, _ why: String) {
            if x > bound {
                issues.append(DistributionIssue(field: field, message: "must be at most \(Self.format(bound)) (\(why)), got \(Self.format(x))"))
            }
        }
        func atLeast(_ field: String, _ x: Double, _ boundName: String, _ bound: Double) {
            if x < bound {
                issues.append(DistributionIssue(field: field, message: "must be at least \(boundName) (\(Self.format(bound)))"))
            }
        }
        func nonNegative(_ field: String, _ x: Double) {
            if x < 0 { issues.append(DistributionIssue(field: field, message: "must be at least 0")) }
        }
        func positive(_ field: String, _ x: Double) {
            if !(x > 0) { issues.append(DistributionIssue(field: field, message: "must be greater than 0")) }
        }

        switch self {
        case .fixed(let value):
            _ = finite("value", value)
        case .uniform(let min, let max):
            let okMin = finite("min", min)
            if finite("max", max) && okMin {
                atLeast("max", max, "min", min)
            }
        case .triangular(let min, let mode, let max):
            checkOrdered(min: min, mode: mode, max: max, finite: finite, atLeast: atLeast)
        case .pert(let min, let mode, let max, let lambda):
            checkOrdered(min: min, mode: mode, max: max, finite: finite, atLeast: atLeast)
            if finite("lambda", lambda) {
                positive("lambda", lambda)
                atMost("lambda", lambda, Self.largestPertLambda, "beyond it the distribution is a spike at the mode: use fixed")
            }
        case .exponential(let mean):
            if finite("mean", mean) { nonNegative("mean", mean) }
        case .lognormal(let median, let p90):
            let okMedian = finite("median", median)
            let ok = finite("p90", p90) && okMedian
            if median.isFinite { positive("median", median) }
            if ok && median > 0 {
                atLeast("p90", p90, "median", median)
                atMost("p90", p90, median * Self.largestLognormalRatio, "1000 times the median; beyond it draws overflow")
            }
        case .gamma(let mean, let cv):
            if finite("mean", mean) { nonNegative("mean", mean) }
            if finite("cv", cv) {
                if !(cv > 0) {
                    positive("cv", cv)
                } else if !Self.gammaCVRange.contains(cv) {
                    issues.append(DistributionIssue(field: "cv", message: "must be between 0.001 and 10 (beyond, the gamma's shape 1/cv² underflows or overflows and draws are 0 or NaN), got \(Self.format(cv))"))
                }
            }
        case .normal(let mean, let sd, let min, let max):
            let okMean = finite("mean", mean)
            var ok = finite("sd", sd) && okMean
            if sd.isFinite && sd < 0 {
                nonNegative("sd", sd)
                ok = false
            }
            if let min { ok = finite("min", min) && ok }
            if let max { ok = finite("max", max) && ok }
            if let min, let max, min.isFinite, max.isFinite, max < min {
                atLeast("max", max, "min", min)
                ok = false
            }
            if ok, min != nil || max != nil {
                let mass = Self.normalMass(mean: mean, sd: sd, min: min ?? -.infinity, max: max ?? .infinity)
                if !(mass >= Self.minimumTruncatedNormalMass) {
                    let field = max != nil ? "max" : "min"
                    let interval = "[\(min.map(Self.format) ?? "-inf"), \(max.map(Self.format) ?? "inf")]"
                    issues.append(DistributionIssue(
                        field: field,
                        message: "the interval \(interval) must hold at least 0.001 of the normal's probability (values outside are drawn again, 1/mass tries per draw), got \(String(format: "%.3g", mass))"))
                }
            }
        case .empirical(let values, let weights):
            if values.isEmpty {
                issues.append(DistributionIssue(field: "values", message: "must not be empty"))
            }
            for (k, v) in values.enumerated() { _ = finite("values[\(k)]", v) }
            if let weights {
                if weights.count != values.count {
                    issues.append(DistributionIssue(
                        field: "weights",
                        message: "must have one weight per value (\(values.count)), got \(weights.count)"))
                }
                var ok = true
                for (k, w) in weights.enumerated() {
                    if !finite("weights[\(k)]", w) {
                        ok = false
                    } else if w < 0 {
                        nonNegative("weights[\(k)]", w)
                        ok = false
                    }
                }
                if ok, !weights.isEmpty || !values.isEmpty, !(weights.reduce(0, +) > 0) {
                    issues.append(DistributionIssue(field: "weights", message: "must sum to a positive number"))
                }
            }
        }
        return issues
    }

    private func checkOrdered(
        min: Double, mode: Double, max: Double,
        finite: (String, Double) -> Bool,
        atLeast: (String, Double, String, Double) -> Void
    ) {
        let okMin = finite("min", min)
        let okMode = finite("mode", mode)
        let okMax = finite("max", max)
        if okMin && okMode && mode < min {
            atLeast("mode", mode, "min", min)
        } else if okMode && okMax {
            atLeast("max", max, "mode", mode)
        } else if okMin && okMax {
            atLeast("max", max, "min", min)
        }
    }

    /// P(min ≤ X ≤ max) for X ~ Normal(mean, sd), computed from the nearer tail so that
    /// intervals far out in a tail do not cancel to 0.
    static func normalMass(mean: Double, sd: Double, min: Double, max: Double) -> Double {
        if sd == 0 { return (min <= mean && mean <= max) ? 1 : 0 }
        let a = (min - mean) / sd
        let b = (max - mean) / sd
        // Upper tail Q(z) = P(Z > z) = Φ(−z); for a ≥ 0 use Q(a) − Q(b), else Φ(b) − Φ(a).
        func upper(_ z: Double) -> Double { NormalDistribution.cdf(-z) }
        if a >= 0 { return upper(a) - upper(b) }
        return upper(-b) - upper(-a)
    }

    /// Numbers in messages, spelled as files spell them.
    static func format(_ x: Double) -> String { NumberText.format(x) }
}
