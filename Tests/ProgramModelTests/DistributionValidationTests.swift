import SimKernel
import Testing

private func issues(_ d: Distribution) -> [String] {
    d.validationIssues().map { "\($0.field): \($0.message)" }
}

@Suite struct DistributionValidationTests {
    @Test func validDistributionsHaveNoIssues() {
        let valid: [Distribution] = [
            .fixed(-1), .uniform(min: 2, max: 2), .triangular(min: 1, mode: 1, max: 3),
            .pert(min: 0, mode: 2, max: 5, lambda: 4), .exponential(mean: 0), .lognormal(median: 200, p90: 200),
            .gamma(mean: 0, cv: 0.5), .normal(mean: 0, sd: 1, min: nil, max: nil),
            .normal(mean: 0, sd: 1, min: 3, max: nil), .normal(mean: 5, sd: 0, min: 5, max: 5),
            .empirical(values: [1, 2], weights: nil), .empirical(values: [1, 2], weights: [0, 1]),
        ]
        for d in valid {
            #expect(d.validationIssues().isEmpty, "\(d)")
        }
    }

    @Test func namesMatchTheDistField() {
        #expect(Distribution.fixed(1).name == "fixed")
        #expect(Distribution.pert(min: 0, mode: 1, max: 2, lambda: 4).name == "pert")
        #expect(Distribution.empirical(values: [1], weights: nil).name == "empirical")
        #expect(Distribution.names == ["fixed", "uniform", "triangular", "pert", "exponential", "lognormal", "gamma", "normal", "empirical"])
    }

    @Test func everyKindReportsItsField() {
        #expect(issues(.fixed(.nan)) == ["value: must be finite"])
        #expect(issues(.uniform(min: 3, max: 1)) == ["max: must be at least min (3)"])
        #expect(issues(.uniform(min: .infinity, max: 1)) == ["min: must be finite"])
        #expect(issues(.triangular(min: 2, mode: 1, max: 3)) == ["mode: must be at least min (2)"])
        #expect(issues(.triangular(min: 1, mode: 2.5, max: 2)) == ["max: must be at least mode (2.5)"])
        #expect(issues(.pert(min: 1, mode: 2, max: 3, lambda: 0)) == ["lambda: must be greater than 0"])
        #expect(issues(.pert(min: 1, mode: 0, max: 3, lambda: -1)) == ["mode: must be at least min (1)", "lambda: must be greater than 0"])
        #expect(issues(.exponential(mean: -1)) == ["mean: must be at least 0"])
        #expect(issues(.lognormal(median: 0, p90: 5)) == ["median: must be greater than 0"])
        #expect(issues(.lognormal(median: 200, p90: 100)) == ["p90: must be at least median (200)"])
        #expect(issues(.gamma(mean: -1, cv: 0)) == ["mean: must be at least 0", "cv: must be greater than 0"])
        #expect(issues(.normal(mean: 0, sd: -1, min: nil, max: nil)) == ["sd: must be at least 0"])
        #expect(issues(.normal(mean: 0, sd: 1, min: 2, max: 1)) == ["max: must be at least min (2)"])
        #expect(issues(.empirical(values: [], weights: nil)) == ["values: must not be empty"])
        #expect(issues(.empirical(values: [1, .nan], weights: nil)) == ["values[1]: must be finite"])
        #expect(issues(.empirical(values: [1, 2], weights: [1])) == ["weights: must have one weight per value (2), got 1"])
        #expect(issues(.empirical(values: [1, 2], weights: [1, -1])) == ["weights[1]: must be at least 0"])
        #expect(issues(.empirical(values: [1, 2], weights: [0, 0])) == ["weights: must sum to a positive number"])
    }

    @Test func truncatedNormalMustKeepProbability() {
        let rule = "must hold at least 0.001 of the normal's probability (values outside are drawn again, 1/mass tries per draw), got "
        // 10 sd above the mean holds ~7.6e-24 of the probability: resampling would never end.
        #expect(issues(.normal(mean: 0, sd: 1, min: 10, max: nil)) == ["min: the interval [10, inf] " + rule + "7.62e-24"])
        #expect(issues(.normal(mean: 0, sd: 1, min: nil, max: -10)) == ["max: the interval [-inf, -10] " + rule + "7.62e-24"])
        #expect(issues(.normal(mean: 0, sd: 1, min: 1, max: 1)) == ["max: the interval [1, 1] " + rule + "0"])
        #expect(issues(.normal(mean: 3, sd: 0, min: 0, max: 2)) == ["max: the interval [0, 2] " + rule + "0"])
        // 4.5 sd out holds ~3.4e-6: half a second per replication when it was allowed.
        #expect(issues(.normal(mean: 0, sd: 1, min: 4.5, max: nil)) == ["min: the interval [4.5, inf] " + rule + "3.4e-06"])
        // 3 sd out still holds ~1.35e-3: allowed, computed from the tail without cancellation.
        #expect(issues(.normal(mean: 0, sd: 1, min: 3, max: nil)).isEmpty)
        #expect(issues(.normal(mean: 0, sd: 1, min: 3, max: 100)).isEmpty)
        #expect(issues(.normal(mean: 0, sd: 1, min: -100, max: -3)).isEmpty)
    }

    @Test func parametersWhoseDrawsOrSumsWouldOverflowAreRefused() {
        #expect(issues(.uniform(min: -1e308, max: 1e308))
            == ["min: must be between -1e15 and 1e15, got -1e+308", "max: must be between -1e15 and 1e15, got 1e+308"])
        #expect(issues(.fixed(2e15)) == ["value: must be between -1e15 and 1e15, got 2000000000000000"])
        #expect(issues(.exponential(mean: 1e16)) == ["mean: must be between -1e15 and 1e15, got 1e+16"])
        #expect(issues(.empirical(values: [1, 3e20], weights: nil)) == ["values[1]: must be between -1e15 and 1e15, got 3e+20"])
        #expect(issues(.gamma(mean: 2, cv: 1e-200)).first?.hasPrefix("cv: must be between 0.001 and 10") == true)
        #expect(issues(.gamma(mean: 2, cv: 1e200)) == ["cv: must be between -1e15 and 1e15, got 1e+200"])
        #expect(issues(.gamma(mean: 2, cv: 0.001)).isEmpty && issues(.gamma(mean: 2, cv: 10)).isEmpty)
        #expect(issues(.lognormal(median: 1, p90: 1e9)) == ["p90: must be at most 1000 (1000 times the median; beyond it draws overflow), got 1000000000"])
        #expect(issues(.lognormal(median: 2, p90: 2000)).isEmpty)
        #expect(issues(.pert(min: 0, mode: 1, max: 2, lambda: 1e6)).first?.hasPrefix("lambda: must be at most 1000") == true)
    }

    @Test func drawsAtTheLimitsStayFinite() {
        var generator = Xoshiro256StarStar(seed: 9, replication: 0, stream: 0)
        for distribution in [Distribution.gamma(mean: 1e15, cv: 10), .gamma(mean: 1e15, cv: 0.001),
                             .lognormal(median: 1e15, p90: 1e15 * 999), .uniform(min: -1e15, max: 1e15),
                             .pert(min: -1e15, mode: 0, max: 1e15, lambda: 1000), .exponential(mean: 1e15)] {
            let sampler = Sampler(distribution)
            for _ in 0..<20_000 {
                let x = sampler.sample(&generator)
                #expect(x.isFinite, "\(distribution)")
                if !x.isFinite { break }
            }
        }
    }
}
