import Foundation
import Testing
@testable import Experiments
import SimKernel

/// The direct estimators against closed forms and hand calculations.
@Suite struct CensoredMaximumLikelihoodTests {
    /// Five ended durations and three censored ones: μ̂ = (total time)/(ended) exactly, and
    /// each interval end has deviance χ²₁(0.95) = 1.959964² (Lawless 2003, 2.2).
    @Test func exponentialMeanWithCensoringMatchesTheClosedForm() throws {
        let times = [CensoredTime(1), CensoredTime(2.5), CensoredTime(0.5), CensoredTime(4), CensoredTime(2),
                     CensoredTime(3, censored: true), CensoredTime(6, censored: true), CensoredTime(1, censored: true)]
        let e = try #require(CensoredMaximumLikelihood.exponentialMean(times))
        #expect(e.value == 20.0 / 5)
        func loglik(_ mu: Double) -> Double { -5 * log(mu) - 20 / mu }
        let critical = 1.959963984540054 * 1.959963984540054
        #expect(abs(2 * (loglik(4) - loglik(e.lower)) - critical) < 1e-9)
        #expect(abs(2 * (loglik(4) - loglik(e.upper)) - critical) < 1e-9)
        #expect(e.lower < 4 && 4 < e.upper)
    }

    /// No events: the estimate is 0 and the upper bound solves λE = χ²₁/2.
    @Test func poissonRateWithNoEvents() throws {
        let r = try #require(CensoredMaximumLikelihood.poissonRate(events: 0, exposure: 50))
        #expect(r.value == 0 && r.lower == 0)
        #expect(abs(r.upper * 50 - 1.959963984540054 * 1.959963984540054 / 2) < 1e-9)
    }

    /// Wilson by hand for 8 of 10 at 95%: z = 1.959964, centre (0.8 + z²/20)/(1 + z²/10),
    /// half-width z/(1 + z²/10)·√(0.016 + z²/400) give [0.490163, 0.943318].
    @Test func wilsonIntervalByHand() {
        let w = WilsonInterval(successes: 8, trials: 10, confidence: 0.95)
        #expect(abs(w.lower - 0.4901625) < 1e-6)
        #expect(abs(w.upper - 0.9433178) < 1e-6)
        let none = WilsonInterval(successes: 0, trials: 20, confidence: 0.95)
        #expect(none.lower == 0)
        // z²/(n + z²) for 0 of n.
        #expect(abs(none.upper - 3.841458820694124 / (20 + 3.841458820694124)) < 1e-12)
        let all = WilsonInterval(successes: 20, trials: 20, confidence: 0.95)
        #expect(all.upper == 1 && abs(all.lower - 20 / (20 + 3.841458820694124)) < 1e-12)
    }

    /// 2,000 lognormal durations, a quarter censored at random: the fit recovers median and
    /// p90 within 5% (the MLE's standard error of ln median is about σ/√n·1.1 ≈ 1.2%), and AIC
    /// prefers the lognormal to the exponential by far.
    @Test func durationFitRecoversALognormalAndAICPicksIt() throws {
        var g = Xoshiro256StarStar(seed: 11, replication: 0, stream: 0)
        let truth = Distribution.lognormal(median: 3, p90: 6).sampler()
        var times: [CensoredTime] = []
        for _ in 0..<2000 {
            let x = truth.sample(&g)
            let c = 20 * g.nextUnit()
            times.append(g.nextUnit() < 0.25 && c < x ? CensoredTime(c, censored: true) : CensoredTime(x))
        }
        let fits = DurationFit.fitAll(times)
        #expect(fits.first?.family == .lognormal)
        guard case .lognormal(let median, let p90)? = fits.first?.distribution else {
            Issue.record("no lognormal fit")
            return
        }
        #expect(abs(median / 3 - 1) < 0.05)
        #expect(abs(p90 / 6 - 1) < 0.05)
        let exponential = try #require(fits.first { $0.family == .exponential })
        #expect(exponential.aic > fits[0].aic + 100)
    }

    /// The gamma fit of 2,000 gamma(mean 2, cv 0.5) draws: mean within 3% (standard error
    /// cv/√n ≈ 1.1%), cv within 6%.
    @Test func durationFitRecoversAGamma() throws {
        var g = Xoshiro256StarStar(seed: 12, replication: 0, stream: 0)
        let truth = Distribution.gamma(mean: 2, cv: 0.5).sampler()
        let times = (0..<2000).map { _ in CensoredTime(truth.sample(&g)) }
        let fit = try #require(DurationFit.fit(.gamma, times))
        guard case .gamma(let mean, let cv) = fit.distribution else { Issue.record("not a gamma"); return }
        #expect(abs(mean / 2 - 1) < 0.03)
        #expect(abs(cv / 0.5 - 1) < 0.06)
    }

    /// A censored log-likelihood is Σ ln f over ended times plus Σ ln S over censored ones.
    @Test func censoredLogLikelihoodByHand() {
        let d = Distribution.exponential(mean: 2)
        let ll = DurationFit.logLikelihood(d, [CensoredTime(1), CensoredTime(3, censored: true)])
        #expect(abs(ll - ((-log(2) - 0.5) + (-1.5))) < 1e-12)
    }

    /// Nelder–Mead finds the minimum of a shifted quadratic bowl.
    @Test func nelderMeadFindsTheMinimum() {
        let r = NelderMead.minimize({ ($0[0] - 1) * ($0[0] - 1) + 3 * ($0[1] + 2) * ($0[1] + 2) }, start: [0, 0], tolerance: 1e-14)
        #expect(abs(r.point[0] - 1) < 1e-4 && abs(r.point[1] + 2) < 1e-4)
    }
}
