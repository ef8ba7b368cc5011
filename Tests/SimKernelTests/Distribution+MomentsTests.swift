import Testing
import Foundation
import SimKernel

/// Closed-form checks of the moments and CDFs the statistical sampler tests rely on; if these
/// were wrong, the sampler tests would be measuring against the wrong yardstick.
@Suite struct DistributionMomentsTests {
    @Test func gammaCDFMatchesErlangClosedForm() {
        // Shape 2, scale 1: F(x) = 1 − e^(−x)(1 + x). x = 0.5 uses the series, 2 and 7 the fraction.
        let d = Distribution.gamma(mean: 2, cv: (0.5).squareRoot())
        for x in [0.5, 2.0, 7.0] {
            #expect(abs(d.cdf(x) - (1 - exp(-x) * (1 + x))) < 1e-12, "x = \(x)")
        }
        // Shape 1 is the exponential.
        let e = Distribution.gamma(mean: 3, cv: 1)
        for x in [0.1, 3.0, 20.0] {
            #expect(abs(e.cdf(x) - (1 - exp(-x / 3))) < 1e-12, "x = \(x)")
        }
    }

    @Test func pertCDFMatchesBetaClosedForms() {
        // λ 2, mode in the middle: Beta(2, 2), F(x) = 3x² − 2x³.
        let symmetric = Distribution.pert(min: 0, mode: 0.5, max: 1, lambda: 2)
        for x in [0.1, 0.5, 0.8] {
            #expect(abs(symmetric.cdf(x) - (3 * x * x - 2 * x * x * x)) < 1e-12, "x = \(x)")
        }
        // λ 4, mode at min, on [2, 4]: Beta(1, 5), F(y) = 1 − (1 − y)⁵ with y = (x − 2)/2.
        let skewed = Distribution.pert(min: 2, mode: 2, max: 4, lambda: 4)
        for x in [2.2, 3.4] {
            let y = (x - 2) / 2
            #expect(abs(skewed.cdf(x) - (1 - pow(1 - y, 5))) < 1e-12, "x = \(x)")
        }
        #expect(abs(skewed.mean - (2 + 2.0 / 6)) < 1e-12)
        #expect(abs(skewed.variance - 4 * 5 / (36 * 7)) < 1e-12)
    }

    @Test func truncatedNormalMoments() {
        // Standard normal on [−1, 1]: mean 0, variance 1 − 2φ(1)/(Φ(1) − Φ(−1)).
        let both = Distribution.normal(mean: 3, sd: 2, min: 1, max: 5)
        #expect(abs(both.mean - 3) < 1e-12)
        #expect(abs(both.variance - 4 * 0.29112509477279314) < 1e-12)
        #expect(abs(both.cdf(3) - 0.5) < 1e-12)
        #expect(both.cdf(0.9) == 0 && both.cdf(5) == 1)
        // Half-normal: mean √(2/π), variance 1 − 2/π.
        let half = Distribution.normal(mean: 0, sd: 1, min: 0, max: nil)
        #expect(abs(half.mean - 0.7978845608028654) < 1e-12)
        #expect(abs(half.variance - 0.3633802276324186) < 1e-12)
    }

    @Test func lognormalQuantilesAreTheParameters() {
        let d = Distribution.lognormal(median: 5, p90: 12)
        #expect(abs(d.cdf(5) - 0.5) < 1e-12)
        #expect(abs(d.cdf(12) - 0.9) < 1e-9)
    }

    @Test func triangularAndEmpiricalCDFs() {
        let t = Distribution.triangular(min: 1, mode: 2, max: 6)
        #expect(abs(t.cdf(2) - 0.2) < 1e-12)
        #expect(abs(t.variance - (1 + 36 + 4 - 6 - 2 - 12) / 18.0) < 1e-12)
        let e = Distribution.empirical(values: [1, 2, 5], weights: [1, 2, 1])
        #expect(e.cdf(0.5) == 0 && e.cdf(1) == 0.25 && e.cdf(4) == 0.75 && e.cdf(5) == 1)
        #expect(e.mean == 2.5)
        #expect(abs(e.variance - (2.25 + 2 * 0.25 + 6.25) / 4) < 1e-12)
    }
}
