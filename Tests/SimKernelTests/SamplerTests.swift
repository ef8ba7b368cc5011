import Testing
import SimKernel

/// Statistical checks of every sampler against the exact theory in `Distribution+Moments`.
///
/// Each case uses its own fixed seed, so a run is repeatable; a failure is a real discrepancy
/// at that seed, not flakiness. Tolerances are 4 standard errors (two-sided p ≈ 6·10⁻⁵ each)
/// and the Kolmogorov–Smirnov 0.1% critical value, so a correct sampler essentially never
/// fails, while a wrong parameterization (a shape off by 10%, a swapped bound) fails by far.
@Suite struct SamplerTests {
    static let n = 200_000

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let distribution: Distribution
        let seed: UInt64
        var isContinuous = true
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "uniform(2, 5)", distribution: .uniform(min: 2, max: 5), seed: 1),
        Case(name: "triangular(1, 2, 6)", distribution: .triangular(min: 1, mode: 2, max: 6), seed: 2),
        Case(name: "triangular(0, 0, 1)", distribution: .triangular(min: 0, mode: 0, max: 1), seed: 3),
        Case(name: "pert(1, 3, 10, λ 4)", distribution: .pert(min: 1, mode: 3, max: 10, lambda: 4), seed: 4),
        Case(name: "pert(0, 8, 10, λ 2)", distribution: .pert(min: 0, mode: 8, max: 10, lambda: 2), seed: 5),
        Case(name: "exponential(3)", distribution: .exponential(mean: 3), seed: 6),
        Case(name: "lognormal(5, 12)", distribution: .lognormal(median: 5, p90: 12), seed: 7),
        Case(name: "gamma(4, cv 0.5), shape 4", distribution: .gamma(mean: 4, cv: 0.5), seed: 8),
        Case(name: "gamma(4, cv 2), shape 0.25", distribution: .gamma(mean: 4, cv: 2), seed: 9),
        Case(name: "normal(10, 2)", distribution: .normal(mean: 10, sd: 2, min: nil, max: nil), seed: 10),
        Case(name: "normal(10, 2) in [8, 13]", distribution: .normal(mean: 10, sd: 2, min: 8, max: 13), seed: 11),
        Case(name: "normal(1, 2) ≥ 0", distribution: .normal(mean: 1, sd: 2, min: 0, max: nil), seed: 12),
        Case(name: "empirical weighted", distribution: .empirical(values: [1, 2, 5, 10], weights: [1, 3, 0.5, 2]),
             seed: 13, isContinuous: false),
        Case(name: "empirical unweighted", distribution: .empirical(values: [3, 7, 8], weights: nil),
             seed: 14, isContinuous: false),
    ]

    static func draws(_ c: Case) -> [Double] {
        let sampler = Sampler(c.distribution)
        var g = Xoshiro256StarStar(seed: c.seed, replication: 0, stream: 0)
        return (0..<n).map { _ in sampler.sample(&g) }
    }

    @Test(arguments: cases)
    func sampleMatchesTheory(_ c: Case) {
        let x = Self.draws(c)
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        var m2 = 0.0, m4 = 0.0
        for v in x {
            let d = (v - mean) * (v - mean)
            m2 += d
            m4 += d * d
        }
        let variance = m2 / (n - 1)
        m4 /= n

        // Mean: SE = σ/√n with the theoretical σ.
        let sigma2 = c.distribution.variance
        let meanSE = (sigma2 / n).squareRoot()
        #expect(abs(mean - c.distribution.mean) < 4 * meanSE, "mean \(mean) vs \(c.distribution.mean)")

        // Variance: s² is asymptotically normal with variance (μ₄ − σ⁴)/n. μ₄ is estimated from
        // the sample (its theoretical value needs another formula per law, a second thing to get
        // wrong); at n = 200,000 the estimate is good to a few percent even for the skewed laws.
        let varianceSE = ((m4 - sigma2 * sigma2) / n).squareRoot()
        #expect(abs(variance - sigma2) < 4 * varianceSE, "variance \(variance) vs \(sigma2)")

        if c.isContinuous {
            // One-sample Kolmogorov–Smirnov: √n·D is asymptotically Kolmogorov-distributed, whose
            // 0.1% upper critical value is 1.949; we fail at 1.95.
            let sorted = x.sorted()
            var d = 0.0
            for (i, v) in sorted.enumerated() {
                let f = c.distribution.cdf(v)
                d = max(d, f - Double(i) / n, Double(i + 1) / n - f)
            }
            #expect(d * n.squareRoot() < 1.95, "KS √n·D = \(d * n.squareRoot())")
        }

        if case .normal(_, _, let min, let max) = c.distribution {
            #expect(x.allSatisfy { $0 >= (min ?? -.infinity) && $0 <= (max ?? .infinity) })
        }
    }

    @Test(arguments: cases.filter { !$0.isContinuous })
    func empiricalFrequenciesMatchWeights(_ c: Case) throws {
        guard case .empirical(let values, let weights) = c.distribution else { return }
        let w = weights ?? Array(repeating: 1, count: values.count)
        let total = w.reduce(0, +)
        let x = Self.draws(c)
        let n = Double(x.count)
        for (value, weight) in zip(values, w) {
            let p = weight / total
            let frequency = Double(x.lazy.filter { $0 == value }.count) / n
            // Binomial proportion: SE = √(p(1 − p)/n).
            #expect(abs(frequency - p) < 4 * (p * (1 - p) / n).squareRoot(), "value \(value): \(frequency) vs \(p)")
        }
        #expect(x.allSatisfy { values.contains($0) })
    }

    @Test func zeroWeightValuesAreNeverDrawn() {
        let sampler = Sampler(.empirical(values: [1, 2, 3, 4], weights: [0, 1, 0, 1]))
        var g = Xoshiro256StarStar(seed: 15)
        var seen: Set<Double> = []
        for _ in 0..<10_000 { seen.insert(sampler.sample(&g)) }
        #expect(seen == [2, 4])
    }

    @Test(arguments: [
        (Distribution.fixed(2.5), 2.5),
        (.uniform(min: 3, max: 3), 3),
        (.triangular(min: 1, mode: 1, max: 1), 1),
        (.pert(min: 2, mode: 2, max: 2, lambda: 4), 2),
        (.exponential(mean: 0), 0),
        (.lognormal(median: 4, p90: 4), 4),
        (.gamma(mean: 5, cv: 0), 5),
        (.normal(mean: 7, sd: 0, min: nil, max: nil), 7),
        (.normal(mean: 7, sd: 1, min: 6, max: 6), 6),
        (.empirical(values: [9], weights: nil), 9),
    ])
    func degenerateDistributionsAreFixedAndDrawNothing(_ distribution: Distribution, _ value: Double) {
        let sampler = Sampler(distribution)
        var g = Xoshiro256StarStar(seed: 16)
        let untouched = g
        for _ in 0..<10 { #expect(sampler.sample(&g) == value) }
        var a = g, b = untouched
        #expect(a.next() == b.next())
        #expect(sampler.mean == value)
    }

    @Test func sameSeedGivesSameDraws() {
        let sampler = Distribution.pert(min: 1, mode: 3, max: 10, lambda: 4).sampler()
        var a = Xoshiro256StarStar(seed: 5, replication: 2, stream: 1)
        var b = Xoshiro256StarStar(seed: 5, replication: 2, stream: 1)
        #expect((0..<100).map { _ in sampler.sample(&a) } == (0..<100).map { _ in sampler.sample(&b) })
    }
}
