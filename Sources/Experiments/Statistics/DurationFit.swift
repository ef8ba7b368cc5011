import Foundation
import SimKernel

/// Fits a distribution to right-censored durations by maximum likelihood among the MODEL.md
/// families that suit positive durations (exponential, gamma, lognormal, triangular), and
/// picks the family with the smallest AIC = 2k − 2ℓ (Akaike 1974).
///
/// The censored log-likelihood is Σ ln f(xᵢ) over ended durations plus Σ ln(1 − F(cⱼ)) over
/// censored ones (Lawless 2003, ch. 2). The exponential has its closed form; the others are
/// maximized by ``NelderMead`` on unconstrained parameters.
public enum DurationFit {
    public enum Family: String, CaseIterable, Sendable {
        case exponential, gamma, lognormal, triangular

        public var parameterCount: Int {
            switch self {
            case .exponential: 1
            case .gamma, .lognormal: 2
            case .triangular: 3
            }
        }
    }

    public struct Fit: Sendable, Equatable {
        public var family: Family
        public var distribution: Distribution
        public var logLikelihood: Double
        public var aic: Double { 2 * Double(family.parameterCount) - 2 * logLikelihood }
    }

    /// ln f(x) for the families fitted here.
    public static func logDensity(_ d: Distribution, _ x: Double) -> Double {
        switch d {
        case .exponential(let mean):
            return x < 0 ? -.infinity : -log(mean) - x / mean
        case .gamma(let mean, let cv):
            guard x > 0 else { return -.infinity }
            let k = 1 / (cv * cv), theta = mean * cv * cv
            return (k - 1) * log(x) - x / theta - lgamma(k) - k * log(theta)
        case .lognormal(let median, let p90):
            guard x > 0 else { return -.infinity }
            let sigma = log(p90 / median) / 1.2815515655446004
            let z = (log(x) - log(median)) / sigma
            return -log(x * sigma) - 0.5 * log(2 * Double.pi) - 0.5 * z * z
        case .triangular(let a, let c, let b):
            guard x >= a, x <= b, b > a else { return -.infinity }
            if x < c { return log(2 * (x - a) / ((b - a) * (c - a))) }
            if x > c { return log(2 * (b - x) / ((b - a) * (b - c))) }
            return log(2 / (b - a))
        default:
            preconditionFailure("no density for \(d)")
        }
    }

    /// The censored log-likelihood of `times` under `d`.
    public static func logLikelihood(_ d: Distribution, _ times: [CensoredTime]) -> Double {
        var sum = 0.0
        for t in times {
            sum += t.censored ? log(max(0, 1 - d.cdf(t.time))) : logDensity(d, t.time)
            if !sum.isFinite { return -.infinity }
        }
        return sum
    }

    /// The maximum-likelihood fit of one family; nil when too few durations ended to fit it.
    public static func fit(_ family: Family, _ times: [CensoredTime]) -> Fit? {
        let ended = times.filter { !$0.censored }.map(\.time)
        guard ended.count >= family.parameterCount, ended.allSatisfy({ $0 >= 0 }) else { return nil }
        let positive = ended.filter { $0 > 0 }
        switch family {
        case .exponential:
            guard let m = CensoredMaximumLikelihood.exponentialMean(times) else { return nil }
            let d = Distribution.exponential(mean: m.value)
            return Fit(family: family, distribution: d, logLikelihood: logLikelihood(d, times))
        case .gamma:
            guard positive.count >= 2 else { return nil }
            let (m, v) = meanVariance(positive)
            guard v > 0 else { return nil }
            func make(_ p: [Double]) -> Distribution { .gamma(mean: exp(p[0]), cv: exp(p[1])) }
            let r = NelderMead.minimize({ -logLikelihood(make($0), times) },
                                        start: [log(m), log(v.squareRoot() / m)], step: 0.3)
            return r.value.isFinite ? Fit(family: family, distribution: make(r.point), logLikelihood: -r.value) : nil
        case .lognormal:
            guard positive.count >= 2 else { return nil }
            let logs = positive.map { log($0) }
            let (mu, v) = meanVariance(logs)
            guard v > 0 else { return nil }
            func make(_ p: [Double]) -> Distribution {
                .lognormal(median: exp(p[0]), p90: exp(p[0] + 1.2815515655446004 * exp(p[1])))
            }
            let r = NelderMead.minimize({ -logLikelihood(make($0), times) },
                                        start: [mu, 0.5 * log(v)], step: 0.3)
            return r.value.isFinite ? Fit(family: family, distribution: make(r.point), logLikelihood: -r.value) : nil
        case .triangular:
            // min in [0, smallest), max beyond every observed time (censored included), mode
            // between: unconstrained through a logistic and a log.
            let lo = ended.min()!
            let hi = times.map(\.time).max()!
            guard hi > lo else { return nil }
            let span = hi - lo
            func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
            func make(_ p: [Double]) -> Distribution {
                let a = lo * logistic(p[0])
                let b = hi + span * exp(p[1])
                return .triangular(min: a, mode: a + (b - a) * logistic(p[2]), max: b)
            }
            let (m, _) = meanVariance(ended)
            let startMode = log(max(1e-3, (m - lo) / span) / max(1e-3, 1 - (m - lo) / span))
            let r = NelderMead.minimize({ -logLikelihood(make($0), times) }, start: [0, -2, startMode], step: 0.5)
            return r.value.isFinite ? Fit(family: family, distribution: make(r.point), logLikelihood: -r.value) : nil
        }
    }

    /// Every family that could be fitted, best (smallest AIC) first; ties keep the order of
    /// ``Family/allCases``, so the simpler family wins a tie.
    public static func fitAll(_ times: [CensoredTime], families: [Family] = Family.allCases) -> [Fit] {
        let fits = families.compactMap { fit($0, times) }
        return fits.enumerated().sorted { a, b in
            a.element.aic != b.element.aic ? a.element.aic < b.element.aic : a.offset < b.offset
        }.map(\.element)
    }

    static func meanVariance(_ xs: [Double]) -> (Double, Double) {
        let m = xs.reduce(0, +) / Double(xs.count)
        let v = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(max(1, xs.count - 1))
        return (m, v)
    }
}
