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

    /// Smallest probability mass a truncated normal may keep: below it, sampling by resampling
    /// would need over a million tries per draw on average (or never end when the mass is 0).
    public static let minimumTruncatedNormalMass = 1e-6

    /// Everything wrong with the parameters, empty when the distribution can be sampled.
    ///
    /// Checked here, in the kernel, so every way of building a distribution (file, code, tests)
    /// meets the same rules; ordering checks are only made between finite parameters, so one bad
    /// number gives one issue.
    public func validationIssues() -> [DistributionIssue] {
        var issues: [DistributionIssue] = []
        func finite(_ field: String, _ x: Double) -> Bool {
            if x.isFinite { return true }
            issues.append(DistributionIssue(field: field, message: "must be finite"))
            return false
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
            if finite("lambda", lambda) { positive("lambda", lambda) }
        case .exponential(let mean):
            if finite("mean", mean) { nonNegative("mean", mean) }
        case .lognormal(let median, let p90):
            let okMedian = finite("median", median)
            let ok = finite("p90", p90) && okMedian
            if median.isFinite { positive("median", median) }
            if ok && median > 0 { atLeast("p90", p90, "median", median) }
        case .gamma(let mean, let cv):
            if finite("mean", mean) { nonNegative("mean", mean) }
            if finite("cv", cv) { positive("cv", cv) }
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
                        message: "the interval \(interval) must hold at least 1e-6 of the normal's probability"))
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
