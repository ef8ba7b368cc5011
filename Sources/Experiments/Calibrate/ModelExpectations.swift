import Foundation
import ProgramModel
import SimKernel

/// Averages over what a log cannot show, taken from the base scenario: the complexity c that
/// scales data preparation, pilot and scale-up (5.4, 5.5, 5.7), and the data readiness of
/// each domain. A log sees c·(base duration) and the success that c and readiness shape, never
/// c itself: the two are confounded, and the base scenario's complexity settles the split.
struct ModelExpectations {
    /// E[c] and E[c^−complexityExponent] over the base's archetypes.
    let meanComplexity: Double
    let meanComplexityPower: Double
    let readinessByDomain: [String: Double]
    let meanReadiness: Double

    /// Draws 20,000 complexities from a fixed stream, so the averages are the same every run
    /// (Monte Carlo error about 0.1% of the mean).
    init(_ base: Scenario) {
        var g = Xoshiro256StarStar(seed: 0x0C0FFEE, replication: 0, stream: 0)
        let total = base.portfolio.archetypes.reduce(0) { $0 + $1.weight }
        let samplers = base.portfolio.archetypes.map { $0.complexity.sampler() }
        let exponent = base.stages.pilot.complexityExponent
        var sum = 0.0, sumPower = 0.0
        let n = 20_000
        for _ in 0..<n {
            var pick = g.nextUnit() * total
            var a = 0
            while a < base.portfolio.archetypes.count - 1 && pick >= base.portfolio.archetypes[a].weight {
                pick -= base.portfolio.archetypes[a].weight
                a += 1
            }
            let c = max(0.05, samplers[a].sample(&g))
            sum += c
            sumPower += pow(c, -exponent)
        }
        meanComplexity = sum / Double(n)
        meanComplexityPower = sumPower / Double(n)
        var byDomain: [String: Double] = [:]
        for d in base.dataDomains { byDomain[d.name] = d.readiness }
        readinessByDomain = byDomain
        meanReadiness = base.dataDomains.reduce(0) { $0 + $1.readiness } / Double(max(1, base.dataDomains.count))
    }

    func readiness(_ domain: String?) -> Double {
        domain.flatMap { readinessByDomain[$0] } ?? meanReadiness
    }
}

extension Distribution {
    /// The same shape with every duration multiplied by `factor` (> 0).
    func scaled(by factor: Double) -> Distribution {
        switch self {
        case .fixed(let v): .fixed(v * factor)
        case .uniform(let a, let b): .uniform(min: a * factor, max: b * factor)
        case .triangular(let a, let c, let b): .triangular(min: a * factor, mode: c * factor, max: b * factor)
        case .pert(let a, let c, let b, let l): .pert(min: a * factor, mode: c * factor, max: b * factor, lambda: l)
        case .exponential(let m): .exponential(mean: m * factor)
        case .lognormal(let m, let p): .lognormal(median: m * factor, p90: p * factor)
        case .gamma(let m, let cv): .gamma(mean: m * factor, cv: cv)
        case .normal(let m, let sd, let lo, let hi): .normal(mean: m * factor, sd: sd * factor, min: lo.map { $0 * factor }, max: hi.map { $0 * factor })
        case .empirical(let v, let w): .empirical(values: v.map { $0 * factor }, weights: w)
        }
    }

    /// How a fitted distribution reads in a note: `lognormal(median 1.9, p90 3.4)`.
    var summaryText: String {
        let f: (Double) -> String = MetricFormat.figure
        switch self {
        case .exponential(let m): return "exponential(mean \(f(m)))"
        case .gamma(let m, let cv): return "gamma(mean \(f(m)), cv \(f(cv)))"
        case .lognormal(let m, let p): return "lognormal(median \(f(m)), p90 \(f(p)))"
        case .triangular(let a, let c, let b): return "triangular(\(f(a)), \(f(c)), \(f(b)))"
        default: return "\(self)"
        }
    }
}
